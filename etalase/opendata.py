"""Open data: every listed product and producer as JSON and CSV (UTF-8 with BOM so a spreadsheet
opens it right), with Indonesian column names. One column table drives the CSV, the JSON, its
published JSON Schema and the /data/ page that documents each column."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from etalase import urls as U
from etalase.i18n import t
from etalase.model import Product, Site
from etalase.write import Pieces


@dataclass(frozen=True)
class Column:
    name: str
    kind: str  # JSON Schema type of the JSON value: string, integer, number, boolean, array
    get: Callable[[Any], Any]
    nullable: bool = True

    @property
    def description(self) -> str:
        return t(f"ui.data.col.{self.name}")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def product_columns(urls: U.Urls) -> list[Column]:
    def tk(attr: str) -> Callable[[Product], Any]:
        return lambda p: getattr(p.tkdn, attr) if p.tkdn else None

    return [
        Column("url", "string", lambda p: urls.abs(U.product(p)), False),
        Column("slug_ikm", "string", lambda p: p.producer.slug, False),
        Column("slug_produk", "string", lambda p: p.slug, False),
        Column("nama", "string", lambda p: p.name, False),
        Column("ikm", "string", lambda p: p.producer.name, False),
        Column("nib", "string", lambda p: p.producer.nib, False),
        Column("kategori", "string", lambda p: p.category.key, False),
        Column("nama_kategori", "string", lambda p: p.top.name, False),
        Column("nama_subkategori", "string", lambda p: p.category.name, False),
        Column("merek", "string", lambda p: p.brand or None),
        Column("kode_provinsi", "string", lambda p: p.origin_province.code, False),
        Column("provinsi", "string", lambda p: p.origin_province.name, False),
        Column("kode_kabupaten_kota", "string", lambda p: p.origin.code, False),
        Column("kabupaten_kota", "string", lambda p: p.origin.short_name, False),
        Column("harga", "integer", lambda p: p.price.value if p.price else None),
        Column("harga_min", "integer", lambda p: p.price.low if p.price else None),
        Column("harga_max", "integer", lambda p: p.price.high if p.price else None),
        Column("satuan", "string", lambda p: p.price.unit if p.price else None),
        Column("termasuk_ppn", "boolean", lambda p: p.price.includes_vat if p.price else None),
        Column("minimal_pesan", "integer", lambda p: p.min_order),
        Column("ketersediaan", "string", lambda p: p.availability or None),
        Column("tkdn", "number", tk("value")),
        Column("bmp", "number", tk("bmp")),
        Column("tkdn_bmp", "number", tk("total")),
        Column("jenis_tkdn", "string", tk("kind")),
        Column("nomor_sertifikat_tkdn", "string", tk("number")),
        Column(
            "tkdn_berlaku_hingga",
            "string",
            lambda p: p.tkdn.valid_until.isoformat() if p.tkdn and p.tkdn.valid_until else None,
        ),
        Column("tkdn_kedaluwarsa", "boolean", tk("expired")),
        Column("memenuhi_wajib_pdn", "boolean", lambda p: bool(p.tkdn and p.tkdn.meets_pdn and not p.tkdn.expired)),
        Column("sertifikasi", "array", lambda p: [f"{c.kind}:{c.number}" for c in p.certificates]),
        Column("ekatalog", "string", lambda p: p.ekatalog_link or p.producer.ekatalog_link or None),
        Column("whatsapp", "string", lambda p: p.producer.whatsapp, False),
        Column("diperbarui", "string", lambda p: p.updated.isoformat(), False),
    ]


def producer_columns(urls: U.Urls, site: Site) -> list[Column]:
    return [
        Column("url", "string", lambda r: urls.abs(U.producer(r)), False),
        Column("slug_ikm", "string", lambda r: r.slug, False),
        Column("nama_usaha", "string", lambda r: r.name, False),
        Column("bentuk_usaha", "string", lambda r: r.form or None),
        Column("skala_usaha", "string", lambda r: r.scale or None),
        Column("nib", "string", lambda r: r.nib, False),
        Column("kbli", "array", lambda r: list(r.kbli)),
        Column("kode_provinsi", "string", lambda r: r.province.code, False),
        Column("provinsi", "string", lambda r: r.province.name, False),
        Column("kode_kabupaten_kota", "string", lambda r: r.regency.code, False),
        Column("kabupaten_kota", "string", lambda r: r.regency.short_name, False),
        Column("kode_kecamatan", "string", lambda r: r.district.code if r.district else None),
        Column("kecamatan", "string", lambda r: r.district.name if r.district else None),
        Column("alamat", "string", lambda r: r.address or None),
        Column("whatsapp", "string", lambda r: r.whatsapp, False),
        Column("telepon", "string", lambda r: r.phone or None),
        Column("email", "string", lambda r: r.email or None),
        Column("situs", "string", lambda r: r.website or None),
        Column("ekatalog_terdaftar", "boolean", lambda r: r.ekatalog_registered, False),
        Column("jenis_ekatalog", "string", lambda r: r.ekatalog_kind or None),
        Column("tautan_ekatalog", "string", lambda r: r.ekatalog_link or None),
        Column("program", "array", lambda r: list(r.programmes)),
        Column("pembina", "string", lambda r: r.pembina or None),
        Column("tahun_berdiri", "integer", lambda r: r.founded),
        Column("jumlah_produk", "integer", lambda r: sum(not p.archived for p in site.products_of(r)), False),
        Column("diperbarui", "string", lambda r: r.updated.isoformat(), False),
    ]


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".")
    text = str(value)
    # a spreadsheet runs a cell that starts like a formula (CSV injection, OWASP): such text gets
    # a leading apostrophe, which spreadsheets show as text; a plain number or phone stays as is
    if text[:1] in _FORMULA_START and not _NUMBER.fullmatch(text):
        return "'" + text
    return text


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?\d[\d.,]*")


def _row(cells: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerow(cells)
    return buf.getvalue()


def csv_line(columns: list[Column], row: Any) -> str:
    """One row of the CSV, with its line ending (``to_csv`` joins them)."""
    return _row([_cell(c.get(row)) for c in columns])


def to_csv(columns: list[Column], rows: list, line: Callable[[Any], str] | None = None) -> Iterator[str]:
    """The CSV of ``rows`` (with a BOM, for spreadsheets), a line at a time; ``line`` gives a
    row's line when it is memoised elsewhere."""
    yield "\ufeff" + _row([c.name for c in columns])
    yield from map(line or (lambda row: csv_line(columns, row)), rows)


