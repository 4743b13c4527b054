"""Regional programmes: membership by region (where the IKM is), by an IKM naming the programme,
narrowed by category; their pages, CSVs and embeddable lists."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import yaml

from etalase.config import load_config
from etalase.pipeline import build
from tests.conftest import REPO, sample_products, write_project
from tests.test_content_errors import PROGRAMME, base_files

BASE = "https://katalog.example.id/"


def _expected_members(programme: str, region: str) -> set[str]:
    """From the sample files alone: products of IKMs located in ``region`` or naming the programme."""
    members = set()
    for ikm_file in (REPO / "content/products").glob("*/ikm.yaml"):
        ikm = yaml.safe_load(ikm_file.read_text(encoding="utf-8"))
        if ikm["wilayah"]["kabupaten_kota"].startswith(region) or programme in (ikm.get("program") or []):
            members.add(ikm_file.parent.name)
    return set(sample_products(members))


def _listed(site: Path, path: str) -> set[str]:
    found, page = set(), site / path / "index.html"
    n = 1
    while page.is_file():
        html = page.read_text(encoding="utf-8")
        found |= set(re.findall(r'<h3 class="card-title"><a href="/(produk/[^"]+)">', html))
        n += 1
        page = site / path / f"halaman/{n}/index.html"
    return found


def test_metro_bangga_beli_lists_kota_metro_and_its_partners(sample_site: Path) -> None:
    expected = _expected_members("metro-bangga-beli", "18.72")
    assert any("tapis-siger-pesawaran" in e for e in expected)  # a partner from outside Kota Metro
    assert _listed(sample_site, "program/metro-bangga-beli") == expected
    raw = (sample_site / "program/metro-bangga-beli/produk.csv").read_bytes().decode("utf-8-sig")
    assert {r["url"].removeprefix(BASE) for r in csv.DictReader(raw.splitlines())} == expected


def test_provincial_programme_takes_everything_below_the_province(sample_site: Path) -> None:
    assert _listed(sample_site, "program/p3dn-lampung") == _expected_members("p3dn-lampung", "18")


def test_category_narrows_membership(tmp_path: Path) -> None:
    files = base_files()
    files["content/programs/metro-bangga-beli.yaml"] = PROGRAMME + 'kategori: ["kerajinan"]\n'
    root = write_project(tmp_path / "p", files)
    assert build(load_config(root / "site_config.yaml").with_overrides(jobs=1)).ok
    assert "Belum ada produk di sini." in (root / "_site/program/metro-bangga-beli/index.html").read_text("utf-8")
    files["content/programs/metro-bangga-beli.yaml"] = PROGRAMME + 'kategori: ["makanan/keripik-kerupuk"]\n'
    root = write_project(tmp_path / "q", files)
    assert build(load_config(root / "site_config.yaml").with_overrides(jobs=1)).ok
    assert _listed(root / "_site", "program/metro-bangga-beli") == {"produk/contoh/keripik/"}


def test_embed_has_no_site_chrome_and_opens_links_in_a_new_tab(sample_site: Path) -> None:
    html = (sample_site / "program/metro-bangga-beli/embed/index.html").read_text(encoding="utf-8")
    assert "site-header" not in html and "<nav" not in html and 'name="robots" content="noindex"' in html
    links = re.findall(r"<a ([^>]*)>", html)
    assert links and all('target="_blank"' in a and 'rel="noopener"' in a for a in links)
    programme = (sample_site / "program/metro-bangga-beli/index.html").read_text(encoding="utf-8")
    assert '&lt;iframe src="https://katalog.example.id/program/metro-bangga-beli/embed/"' in programme


def test_embed_fits_320_px_without_horizontal_scrolling(sample_site: Path, serve_dir, browser) -> None:
    base = serve_dir(sample_site)
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport={"width": 320, "height": 600}, color_scheme=scheme)
        page = context.new_page()
        problems: list[str] = []
        page.on("console", lambda m, seen=problems: seen.append(m.text) if m.type == "error" else None)
        page.goto(base + "program/metro-bangga-beli/embed/", wait_until="networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, (scheme, overflow)
        assert page.locator(".list li").count() > 5
        assert problems == []
        context.close()


def test_embed_reports_its_height_to_the_host_page(sample_site: Path, tmp_path: Path, serve_dir, browser) -> None:
    base = serve_dir(sample_site)
    host = tmp_path / "host"
    host.mkdir()
    resize = (sample_site / "assets/js/embed-resize.js").read_text(encoding="utf-8")
    (host / "index.html").write_text(
        f'<!doctype html><title>Dinas</title><iframe src="{base}program/metro-bangga-beli/embed/" '
        f'height="100"></iframe><script>{resize}</script>',
        encoding="utf-8",
    )
    page = browser.new_page()
    page.goto(serve_dir(host) + "index.html", wait_until="networkidle")
    page.wait_for_function("() => document.querySelector('iframe').style.height !== ''", timeout=10000)
    height = page.evaluate("parseInt(document.querySelector('iframe').style.height)")
    assert height > 600
    page.close()


def test_producers_and_programmes_offer_a_badge_linking_back(sample_site: Path) -> None:
    producer = (sample_site / "ikm/karya-tani-metro/index.html").read_text(encoding="utf-8")
    assert (
        '&lt;a href="https://katalog.example.id/ikm/karya-tani-metro/"&gt;&lt;img src="https://katalog.example.id/assets/lencana.svg"'
        in producer
    )
    programme = (sample_site / "program/metro-bangga-beli/index.html").read_text(encoding="utf-8")
    assert '&lt;a href="https://katalog.example.id/program/metro-bangga-beli/"&gt;&lt;img src=' in programme
    assert (sample_site / "assets/lencana.svg").read_text(encoding="utf-8").startswith("<svg")


def test_programme_logo_and_colour_are_shown(sample_site: Path) -> None:
    html = (sample_site / "program/metro-bangga-beli/index.html").read_text(encoding="utf-8")
    assert '<meta name="theme-color" content="#E07B00">' in html
    logo = re.search(
        r'<img src="/(media/_program/[^"]+\.jpg)" alt="Logo Metro Bangga Beli" width="256" height="128">', html
    )
    assert logo and (sample_site / logo.group(1)).is_file()


def test_programme_logo_problems_are_reported(tmp_path: Path) -> None:
    from PIL import Image

    from etalase.pipeline import check_content

    files = base_files()
    files["content/programs/metro-bangga-beli.yaml"] = PROGRAMME + "logo: logo/tidak-ada.png\n"
    root = write_project(tmp_path / "p", files)
    found = [d.format_text() for d in check_content(load_config(root / "site_config.yaml")).diagnostics]
    assert found == [
        "content/programs/metro-bangga-beli.yaml:7:7: error: berkas logo `logo/tidak-ada.png` tidak ditemukan di folder content/programs/ [logo]"
    ]
    tiny = tmp_path / "tiny.png"
    Image.new("RGB", (40, 30), "red").save(tiny)
    files["content/programs/logo/tidak-ada.png"] = tiny.read_bytes()
    root = write_project(tmp_path / "q", files)
    found = [d.format_text() for d in check_content(load_config(root / "site_config.yaml")).diagnostics]
    assert found == [
        "content/programs/metro-bangga-beli.yaml:7:7: error: gambar `logo/tidak-ada.png` terlalu kecil (40×30 piksel); sisi terpendek minimal 64 piksel, gunakan foto asli dari kamera [logo]"
    ]
