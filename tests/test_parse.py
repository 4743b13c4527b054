"""etalase/parse.py: entries parsed on several cores give the same documents, the same messages
(same lines, same order) and the same site as a serial build, bad entries included."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etalase import parse
from etalase.config import load_config
from etalase.pipeline import build, check_content
from tests.conftest import site_config
from tests.test_write import tree
from tools import gen_catalog

N = 260  # above parse.MIN_FILES entries, so that two jobs really fork


@pytest.fixture(scope="module")
def catalog(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("parse")
    gen_catalog.generate(root, N, seed=7, photos_per_ikm=1, jobs=1, placeholder_photos=True)
    (root / "site_config.yaml").write_text(site_config(), encoding="utf-8")
    return root


def _entries(root: Path) -> list[Path]:
    return sorted(p for p in (root / "content/products").glob("*/*.yaml") if p.name != "ikm.yaml")


def _break_some(root: Path) -> None:
    """A YAML syntax error, a schema error, a cross-file error (a second IKM with the same NIB)
    and a warning-free entry whose cross-file problem needs its positions read again."""
    entries = _entries(root)
    entries[3].write_text(entries[3].read_text(encoding="utf-8") + "harga: [tidak ditutup\n", encoding="utf-8")
    text = entries[50].read_text(encoding="utf-8")
    entries[50].write_text(re.sub(r"(?m)^nama: .*$", "nama: 12", text, count=1), encoding="utf-8")
    text = entries[120].read_text(encoding="utf-8")
    entries[120].write_text(
        re.sub(r"(?m)^kategori: .*$", "kategori: tidak-ada/kategori", text, count=1), encoding="utf-8"
    )
    ikms = sorted((root / "content/products").glob("*/ikm.yaml"))
    nib = re.search(r'(?m)^nib: "(\d+)"', ikms[0].read_text(encoding="utf-8")).group(1)
    ikms[5].write_text(
        re.sub(r'(?m)^nib: "\d+"', f'nib: "{nib}"', ikms[5].read_text(encoding="utf-8")), encoding="utf-8"
    )


def _check(root: Path, jobs: int, cache: Path):
    cfg = load_config(root / "site_config.yaml").with_overrides(
        content_dir=root / "content", jobs=jobs, cache_dir=cache
    )
    return check_content(cfg)


def test_parallel_parsing_equals_serial_on_a_clean_catalog(catalog: Path, tmp_path: Path) -> None:
    serial = _check(catalog, 1, tmp_path / "c1")
    parallel = _check(catalog, 2, tmp_path / "c2")
    assert serial.ok and parallel.ok and serial.diagnostics == parallel.diagnostics == []
    assert [d.data for d in parallel.checked.products] == [d.data for d in serial.checked.products]
    assert [d.body for d in parallel.checked.products] == [d.body for d in serial.checked.products]
    # parsed in a worker: no position tables came back
    assert all(d.lazy and not d.marks for d in parallel.checked.products)
    assert (tmp_path / "c2/entries.json").read_bytes() == (tmp_path / "c1/entries.json").read_bytes()


def test_parallel_parsing_reports_every_problem_as_a_serial_build_does(catalog: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "rusak"
    shutil.copytree(catalog, root)
    _break_some(root)
    serial = _check(root, 1, tmp_path / "c1")
    parallel = _check(root, 2, tmp_path / "c2")
    assert not serial.ok
    texts = [d.format_text() for d in serial.diagnostics]
    assert [d.format_text() for d in parallel.diagnostics] == texts
    assert any("nama" in t for t in texts) and any("kategori" in t for t in texts) and any("NIB" in t for t in texts)
    assert all(re.match(r"content/products/[^:]+:\d+:\d+: ", t) for t in texts), texts


def test_too_few_files_or_one_job_parse_in_the_main_process(catalog: Path) -> None:
    files = [f for f in _discover(catalog) if f.kind == "produk"]
    assert parse.parse_clean(files[: parse.MIN_FILES - 1], catalog / "schema", 2) is None
    assert parse.parse_clean(files, catalog / "schema", 1) is None


def _discover(root: Path):
    from etalase.discover import discover

    return discover(root / "content", root)


def test_a_site_built_with_parallel_parsing_equals_a_serial_one(catalog: Path, tmp_path: Path) -> None:
    cfg = load_config(catalog / "site_config.yaml").with_overrides(content_dir=catalog / "content")
    cache = tmp_path / "cache"
    one = build(cfg.with_overrides(jobs=1, output_dir=tmp_path / "satu", cache_dir=cache))
    (cache / "entries.json").unlink()  # parsed again, on two cores (share cards and photos stay cached)
    two = build(cfg.with_overrides(jobs=2, output_dir=tmp_path / "dua", cache_dir=cache))
    assert one.ok and two.ok and one.diagnostics == two.diagnostics
    assert tree(tmp_path / "satu") == tree(tmp_path / "dua")
