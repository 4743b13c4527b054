"""Hostile entries cannot hurt the site. Entries come from outside the team and every field is
untrusted: attack text in every string field of an IKM and of a product (``.yaml`` and ``.md``)
is either refused with an Indonesian diagnostic (fields with a pattern or a list of values) or
built and shown as plain text on every page that mentions it, checked in Debian's Chromium
(nothing runs, no link leads to script, JSON-LD and feeds stay well formed); YAML attacks through
the real CLI end in a diagnostic, quickly; random bytes and random YAML through the loader and
validator always end in diagnostics; photo paths cannot leave the IKM folder."""

from __future__ import annotations

import copy
import csv
import html
import io
import json
import re
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import feedparser
import markupsafe
import pytest
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from etalase import feeds, seo
from etalase.config import load_config
from etalase.diagnostics import Diagnostic
from etalase.modelbuild import build_site
from etalase.pipeline import check_content
from etalase.urls import Urls
from tests.conftest import REPO, run_cli, tiny_jpeg, write_project
from tests.test_content_errors import IKM, PRODUCT, PROGRAMME

SITE_TITLE = "Katalog Uji"  # tests/conftest.py site_config()
FIXTURES = Path(__file__).parent / "fixtures" / "hostile"
ENTRY = "content/products/contoh/keripik.yaml"  # the product of tests/test_content_errors.py

# --- the attack strings -------------------------------------------------------------------------

ATTACKS = {
    "skrip": "<script>window.__pwned=1</script>",
    "gambar": '<img src=x onerror="window.__pwned=1">',
    "svg": '"><svg onload=window.__pwned=1>',
    "kutip": "' onmouseover='window.__pwned=1",
    "judul": "</title><script>window.__pwned=1</script>",
    "tutup": "</script><script>window.__pwned=1</script>",
    "templat": "{{ 7*7 }} {% raw %} ${7*7} #{7*7}",
    "arah": "\u202eabc\u2066def\u2067ghi\u2068jkl\u2069\u202c",  # right-to-left override, isolates
    "lebarnol": "ke\u200bri\u200cpik\u200d\u2060\ufeffx",  # zero-width space/joiners, word joiner, BOM
    "jsurl": "javascript:window.__pwned=1",
    "dataurl": "data:text/html,<script>window.__pwned=1</script>",
    "entitas": "&lt;script&gt; &#60;b&#62; &amp;amp; JaVaScRiPt&colon;window.__pwned=1",
    "dialog": '"><img src=x onerror=alert(document.domain)>',
    "komentar": "<!-- --> <![CDATA[ ]]> ]]> -->",
    "pemisah": "baris\u2028baru\u2029akhir",  # line/paragraph separators end a JavaScript string
    "panjang": "Keripikpisangcoklatlumer" * 4,  # a very long word
}
# each entry (an IKM and its product) carries two attacks in every free-text field
PAIRS = {
    "skrip": ("skrip", "kutip"),
    "gambar": ("gambar", "templat"),
    "svg": ("svg", "arah"),
    "judul": ("judul", "lebarnol"),
    "tutup": ("tutup", "jsurl"),
    "dataurl": ("dataurl", "entitas"),
    "dialog": ("dialog", "pemisah"),
    "komentar": ("komentar", "panjang"),
}
KEYS = list(PAIRS)
COMMON = "zorvox"  # in every product name: one search finds them all
MARKER = {key: f"zq{key}x" for key in KEYS}  # one word per entry, to find its pages

# https URLs that satisfy the schema's pattern (^https://[^\s<>"]+$) yet carry attack text: they
# must reach the href exactly, escaped, and stay https links.
ODD_HTTPS = [
    "https://contoh.example.id/'onmouseover='window.__pwned=1'",
    "https://contoh.example.id/?q='-alert(1)-'&x={{7*7}}&y=${7*7}",
    "https://contoh.example.id/#javascript:window.__pwned=1",
    "https://contoh.example.id/&quot;onfocus=&quot;window.__pwned=1",
    "https://contoh.example.id/%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E",
    "https://contoh.example.id/\u202egpj.exe",
]
ODD_EMAIL = "zq'onmouseover='window.__pwned=1'@contoh.example.id"

# URLs the schema must refuse wherever a link is asked for
BAD_URLS = [
    "javascript:window.__pwned=1",
    "JaVaScRiPt:window.__pwned=1",
    "data:text/html,<script>window.__pwned=1</script>",
    "&#106;avascript:window.__pwned=1",
    "&#x6A;&#x61;vascript&#x3A;window.__pwned=1",
    "vbscript:msgbox(1)",
    " https://contoh.example.id/",
    'https://contoh.example.id/"onmouseover="window.__pwned=1',
    "java\tscript:window.__pwned=1",
    "//contoh.example.id/jahat",
]

MARKDOWN_LINKS = """\
- [tautan js](javascript:window.__pwned=1)
- [js campur](JaVaScRiPt:window.__pwned=1)
- [entitas](&#106;avascript:window.__pwned=1)
- [entitas hex](&#x6A;&#x61;vascript&#x3A;window.__pwned=1)
- [kurung](<javascript:window.__pwned=1>)
- [tab](<java&#9;script:window.__pwned=1>)
- [persen](%6Aavascript:window.__pwned=1)
- [data](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)
- [data teks](data:text/html,%3Cscript%3Ewindow.__pwned=1%3C/script%3E)
- [vb](vbscript:window.__pwned=1)
- [dialog](javascript:alert(1))
- [rujukan][jahat]
- <javascript:window.__pwned=1>
- <a href="javascript:window.__pwned=1">mentah</a>
- <img src=x onerror="window.__pwned=1">
- <svg onload="window.__pwned=1"></svg>
- <iframe src="javascript:window.__pwned=1"></iframe>
- ![gambar](javascript:window.__pwned=1)
- ![data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+)
- [aman](https://contoh.example.id/aman)

[jahat]: javascript:window.__pwned=1
"""

SAFE_LINK = "https://contoh.example.id/aman"


