"""A failed or interrupted build never leaves a half-written _site/."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from etalase import files, write
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
    cfg = load_config(built / "site_config.yaml")
    write.manifest_for(cfg.cache_dir, cfg.output_dir).forget()  # no record of the output: a full write
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


def _build(project: Path, force: bool = False):
    report = build(load_config(project / "site_config.yaml").with_overrides(jobs=1), force=force)
    assert report.ok
    return report


def test_rebuild_writes_only_what_changed(built: Path) -> None:
    before = tree(built / "_site")
    again = _build(built, force=True)  # past the no-op check, to the writer's own comparison
    assert again.written.written == 0 and again.written.unchanged == len(before) and again.written.removed == 0
    assert tree(built / "_site") == before
    (built / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
    edited = _build(built)
    after = tree(built / "_site")
    changed = {rel for rel in after if before.get(rel) != after[rel]}
    assert "produk/contoh/keripik/index.html" in changed and "kategori/index.html" not in changed
    assert edited.written.written == len(changed) < len(after) // 4
    fresh = tmp_site(built)
    assert after == fresh  # byte for byte what a clean build gives


def tmp_site(project: Path) -> dict[str, str]:
    out = project.parent / "bersih"
    cfg = load_config(project / "site_config.yaml").with_overrides(jobs=1, output_dir=out)
    assert build(cfg).ok
    return tree(out)


def test_files_changed_or_deleted_by_hand_are_restored_and_stray_ones_removed(built: Path) -> None:
    site = built / "_site"
    before = tree(site)
    (site / "produk/contoh/keripik/index.html").write_text("rusak", encoding="utf-8")
    (site / "kategori/index.html").unlink()
    (site / "sisa/lama.html").parent.mkdir()
    (site / "sisa/lama.html").write_text("lama", encoding="utf-8")
    report = _build(built)
    assert tree(site) == before and not (site / "sisa").exists()
    assert report.written.written == 2 and report.written.removed == 1


def test_removed_product_disappears_with_its_empty_folders(built: Path) -> None:
    second = built / "content/products/contoh/keripik-pedas.yaml"
    second.write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Pedas"), encoding="utf-8")
    _build(built)
    assert (built / "_site/produk/contoh/keripik-pedas/index.html").is_file()
    second.unlink()
    report = _build(built)
    assert not (built / "_site/produk/contoh/keripik-pedas").exists() and report.written.removed >= 2
    assert tree(built / "_site") == tmp_site(built)


def test_build_killed_while_applying_is_rolled_forward(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (built / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
    real, calls = write.os.replace, {"n": 0}

    def killed(src, dst):
        if "stage-" in str(src):
            calls["n"] += 1
            if calls["n"] == 2:
                raise KeyboardInterrupt
        return real(src, dst)

    monkeypatch.setattr(write.os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        _build(built)
    monkeypatch.setattr(write.os, "replace", real)
    assert (built / "._site.journal.json").is_file()
    _build(built)  # rolls the journal forward, then builds
    assert not (built / "._site.journal.json").exists()
    assert [p.name for p in built.iterdir() if p.name.startswith("._site")] == []
    assert tree(built / "_site") == tmp_site(built)


def test_incremental_build_interrupted_while_staging_leaves_site_untouched(
    built: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(built)  # a manifest exists: the next build stages only changes
    before = tree(built / "_site")
    (built / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
    real = write.put
    calls = {"n": 0}

    def interrupted(path, *args, **kwargs):
        if "stage-" in str(path):
            calls["n"] += 1
            if calls["n"] == 3:
                raise KeyboardInterrupt
        return real(path, *args, **kwargs)

    monkeypatch.setattr(write, "put", interrupted)
    with pytest.raises(KeyboardInterrupt):
        build(load_config(built / "site_config.yaml").with_overrides(jobs=1))
    monkeypatch.undo()
    assert calls["n"] == 3
    assert tree(built / "_site") == before
    assert [p.name for p in built.iterdir() if p.name.startswith("._site")] == []


def test_pages_written_by_their_renderer_give_the_same_site(built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every page past ``render.SPILL`` characters (here: every page) is written to a file beside
    the output by whoever renders it and moved into place; unchanged, it is dropped again."""
    from etalase import render

    cfg = load_config(built / "site_config.yaml").with_overrides(jobs=1)
    monkeypatch.setattr(render, "SPILL", 1)
    spilled = build(cfg.with_overrides(output_dir=built / "_site2"))
    assert spilled.ok and spilled.written.written == spilled.files
    assert tree(built / "_site2") == tree(built / "_site")
    again = build(cfg.with_overrides(output_dir=built / "_site2"), force=True)
    assert again.ok and again.written.written == 0 and again.rendered > 0
    assert tree(built / "_site2") == tree(built / "_site")
    assert sorted(p.name for p in built.iterdir() if p.name.startswith(".")) == [".etalase-cache"]


