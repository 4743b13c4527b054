"""Issue → pull request: turn the body of a "Produk baru" issue form into content files.

The issue form (``.github/ISSUE_TEMPLATE/produk-baru.yml``, written by tools/make_issue_form.py
from ``FIELDS``) renders as ``### <label>`` sections. Every byte of it is untrusted: values become
Python objects dumped with ``yaml.safe_dump`` (no YAML can be injected), slugs are derived and
checked (no path can leave ``content/products/``), photos are fetched only from GitHub's own
attachment hosts, size-capped and type-checked by their bytes. The files are then validated by
the same validator as every pull request; if anything is wrong, nothing stays written and the
result carries an Indonesian comment for the issue instead.

    python -m etalase.intake --body-file body.md --issue 12 --result result.json
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import re
import sys
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from etalase.i18n import t
from etalase.rules import SLUG_RE, suggest_slug

NO_RESPONSE = "_No response_"
PHOTO_HOSTS = {
    "github.com",
    "user-images.githubusercontent.com",
    "private-user-images.githubusercontent.com",
    "objects.githubusercontent.com",
}
PHOTO_PATH = re.compile(r"^/(user-attachments/assets/[0-9a-f-]{36}|[\w.-]+/[\w.-]+/assets/\d+/[0-9a-f-]{36})$")
MAGIC = {b"\xff\xd8\xff": "jpg", b"\x89PNG\r\n\x1a\n": "png"}
MAX_PHOTOS = 8
MAX_FIELD = 20_000  # characters kept of any one answer


@dataclass(frozen=True)
class FormField:
    id: str
    kind: str  # input textarea dropdown checkboxes
    required: bool = False
    options: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return t(f"msg.intake.field.{self.id}.label")

    @property
    def help(self) -> str:
        return t(f"msg.intake.field.{self.id}.help")


UNITS = ("pcs", "buah", "lembar", "bungkus", "botol", "kotak", "paket", "set", "kg", "gram", "liter", "meter",
         "unit", "lusin", "kodi", "rim")  # fmt: skip
FIELDS: tuple[FormField, ...] = (
    FormField("ikm", "input"),
    FormField("nama_usaha", "input"),
    FormField("nib", "input"),
    FormField("provinsi", "dropdown"),
    FormField("kabupaten_kota", "input"),
    FormField("kecamatan", "input"),
    FormField("alamat", "input"),
    FormField("whatsapp", "input"),
    FormField("nama", "input", True),
    FormField("kategori", "dropdown", True),
    FormField("deskripsi_singkat", "input", True),
    FormField("deskripsi", "textarea"),
    FormField("gambar", "textarea", True),
    FormField("gambar_alt", "input"),
    FormField("merek", "input"),
    FormField("nomor_model", "input"),
    FormField("sku", "input"),
    FormField("kbli", "input"),
    FormField("harga", "input"),
    FormField("harga_satuan", "dropdown", options=UNITS),
    FormField("harga_grosir", "textarea"),
    FormField("minimal_pesan", "input"),
    FormField("ketersediaan", "dropdown", options=("tersedia", "pre-order", "habis")),
    FormField("waktu_produksi_hari", "input"),
    FormField("asal_wilayah", "input"),
    FormField("tkdn_nilai", "input"),
    FormField("tkdn_bmp", "input"),
    FormField("tkdn_jenis", "dropdown", options=("tkdn-ik", "reguler")),
    FormField("tkdn_nomor_sertifikat", "input"),
    FormField("tkdn_tanggal_terbit", "input"),
    FormField("sertifikasi", "textarea"),
    FormField("spesifikasi", "textarea"),
    FormField("berat_bersih", "input"),
    FormField("garansi", "input"),
    FormField("tag", "input"),
    FormField("ekatalog_tautan", "input"),
    FormField("persetujuan", "checkboxes", True, options=("x",)),
)
# product properties the form does not ask for: written by the intake itself
AUTOMATIC = {"schema", "diperbarui", "status"}


def category_options(data_dir: Path) -> list[str]:
    raw = yaml.safe_load((data_dir / "kategori.yaml").read_text(encoding="utf-8"))
    return [
        f"{top['slug']}/{sub['slug']} — {top['nama']}: {sub['nama']}" for top in raw["kategori"] for sub in top["sub"]
    ]


def province_options(data_dir: Path) -> list[str]:
    with open(data_dir / "wilayah.csv", encoding="utf-8", newline="") as fh:
        return [f"{r['kode']} — {r['nama']}" for r in csv.DictReader(fh) if r["tingkat"] == "provinsi"]


def parse_body(body: str) -> dict[str, str]:
    """``### <label>`` sections of a rendered issue form → {field id: answer} (empty answers and
    unknown labels dropped)."""
    by_label = {f.label: f.id for f in FIELDS}
    answers: dict[str, str] = {}
    for block in re.split(r"^### ", body.replace("\r\n", "\n"), flags=re.M)[1:]:
        label, _, value = block.partition("\n")
        fid = by_label.get(label.strip())
        value = value.strip()[:MAX_FIELD]
        if fid and value and value != NO_RESPONSE:
            answers[fid] = value
    return answers


@dataclass
class Intake:
    ikm: str = ""
    product: str = ""
    docs: dict[str, tuple[dict, str]] = field(default_factory=dict)  # rel path → (document, schema name)
    photos: list[tuple[str, str, dict]] = field(default_factory=list)  # (url, rel stem, its gambar item)
    problems: list[str] = field(default_factory=list)


def _problem(fid: str, key: str, **values) -> str:
    return t(f"msg.intake.{key}", field=t(f"msg.intake.field.{fid}.label"), **values)


def _int(a: dict[str, str], fid: str, out: Intake) -> int | None:
    if fid not in a:
        return None
    text = a[fid].replace(".", "").replace(" ", "").removeprefix("Rp")
    if not text.isdigit():
        out.problems.append(_problem(fid, "not_number", value=a[fid][:40]))
        return None
    return int(text)


def _number(a: dict[str, str], fid: str, out: Intake) -> float | None:
    if fid not in a:
        return None
    try:
        return float(a[fid].replace(",", ".").removesuffix("%").strip())
    except ValueError:
        out.problems.append(_problem(fid, "not_number", value=a[fid][:40]))
        return None


def _pairs(text: str) -> list[tuple[str, str]]:
    out = []
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip() and value.strip():
            out.append((key.strip().lstrip("-* ").strip(), value.strip()))
    return out


IMAGE_LINK = re.compile(r"!\[[^\]]*\]\((\S+?)\)|<img[^>]*\bsrc=\"([^\"]+)\"")


def photo_urls(text: str) -> list[str]:
    """Attachment links as GitHub writes them: ``![name](url)`` or ``<img … src="url">``."""
    return [m[0] or m[1] for m in IMAGE_LINK.findall(text)]


def allowed_photo(url: str) -> bool:
    parts = urllib.parse.urlsplit(url)
    return (
        parts.scheme == "https"
        and parts.hostname in PHOTO_HOSTS
        and (parts.hostname != "github.com" or bool(PHOTO_PATH.match(parts.path)))
    )


def build_intake(a: dict[str, str], existing: set[str], today: dt.date) -> Intake:
    """The answers → the files to write (or the problems to report)."""
    out = Intake()
    for f in FIELDS:
        if f.required and f.id not in a:
            out.problems.append(_problem(f.id, "required"))
    folder = a.get("ikm", "").strip().strip("/")
    new_ikm = not folder
    if folder and folder not in existing:
        out.problems.append(_problem("ikm", "unknown_ikm", value=folder[:60], hint=suggest_slug(folder)))
    if new_ikm:
        for fid in ("nama_usaha", "nib", "kabupaten_kota", "whatsapp"):
            if fid not in a:
                out.problems.append(_problem(fid, "required_new_ikm"))
        folder = suggest_slug(a.get("nama_usaha", ""))[:60].strip("-")
        if folder in existing:
            out.problems.append(_problem("nama_usaha", "ikm_exists", value=folder))
    out.ikm = folder
    out.product = suggest_slug(a.get("nama", ""))[:80].strip("-")
    if out.problems:
        return out
    assert SLUG_RE.match(out.ikm) and SLUG_RE.match(out.product)  # suggest_slug only makes slugs
    base = f"content/products/{out.ikm}/"

    product: dict = {"schema": 1, "nama": a["nama"], "kategori": a["kategori"].split(" — ")[0].strip()}
    product["deskripsi_singkat"] = a["deskripsi_singkat"]
    if "deskripsi" in a:
        product["deskripsi"] = a["deskripsi"]
    urls = photo_urls(a.get("gambar", ""))
    if not urls:
        out.problems.append(_problem("gambar", "no_photo"))
    images = []
    for i, url in enumerate(urls[:MAX_PHOTOS], 1):
        if not allowed_photo(url):
            out.problems.append(_problem("gambar", "photo_host", n=i, host=urllib.parse.urlsplit(url).hostname or "?"))
            continue
        stem = f"foto/{out.product}-{i}"
        alt = a.get("gambar_alt") or a["nama"]
        image = {"berkas": stem, "alt": alt if i == 1 else f"{alt} ({i})"}
        images.append(image)
        out.photos.append((url, base + stem, image))
    product["gambar"] = images
    product["diperbarui"] = today
    for fid in ("merek", "nomor_model", "sku", "kbli", "berat_bersih", "garansi", "ekatalog_tautan", "asal_wilayah"):
        if fid in a:
            product[fid] = a[fid]
    price = _int(a, "harga", out)
    if price is not None:
        product["harga"] = {"nilai": price, "satuan": a.get("harga_satuan", "pcs")}
        tiers = [(k, v) for k, v in _pairs(a.get("harga_grosir", ""))]
        if tiers:
            grosir = []
            for k, v in tiers:
                lo, hi = _int({"x": k}, "x", Intake()), _int({"x": v}, "x", Intake())
                if lo is None or hi is None:
                    out.problems.append(_problem("harga_grosir", "bad_line", value=f"{k}: {v}"[:60]))
                else:
                    grosir.append({"minimal": lo, "nilai": hi})
            product["harga"]["grosir"] = grosir
    for fid in ("minimal_pesan", "waktu_produksi_hari"):
        value = _int(a, fid, out)
        if value is not None:
            product[fid] = value
    if "ketersediaan" in a:
        product["ketersediaan"] = a["ketersediaan"]
    if "tkdn_nilai" in a:
        tkdn: dict = {"nilai": _number(a, "tkdn_nilai", out)}
        if "tkdn_bmp" in a:
            tkdn["bmp"] = _number(a, "tkdn_bmp", out)
        tkdn["jenis"] = a.get("tkdn_jenis", "")
        tkdn["nomor_sertifikat"] = a.get("tkdn_nomor_sertifikat", "")
        tkdn["tanggal_terbit"] = a.get("tkdn_tanggal_terbit", "")
        product["tkdn"] = {k: v for k, v in tkdn.items() if v not in ("", None)}
    certs = [{"jenis": k.lower(), "nomor": v} for k, v in _pairs(a.get("sertifikasi", ""))]
    if certs:
        product["sertifikasi"] = certs
    specs = dict(_pairs(a.get("spesifikasi", "")))
    if specs:
        product["spesifikasi"] = specs
    if "tag" in a:
        product["tag"] = [s.strip().lower() for s in a["tag"].split(",") if s.strip()]
    out.docs[base + f"{out.product}.yaml"] = (product, "produk")

    if new_ikm:
        ikm: dict = {"schema": 1, "nama_usaha": a["nama_usaha"], "nib": a["nib"]}
        ikm["wilayah"] = {"kabupaten_kota": a["kabupaten_kota"]}
        if "kecamatan" in a:
            ikm["wilayah"]["kecamatan"] = a["kecamatan"]
        if "alamat" in a:
            ikm["alamat"] = a["alamat"]
        ikm["kontak"] = {"whatsapp": a["whatsapp"].replace(" ", "").replace("-", "")}
        ikm["diperbarui"] = today
        out.docs[base + "ikm.yaml"] = (ikm, "ikm")
    return out


def _yaml(doc: dict, schema: str) -> str:
    head = f"# yaml-language-server: $schema=../../../schema/{schema}.schema.json\n"
    return head + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


Fetch = Callable[[str, int], bytes]


def fetch(url: str, limit: int) -> bytes:
    """GET ``url`` following redirects only between GitHub's attachment hosts; at most ``limit``
    bytes."""

    class Guard(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, req, fp, code, msg, headers, newurl):
            if urllib.parse.urlsplit(newurl).hostname not in PHOTO_HOSTS:
                raise ValueError(newurl)
            return super().redirect_request(req, fp, code, msg, headers, newurl)

    opener = urllib.request.build_opener(Guard)
    with opener.open(urllib.request.Request(url, headers={"User-Agent": "etalase-intake"}), timeout=30) as resp:
        data = resp.read(limit + 1)
    return data


def photo_kind(data: bytes) -> str:
    for magic, kind in MAGIC.items():
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return ""


def run(body: str, root: Path, issue: int, get: Fetch = fetch, today: dt.date | None = None) -> dict:
    """The whole intake: parse, write, fetch photos, validate. Returns the result document; on any
    problem nothing is left written."""
    from etalase.config import load_config
    from etalase.pipeline import check_content

    cfg = load_config(root / "site_config.yaml")
    products_dir = cfg.content_dir / "products"
    existing = {p.name for p in products_dir.iterdir() if p.is_dir()} if products_dir.is_dir() else set()
    intake = build_intake(parse_body(body), existing, today or cfg.today)
    written: list[Path] = []
    problems = list(intake.problems)
    try:
        if not problems:
            for url, stem, image in intake.photos:
                try:
                    data = get(url, cfg.images.max_bytes)
                except Exception:
                    problems.append(t("msg.intake.photo_fetch", url=url))
                    continue
                if len(data) > cfg.images.max_bytes:
                    problems.append(t("msg.intake.photo_big", url=url, limit=cfg.images.max_bytes // 1048576))
                    continue
                kind = photo_kind(data)
                if not kind:
                    problems.append(t("msg.intake.photo_type", url=url))
                    continue
                target = root / f"{stem}.{kind}"
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(data)
                written.append(target)
                image["berkas"] += f".{kind}"
        if not problems:
            for rel, (doc, schema) in intake.docs.items():
                text = _yaml(doc, schema)
                target = root / rel
                if target.exists():
                    problems.append(t("msg.intake.exists", path=rel))
                    continue
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(text, encoding="utf-8")
                written.append(target)
        if not problems:
            report = check_content(cfg)
            mine = {str(p.relative_to(root)) for p in written}
            problems += [
                d.format_text() for d in sorted(report.diagnostics) if d.severity == "error" and d.path in mine
            ]
            if not report.ok and not problems:  # the catalog was already broken elsewhere
                problems.append(t("msg.intake.catalog_broken"))
    finally:
        if problems:
            for p in written:
                p.unlink(missing_ok=True)
            if intake.ikm and (products_dir / intake.ikm).is_dir() and intake.ikm not in existing:
                import shutil

                shutil.rmtree(products_dir / intake.ikm, ignore_errors=True)
    ok = not problems
    name = intake.product or "produk"
    return {
        "ok": ok,
        "files": sorted(str(p.relative_to(root)) for p in written) if ok else [],
        "branch": f"produk/{intake.ikm or 'ikm'}/{name}-issue-{issue}",
        "title": t("msg.intake.pr_title", name=name, issue=issue),
        "body": t("msg.intake.pr_body", issue=issue),
        "comment": ""
        if ok
        else t("msg.intake.comment", n=len(problems)) + "\n\n" + "\n".join(f"- {p}" for p in problems),
        "problems": problems,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etalase.intake", description=__doc__)
    parser.add_argument("--body-file", type=Path, required=True)
    parser.add_argument("--root", type=Path, default=Path("."))
    parser.add_argument("--issue", type=int, default=0)
    parser.add_argument("--result", type=Path, default=Path("result.json"))
    args = parser.parse_args(argv)
    body = args.body_file.read_bytes().decode("utf-8", errors="replace")
    result = run(body, args.root.resolve(), args.issue)
    args.result.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print("ok" if result["ok"] else f"{len(result['problems'])} masalah")
    return 0


if __name__ == "__main__":
    sys.exit(main())