def fit(prefix: str, attacks: list[str], lo: int, hi: int) -> str:
    """``prefix`` and the attacks within a field's length limits: all of them if they fit, else
    with ``window.__pwned`` shortened to ``__pwned``, else fewer of them, else cut."""
    for n in range(len(attacks), 0, -1):
        for short in (False, True):
            parts = [a.replace("window.__pwned", "__pwned") if short else a for a in attacks[:n]]
            text = " ".join([prefix, *parts]).strip()
            if len(text) <= hi:
                return text + " uji" * max(0, -(-(lo - len(text)) // 4))
    return text[:hi]


def markdown_body(key: str) -> str:
    out = f"{MARKER[key]} menulis deskripsi.\n\n"
    for name in PAIRS[key]:
        x = ATTACKS[name]
        out += f"Dalam kode: `{x.replace('`', '')}`\n\n{x}\n\n"
    return out + f"Kata panjang: {'Sangatpanjangsekali' * 40}\n\n{MARKDOWN_LINKS}"


def product_data(i: int, key: str) -> dict:
    """A valid product with the entry's two attacks in every free-text field (the shorter fields
    take them in turns)."""
    a, b = (ATTACKS[n] for n in PAIRS[key])
    m = MARKER[key]
    return {
        "schema": 1,
        "nama": fit(f"{COMMON} {m}", [a, b], 3, 120),
        "kategori": "makanan/keripik-kerupuk",
        "deskripsi_singkat": fit(f"{m} ringkas", [b, a], 20, 160),
        "deskripsi": markdown_body(key),
        "gambar": [{"berkas": "foto/keripik.jpg", "alt": fit(f"Alt {m}", [a, b], 5, 200)}],
        "diperbarui": "2026-01-10",
        "merek": fit("Mk", [b, a], 1, 60),
        "nomor_model": fit("Nm", [a, b], 1, 40),
        "sku": fit("Sk", [b, a], 1, 40),
        "harga": {"nilai": 25000 + i, "satuan": "bungkus"},
        "tkdn": {
            "nilai": 48.2,
            "bmp": 5,
            "jenis": "reguler",
            "nomor_sertifikat": fit("Tk", [a, b], 3, 80),
            "tanggal_terbit": "2024-03-01",
            "tautan": ODD_HTTPS[i % len(ODD_HTTPS)],
        },
        "sertifikasi": [{"jenis": "lainnya", "nomor": fit("Ns", [b, a], 3, 80), "penerbit": fit("Pn", [a, b], 2, 120)}],
        "spesifikasi": {
            fit("Ks", [b, a], 1, 40): fit(f"Is {m}", [a, b], 1, 200),
            fit("Kt", [a, b], 1, 40): fit("Bh", [b, a], 1, 200),
        },
        "berat_bersih": fit("Bb", [a, b], 1, 40),
        "garansi": fit("Gr", [b, a], 1, 120),
        "ekatalog_tautan": ODD_HTTPS[(i + 1) % len(ODD_HTTPS)],
    }


def ikm_data(i: int, key: str) -> dict:
    """A valid IKM profile with the two attacks of entry ``key`` in every free-text field."""
    a, b = (ATTACKS[n] for n in PAIRS[key])
    m = MARKER[key]
    return {
        "schema": 1,
        "nama_usaha": fit(f"IKM {m}", [a, b], 2, 100),
        "nib": f"91200012345{i:02d}",
        "wilayah": {"kabupaten_kota": "18.72", "kecamatan": "18.72.01"},
        "alamat": fit(f"Jl. {m}", [b, a], 5, 200),
        "kontak": {
            "whatsapp": "+6281200000001",
            "email": ODD_EMAIL,
            "situs": ODD_HTTPS[(i + 2) % len(ODD_HTTPS)],
            "instagram": f"zq_{i}.x",
            "marketplace": [ODD_HTTPS[(i + 3) % len(ODD_HTTPS)], ODD_HTTPS[(i + 4) % len(ODD_HTTPS)]],
        },
        "ekatalog": {"terdaftar": True, "jenis": "lokal", "tautan": ODD_HTTPS[(i + 5) % len(ODD_HTTPS)]},
        "program": ["metro-bangga-beli"],
        "pembina": fit(f"Dinas {m}", [a, b], 3, 150),
        "deskripsi": fit(f"Usaha {m}", [b, a], 10, 500),
        "diperbarui": "2026-01-10",
    }


def dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def as_markdown(data: dict) -> str:
    """The product as a ``.md`` file: front matter, then the description as the Markdown body."""
    front = {k: v for k, v in data.items() if k != "deskripsi"}
    return "---\n" + dump(front) + "---\n\n" + data["deskripsi"]


def folder(key: str) -> str:
    return f"ikm-{key}"


def entries() -> dict[str, tuple[dict, dict, str]]:
    """key -> (IKM data, product data, product file); each IKM carries the next entry's attacks,
    so its page shows four."""
    out = {}
    for i, key in enumerate(KEYS):
        suffix = ".md" if i % 2 else ".yaml"
        out[key] = (ikm_data(i, KEYS[(i + 1) % len(KEYS)]), product_data(i, key), f"produk-{key}{suffix}")
    return out


def hostile_files() -> dict[str, str | bytes]:
    files: dict[str, str | bytes] = {"content/programs/metro-bangga-beli.yaml": PROGRAMME}
    for key, (ikm, product, name) in entries().items():
        base = f"content/products/{folder(key)}/"
        files[base + "ikm.yaml"] = dump(ikm)
        files[base + name] = as_markdown(product) if name.endswith(".md") else dump(product)
        files[base + "foto/keripik.jpg"] = tiny_jpeg()
    return files


# --- schema: every string field, free text or constrained ---------------------------------------


def string_fields(schema: dict) -> dict[str, dict]:
    """Every string field of a schema as ``path -> node``: ``gambar[].alt``, ``spesifikasi.*``
    (values of a free mapping) and ``spesifikasi{}`` (its keys)."""
    defs = schema.get("$defs", {})

    def deref(node: dict) -> dict:
        if "$ref" in node:
            return {**defs[node["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in node.items() if k != "$ref"}}
        return node

    out: dict[str, dict] = {}

    def walk(node: dict, path: str) -> None:
        node = deref(node)
        types = node.get("type", [])
        types = types if isinstance(types, list) else [types]
        if "string" in types or any(isinstance(v, str) for v in node.get("enum", [])):
            out[path] = node
        for key, sub in node.get("properties", {}).items():
            walk(sub, f"{path}.{key}" if path else key)
        if isinstance(node.get("additionalProperties"), dict):
            walk(node["additionalProperties"], path + ".*")
        if "propertyNames" in node:
            out[path + "{}"] = node["propertyNames"]
        if isinstance(node.get("items"), dict):
            walk(node["items"], path + "[]")

    walk(schema, "")
    return out


def constrained(node: dict) -> bool:
    return any(k in node for k in ("pattern", "enum", "format", "const"))


def schema_of(kind: str) -> dict:
    return json.loads((REPO / f"schema/{kind}.schema.json").read_text(encoding="utf-8"))


def data_paths(data, path: str = "") -> set[str]:
    """The schema paths (as in ``string_fields``) of every string in ``data``."""
    out: set[str] = set()
    if isinstance(data, dict):
        for key, value in data.items():
            if path == "spesifikasi":
                out.add("spesifikasi{}")
                out |= data_paths(value, "spesifikasi.*")
            else:
                out |= data_paths(value, f"{path}.{key}" if path else key)
    elif isinstance(data, list):
        for value in data:
            out |= data_paths(value, path + "[]")
    elif isinstance(data, str):
        out.add(path)
    return out


# --- the built hostile site ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = write_project(tmp_path_factory.mktemp("hostile") / "p", hostile_files())
    proc = run_cli(root, "build")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    return root


def collapse(text: str) -> str:
    """``document.title`` strips and collapses ASCII whitespace."""
    return re.sub(r"[ \t\n\f\r]+", " ", text).strip(" \t\n\f\r")


def test_every_string_field_of_the_schemas_gets_an_attack() -> None:
    for kind, built, refused in (
        ("ikm", [ikm for ikm, _, _ in entries().values()], [REFUSED_IKM]),
        ("produk", [p for _, p, _ in entries().values()], [REFUSED_PRODUCT]),
    ):
        fields = string_fields(schema_of(kind))
        free = {p for p, node in fields.items() if not constrained(node)}
        strict = set(fields) - free
        shown = set().union(*(data_paths(d) for d in built))
        attacked = set().union(*(data_paths(d) for d in refused))
        assert free <= shown, (kind, sorted(free - shown))
        assert strict <= attacked, (kind, sorted(strict - attacked))
        # and every free-text value of the built entries carries attack text (in full, shortened or cut)
        for entry in built:
            texts = [v for _, sp, v in leaves(entry) if sp in free or sp in ("deskripsi", "deskripsi_singkat")]
            texts += [text for pair in entry.get("spesifikasi", {}).items() for text in pair]
            for text in texts:
                assert any(
                    a[:12] in text or a.replace("window.__pwned", "__pwned")[:12] in text for a in ATTACKS.values()
                ), text
    assert sorted(a for pair in PAIRS.values() for a in pair) == sorted(ATTACKS)  # every attack is used


# --- attack text where the schema asks for a pattern or a list of values: refused ------------

S = ATTACKS["skrip"]
REFUSED_IKM = {
    "schema": 1,
    "nama_usaha": "Usaha Penolakan",
    "bentuk_usaha": S,
    "skala_usaha": ATTACKS["templat"],
    "nib": ATTACKS["svg"],
    "kbli": [ATTACKS["gambar"]],
    "wilayah": {"kabupaten_kota": "18.72" + ATTACKS["arah"], "kecamatan": ATTACKS["kutip"]},
    "kontak": {
        "whatsapp": "+62812" + ATTACKS["tutup"],
        "telepon": BAD_URLS[0],
        "email": '"><svg onload=window.__pwned=1>@contoh.example.id',
        "situs": BAD_URLS[1],
        "instagram": S,
        "marketplace": BAD_URLS[2:7],
    },
    "ekatalog": {"terdaftar": True, "jenis": ATTACKS["judul"], "tautan": BAD_URLS[7]},
    "program": [ATTACKS["judul"]],
    "logo": '<img src=x onerror="window.__pwned=1">.png',
    "diperbarui": ATTACKS["templat"],
}
REFUSED_PRODUCT = {
    "schema": 1,
    "nama": "Produk Penolakan",
    "kategori": S,
    "deskripsi_singkat": "Produk yang semua kolom berpolanya diisi serangan.",
    "gambar": [{"berkas": '<img src=x onerror="window.__pwned=1">.jpg', "alt": "Foto penolakan"}],
    "diperbarui": ATTACKS["templat"],
    "kbli": BAD_URLS[0],
    "harga": {"nilai": 25000, "satuan": ATTACKS["templat"], "berlaku_hingga": ATTACKS["kutip"]},
    "ketersediaan": ATTACKS["svg"],
    "asal_wilayah": "18.72" + ATTACKS["lebarnol"],
    "tkdn": {
        "nilai": 48.2,
        "jenis": S,
        "nomor_sertifikat": "0001/TKDN/2024",
        "tanggal_terbit": "${7*7}",
        "berlaku_hingga": ATTACKS["judul"],
        "tautan": BAD_URLS[8],
    },
    "sertifikasi": [
        {"jenis": S, "nomor": "12345"},
        {"jenis": "pirt", "nomor": ATTACKS["gambar"]},
        {"jenis": "bpom-md", "nomor": BAD_URLS[0]},
        {
            "jenis": "sni",
            "nomor": "SNI-1",
            "standar": "SNI " + S,
            "tanggal_terbit": ATTACKS["templat"],
            "berlaku_hingga": BAD_URLS[1],
        },
    ],
    "tag": [S, BAD_URLS[1]],
    "ekatalog_tautan": BAD_URLS[9],
    "status": ATTACKS["tutup"],
}
# conditional patterns (allOf if/then in the schema) on a field that is otherwise free text
CONDITIONAL = {
    "sertifikasi[1].nomor": "nomor PIRT harus 15 digit, boleh ditulis 2021871010123-29",
    "sertifikasi[2].nomor": 'nomor BPOM ditulis MD atau ML diikuti 12 digit, mis. "MD 123456789012"',
}
DIAGNOSTIC = re.compile(
    r"^(?P<path>[^:\n]+):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*) \[(?P<field>[\w.\[\]-]+)\]$"
)


def value_marks(text: str, line_offset: int = 0) -> dict[str, tuple[int, int]]:
    """Line and column of every value in a YAML text, read with PyYAML's own composer."""
    out: dict[str, tuple[int, int]] = {}

    def walk(node: yaml.Node, path: str) -> None:
        out[path] = (node.start_mark.line + 1 + line_offset, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                walk(v, f"{path}.{k.value}" if path else k.value)
        elif isinstance(node, yaml.SequenceNode):
            for i, v in enumerate(node.value):
                walk(v, f"{path}[{i}]")

    walk(yaml.compose(text), "")
    return out


def leaves(data, path: str = ""):
    """``(concrete path, schema path, value)`` of every string in ``data``."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from ((p, sp, v) for p, sp, v in leaves(value, f"{path}.{key}" if path else key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from leaves(value, f"{path}[{i}]")
    elif isinstance(data, str):
        yield path, re.sub(r"\[\d+\]", "[]", path), data


def shown(value: str) -> str:
    return f'"{value}"' if len(value) <= 40 else f'"{value[:37]}…"'


def expected_refusals(kind: str, data: dict, text: str, display: str, line_offset: int) -> dict[tuple, str]:
    """``(path, line, col, field) -> expected message`` for every constrained string in ``data``."""
    fields = string_fields(schema_of(kind))
    marks = value_marks(text, line_offset)
    out = {}
    for path, schema_path, value in leaves(data):
        node = fields.get(schema_path, {})
        if path in CONDITIONAL:
            message = f"{CONDITIONAL[path]} (tertulis {shown(value)})"
        elif "enum" in node:
            if value in node["enum"]:
                continue  # a valid choice (sertifikasi jenis) that makes a conditional pattern apply
            message = f"{node['title']} harus salah satu dari: {', '.join(node['enum'])} (tertulis {shown(value)})"
        elif "x-pesan" in node:
            message = f"{node['x-pesan']} (tertulis {shown(value)})"
        else:
            assert not constrained(node), schema_path
            continue
        out[(display, *marks[path], path)] = message
    return out


def test_attack_text_in_constrained_fields_is_refused_on_its_line(tmp_path: Path) -> None:
    md_product = {**REFUSED_PRODUCT, "deskripsi": markdown_body("skrip")}
    base = "content/products/tolak/"
    files = {
        "content/programs/metro-bangga-beli.yaml": PROGRAMME,
        base + "ikm.yaml": dump(REFUSED_IKM),
        base + "produk-yaml.yaml": dump(REFUSED_PRODUCT),
        base + "produk-md.md": as_markdown(md_product),
        base + "foto/keripik.jpg": tiny_jpeg(),
    }
    root = write_project(tmp_path / "p", files)
    proc = run_cli(root, "validate", timeout=60)
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and "Kesalahan internal" not in proc.stderr
    expected = {
        **expected_refusals("ikm", REFUSED_IKM, files[base + "ikm.yaml"], base + "ikm.yaml", 0),
        **expected_refusals("produk", REFUSED_PRODUCT, files[base + "produk-yaml.yaml"], base + "produk-yaml.yaml", 0),
        **expected_refusals(
            "produk",
            REFUSED_PRODUCT,
            dump(REFUSED_PRODUCT),  # the front matter of the .md file, which starts on line 2
            base + "produk-md.md",
            1,
        ),
    }
    found = {}
    for line in proc.stderr.splitlines():
        m = DIAGNOSTIC.match(line)
        if m:
            found[(m["path"], int(m["line"]), int(m["col"]), m["field"])] = m["msg"]
    assert sorted(found) == sorted(expected), proc.stderr
    for where, message in expected.items():
        assert found[where].startswith(message), (where, found[where])
    closing = proc.stderr.strip().splitlines()[-1]
    assert re.fullmatch(rf"{len(expected)} kesalahan, \d+ peringatan di 3 berkas\.", closing), closing


CONTROL = "teks berisi karakter kendali U+{} yang tidak bisa ditampilkan; hapus karakter itu"
NAN = "isian .nan (bukan angka) tidak bisa dipakai; tulis angkanya, mis. 48.2"
TOO_LONG = "angka terlalu panjang ({} karakter); tulis angka yang benar, atau apit dengan tanda kutip bila ini teks"


ODD_SCALARS = dict(
    zip(
        ["x01", "nul", "escape", "csi", "fffe", "key", "nan-tag", "nan", "hex", "binary", "decimal"],
        [
            # an escape in a quoted string gives a character no XML feed may hold (the build used to
            # write feeds that feed readers reject) and that a terminal or a CI log obeys
            ("nama: Keripik Pisang Coklat", 'nama: "Keripik \\x01 Pisang"', ("nama", 7, CONTROL.format("0001"))),
            ("nama: Keripik Pisang Coklat", 'nama: "Keripik \\0 Pisang"', ("nama", 7, CONTROL.format("0000"))),
            ("nama: Keripik Pisang Coklat", 'nama: "Keripik \\e[31m merah"', ("nama", 7, CONTROL.format("001B"))),
            ("nama: Keripik Pisang Coklat", 'nama: "Keripik \\x9b31m merah"', ("nama", 7, CONTROL.format("009B"))),
            ("nama: Keripik Pisang Coklat", 'nama: "Keripik \\uFFFE"', ("nama", 7, CONTROL.format("FFFE"))),
            ("  satuan: bungkus", '  satuan: bungkus\n  "\\x07": 1', ("harga", 3, CONTROL.format("0007"))),
            # NaN passes every minimum and maximum of the schema (the build then crashed, exit 3)
            ("  nilai: 48.2", "  nilai: !!float nan", ("tkdn.nilai", 10, NAN)),
            ("  nilai: 48.2", "  nilai: .NaN", ("tkdn.nilai", 10, NAN)),
            # an integer too long to print (0x…): the validator crashed formatting its message
            ("  nilai: 25000", "  nilai: 0x" + "f" * 4000, ("harga.nilai", 10, TOO_LONG.format(4002))),
            ("nama: Keripik Pisang Coklat", "nama: 0b" + "1" * 15000, ("nama", 7, TOO_LONG.format(15002))),
            ("  nilai: 25000", "  nilai: " + "9" * 5000, ("harga.nilai", 10, TOO_LONG.format(5000))),
        ],
        strict=True,
    )
)


def odd_product(old: str, new: str) -> str:
    assert old in PRODUCT
    return PRODUCT.replace(old, new, 1)


def odd_where(old: str, field: str, col: int) -> str:
    line = PRODUCT[: PRODUCT.index(old)].count("\n") + 1 + (field == "harga")  # the key is on the next line
    return f"{line}:{col}"


@pytest.mark.parametrize("case", sorted(ODD_SCALARS))
def test_odd_scalars_are_refused_where_written(tmp_path: Path, case: str) -> None:
    old, new, (field, col, message) = ODD_SCALARS[case]
    files = {
        "content/products/contoh/ikm.yaml": IKM,
        ENTRY: odd_product(old, new),
        "content/products/contoh/foto/keripik.jpg": tiny_jpeg(),
        "content/programs/metro-bangga-beli.yaml": PROGRAMME,
    }
    root = write_project(tmp_path / "p", files)
    found = [d.format_text() for d in check_content(load_config(root / "site_config.yaml")).diagnostics]
    assert found == [f"{ENTRY}:{odd_where(old, field, col)}: error: {message} [{field}]"]


def test_odd_scalars_stop_the_build_with_exit_1(tmp_path: Path) -> None:
    """Through the command line: each of them used to build a broken site or crash (exit 3)."""
    root = yaml_attack_project(
        tmp_path / "p", {case: odd_product(old, new) for case, (old, new, _) in ODD_SCALARS.items()}
    )
    proc = run_cli(root, "build", timeout=60)
    assert_clean_failure(proc)
    for case, (old, _, (field, col, message)) in ODD_SCALARS.items():
        line = f"content/products/{case}/keripik.yaml:{odd_where(old, field, col)}: error: {message} [{field}]"
        assert line in proc.stderr.splitlines(), proc.stderr
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", proc.stderr)
    assert not (root / "_site").exists()


@pytest.mark.parametrize(
    ("rel", "old", "new", "expected"),
    [
        # a second IKM with the NIB of the first and a newline behind it was not a duplicate
        (
            "content/products/contoh/ikm.yaml",
            'nib: "9120001234567"',
            'nib: "9120001234567\\n"',
            '3:6: error: NIB harus 13 digit angka dalam tanda kutip, mis. "9120001234567" (tertulis "9120001234567\\n") [nib]',
        ),
        (
            "content/products/contoh/ikm.yaml",
            'whatsapp: "+6281200000001"',
            'whatsapp: "+6281200000001\\n"',
            "8:13: error: nomor WhatsApp harus format internasional diawali +628 tanpa spasi atau tanda hubung, dalam "
            'tanda kutip, mis. "+6281234567890" (tertulis "+6281200000001\\n") [kontak.whatsapp]',
        ),
        (
            ENTRY,
            "diperbarui: 2026-01-10",
            'diperbarui: 2026-01-10\ntag: ["oleh-oleh\\n"]',
            '18:7: error: tag hanya huruf kecil, angka dan tanda hubung, mis. oleh-oleh (tertulis "oleh-oleh\\n") [tag[0]]',
        ),
    ],
    ids=["nib", "whatsapp", "tag"],
)
def test_a_trailing_newline_does_not_satisfy_a_pattern(
    tmp_path: Path, rel: str, old: str, new: str, expected: str
) -> None:
    """JSON Schema patterns are ECMA-262: ``$`` is the end of the text, not "before a final newline"
    as in Python's ``re``. Found and shown on one line, the newline escaped."""
    files = {"content/products/contoh/ikm.yaml": IKM, ENTRY: PRODUCT}
    files[rel] = files[rel].replace(old, new, 1)
    assert files[rel] != {"content/products/contoh/ikm.yaml": IKM, ENTRY: PRODUCT}[rel]
    files["content/products/contoh/foto/keripik.jpg"] = tiny_jpeg()
    files["content/programs/metro-bangga-beli.yaml"] = PROGRAMME
    root = write_project(tmp_path / "p", files)
    found = [d.format_text() for d in check_content(load_config(root / "site_config.yaml")).diagnostics]
    assert found == [f"{rel}:{expected}"]


# --- the built site: every file escapes, every page mentioning an entry checked -----------------

JSONLD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
OUR_SCRIPTS = re.compile(r"/assets/js/(cari|daftar|embed)\.js\?v=[0-9a-f]+")
NOT_OURS = {"svg", "math", "iframe", "frame", "object", "embed", "base", "applet", "template", "style", "link"}


class Markup(HTMLParser):
    """Every element, attribute and comment of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.comments: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag

    def handle_comment(self, data: str) -> None:
        self.comments.append(data)

    def unknown_decl(self, data: str) -> None:
        self.comments.append(data)


def dangerous_url(url: str) -> bool:
    """Whether a link would run script or open a document the site did not make: entities decoded,
    control characters and spaces dropped (as a browser drops them), lower-cased."""
    plain = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lower()
    return plain.startswith(("javascript:", "data:", "vbscript:"))


def markup_problems(text: str) -> list:
    """What a hostile entry could have smuggled into a page's markup."""
    parser = Markup()
    parser.feed(text)
    parser.close()
    out = []
    link_tags = [(t, a) for t, a in parser.tags if t == "link"]
    for tag, attrs in parser.tags:
        handlers = [k for k in attrs if k.startswith("on")]
        if handlers:
            out.append(("handler", tag, handlers))
        if tag == "script":
            kind, src = attrs.get("type", ""), attrs.get("src", "")
            if not (kind in ("application/ld+json", "application/json") or OUR_SCRIPTS.fullmatch(src)):
                out.append(("script", attrs))
        elif tag in NOT_OURS and not (
            (tag == "link" and attrs.get("rel") in ("icon", "stylesheet", "canonical", "alternate", "modulepreload"))
            or (tag == "template" and not attrs)  # the form's repeatable fields
        ):
            out.append(("element", tag, attrs))
        for name in ("href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"):
            value = attrs.get(name)
            if value is None:
                continue
            if tag == "img" and name == "src" and value.startswith("data:image/") and attrs.get("class") == "pic-ph":
                continue  # the inlined blurred placeholder of a photo (the CSP allows data: images)
            if dangerous_url(value):
                out.append(("url", tag, name, value))
    if parser.comments:
        out.append(("comment", parser.comments))
    assert link_tags  # the stylesheet at least: the parser saw the head
    return out


def strict_json(text: str):
    def refuse(constant: str):
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def names() -> tuple[dict[str, str], dict[str, str]]:
    """Product and IKM names by key."""
    made = entries()
    return {k: p["nama"] for k, (_, p, _) in made.items()}, {k: i["nama_usaha"] for k, (i, _, _) in made.items()}


def mentioning(site: Path) -> list[str]:
    """Site paths of every page that mentions a hostile product or IKM (each name carries a marker)."""
    words = tuple(MARKER.values())
    out = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if any(w in text for w in words):
            out.append(path.relative_to(site).as_posix().removesuffix("index.html"))
    return out


def test_no_page_lets_markup_through(hostile: Path) -> None:
    site = hostile / "_site"
    products, producers = names()
    pages = mentioning(site)
    # each entry's pages, the listings it is in, their embeds and printed catalogues, and the form
    for key in KEYS:
        assert f"produk/{folder(key)}/{Path(entries()[key][2]).stem}/" in pages
        assert f"ikm/{folder(key)}/" in pages
    for listing in (
        "",
        "produk/",
        "ikm/",
        "kategori/makanan/",
        "kategori/makanan/keripik-kerupuk/",
        "program/metro-bangga-beli/",
        "daftar/",
    ):
        assert listing in pages, listing
    assert any(p.startswith("wilayah/") and p.endswith("/embed/") for p in pages)
    assert any(p.startswith("wilayah/") and p.endswith("/cetak/") for p in pages)
    problems = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        where = path.relative_to(site).as_posix()
        csp = CSP.findall(text)
        if len(csp) != 1 or "script-src 'self'" not in csp[0] or "unsafe" in csp[0]:
            problems.append((where, "CSP", csp))
        problems += [(where, *p) for p in markup_problems(text)]
        titles = re.findall(r"<title>(.*?)</title>", text, re.S)
        if len(titles) != 1 or "<" in titles[0]:
            problems.append((where, "title", titles))
        for block in JSONLD.findall(text):
            if "<" in block or ">" in block:
                problems.append((where, "JSON-LD raw", block[:80]))
            strict_json(block)
    assert problems == []
    for key in KEYS:
        _, product, name = entries()[key]
        page = (site / f"produk/{folder(key)}/{Path(name).stem}/index.html").read_text(encoding="utf-8")
        full = f"{products[key]} – {SITE_TITLE}"
        assert f"<title>{markupsafe.escape(full)}</title>" in page
        assert f"<h1>{markupsafe.escape(products[key])}</h1>" in page
        ld = [strict_json(b) for b in JSONLD.findall(page)]
        item = next(b for b in ld if b["@type"] == "Product")
        assert item["name"] == products[key] and item["description"] == product["deskripsi_singkat"]
        assert item["manufacturer"]["name"] == entries()[key][0]["nama_usaha"]
        crumbs = next(b for b in ld if b["@type"] == "BreadcrumbList")
        assert crumbs["itemListElement"][-1]["name"] == products[key]
        page = (site / f"ikm/{folder(key)}/index.html").read_text(encoding="utf-8")
        assert f"<title>{markupsafe.escape(producers[key] + ' – ' + SITE_TITLE)}</title>" in page
        org = next(b for b in map(strict_json, JSONLD.findall(page)) if b["@type"] in ("LocalBusiness", "Organization"))
        assert org["name"] == producers[key] and org["address"]["streetAddress"] == entries()[key][0]["alamat"]


def read_csv(path: Path) -> list[dict]:
    # newline="": a U+2028 inside a cell is text, not a row break (str.splitlines would split there)
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_feeds_and_open_data_carry_the_text_exactly(hostile: Path) -> None:
    site = hostile / "_site"
    products, producers = names()
    by_name = {products[k]: (producers[k], entries()[k][1]) for k in KEYS}
    feeds_seen = 0
    for path in sorted(site.rglob("feed.xml")):
        raw = path.read_bytes()
        if COMMON.encode() not in raw:
            continue
        feeds_seen += 1
        ET.fromstring(raw)  # well-formed XML
        parsed = feedparser.parse(raw)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.entries
        for entry in parsed.entries:
            producer, product = by_name[entry.title]
            assert entry.author == producer
            assert entry.summary.startswith(product["deskripsi_singkat"] + " · ")
            assert entry.link.startswith("https://katalog.example.id/produk/")
        data = strict_json((path.parent / "feed.json").read_text(encoding="utf-8"))
        assert {i["title"] for i in data["items"]} == {e.title for e in parsed.entries}
        for item in data["items"]:
            assert item["summary"] == by_name[item["title"]][1]["deskripsi_singkat"]
            assert item["authors"][0]["name"] == by_name[item["title"]][0]
    assert feeds_seen >= 6  # the site, two category levels, province, regency, programme
    site_feed = feedparser.parse((site / "feed.xml").read_bytes())
    assert sorted(e.title for e in site_feed.entries) == sorted(products.values())
    rows = read_csv(site / "data/produk.csv")
    assert sorted(r["nama"] for r in rows) == sorted(products.values())
    ikm_rows = read_csv(site / "data/ikm.csv")
    assert sorted(r["nama_usaha"] for r in ikm_rows) == sorted(producers.values())
    exported = strict_json((site / "data/produk.json").read_text(encoding="utf-8"))
    assert sorted(p["nama"] for p in exported["produk"]) == sorted(products.values())


# --- in Chromium: nothing runs, the text shows as text ------------------------------------------

GUARD = """() => {
  // keep the page: links and forms do nothing, while every handler an attack could have added runs
  for (const type of ['click', 'submit', 'auxclick']) window.addEventListener(type, (e) => e.preventDefault(), true);
}"""
POINT_AT = """(word) => {
  // the smallest visible elements whose text holds the word, marked for the mouse
  const found = [...document.querySelectorAll('body *')].filter((e) => e.textContent.includes(word)
    && ![...e.children].some((c) => c.textContent.includes(word)) && e.getClientRects().length);
  found.slice(0, 3).forEach((e, i) => e.setAttribute('data-uji', i));
  return Math.min(found.length, 3);
}"""
AIM = """(i) => {
  const e = document.querySelector(`[data-uji="${i}"]`);
  e.scrollIntoView({block: 'center', inline: 'start'});
  const r = e.getClientRects()[0];
  return [r.x + Math.min(r.width, 200) / 2, r.y + r.height / 2];
}"""
SWEEP = """() => {
  const mouse = ['mouseover', 'mouseenter', 'mousemove', 'mousedown', 'mouseup', 'click', 'dblclick', 'contextmenu'];
  const plain = ['focus', 'focusin', 'blur', 'load', 'error', 'animationstart', 'transitionend', 'toggle'];
  for (const el of document.querySelectorAll('body *')) {
    for (const type of mouse) el.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true}));
    for (const type of plain) el.dispatchEvent(new Event(type));
  }
}"""
FACTS = """() => ({
  pwned: typeof window.__pwned,
  title: document.title,
  text: document.body.textContent,
  csp: [...document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]')].map((m) => m.content),
  jsonld: [...document.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent),
  scripts: [...document.scripts].map((s) => [s.type, s.getAttribute('src') || '']),
  urls: [...document.querySelectorAll('[href], [src], [action], [formaction]')].flatMap((e) =>
    ['href', 'src', 'action', 'formaction'].filter((a) => e.hasAttribute(a)).map((a) => [e.tagName.toLowerCase(), a, e.getAttribute(a), e.className])),
  handlers: [...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name)),
  foreign: [...document.querySelectorAll('svg, math, iframe, frame, object, embed, base')].map((e) => e.tagName),
  links: [...document.querySelectorAll('a[href]')].map((a) => [a.getAttribute('href'), a.textContent]),
  alts: [...document.querySelectorAll('img[alt]')].map((i) => i.alt),
  code: [...document.querySelectorAll('code')].map((c) => c.textContent),
  h1: [...document.querySelectorAll('h1')].map((h) => h.textContent),
  overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
})"""


@pytest.fixture(scope="module")
def visit(hostile: Path, serve_dir, browser):
    """Open a page of the hostile site twice: with the CSP bypassed (so an escaping bug would run
    and set ``window.__pwned``), hovering and clicking every element; and with the CSP in force,
    watching the console for a refused inline script. Returns what the page showed."""
    base = serve_dir(hostile / "_site")
    open_ctx = browser.new_context(bypass_csp=True, viewport={"width": 360, "height": 740})
    csp_ctx = browser.new_context(viewport={"width": 360, "height": 740})
    pages = {"open": open_ctx.new_page(), "csp": csp_ctx.new_page()}
    dialogs: list[str] = []
    console: list[str] = []
    for page in pages.values():
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pages["csp"].on("console", lambda m: console.append(m.text))

    def go(path: str, hover: tuple[str, ...] = (), ready: str | None = None) -> dict:
        dialogs.clear()
        console.clear()
        guarded = pages["csp"]
        url = path if path.startswith("http") else base + path
        guarded.goto(url, wait_until="commit")  # loads on while the other page is examined
        page = pages["open"]
        page.goto(url, wait_until="load")
        if ready:
            page.wait_for_function(ready)
        before = page.evaluate(FACTS)
        page.evaluate(GUARD)
        for word in hover:  # a person pointing at the text and clicking it, with the real mouse
            for i in range(page.evaluate(POINT_AT, word)):
                x, y = page.evaluate(AIM, i)
                page.mouse.click(x, y)  # moves there first: mouseover, mousemove, then the click
            page.evaluate("() => document.querySelectorAll('[data-uji]').forEach((e) => e.removeAttribute('data-uji'))")
        page.evaluate(SWEEP)
        page.wait_for_timeout(30)  # a handler's own timers
        after = page.evaluate("() => typeof window.__pwned")
        guarded.wait_for_load_state("load")
        if ready:
            guarded.wait_for_function(ready)
        guarded.evaluate(GUARD)
        guarded.evaluate(SWEEP)
        return {
            **before,
            "pwned_after": after,
            "pwned_csp": guarded.evaluate("() => typeof window.__pwned"),
            "dialogs": list(dialogs),
            "console": list(console),
        }

    yield go
    open_ctx.close()
    csp_ctx.close()


def page_problems(facts: dict) -> list:
    out = []
    if {facts["pwned"], facts["pwned_after"], facts["pwned_csp"]} != {"undefined"}:
        out.append(("window.__pwned", facts["pwned"], facts["pwned_after"], facts["pwned_csp"]))
    if facts["dialogs"]:
        out.append(("dialog", facts["dialogs"]))
    refused = [m for m in facts["console"] if "Content Security Policy" in m or "Refused to" in m]
    if refused:
        out.append(("CSP violation", refused))
    if len(facts["csp"]) != 1 or "script-src 'self'" not in facts["csp"][0]:
        out.append(("CSP meta", facts["csp"]))
    if facts["handlers"] or facts["foreign"]:
        out.append(("injected markup", facts["handlers"], facts["foreign"]))
    for kind, src in facts["scripts"]:
        if kind not in ("application/ld+json", "application/json") and not OUR_SCRIPTS.fullmatch(src):
            out.append(("script", kind, src))
    for tag, attr, value, cls in facts["urls"]:
        placeholder = tag == "img" and attr == "src" and cls == "pic-ph" and value.startswith("data:image/")
        if dangerous_url(value) and not placeholder:
            out.append(("url", tag, attr, value))
    for block in facts["jsonld"]:
        try:
            strict_json(block)
        except ValueError as exc:
            out.append(("JSON-LD", str(exc), block[:80]))
    return out


def test_the_checks_see_an_injection_when_there_is_one(hostile: Path, visit, serve_dir, tmp_path: Path) -> None:
    """The harness itself: a product page with markup that did get through is caught by every check
    (the bypassed CSP lets the script run, the enforced one reports it, the handler and the link show)."""
    key = KEYS[0]
    page = (hostile / "_site" / f"produk/{folder(key)}/{Path(entries()[key][2]).stem}/index.html").read_text(
        encoding="utf-8"
    )
    leaked = '<script>window.__pwned=1</script><img src=x onerror="alert(1)"><a href=" JaVa&#83;cript:void(0)">x</a>'
    (tmp_path / "bocor.html").write_text(page.replace("<h1>", leaked + "<h1>", 1), encoding="utf-8")
    found = {p[0] for p in page_problems(visit(serve_dir(tmp_path) + "bocor.html"))}
    assert found == {"window.__pwned", "dialog", "CSP violation", "injected markup", "script", "url"}
    assert {p[0] for p in markup_problems(page.replace("<h1>", leaked + "<h1>", 1))} == {"handler", "script", "url"}


def heading_problems(where: tuple, facts: dict, name: str) -> list[tuple]:
    """The page's <title> and its one <h1> carry the entry's name, as text."""
    problems = []
    if facts["title"] != collapse(f"{name} – {SITE_TITLE}"):
        problems.append((where, "title", facts["title"]))
    if facts["h1"] != [name]:
        problems.append((where, "h1", facts["h1"]))
    return problems


def test_product_pages_show_every_field_as_text(visit) -> None:
    problems = []
    for key in KEYS:
        ikm, product, name = entries()[key]
        facts = visit(f"produk/{folder(key)}/{Path(name).stem}/", hover=(MARKER[key],))
        where = (key, "product page")
        problems += [(where, *p) for p in page_problems(facts)]
        problems += heading_problems(where, facts, product["nama"])
        shown = [
            product[k] for k in ("nama", "deskripsi_singkat", "merek", "nomor_model", "sku", "berat_bersih", "garansi")
        ]
        shown += [product["tkdn"]["nomor_sertifikat"], *product["sertifikasi"][0].values(), ikm["nama_usaha"]]
        shown += [k for k in product["spesifikasi"]] + list(product["spesifikasi"].values())
        shown = [s for s in shown if s not in ("lainnya",)]
        problems += [(where, "not shown", s) for s in shown if s not in facts["text"]]
        if product["gambar"][0]["alt"] not in facts["alts"]:
            problems.append((where, "alt", product["gambar"][0]["alt"]))
        for attack in PAIRS[key]:
            if ATTACKS[attack].replace("`", "") not in facts["code"]:
                problems.append((where, "code span", attack, facts["code"]))
        hrefs = [h for h, _ in facts["links"]]
        for url in (product["ekatalog_tautan"], product["tkdn"]["tautan"], SAFE_LINK):
            if url not in hrefs:
                problems.append((where, "link", url))
        ld = [strict_json(b) for b in facts["jsonld"]]
        if not any(b.get("@type") == "Product" and b["name"] == product["nama"] for b in ld):
            problems.append((where, "JSON-LD name"))
    assert problems == []


def test_producer_pages_show_every_field_as_text(visit) -> None:
    problems = []
    for key in KEYS:
        ikm, product, _ = entries()[key]
        facts = visit(f"ikm/{folder(key)}/", hover=(MARKER[key], MARKER[KEYS[(KEYS.index(key) + 1) % len(KEYS)]]))
        where = (key, "producer page")
        problems += [(where, *p) for p in page_problems(facts)]
        problems += heading_problems(where, facts, ikm["nama_usaha"])
        for text in (ikm["nama_usaha"], ikm["alamat"], ikm["pembina"], ikm["deskripsi"], product["nama"], ODD_EMAIL):
            if text not in facts["text"]:
                problems.append((where, "not shown", text))
        hrefs = [h for h, _ in facts["links"]]
        kontak = ikm["kontak"]
        for url in (kontak["situs"], *kontak["marketplace"], ikm["ekatalog"]["tautan"], "mailto:" + ODD_EMAIL):
            if url not in hrefs:
                problems.append((where, "link", url))
        ld = [strict_json(b) for b in facts["jsonld"]]
        if not any(b.get("name") == ikm["nama_usaha"] and "address" in b for b in ld):
            problems.append((where, "JSON-LD name"))
    assert problems == []


def test_every_other_page_that_mentions_an_entry(hostile: Path, visit) -> None:
    """Listings by category, region and programme, their embeds and printed catalogues, the home
    page, the producer list and the form: every page the scan of the built site finds."""
    products, producers = names()
    own = {f"produk/{folder(k)}/{Path(entries()[k][2]).stem}/" for k in KEYS} | {f"ikm/{folder(k)}/" for k in KEYS}
    others = [p for p in mentioning(hostile / "_site") if p not in own and p != "daftar/"]
    ikm_of = {KEYS[(i + 1) % len(KEYS)]: key for i, key in enumerate(KEYS)}  # IKM i carries entry i+1's attacks
    by_marker = {MARKER[k]: (products[k], producers[ikm_of[k]]) for k in KEYS}
    assert len(others) >= 15, others
    problems = []
    for path in others:
        facts = visit(path, hover=(COMMON,))
        problems += [(path, *p) for p in page_problems(facts)]
        raw = (hostile / "_site" / path / "index.html").read_text(encoding="utf-8")
        for marker, names_with_it in by_marker.items():
            if marker in raw and not any(n in facts["text"] for n in names_with_it):
                problems.append((path, "not shown as text", marker))
        if any(m in facts["title"] for m in MARKER.values()) and "<" in facts["title"]:
            problems.append((path, "title", facts["title"]))
    assert problems == []


def test_daftar_lists_the_producers_as_plain_options(visit) -> None:
    facts = visit("daftar/", ready="() => document.querySelector('#f-ikm-lama') !== null")
    assert page_problems(facts) == []
    _, producers = names()
    for name in producers.values():
        assert name in facts["text"]


def test_a_very_long_word_does_not_widen_a_page_on_a_phone(visit) -> None:
    facts = visit(f"produk/{folder('komentar')}/{Path(entries()['komentar'][2]).stem}/")
    assert facts["overflow"] <= 0


def test_search_results_show_the_names_as_text(visit) -> None:
    ready = "() => document.getElementById('cari-status').textContent !== '' && !document.getElementById('cari').hasAttribute('aria-busy')"
    products, producers = names()
    facts = visit(f"cari/?q={COMMON}", hover=(COMMON,), ready=ready)
    assert page_problems(facts) == []
    results = {text for href, text in facts["links"] if "/produk/ikm-" in href}
    assert results == set(products.values())
    for name in producers.values():
        assert name in facts["text"]
    for key in ("skrip", "svg", "dialog"):  # one word of a name finds that product
        facts = visit(f"cari/?q={MARKER[key]}", hover=(MARKER[key],), ready=ready)
        assert page_problems(facts) == []
        assert products[key] in {text for _, text in facts["links"]}


# --- YAML attacks through the real command line -------------------------------------------------

FIFTY_MB = 50 * 1024 * 1024
YAML_ATTACKS: dict[str, tuple[bytes, str]] = {
    # name: (file content, the diagnostic's exact text after the path)
    "billion-laughs": (
        (FIXTURES / "bom-alias.yaml").read_bytes(),
        ":4:4: error: anchor dan alias YAML (& dan *) tidak diizinkan; tulis isinya secara langsung [b[0]]",
    ),
    "python-object-apply": (
        (FIXTURES / "python-apply.yaml").read_bytes(),
        ":2:7: error: tag YAML tag:yaml.org,2002:python/object/apply:os.system tidak diizinkan; "
        "hapus tanda ! dan tulis isinya sebagai teks biasa [nama]",
    ),
    "python-name": (
        (FIXTURES / "python-name.yaml").read_bytes(),
        ":3:11: error: tag YAML tag:yaml.org,2002:python/name:os.system tidak diizinkan; "
        "hapus tanda ! dan tulis isinya sebagai teks biasa [kategori]",
    ),
    "deep-nesting": (
        b"schema: 1\nnama: " + b"[" * 10_000 + b"]" * 10_000 + b"\n",
        ":2:39: error: struktur terlalu bertingkat (lebih dari 32 tingkat) [nama[0][0][0][0][0][0][0][0][0][0][0]"
        "[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]]",
    ),
    "deep-nesting-unclosed": (
        b"schema: 1\nnama: " + b"[" * 10_000 + b"\n",
        ":3:1: error: YAML tidak bisa dibaca: ",
    ),
    "fifty-megabytes": (
        b'schema: 1\nnama: "' + b"A" * FIFTY_MB + b'"\n',
        ": error: berkas terlalu besar (51200 KB, maksimal 256 KB); pindahkan uraian panjang ke halaman lain",
    ),
    "key-repeated": (
        (FIXTURES / "kunci-ganda.yaml").read_bytes(),
        ":4:1: error: kolom `nama` ditulis dua kali (pertama di baris 2); hapus salah satunya [nama]",
    ),
    "nul-bytes": (
        b"\0" * 4096,
        ":1:1: error: berkas berisi karakter NUL (bukan teks); pastikan ini berkas teks YAML atau Markdown",
    ),
    "nul-in-text": (
        b"schema: 1\nnama: Keripik\nkategori: makanan/\0keripik\n",
        ":3:1: error: berkas berisi karakter NUL (bukan teks); pastikan ini berkas teks YAML atau Markdown",
    ),
    "invalid-utf8": (
        b"schema: 1\nnama: Keripik \xff\xfe Pisang\n",
        ":2:15: error: berkas berisi karakter yang bukan UTF-8; simpan ulang sebagai UTF-8",
    ),
    "utf16-bom": (
        "schema: 1\nnama: Keripik Pisang\n".encode("utf-16"),
        ":1:1: error: berkas tersimpan dalam UTF-16; simpan ulang sebagai UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8)",
    ),
}


def yaml_attack_project(root: Path, attacks: dict[str, bytes]) -> Path:
    """The valid base project plus one IKM folder per attack, whose product file is the attack."""
    files: dict[str, str | bytes] = {
        "content/products/contoh/ikm.yaml": IKM,
        "content/products/contoh/foto/keripik.jpg": tiny_jpeg(),
        "content/programs/metro-bangga-beli.yaml": PROGRAMME,
    }
    for i, (name, content) in enumerate(attacks.items()):
        files[f"content/products/{name}/ikm.yaml"] = IKM.replace("9120001234567", f"91200012346{i:02d}")
        files[f"content/products/{name}/keripik.yaml"] = content
    return write_project(root, files)


def assert_clean_failure(proc: subprocess.CompletedProcess) -> None:
    assert proc.returncode == 1, proc.stdout + proc.stderr[:2000]
    for bad in ("Traceback", "Kesalahan internal", "Error:", "Exception"):
        assert bad not in proc.stderr, proc.stderr[:2000]


@pytest.mark.parametrize("attack", sorted(YAML_ATTACKS))
def test_yaml_attack_ends_in_a_diagnostic(tmp_path: Path, attack: str) -> None:
    content, expected = YAML_ATTACKS[attack]
    root = yaml_attack_project(tmp_path / "p", {attack: content})
    # a hang guard, not a timed assertion: a subprocess that runs past it fails the test
    proc = run_cli(root, "validate", timeout=20)
    assert_clean_failure(proc)
    where = f"content/products/{attack}/keripik.yaml"
    lines = [line for line in proc.stderr.splitlines() if line.startswith(where)]
    assert len(lines) == 1 and lines[0].startswith(where + expected), proc.stderr[:2000]
    assert len(proc.stderr) < 4000  # nothing of the 50 MB (or of an expansion) is echoed
    assert not (root / "PWNED").exists()


def test_yaml_attacks_leave_an_existing_site_untouched(tmp_path: Path) -> None:
    root = yaml_attack_project(tmp_path / "p", {name: content for name, (content, _) in YAML_ATTACKS.items()})
    site = root / "_site"
    (site / "produk").mkdir(parents=True)
    (site / "index.html").write_text("<p>situs lama</p>\n", encoding="utf-8")
    (site / "produk/index.html").write_text("<p>daftar lama</p>\n", encoding="utf-8")
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()}
    proc = run_cli(root, "build", timeout=60)
    assert_clean_failure(proc)
    for name in YAML_ATTACKS:
        assert f"content/products/{name}/keripik.yaml" in proc.stderr
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in site.rglob("*") if p.is_file()} == before
    # nothing beside the old site but the build cache, which keeps only the entries that passed
    assert sorted(p.name for p in root.iterdir()) == [".etalase-cache", "_site", "content", "site_config.yaml"]
    cached = json.loads((root / ".etalase-cache/entries.json").read_text(encoding="utf-8"))["items"]
    assert "produk" not in {key.split(":")[0] for key in cached}  # every product here is an attack
    assert not (root / "PWNED").exists()


# --- photo paths that try to leave the IKM folder -----------------------------------------------

PHOTO_LINE = f"{ENTRY}:15:13: error: "  # where `berkas:` of the first photo is written in PRODUCT
OUTSIDE = "berkas gambar `{}` berada di luar folder IKM ini; simpan foto di dalam folder content/products/contoh/ [gambar[0].berkas]"
MISSING = (
    "berkas gambar `{}` tidak ditemukan di folder content/products/contoh/; periksa nama berkas "
    "(huruf besar/kecil berpengaruh) [gambar[0].berkas]"
)
ABSOLUTE = (
    "berkas gambar harus ditulis relatif terhadap berkas produk, mis. foto/produk-1.jpg, bukan alamat lengkap "
    "[gambar[0].berkas]"
)
PATTERN = (
    "berkas gambar harus nama berkas jpg, png atau webp tanpa spasi, mis. foto/keripik-1.jpg (tertulis {}) "
    "[gambar[0].berkas]"
)
PATH_TRICKS = {
    "dot-dot": ("../lain/foto/keripik.jpg", OUTSIDE.format("../lain/foto/keripik.jpg")),
    "dot-dot-inside-first": ("foto/../../lain/foto/keripik.jpg", OUTSIDE.format("foto/../../lain/foto/keripik.jpg")),
    "far-up": ("../../../../../../../../etc/hostname.jpg", OUTSIDE.format("../../../../../../../../etc/hostname.jpg")),
    "absolute": ("/etc/passwd.jpg", ABSOLUTE),
    "absolute-to-photo": ("/{root}/content/products/contoh/foto/keripik.jpg", ABSOLUTE),
    "windows-drive": ("C:/foto/keripik.jpg", ABSOLUTE),
    "unc": ("//server/berbagi/keripik.jpg", ABSOLUTE),
    "percent-encoded": ("%2e%2e/lain/foto/keripik.jpg", MISSING.format("%2e%2e/lain/foto/keripik.jpg")),
    "percent-slash": (
        "foto%2f..%2f..%2flain%2ffoto%2fkeripik.jpg",
        MISSING.format("foto%2f..%2f..%2flain%2ffoto%2fkeripik.jpg"),
    ),
    "home": ("~/foto/keripik.jpg", MISSING.format("~/foto/keripik.jpg")),
    "url": ("https://contoh.example.id/keripik.jpg", MISSING.format("https://contoh.example.id/keripik.jpg")),
    "backslashes": (
        "foto\\\\..\\\\..\\\\lain\\\\foto\\\\keripik.jpg",  # YAML "foto\\..\\.." is foto\..\..
        PATTERN.format('"foto\\..\\..\\lain\\foto\\keripik.jpg"'),
    ),
    "nul": ("foto/\\0../../lain/foto/keripik.jpg", CONTROL.format("0000") + " [gambar[0].berkas]"),
    "link-leaving": ("foto/tautan.jpg", OUTSIDE.format("foto/tautan.jpg")),
    "link-to-other-ikm": ("foto/tautan-lain.jpg", OUTSIDE.format("foto/tautan-lain.jpg")),
    "link-inside": (
        "foto/tautan-dalam.jpg",
        "berkas gambar `foto/tautan-dalam.jpg` adalah tautan (symlink); simpan fotonya langsung di folder IKM [gambar[0].berkas]",
    ),
    "linked-folder": ("galeri/keripik.jpg", OUTSIDE.format("galeri/keripik.jpg")),
}


def path_trick_project(root: Path) -> Path:
    files = {
        "content/products/contoh/ikm.yaml": IKM,
        ENTRY: PRODUCT,
        "content/products/contoh/foto/keripik.jpg": tiny_jpeg(),
        "content/products/lain/ikm.yaml": IKM.replace("9120001234567", "9120001234599"),
        "content/products/lain/foto/keripik.jpg": tiny_jpeg(colour=(10, 200, 10)),
        "content/programs/metro-bangga-beli.yaml": PROGRAMME,
    }
    write_project(root, files)
    outside = root.parent / "rahasia.jpg"
    outside.write_bytes(tiny_jpeg(colour=(0, 0, 0)))
    photos = root / "content/products/contoh/foto"
    (photos / "tautan.jpg").symlink_to(outside)
    (photos / "tautan-lain.jpg").symlink_to(root / "content/products/lain/foto/keripik.jpg")
    (photos / "tautan-dalam.jpg").symlink_to(photos / "keripik.jpg")
    (root / "content/products/contoh/galeri").symlink_to(root / "content/products/lain/foto")
    return root


@pytest.fixture(scope="module")
def tricks(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return path_trick_project(tmp_path_factory.mktemp("jalur") / "p")


@pytest.mark.parametrize("trick", sorted(PATH_TRICKS))
def test_photo_path_cannot_leave_the_ikm_folder(tricks: Path, trick: str) -> None:
    written, expected = PATH_TRICKS[trick]
    written = written.replace("/{root}", str(tricks))
    (tricks / ENTRY).write_text(PRODUCT.replace("berkas: foto/keripik.jpg", f'berkas: "{written}"'), encoding="utf-8")
    report = check_content(load_config(tricks / "site_config.yaml"))
    found = [d.format_text() for d in report.diagnostics if d.severity == "error"]
    assert found == [PHOTO_LINE + expected], found


def test_logo_path_cannot_leave_the_ikm_folder(tricks: Path) -> None:
    (tricks / ENTRY).write_text(PRODUCT, encoding="utf-8")
    ikm = tricks / "content/products/contoh/ikm.yaml"
    try:
        ikm.write_text(IKM.replace("diperbarui:", "logo: ../lain/foto/keripik.jpg\ndiperbarui:"), encoding="utf-8")
        found = [d.format_text() for d in check_content(load_config(tricks / "site_config.yaml")).diagnostics]
        assert found == [
            "content/products/contoh/ikm.yaml:10:7: error: "
            + OUTSIDE.format("../lain/foto/keripik.jpg").replace("[gambar[0].berkas]", "[logo]")
        ]
    finally:
        ikm.write_text(IKM, encoding="utf-8")


@pytest.mark.parametrize("target", ["secret", "dev-zero", "ikm"])
def test_an_entry_that_is_a_link_is_not_read(tmp_path: Path, target: str) -> None:
    """A symlink committed as an entry could point at a file outside the repository (its text would
    be published or quoted in a diagnostic) or at /dev/zero (the size limit sees only the link):
    refused without reading it."""
    root = yaml_attack_project(tmp_path / "p", {})
    secret = tmp_path / "rahasia.yaml"
    secret.write_text(PRODUCT.replace("Keripik Pisang Coklat", "Rahasia Negara 4711"), encoding="utf-8")
    shutil_target = {"secret": secret, "dev-zero": Path("/dev/zero"), "ikm": root / "content/products/contoh/ikm.yaml"}
    link = root / ("content/products/lain/ikm.yaml" if target == "ikm" else ENTRY)
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(shutil_target[target])
    if target == "ikm":
        (root / "content/products/lain/keripik.yaml").write_text(PRODUCT, encoding="utf-8")
        (root / "content/products/lain/foto").mkdir()
        (root / "content/products/lain/foto/keripik.jpg").write_bytes(tiny_jpeg())
    proc = run_cli(root, "build", timeout=20)  # a hang guard: /dev/zero never ends
    assert_clean_failure(proc)
    shown = link.relative_to(root).as_posix()
    assert (
        f"{shown}: error: berkas ini adalah tautan (symlink); simpan isinya langsung sebagai berkas biasa di folder ini"
        in proc.stderr.splitlines()
    ), proc.stderr
    assert "Rahasia" not in proc.stderr and not (root / "_site").exists()


# --- property: whatever the bytes, the loader and validator end in diagnostics -------------------

PRODUCT_DATA = yaml.safe_load(PRODUCT)
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=10**20, max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=30)
    | st.dates().map(str)
    | st.sampled_from(["", "-", "~", "null", "yes", "0x1F", "1e999", ".nan", "12:30:00", "2024-02-30", "@", "`", "*a"])
    | st.sampled_from(["baris\nbaru", "makanan/keripik-kerupuk\n", "akhir\r", "pisah\u2028baris", "\x85", "\t"])
)
KEY_NAMES = st.sampled_from(
    sorted({p.split(".")[-1].strip("[]{}*") for p in string_fields(schema_of("produk"))} - {""})
)
KEY_NAMES = KEY_NAMES | st.sampled_from(sorted(PRODUCT_DATA)) | st.text(max_size=12)
STRUCTURES = st.recursive(
    SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(KEY_NAMES, children, max_size=4),
    max_leaves=25,
)


def _mutations():
    keys = sorted(PRODUCT_DATA)
    drop = st.sampled_from(keys).map(lambda k: {x: v for x, v in PRODUCT_DATA.items() if x != k})
    retype = st.tuples(st.sampled_from(keys), STRUCTURES).map(lambda kv: {**PRODUCT_DATA, kv[0]: kv[1]})
    add = st.tuples(KEY_NAMES, STRUCTURES).map(lambda kv: {**PRODUCT_DATA, kv[0]: kv[1]})

    def into_one_string(path: tuple, text: str, at: int) -> dict:
        data = copy.deepcopy(PRODUCT_DATA)
        node = data
        for part in path[:-1]:
            node = node[part]
        value = node[path[-1]]
        node[path[-1]] = value[: at % (len(value) + 1)] + text + value[at % (len(value) + 1) :]
        return data

    strings = [(k,) for k, v in PRODUCT_DATA.items() if isinstance(v, str)]
    strings += [("gambar", 0, "alt"), ("gambar", 0, "berkas"), ("tkdn", "nomor_sertifikat"), ("tkdn", "jenis")]
    unicode = st.tuples(st.sampled_from(strings), st.text(st.characters(codec="utf-8"), min_size=1), st.integers()).map(
        lambda t: into_one_string(*t)
    )
    return drop | retype | add | unicode


def _as_bytes(data, style: int) -> bytes:
    text = yaml.safe_dump(data, allow_unicode=bool(style & 1), sort_keys=False, default_flow_style=bool(style & 2))
    return text.encode("utf-8")


def _text_edit(position: int, inserted: str) -> bytes:
    """Random characters typed into the valid file (which may no longer be YAML)."""
    at = position % (len(PRODUCT) + 1)
    return (PRODUCT[:at] + inserted + PRODUCT[at:]).encode("utf-8", "surrogatepass")


RANDOM_BYTES = st.one_of(
    st.binary(max_size=600),
    st.binary(max_size=200).map(lambda b: PRODUCT.encode()[:300] + b),
    st.tuples(st.integers(0, 10_000), st.text(max_size=10)).map(lambda t: _text_edit(*t)),
)
RANDOM_STRUCTURES = st.tuples(STRUCTURES, st.integers(0, 3)).map(lambda t: _as_bytes(t[0], t[1]))
MUTATIONS = st.tuples(_mutations(), st.integers(0, 3)).map(lambda t: _as_bytes(t[0], t[1]))
FUZZ = settings(
    max_examples=200,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture(scope="module")
def fuzz_project(tmp_path_factory: pytest.TempPathFactory):
    from etalase.categories import load_taxonomy
    from etalase.discover import discover
    from etalase.images import Inspector
    from etalase.load import LOADABLE, load
    from etalase.regions import load_regions
    from etalase.rules import check_layout, loadable
    from etalase.validate import validate

    root = yaml_attack_project(tmp_path_factory.mktemp("acak") / "p", {})
    cfg = load_config(root / "site_config.yaml")
    regions, taxonomy = load_regions(cfg.data_dir / "wilayah.csv"), load_taxonomy(cfg.data_dir / "kategori.yaml")
    photos = Inspector(cfg.images, cfg.cache_dir)

    def check(content: bytes, markdown: bool):
        """discover → load → validate, as ``pipeline.check_content`` runs them (the region and
        category tables read once)."""
        (root / ENTRY).unlink(missing_ok=True)
        (root / ENTRY).with_suffix(".md").unlink(missing_ok=True)
        path = (root / ENTRY).with_suffix(".md" if markdown else ".yaml")
        path.write_bytes(b"---\n" + content + b"\n---\n\nIsi *Markdown*.\n" if markdown else content)
        files = discover(cfg.content_dir, cfg.root)
        diags: list[Diagnostic] = []
        check_layout(files, diags)
        docs = [doc for f in files if f.kind in LOADABLE and loadable(f) if (doc := load(f, diags)) is not None]
        return validate(files, docs, diags, cfg, regions, taxonomy, photos), path.relative_to(root).as_posix(), cfg

    return check


def assert_ends_in_diagnostics(check, content: bytes, markdown: bool) -> None:
    checked, _, cfg = check(content, markdown)
    diags = checked.diagnostics
    assert isinstance(diags, list)
    lines = content.count(b"\n") + 4
    for d in diags:
        assert isinstance(d, Diagnostic)
        assert isinstance(d.path, str) and d.path.startswith("content/")
        assert isinstance(d.line, int) and isinstance(d.col, int) and 0 <= d.line <= lines and d.col >= 0
        assert (d.line == 0) == (d.col == 0)
        assert isinstance(d.message, str) and d.message.strip() and isinstance(d.field, str)
        assert d.severity in ("error", "warning")
        text = d.format_text()
        assert len(text.splitlines()) == 1, text  # one problem, one line
        assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f]", text), text
        d.format_github()
    event("valid" if checked.ok else "refused")
    if checked.ok:
        # it passed: then it builds, its structured data is JSON and its feed is XML
        site = build_site(checked, cfg, checked.taxonomy, checked.regions)
        urls = Urls(cfg.base_url)
        for product in site.products:
            strict_json(seo.dumps(seo.product(product, (), urls)))
        atom = feeds.atom(
            list(site.products),
            title="uji",
            page_path="",
            feed_path="feed.xml",
            urls=urls,
            site_title=SITE_TITLE,
            fallback=cfg.today,
        )
        ET.fromstring(atom)


@FUZZ
@given(content=RANDOM_BYTES, markdown=st.booleans())
def test_random_bytes_end_in_diagnostics(fuzz_project, content: bytes, markdown: bool) -> None:
    assert_ends_in_diagnostics(fuzz_project, content, markdown)


@FUZZ
@given(content=RANDOM_STRUCTURES, markdown=st.booleans())
def test_random_yaml_structures_end_in_diagnostics(fuzz_project, content: bytes, markdown: bool) -> None:
    assert_ends_in_diagnostics(fuzz_project, content, markdown)


@FUZZ
@given(content=MUTATIONS, markdown=st.booleans())
def test_mutations_of_a_valid_product_end_in_diagnostics_or_build(fuzz_project, content: bytes, markdown: bool) -> None:
    assert_ends_in_diagnostics(fuzz_project, content, markdown)
