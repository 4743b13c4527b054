"""Feeds and open data of the sample catalog, read back with independent tools: feedparser for
the feeds, Python's csv module for the spreadsheets, jsonschema for the JSON export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import feedparser
import jsonschema

from tests.conftest import REPO, sample_products

BASE = "https://katalog.example.id/"


def _entries() -> dict[str, dict]:
    """The sample catalog's listed products straight from their files, keyed by URL."""
    return {BASE + path: data for path, data in sample_products().items()}


def _rows(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "CSV must start with a UTF-8 BOM for spreadsheets"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def test_every_feed_parses_without_error(sample_site: Path) -> None:
    atoms = sorted(sample_site.rglob("feed.xml"))
    assert len(atoms) > 600  # site, 76 categories, 552 regions
    for path in atoms:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
    site = feedparser.parse((sample_site / "feed.xml").read_bytes())
    assert len(site.entries) == 50 and site.entries[0].link.startswith(BASE + "produk/")
    for path in sorted(sample_site.rglob("feed.json")):
        feed = json.loads(path.read_text(encoding="utf-8"))
        assert feed["version"] == "https://jsonfeed.org/version/1.1"
        assert all({"id", "url", "title", "date_modified"} <= item.keys() for item in feed["items"])


def test_region_feed_lists_only_that_region(sample_site: Path) -> None:
    parsed = feedparser.parse((sample_site / "wilayah/lampung/kota-metro/feed.xml").read_bytes())
    entries = _entries()
    metro = [u for u, d in entries.items() if u in {e.link for e in parsed.entries}]
    assert metro and len(metro) == len(parsed.entries)


def test_product_csv_round_trips_the_catalog(sample_site: Path) -> None:
    rows = {r["url"]: r for r in _rows(sample_site / "data/produk.csv")}
    entries = _entries()
    assert set(rows) == set(entries)
    for url, data in entries.items():
        row = rows[url]
        assert row["nama"] == data["nama"]
        assert row["kategori"] == data["kategori"]
        price = data.get("harga") or {}
        assert row["harga"] == str(price.get("nilai", ""))
        assert row["harga_min"] == str(price.get("min", ""))
        assert row["satuan"] == price.get("satuan", "")
        tkdn = data.get("tkdn") or {}
        assert (float(row["tkdn"]) if row["tkdn"] else None) == tkdn.get("nilai")
        if tkdn:
            total = round(tkdn["nilai"] + (tkdn.get("bmp") or 0), 2)
            assert float(row["tkdn_bmp"]) == total
            assert row["memenuhi_wajib_pdn"] == (
                "ya" if total >= 40 and tkdn["nilai"] >= 25 and row["tkdn_kedaluwarsa"] == "tidak" else "tidak"
            )


def test_region_csv_is_that_region_only(sample_site: Path) -> None:
    rows = _rows(sample_site / "wilayah/lampung/kota-metro/produk.csv")
    assert rows and {r["kode_kabupaten_kota"] for r in rows} == {"18.72"}
    everything = _rows(sample_site / "data/produk.csv")
    assert len(rows) == sum(r["kode_kabupaten_kota"] == "18.72" for r in everything)


def test_json_exports_follow_their_published_schemas(sample_site: Path) -> None:
    for name, key in (("produk", "produk"), ("ikm", "ikm")):
        data = json.loads((sample_site / f"data/{name}.json").read_text(encoding="utf-8"))
        schema = json.loads((sample_site / f"schema/data-{name}.schema.json").read_text(encoding="utf-8"))
        jsonschema.Draft202012Validator(schema).validate(data)
        assert data["jumlah"] == len(data[key]) > 0
    producers = _rows(sample_site / "data/ikm.csv")
    assert len(producers) == len(list((REPO / "content/products").glob("*/ikm.yaml")))


def test_data_page_documents_every_column(sample_site: Path) -> None:
    page = (sample_site / "data/index.html").read_text(encoding="utf-8")
    for name in ("produk", "ikm"):
        header = (sample_site / f"data/{name}.csv").read_bytes().decode("utf-8-sig").splitlines()[0]
        for column in header.split(","):
            assert f"<code>{column}</code>" in page, column


def test_csv_cells_that_look_like_formulas_stay_text() -> None:
    """CSV injection: a spreadsheet would run ``=…``, ``+…``, ``-…`` or ``@…``; such text gets a
    leading apostrophe (shown as text), while numbers and phone numbers stay as they are."""
    import csv as csvmod
    import io

    from etalase.opendata import Column, to_csv

    cols = [Column("nama", "string", lambda r: r)]
    values = [
        '=HYPERLINK("https://jahat.test","klik")',
        "@SUM(A1)",
        "-2+3",
        "+cmd|' /C calc'!A0",
        "+6281234567890",
        "-12",
        "Kopi",
    ]
    rows = list(csvmod.reader(io.StringIO("".join(to_csv(cols, values)).removeprefix("\ufeff"))))[1:]
    assert [r[0] for r in rows] == [
        '\'=HYPERLINK("https://jahat.test","klik")',
        "'@SUM(A1)",
        "'-2+3",
        "'+cmd|' /C calc'!A0",
        "+6281234567890",
        "-12",
        "Kopi",
    ]
