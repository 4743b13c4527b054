"""A failed or interrupted build never leaves a half-written _site/."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from etalase import write
from etalase.config import load_config
from etalase.pipeline import build
from tests.conftest import run_cli, write_project
from tests.test_content_errors import PRODUCT, base_files, edit

P = "content/products/contoh/keripik.yaml"


def tree(site: Path) -> dict[str, str]:
    return {
        p.relative_to(site).as_posix(): hashlib.sha1(p.read_bytes()).hexdigest()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    project = write_project(tmp_path / "p", base_files())
    assert run_cli(project, "build").returncode == 0
    return project


def test_failed_build_leaves_previous_site_untouched(built: Path) -> None:
    before = tree(built / "_site")
    (built / P).write_text(edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"), encoding="utf-8")
    proc = run_cli(built, "build")
    assert proc.returncode == 1
    assert "Build dibatalkan; _site/ tidak diubah." in proc.stderr
    assert tree(built / "_site") == before


def test_interrupted_write_leaves_previous_site_and_no_leftovers(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = tree(built / "_site")
    (built / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
    calls = {"n": 0}
    real = write.shutil.copyfile

    def interrupted(src, dst):
        calls["n"] += 1
        if calls["n"] == 2:
            raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(write.shutil, "copyfile", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(load_config(built / "site_config.yaml"))
    assert tree(built / "_site") == before
    assert [p.name for p in built.iterdir() if p.name.startswith("._site")] == []


def test_successful_build_replaces_the_site_and_drops_stale_files(built: Path) -> None:
    (built / "_site" / "basi.html").write_text("lama", encoding="utf-8")
    (built / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
    assert run_cli(built, "build").returncode == 0
    assert not (built / "_site" / "basi.html").exists()
    assert "Keripik Pisang Keju" in (built / "_site/produk/contoh/keripik/index.html").read_text(encoding="utf-8")


def test_leftovers_of_a_killed_build_are_cleaned(built: Path) -> None:
    dead = built / "._site.tmp-deadbeef"
    (dead / "x").mkdir(parents=True)
    assert run_cli(built, "build").returncode == 0
    assert not dead.exists()
