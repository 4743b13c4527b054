"""The preview server's fast path (etalase/preview.py): after an edit to product entries, their
pages are made from the last build's model exactly as the full rebuild then writes them; any
change it cannot show that way is left to the full rebuild."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from etalase import preview
from etalase.config import load_config
from etalase.fragments import Fragments
from etalase.pipeline import build
from etalase.preview import Snapshot
from tests.conftest import tiny_jpeg
from tests.test_content_errors import IKM_FILE, P, edit
from tests.test_pagecache import OTHER_PRODUCT, SECOND, _project

PAGE_OF = {P: "produk/contoh/keripik/index.html", SECOND: "produk/contoh/keripik-pedas/index.html"}


def _snapshot(project: Path, fragments: Fragments) -> Snapshot:
    cfg = load_config(project / "site_config.yaml").with_overrides(jobs=1)
    report = build(cfg, fragments=fragments)
    assert report.ok, [d.format_text() for d in report.diagnostics]
    return Snapshot(cfg, report.site, report.env, report.checked, fragments)


def _fast(snapshot: Snapshot, changed: list[Path], shown: set[str] = frozenset()) -> dict[str, str] | None:
    """What serve's fast path shows: the edited products' pages, then the other pages open in a
    tab (``serve.Session.fast``); ``None`` when it leaves the change to the full build."""
    change = preview.edit(snapshot, set(changed))
    if change is None:
        return None
    pages = preview.edited_pages(snapshot, change)
    return {**pages, **preview.shown_pages(snapshot, change, shown - set(pages))}


def _fast_then_full(
    tmp_path: Path, make_change: Callable[[Path], list[Path]], rels: set[str], shown: set[str] = frozenset()
) -> tuple[dict[str, str], dict[str, str], Path]:
    """The fast path's pages for a change, the pages ``rels`` before it, and the output of the
    full rebuild serve runs next (with the same fragments)."""
    project = _project(tmp_path / "p")
    fragments = Fragments()
    snapshot = _snapshot(project, fragments)
    before = {rel: (project / "_site" / rel).read_text(encoding="utf-8") for rel in rels}
    pages = _fast(snapshot, make_change(project), shown)
    assert pages is not None
    _snapshot(project, fragments)
    return pages, before, project / "_site"


def _change(project: Path, rel: str, old: str, new: str) -> Path:
    path = project / rel
    path.write_text(edit(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")
    return path


EDITS: dict[str, Callable[[Path], list[Path]]] = {
    "name": lambda p: [_change(p, P, "Keripik Pisang Coklat", "Keripik Pisang Keju")],
    "price": lambda p: [_change(p, P, "nilai: 25000", "nilai: 27500")],
    "description in Markdown": lambda p: [
        _change(p, P, "diperbarui: 2026-01-10", "deskripsi: |\n  Renyah, **tanpa pengawet**.\ndiperbarui: 2026-01-10")
    ],
    "category (new breadcrumb)": lambda p: [_change(p, P, "makanan/keripik-kerupuk", "makanan/kue-roti")],
    "archived (no longer indexed)": lambda p: [_change(p, P, "diperbarui:", "status: arsip\ndiperbarui:")],
    "photo caption": lambda p: [_change(p, P, "alt: Kemasan keripik", "alt: Bungkus keripik")],
    "two products of one IKM": lambda p: [
        _change(p, P, "nilai: 25000", "nilai: 26000"),
        _change(p, SECOND, "Keripik Pisang Pedas", "Keripik Pisang Balado"),
    ],
}


@pytest.mark.parametrize("case", list(EDITS))
def test_fast_pages_are_the_pages_the_full_build_writes(tmp_path: Path, case: str) -> None:
    edited: list[str] = []

    def make_change(project: Path) -> list[Path]:
        changed = EDITS[case](project)
        edited.extend(PAGE_OF[path.relative_to(project).as_posix()] for path in changed)
        return changed

    pages, before, site = _fast_then_full(tmp_path, make_change, set(PAGE_OF.values()))
    assert sorted(pages) == sorted(edited)
    for rel, html in pages.items():
        assert html != before[rel], rel  # the edit shows
        assert html == (site / rel).read_text(encoding="utf-8"), rel


def _photo(project: Path) -> list[Path]:
    (project / "content/products/contoh/foto/baru.jpg").write_bytes(tiny_jpeg(colour=(10, 200, 10)))
    return [_change(project, P, "berkas: foto/keripik.jpg", "berkas: foto/baru.jpg")]


def _new_entry(project: Path) -> list[Path]:
    path = project / "content/products/contoh/keripik-baru.yaml"
    path.write_text((project / P).read_text(encoding="utf-8"), encoding="utf-8")
    return [path]


def _removed(project: Path) -> list[Path]:
    (project / SECOND).unlink()
    return [project / SECOND]


LEFT_TO_THE_FULL_BUILD: dict[str, Callable[[Path], list[Path]]] = {
    "an error in the entry": lambda p: [_change(p, P, "  nilai: 48.2", "  nilai: 120")],
    "broken YAML": lambda p: [_change(p, P, "nama: Keripik", "nama: [Keripik")],
    "an unknown category": lambda p: [_change(p, P, "makanan/keripik-kerupuk", "makanan/keripik-kerupux")],
    "a photo not published yet": _photo,
    "a new entry": _new_entry,
    "a removed entry": _removed,
    "the IKM's file": lambda p: [_change(p, IKM_FILE, "Keripik Contoh", "Keripik Contoh Jaya")],
    "a template": lambda p: [_change(p, "templates/product.html", "{% extends", "{# x #}{% extends")],
    "an edited product and an IKM": lambda p: [
        _change(p, OTHER_PRODUCT, "Kain Tenun Ikat", "Kain Tenun Songket"),
        _change(p, IKM_FILE, "Keripik Contoh", "Keripik Contoh Jaya"),
    ],
}


@pytest.mark.parametrize("case", list(LEFT_TO_THE_FULL_BUILD))
def test_changes_the_fast_path_cannot_show_go_to_the_full_build(tmp_path: Path, case: str) -> None:
    project = _project(tmp_path / "p")
    snapshot = _snapshot(project, Fragments())
    assert _fast(snapshot, LEFT_TO_THE_FULL_BUILD[case](project), {"produk/index.html"}) is None


def test_pages_open_in_a_tab_are_made_too(tmp_path: Path) -> None:
    """A listing, the producer's page, the home page and another product's page, open in tabs,
    show the edited product's card: the fast path makes them as the full build will; a page that
    is not in the site is left alone."""
    shown = {"index.html", "produk/index.html", "ikm/contoh/index.html", PAGE_OF[SECOND], "tidak-ada/index.html"}
    pages, before, site = _fast_then_full(tmp_path, EDITS["name"], shown - {"tidak-ada/index.html"}, shown)
    assert sorted(pages) == sorted({PAGE_OF[P], *before})
    for rel, html in pages.items():
        assert "Keripik Pisang Keju" in html, rel
        assert rel == PAGE_OF[P] or html != before[rel], rel
        assert html == (site / rel).read_text(encoding="utf-8"), rel