def to_json(columns: list[Column], rows: list, *, key: str, meta: dict) -> Iterator[str]:
    """The metadata a line each, then one record per line: readable, diffable line by line, and
    written by the C encoder (``indent`` would run json's pure-Python one: 0.5 s at 10,000);
    made a line at a time."""
    yield "{\n"
    for k, v in {**meta, "jumlah": len(rows)}.items():
        yield f" {json.dumps(k)}: {json.dumps(v, ensure_ascii=False)},\n"
    yield f" {json.dumps(key)}: [\n"
    for i, r in enumerate(rows):
        record = json.dumps({c.name: c.get(r) for c in columns}, ensure_ascii=False, separators=(", ", ": "))
        yield f",\n  {record}" if i else f"  {record}"
    yield ("\n" if rows else "") + " ]\n}\n"


def json_schema(columns: list[Column], *, key: str, title: str, schema_url: str) -> str:
    def prop(c: Column) -> dict:
        if c.kind == "array":
            node: dict = {"type": "array", "items": {"type": "string"}}
        else:
            node = {"type": [c.kind, "null"] if c.nullable else c.kind}
        return {"description": c.description, **node}

    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": schema_url,
        "title": title,
        "type": "object",
        "required": ["judul", "sumber", "lisensi", "dibuat", "jumlah", key],
        "properties": {
            "judul": {"type": "string"},
            "sumber": {"type": "string", "format": "uri"},
            "lisensi": {"type": "string"},
            "dibuat": {"type": "string", "format": "date"},
            "jumlah": {"type": "integer", "minimum": 0},
            key: {
                "type": "array",
                "items": {
                    "type": "object",
                    "additionalProperties": False,
                    "required": [c.name for c in columns],
                    "properties": {c.name: prop(c) for c in columns},
                },
            },
        },
    }
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def export(site: Site, urls: U.Urls) -> dict[str, Callable[[], str | Pieces]]:
    """``/data/produk.json|csv``, ``/data/ikm.json|csv`` and the schemas of the JSON files, each as
    the function that makes it: the writer calls it when it comes to the file (or not at all
    when the file is kept), so the exports, 24 MB at 10k products, are never all in memory."""
    listed = sorted(site.listed, key=lambda p: p.key)
    producers = list(site.producers)
    pcols, icols = product_columns(urls), producer_columns(urls, site)
    meta = {
        "judul": site.config.title,
        "sumber": urls.abs(""),
        "lisensi": t("ui.data.licence_name"),
        "dibuat": site.config.today.isoformat(),
    }
    product_schema = urls.abs("schema/data-produk.schema.json")
    producer_schema = urls.abs("schema/data-ikm.schema.json")
    return {
        "data/produk.csv": lambda: Pieces(to_csv(pcols, listed)),
        "data/ikm.csv": lambda: Pieces(to_csv(icols, producers)),
        "data/produk.json": lambda: Pieces(
            to_json(pcols, listed, key="produk", meta={"$schema": product_schema, **meta})
        ),
        "data/ikm.json": lambda: Pieces(
            to_json(icols, producers, key="ikm", meta={"$schema": producer_schema, **meta})
        ),
        "schema/data-produk.schema.json": lambda: json_schema(
            pcols, key="produk", title=t("ui.data.products_title"), schema_url=product_schema
        ),
        "schema/data-ikm.schema.json": lambda: json_schema(
            icols, key="ikm", title=t("ui.data.producers_title"), schema_url=producer_schema
        ),
    }