def test_parallel_build_is_byte_identical_to_a_serial_one(sample_site: Path, tmp_path: Path) -> None:
    """sample_site is built with every core (pages rendered by forked workers); a serial build
    of the same catalog must give exactly the same files."""
    import os
    import subprocess
    import sys

    from tests.conftest import FIXED_EPOCH, REPO

    out = tmp_path / "serial"
    proc = subprocess.run(
        [sys.executable, "build.py", "build", "--jobs", "1", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH},
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    assert (os.cpu_count() or 1) > 1
    assert tree(out) == tree(sample_site)


def test_a_no_op_rebuild_loads_none_of_the_build_steps(built: Path) -> None:
    """The no-op check is most of a no-op rebuild's time only if it does not import Jinja2,
    Pillow or the steps' modules (a fifth of its second at 10k products): the CLI, run in a
    fresh interpreter after a build, says nothing changed and has not imported them."""
    import os
    import subprocess
    import sys

    from tests.conftest import FIXED_EPOCH, REPO

    assert _build(built).unchanged_since is not None
    probe = (
        "import sys\n"
        "from etalase.cli import main\n"
        f"sys.argv = ['build.py', '--config', {str(built / 'site_config.yaml')!r}, 'build']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ['jinja2', 'PIL', 'etalase.render', 'etalase.model', 'etalase.plan', 'etalase.validate']\n"
        "print('loaded:', [m for m in heavy if m in sys.modules])\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=built,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "PYTHONPATH": str(REPO)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Tidak ada yang berubah sejak build terakhir"), proc.stdout
    assert proc.stdout.rstrip().endswith("loaded: []"), proc.stdout


def test_nothing_changed_means_nothing_to_do(built: Path) -> None:
    """The no-op rebuild: skipped while inputs and output are as the last build left them, and a
    full build again after any change to what a build reads or to what it wrote."""
    before = tree(built / "_site")
    assert _build(built).unchanged_since is not None
    proc = run_cli(built, "build")
    assert proc.returncode == 0 and proc.stdout.startswith("Tidak ada yang berubah sejak build terakhir: 1 produk"), (
        proc.stdout
    )
    assert tree(built / "_site") == before

    def rebuilt() -> bool:
        report = _build(built)
        return report.unchanged_since is None and tree(built / "_site") == tmp_site(built)

    (built / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
    assert rebuilt() and _build(built).unchanged_since is not None
    page = built / "_site/produk/contoh/keripik/index.html"
    page.write_text("rusak", encoding="utf-8")  # the output changed by hand
    assert rebuilt() and "Keripik Pisang Keju" in page.read_text(encoding="utf-8")
    (built / "_site/nyasar.txt").write_text("x", encoding="utf-8")  # a stray file
    assert rebuilt() and not (built / "_site/nyasar.txt").exists()
    (built / "site_config.yaml").write_text(
        (built / "site_config.yaml").read_text(encoding="utf-8").replace("Katalog Uji", "Katalog Uji Baru"),
        encoding="utf-8",
    )
    assert rebuilt()
    assert _build(built, force=True).unchanged_since is None  # --force
    shutil.rmtree(built / ".etalase-cache")
    assert rebuilt()


def _inode(path: Path) -> tuple[int, int]:
    st = path.stat()
    return st.st_dev, st.st_ino


def _cache_files(project: Path) -> dict[tuple[int, int], Path]:
    return {_inode(p): p for p in (project / ".etalase-cache").rglob("*") if p.is_file()}


def test_cache_files_are_hard_linked_into_the_site_and_project_files_copied(built: Path) -> None:
    site, cache = built / "_site", _cache_files(built)
    variants = sorted(site.glob("media/**/*.webp")) + sorted(site.glob("media/**/*.jpg"))
    codes = sorted(site.glob("produk/*/*/qr.svg"))
    assert variants and codes and any("kartu" in p.parts for p in variants)  # photos and share cards
    for published in [*variants, *codes]:
        assert _inode(published) in cache, published
        assert published.read_bytes() == cache[_inode(published)].read_bytes()
    assets = [p for p in site.glob("assets/**/*") if p.is_file()]
    assert assets and all(_inode(p) not in cache and p.stat().st_nlink == 1 for p in assets)


def test_a_linked_file_changed_in_place_is_not_trusted_from_the_cache(built: Path) -> None:
    site = built / "_site"
    before = tree(site)
    card = next(site.glob("media/kartu/**/*.jpg"))
    code = site / "produk/contoh/keripik/qr.svg"
    for published in (card, code):
        with open(published, "r+b") as fh:  # in place: the cache file shares these bytes
            fh.seek(0)
            fh.write(b"rusak")
    rebuilt = _build(built)
    assert tree(site) == before == tmp_site(built)
    assert rebuilt.qr_drawn == 1 and rebuilt.photos.cards_drawn == 1
    assert all(_inode(p) in _cache_files(built) for p in (card, code))


def test_where_links_are_refused_the_cache_files_are_copied(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source, target) -> None:
        raise OSError(18, "Invalid cross-device link")  # EXDEV: the cache on another disk

    monkeypatch.setattr(write.os, "link", refuse)
    out = tmp_path / "salinan"
    cfg = load_config(built / "site_config.yaml").with_overrides(jobs=1, output_dir=out)
    assert build(cfg).ok
    assert tree(out) == tree(built / "_site")
    cache = _cache_files(built)
    assert all(_inode(p) not in cache for p in out.rglob("*") if p.is_file())


def test_a_cache_file_is_created_in_place_or_replaced_whole(tmp_path: Path) -> None:
    new = tmp_path / "baru.svg"
    files.store(new, b"<svg>1</svg>")
    assert new.read_bytes() == b"<svg>1</svg>"
    # one cut short by a killed build, already linked into an output: replaced by a new file,
    # so the output's link keeps what it had until the writer links it again
    partial = tmp_path / "sebagian.svg"
    partial.write_bytes(b"<svg")
    linked = tmp_path / "_site-qr.svg"
    linked.hardlink_to(partial)
    files.store(partial, b"<svg>2</svg>")
    assert partial.read_bytes() == b"<svg>2</svg>"
    assert linked.read_bytes() == b"<svg"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["_site-qr.svg", "baru.svg", "sebagian.svg"]
