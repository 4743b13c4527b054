"""Printed catalogues: every non-empty programme, category and region listing has a ``cetak/``
page with all its products (a listing page prints only its own page of cards); Chromium prints it
to A4 and every QR code on the paper decodes back to its product's address."""

from __future__ import annotations

import re
from pathlib import Path

from etalase.config import load_config
from etalase.pipeline import build
from tests.conftest import sample_products, write_project
from tests.printing import decode_pdf, print_pdf
from tests.test_content_errors import base_files
from tests.test_programmes import _expected_members, _listed

BASE = "https://katalog.example.id/"
ITEM = re.compile(r'<h4><a href="/(produk/[^"]+)">')


def _printed(site: Path, listing: str) -> list[str]:
    return ITEM.findall((site / listing / "cetak/index.html").read_text(encoding="utf-8"))


def test_every_print_page_holds_exactly_its_listing(sample_site: Path) -> None:
    printed = sorted(p.parent.parent.relative_to(sample_site).as_posix() for p in sample_site.rglob("cetak/index.html"))
    kinds = {path.split("/")[0] for path in printed}
    assert kinds == {"program", "kategori", "wilayah"}, kinds
    for listing in printed:
        items = _printed(sample_site, listing)
        assert len(items) == len(set(items)) and set(items) == _listed(sample_site, listing), listing
        html = (sample_site / listing / "index.html").read_text(encoding="utf-8")
        assert f'<a href="/{listing}/cetak/">Cetak katalog lengkap' in html, listing
    # every listing with products has one; an empty listing has none
    for index in sample_site.glob("wilayah/*/*/index.html"):
        listing = index.parent.relative_to(sample_site).as_posix()
        assert (listing in printed) == bool(_listed(sample_site, listing)), listing
    sitemap = (sample_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/cetak/" not in sitemap


def test_print_page_groups_by_category_then_name(sample_site: Path) -> None:
    html = (sample_site / "wilayah/lampung/cetak/index.html").read_text(encoding="utf-8")
    groups = re.findall(r"<h3>([^<]+)</h3>", html)
    assert groups == sorted(groups) and len(groups) > 3
    assert 'name="robots" content="noindex' in html
    category = (sample_site / "kategori/makanan/cetak/index.html").read_text(encoding="utf-8")
    subs = re.findall(r"<h3>([^<]+)</h3>", category)
    assert "Keripik &amp; Kerupuk" in subs or "Keripik & Kerupuk" in subs, subs  # a category groups by subcategory


def test_whole_programme_prints_with_a_working_qr_code_per_product(sample_site: Path, serve_dir, browser) -> None:
    expected = _expected_members("metro-bangga-beli", "18.72")
    assert len(expected) > 24  # more than one listing page: the print holds them all
    pages, codes = decode_pdf(print_pdf(browser, serve_dir(sample_site) + "program/metro-bangga-beli/cetak/"))
    assert sorted(c.removeprefix(BASE) for c in codes) == sorted(expected)
    assert len(expected) // 10 <= pages <= len(expected) // 4 + 2, pages


def test_a_region_prints_with_working_qr_codes(sample_site: Path, serve_dir, browser) -> None:
    listing = "wilayah/lampung/kota-metro"
    pages, codes = decode_pdf(print_pdf(browser, serve_dir(sample_site) + listing + "/cetak/"))
    assert pages >= 1 and sorted(c.removeprefix(BASE) for c in codes) == sorted(_listed(sample_site, listing))


def test_a_listing_page_prints_clean_and_points_to_the_full_catalogue(sample_site: Path, serve_dir, browser) -> None:
    page = browser.new_page(viewport={"width": 1000, "height": 1400})
    page.goto(serve_dir(sample_site) + "kategori/makanan/", wait_until="networkidle")
    note = page.locator(".print-note")
    assert note.is_hidden()
    page.emulate_media(media="print")
    assert note.is_visible() and f"{BASE}kategori/makanan/cetak/" in note.inner_text()
    for chrome in (".site-header", ".site-footer", ".pager", ".share-box", ".breadcrumbs"):
        loc = page.locator(chrome)
        assert loc.count() == 0 or loc.first.is_hidden(), chrome
    page.close()


def test_qr_files_exist_for_listed_products_and_are_drawn_once(sample_site: Path, tmp_path: Path) -> None:
    codes = {p.parent.relative_to(sample_site).as_posix() + "/" for p in sample_site.glob("produk/*/*/qr.svg")}
    assert codes == set(sample_products())
    root = write_project(tmp_path / "p", base_files())
    cfg = load_config(root / "site_config.yaml").with_overrides(jobs=1)
    first = build(cfg)
    assert first.ok and first.qr_drawn == len(list((root / "_site").glob("produk/*/*/qr.svg"))) > 0
    second = build(cfg)
    assert second.ok and second.qr_drawn == 0
    assert (root / "_site/produk/contoh/keripik/qr.svg").read_bytes().startswith(b"<svg ")
