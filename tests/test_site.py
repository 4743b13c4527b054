"""Every generated page, parsed: links and assets resolve, metadata is complete, JSON-LD is valid,
the sitemap is exact; also under a base URL with a path prefix (GitHub Pages project sites)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import REPO, run_cli
from tests.sitecheck import check_site, parse

FIXTURE = REPO / "tests" / "fixtures" / "golden"


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("golden") / "_site"
    proc = run_cli(FIXTURE, "build", "--out", str(out), "--cache-dir", str(out.parent / "cache"))
    assert proc.returncode == 0, proc.stderr
    return out


def test_fixture_site_under_a_path_prefix_has_no_problems(golden_site: Path) -> None:
    assert check_site(golden_site, "https://contoh.github.io/katalog/") == []


def test_sample_catalog_site_has_no_problems(sample_site: Path) -> None:
    assert check_site(sample_site, "https://katalog.example.id/") == []


def test_past_the_protocols_limit_the_sitemap_becomes_an_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """sitemaps.org allows 50,000 URLs a file and a 100k-product catalog has 134,000 pages; the
    limit is lowered here so that the fixture's pages fill several sitemaps."""
    import dataclasses

    from etalase import sitefiles
    from etalase.config import load_config
    from etalase.pipeline import build
    from tests import quality as Q

    def built(name: str) -> Path:
        cfg = load_config(FIXTURE / "site_config.yaml").with_overrides(output_dir=tmp_path / name, jobs=1)
        assert build(dataclasses.replace(cfg, cache_dir=tmp_path / "cache")).ok
        return tmp_path / name

    def locs(path: Path) -> list[str]:
        return re.findall(r"<loc>([^<]+)</loc>", path.read_text(encoding="utf-8"))

    whole = built("satu")
    monkeypatch.setattr(sitefiles, "SITEMAP_URLS", 7)
    site = built("terbagi")
    index = site / "sitemap.xml"
    parts = [site / loc.removeprefix("https://contoh.github.io/katalog/") for loc in locs(index)]
    assert len(parts) == -(-len(locs(whole / "sitemap.xml")) // 7) >= 3
    assert [p.name for p in parts] == [f"sitemap-{n}.xml" for n in range(1, len(parts) + 1)]
    assert all(len(locs(p)) <= 7 for p in parts)
    assert [loc for p in parts for loc in locs(p)] == locs(whole / "sitemap.xml")  # each page once, in order
    assert not Q.sitemap_problems(index)
    assert check_site(site, "https://contoh.github.io/katalog/") == []
    broken = site / "rusak.xml"  # the checks can fail: an index naming a sitemap that is not there
    broken.write_text(index.read_text(encoding="utf-8").replace("sitemap-2.xml", "sitemap-99.xml"), encoding="utf-8")
    assert Q.sitemap_problems(broken) == [
        "rusak.xml: https://contoh.github.io/katalog/sitemap-99.xml is not a sitemap of this site"
    ]
    assert "Sitemap: https://contoh.github.io/katalog/sitemap.xml" in (site / "robots.txt").read_text(encoding="utf-8")


def test_sample_catalog_under_another_base_url(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    proc = run_cli(REPO, "build", "--out", str(out), "--base-url", "https://dinas.github.io/etalase")
    assert proc.returncode == 0, proc.stderr
    assert check_site(out, "https://dinas.github.io/etalase/") == []
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="/etalase/produk/"' in home


def _jsonld(page: Path, kind: str) -> dict:
    for block in parse(page).jsonld:
        data = json.loads(block)
        if data["@type"] == kind:
            return data
    raise AssertionError(f"no {kind} in {page}")


def test_product_with_price_has_offer(golden_site: Path) -> None:
    data = _jsonld(golden_site / "produk/kopi-contoh-metro/kopi-robusta-250g/index.html", "Product")
    assert data["offers"] == {
        "@type": "Offer",
        "price": 45000,
        "priceCurrency": "IDR",
        "url": "https://contoh.github.io/katalog/produk/kopi-contoh-metro/kopi-robusta-250g/",
        "seller": {
            "@type": "Organization",
            "name": "Kopi Contoh Metro",
            "url": "https://contoh.github.io/katalog/ikm/kopi-contoh-metro/",
        },
        "availability": "https://schema.org/InStock",
    }


def test_price_range_becomes_aggregate_offer(golden_site: Path) -> None:
    data = _jsonld(golden_site / "produk/batik-contoh-jogja/batik-tulis-parang/index.html", "Product")
    offer = data["offers"]
    assert (offer["@type"], offer["lowPrice"], offer["highPrice"], offer["availability"]) == (
        "AggregateOffer",
        750000,
        1500000,
        "https://schema.org/PreOrder",
    )


def test_product_without_price_has_no_offer(golden_site: Path) -> None:
    page = golden_site / "produk/kopi-contoh-metro/mesin-sangrai-mini/index.html"
    assert "offers" not in _jsonld(page, "Product")
    assert "Harga: Hubungi penjual" in page.read_text(encoding="utf-8")


def test_product_page_shows_indonesian_formats_and_tkdn(golden_site: Path) -> None:
    html = (golden_site / "produk/kopi-contoh-metro/kopi-robusta-250g/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", "", html)
    for expected in (
        "Rp45.000/bungkus",
        "Rp40.000/bungkus",
        "Termasuk PPN",
        "TKDN 62,50%",
        "70,50%",
        "Memenuhi ambang wajib PDN",
        "1 Februari 2030",
        "Terakhir diperbarui 1 Oktober 2026",
        "Metro Bangga Beli (MB2)",
        "Lihat di Katalog Lokal",
        "Telepon 0725-999001",
    ):
        assert expected in text, expected
    wa = re.search(r'href="(https://wa\.me/[^"]+)"', html).group(1)
    assert wa.startswith(
        "https://wa.me/6281299990001?text=Halo%20Kopi%20Contoh%20Metro%2C%20saya%20melihat%20produk%20%2AKopi%20Robusta"
    )


def test_expired_tkdn_certificate_is_flagged(golden_site: Path) -> None:
    html = (golden_site / "produk/kopi-contoh-metro/mesin-sangrai-mini/index.html").read_text(encoding="utf-8")
    assert "Sertifikat TKDN kedaluwarsa" in html
    assert "Memenuhi ambang wajib PDN" not in html  # 35 + 3 < 40


def test_raw_html_in_markdown_never_reaches_the_page(golden_site: Path) -> None:
    html = (golden_site / "produk/kopi-contoh-metro/kopi-robusta-250g/index.html").read_text(encoding="utf-8")
    assert "alert(" not in html
    assert "<strong>Lampung Barat</strong>" in html


def test_archived_product_keeps_its_page_but_is_not_listed(golden_site: Path) -> None:
    page = golden_site / "produk/batik-contoh-jogja/selendang-arsip/index.html"
    assert 'name="robots" content="noindex"' in page.read_text(encoding="utf-8")
    listing = (golden_site / "kategori/kain-tradisional/batik/index.html").read_text(encoding="utf-8")
    assert "selendang-arsip" not in listing


def test_listings_paginate_under_halaman(golden_site: Path) -> None:
    first = (golden_site / "produk/index.html").read_text(encoding="utf-8")
    second = golden_site / "produk/halaman/2/index.html"
    assert 'rel="next" href="/katalog/produk/halaman/2/"' in first
    assert "Menampilkan 3–3 dari 3 produk" in second.read_text(encoding="utf-8")


def test_every_region_and_category_has_a_stable_page(golden_site: Path) -> None:
    assert (golden_site / "wilayah/lampung/kota-metro/index.html").is_file()
    assert (golden_site / "wilayah/lampung/kab-pesawaran/index.html").is_file()  # empty, still linkable
    empty = (golden_site / "kategori/furnitur/index.html").read_text(encoding="utf-8")
    assert "Belum ada produk di kategori ini." in empty and 'content="noindex"' in empty
    pages = [p for p in (golden_site / "kategori").rglob("index.html") if p.parent.name not in ("embed", "cetak")]
    assert len(pages) == 1 + 14 + 62


def test_published_schemas_carry_their_public_id(golden_site: Path) -> None:
    schema = json.loads((golden_site / "schema/produk.schema.json").read_text(encoding="utf-8"))
    assert schema["$id"] == "https://contoh.github.io/katalog/schema/produk.schema.json"


def test_the_site_check_finds_what_it_is_for(golden_site: Path, tmp_path: Path) -> None:
    import shutil

    broken = tmp_path / "broken"
    shutil.copytree(golden_site, broken)
    page = broken / "tentang" / "index.html"
    html = page.read_text(encoding="utf-8")
    html = html.replace(
        "</main>",
        '<a href="/katalog/tidak-ada/">x</a><img src="https://cdn.example.com/a.png" alt=""><h5>lompat</h5></main>',
    )
    page.write_text(html, encoding="utf-8")
    (broken / "ikm" / "index.html").unlink()
    found = "\n".join(check_site(broken, "https://contoh.github.io/katalog/"))
    assert "tentang/index.html: broken a[href] /katalog/tidak-ada/" in found
    assert "loads from another origin: https://cdn.example.com/a.png" in found
    assert "without width" in found
    assert "tentang/index.html: heading h2 followed by h5" in found
    assert "sitemap: https://contoh.github.io/katalog/ikm/ has no file" in found
