"""The "Produk baru" issue form: its fields, and its rendered answers → content documents.

GitHub renders an issue form as ``### <label>`` sections (``_No response_`` for an empty one).
Every byte of it is untrusted. Answers are cleaned (control and bidi characters dropped, one
line for one-line fields), turned into Python values and dumped with the safe dumper, so no
answer can add a key or a document. Folder and file names are slugs derived here; an existing
IKM is only ever one of the folders that exist. Photos are only GitHub attachment links.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import unicodedata
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from etalase.categories import load_taxonomy
from etalase.i18n import t
from etalase.regions import DISTRICT, PROVINCE, REGENCY, RegionTable, load_regions, slugify
from etalase.rules import SLUG_RE
from etalase.scaffold import _dump, _whatsapp

NO_RESPONSE = "_No response_"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"
MAX_PHOTOS = 8
SLUG_MAX = 60


@dataclass(frozen=True)
class FormField:
    id: str
    kind: str  # input textarea dropdown checkboxes (GitHub issue form types)
    required: bool = False
    enum: tuple[str, ...] = ()  # dropdown options from this enum of produk.schema.json

    @property
    def label(self) -> str:
        return t(f"msg.intake.field.{self.id}.label")

    @property
    def help(self) -> str:
        return t(f"msg.intake.field.{self.id}.help")


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
    FormField("harga_satuan", "dropdown", enum=("harga", "satuan")),
    FormField("harga_grosir", "textarea"),
    FormField("minimal_pesan", "input"),
    FormField("ketersediaan", "dropdown", enum=("ketersediaan",)),
    FormField("waktu_produksi_hari", "input"),
    FormField("asal_wilayah", "input"),
    FormField("tkdn_nilai", "input"),
    FormField("tkdn_bmp", "input"),
    FormField("tkdn_jenis", "dropdown", enum=("tkdn", "jenis")),
    FormField("tkdn_nomor_sertifikat", "input"),
    FormField("tkdn_tanggal_terbit", "input"),
    FormField("sertifikasi", "textarea"),
    FormField("spesifikasi", "textarea"),
    FormField("berat_bersih", "input"),
    FormField("garansi", "input"),
    FormField("tag", "input"),
    FormField("ekatalog_tautan", "input"),
    FormField("persetujuan", "checkboxes", True),
)
BY_ID = {f.id: f for f in FIELDS}
NEW_IKM_REQUIRED = ("nama_usaha", "nib", "kabupaten_kota", "whatsapp")
# product properties the form does not ask for: written by the intake itself (or left out)
AUTOMATIC = {"schema", "diperbarui", "status"}
TEXT_FIELDS = ("merek", "nomor_model", "sku", "kbli", "berat_bersih", "garansi", "ekatalog_tautan")


# ---------- dropdown options, from the data tables and the schema ----------


def category_options(data_dir: Path) -> list[str]:
    tax = load_taxonomy(data_dir / "kategori.yaml")
    return [f"{sub.key} — {top.name}: {sub.name}" for top in tax.tops for sub in tax.subs[top.slug]]


def province_options(data_dir: Path) -> list[str]:
    return [f"{r.code} — {r.name}" for r in load_regions(data_dir / "wilayah.csv").all() if r.level == PROVINCE]


def enum_options(path: tuple[str, ...], schema_dir: Path = SCHEMA_DIR) -> list[str]:
    node = json.loads((schema_dir / "produk.schema.json").read_text(encoding="utf-8"))
    for key in path:
        node = node["properties"][key]
    return list(node["enum"])


def options(f: FormField, data_dir: Path) -> list[str]:
    if f.id == "kategori":
        return category_options(data_dir)
    if f.id == "provinsi":
        return province_options(data_dir)
    return enum_options(f.enum)


# ---------- the rendered body → {field id: answer} ----------

HEADING = re.compile(r"### (.+?)\s*")
INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


def clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return INVISIBLE.sub("", text)


def parse_body(body: str) -> dict[str, str]:
    """Sections in form order: a ``### <label>`` line opens a section only when it is a label
    of the form later than the current one (a heading typed inside an answer stays text)."""
    position = {f.label: i for i, f in enumerate(FIELDS)}
    answers: dict[str, str] = {}
    current, lines = -1, []

    def close() -> None:
        if current < 0:
            return
        f = FIELDS[current]
        value = "\n".join(lines).strip()
        if f.kind in ("input", "dropdown"):
            value = " ".join(value.split())
        if value and value != NO_RESPONSE:
            answers[f.id] = value

    for line in clean(body).split("\n"):
        m = HEADING.fullmatch(line)
        pos = position.get(m[1]) if m else None
        if pos is not None and pos > current:
            close()
            current, lines = pos, []
        elif current >= 0:
            lines.append(line)
    close()
    return answers


# ---------- photos: only GitHub's attachment links ----------

ASSET = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
REPO = r"[A-Za-z0-9-]+/[\w-]+(?:\.[\w-]+)*"  # owner/name, no "." or ".." segment
ATTACHMENT_PATHS = {
    "github.com": re.compile(rf"/user-attachments/assets/{ASSET}|/{REPO}/assets/\d+/{ASSET}"),
    "user-images.githubusercontent.com": re.compile(r"/\d+/[\w-]+(?:\.[A-Za-z]+)?"),
    "private-user-images.githubusercontent.com": re.compile(r"/\d+/[\w-]+(?:\.[A-Za-z]+)?"),
}
URL_TOKEN = re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s<>\"')\]]+|\b(?:javascript|data|file):[^\s<>\"')\]]+", re.I)


def photo_urls(text: str) -> list[str]:
    """Every link in the photo answer, in order, once: ``![name](url)``, ``<img src="url">`` as
    GitHub writes them, or a link pasted as text (which is then refused if not an attachment)."""
    return list(dict.fromkeys(m.group(0) for m in URL_TOKEN.finditer(text)))


def allowed_host(url: str) -> str:
    """The host of an https URL on one of GitHub's attachment hosts, else ``""``."""
    try:
        parts = urllib.parse.urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    host = parts.hostname or ""
    ok = parts.scheme == "https" and port is None and parts.netloc.lower() == host and host in ATTACHMENT_PATHS
    return host if ok else ""


def allowed_photo(url: str) -> bool:
    host = allowed_host(url)
    return bool(host) and bool(ATTACHMENT_PATHS[host].fullmatch(urllib.parse.urlsplit(url).path))


def host_of(url: str) -> str:
    try:
        return urllib.parse.urlsplit(url).hostname or ""
    except ValueError:
        return ""


# ---------- answers → documents ----------


def quote(value: str, limit: int = 60) -> str:
    """An answer shown inside a message: one line, shortened, as a Markdown code span that the
    answer itself cannot close."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    run = max((len(r) for r in re.findall(r"`+", value)), default=0)
    fence = "`" * (run + 1)
    pad = " " if run else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def make_slug(text: str, limit: int = SLUG_MAX) -> str:
    """Lowercase ASCII letters, digits and '-' (accents folded), cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    slug = slugify(ascii_text)
    if len(slug) > limit:
        slug = slug[:limit]
        slug = slug.rsplit("-", 1)[0] if "-" in slug else slug
    return slug.strip("-")


@dataclass
class Photo:
    url: str
    stem: str  # <content>/products/<ikm>/foto/<product>-<n>; the extension comes from the bytes
    image: dict  # its `gambar` entry; `berkas` gets the extension once the photo is fetched


@dataclass
class Intake:
    ikm: str = ""
    product: str = ""
    name: str = ""
    new_ikm: bool = False
    docs: dict[str, tuple[dict, str]] = field(default_factory=dict)  # rel path → (document, schema)
    photos: list[Photo] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


RUPIAH = re.compile(r"(?:rp\.?)?\s*([0-9][0-9. ]{0,20}?)\s*(?:,-|,00|\.-)?", re.I)
COUNT = re.compile(r"([0-9][0-9.]{0,12})\s*[^\W\d_]*")  # "10", "1.000", "3 hari"
PERCENT = re.compile(r"([0-9]{1,3}(?:[.,][0-9]+)?)\s*%?")
RANGE = re.compile(r"\s*(?:-|–|—|s/d|sampai)\s*", re.I)
DATE_ISO = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})")
DATE_ID = re.compile(r"([0-9]{1,2})[-/.]([0-9]{1,2})[-/.]([0-9]{4})")
CERT_ALIASES = {"p-irt": "pirt", "spp-irt": "pirt", "sppirt": "pirt", "md": "bpom-md", "ml": "bpom-ml",
                "haki": "haki-merek", "merek": "haki-merek", "sertifikat-halal": "halal"}  # fmt: skip


class _Reader:
    """The answers with the problems found while reading them."""

    def __init__(self, answers: dict[str, str], regions: RegionTable) -> None:
        self.a = answers
        self.regions = regions
        self.problems: list[str] = []

    def problem(self, fid: str, key: str, **values: str | int) -> None:
        self.problems.append(t(f"msg.intake.{key}", field=BY_ID[fid].label, **values))

    def rupiah(self, fid: str, text: str) -> int | None:
        value = _number(RUPIAH, text)
        if value is None:
            self.problem(fid, "not_number", value=quote(text))
        return value

    def count(self, fid: str) -> int | None:
        if fid not in self.a:
            return None
        value = _number(COUNT, self.a[fid])
        if value is None:
            self.problem(fid, "not_number", value=quote(self.a[fid]))
        return value

    def percent(self, fid: str) -> float | None:
        if fid not in self.a:
            return None
        m = PERCENT.fullmatch(self.a[fid])
        if not m:
            self.problem(fid, "not_percent", value=quote(self.a[fid]))
            return None
        value = float(m[1].replace(",", "."))
        return int(value) if value.is_integer() else value

    def date(self, fid: str) -> dt.date | None:
        text = self.a.get(fid, "")
        if not text:
            return None
        m, iso = DATE_ISO.fullmatch(text), True
        if not m:
            m, iso = DATE_ID.fullmatch(text), False
        try:
            if m:
                y, mo, d = (m[1], m[2], m[3]) if iso else (m[3], m[2], m[1])
                return dt.date(int(y), int(mo), int(d))
        except ValueError:
            pass
        self.problem(fid, "bad_date", value=quote(text))
        return None

    def pairs(self, fid: str) -> list[tuple[str, str]]:
        """``Name: value`` lines (a leading ``-`` or ``*`` of a list is allowed)."""
        out = []
        for line in self.a.get(fid, "").splitlines():
            line = line.strip().lstrip("-*• ").strip()
            if not line:
                continue
            key, sep, value = line.partition(":")
            if sep and key.strip() and value.strip():
                out.append((" ".join(key.split()), " ".join(value.split())))
            else:
                self.bad_line(fid, line)
        return out

    def bad_line(self, fid: str, line: str) -> None:
        self.problem(fid, "bad_line", value=quote(line), example=t(f"msg.intake.field.{fid}.example"))

    def region(self, fid: str, level: str, within: str = "") -> str | None:
        """A code, or a name resolved to its code (inside ``within`` when given)."""
        text = self.a.get(fid, "")
        if not text:
            return None
        scope = [r for r in self.regions.all() if r.level == level and r.code.startswith(within)]
        code = text.replace(" ", "")
        if re.fullmatch(r"[0-9]{2}(\.[0-9]{2}){1,2}", code):
            if any(r.code == code for r in scope):
                return code
            self.problem(fid, "region_code", value=quote(text))
            return None
        wanted, kind = _bare(text)
        found = [r for r in scope if _bare(r.name)[0] == wanted]
        if kind and level == REGENCY:
            found = [r for r in found if r.is_city == (kind == "kota")] or found
        if len(found) == 1:
            return found[0].code
        if found:
            listed = ", ".join(f"{r.name} ({r.code})" for r in found[:6])
            self.problem(fid, "region_many", value=quote(text), options=listed)
            return None
        names = {_bare(r.name)[0]: r for r in scope}
        near = difflib.get_close_matches(wanted, names, n=3, cutoff=0.75)
        if near:
            listed = ", ".join(f"{names[n].name} ({names[n].code})" for n in near)
            self.problem(fid, "region_near", value=quote(text), options=listed)
        else:
            self.problem(fid, "region_unknown", value=quote(text))
        return None


def _number(pattern: re.Pattern, text: str) -> int | None:
    m = pattern.fullmatch(text.strip())
    return int(m[1].replace(".", "").replace(" ", "")) if m else None


def _bare(name: str) -> tuple[str, str]:
    """ "Kabupaten Lampung Selatan", "Kab. Lampung Selatan" → ("lampung-selatan", "kab")."""
    slug = make_slug(name, 200)
    for prefix, kind in (("kabupaten-", "kab"), ("kab-", "kab"), ("kota-", "kota"), ("kecamatan-", ""), ("kec-", "")):
        if slug.startswith(prefix):
            return slug[len(prefix) :], kind
    return slug, ""


def _ikm_folder(text: str) -> str:
    """The folder named in the answer: a folder name, or the IKM page's address."""
    parts = [p for p in re.split(r"[/\\]", text.strip().lower()) if p]
    if "ikm" in parts[:-1]:
        parts = parts[parts.index("ikm") + 1 :]
    return parts[-1] if parts else ""


def build_intake(
    answers: dict[str, str], existing: set[str], regions: RegionTable, today: dt.date, content: str = "content"
) -> Intake:
    """The answers → the documents to write and the photos to fetch (paths under ``content``, the
    content folder relative to the project), or the problems found."""
    r = _Reader(answers, regions)
    a = answers
    out = Intake(name=a.get("nama", ""))
    for f in FIELDS:
        if f.required and f.id not in a:
            r.problem(f.id, "required")
    if "persetujuan" in a and not re.search(r"^- \[[xX]\] ", a["persetujuan"], re.M):
        r.problem("persetujuan", "not_ticked")

    ikm_doc: dict | None = None
    if "ikm" in a:
        out.ikm = _ikm_folder(a["ikm"])
        if out.ikm not in existing:
            near = difflib.get_close_matches(out.ikm, sorted(existing), n=1)
            hint = t("msg.intake.unknown_ikm_near", name=quote(near[0])) if near else ""
            r.problem("ikm", "unknown_ikm", value=quote(a["ikm"]), near=hint)
    else:
        out.new_ikm = True
        for fid in NEW_IKM_REQUIRED:
            if fid not in a:
                r.problem(fid, "required_new_ikm")
        if "nama_usaha" in a:
            out.ikm = make_slug(a["nama_usaha"])
            if not out.ikm:
                r.problem("nama_usaha", "no_letters")
            elif out.ikm in existing:
                r.problem("nama_usaha", "ikm_exists", value=quote(out.ikm), ikm=BY_ID["ikm"].label)
        ikm_doc = _ikm(r)

    if "nama" in a:
        out.product = make_slug(a["nama"])
        if not out.product:
            r.problem("nama", "no_letters")
        elif out.product == "ikm":  # ikm.yaml is the producer's profile
            out.product = "produk-ikm"
    urls = photo_urls(a.get("gambar", ""))
    if "gambar" in a and not urls:
        r.problem("gambar", "no_photo")
    if len(urls) > MAX_PHOTOS:
        r.problem("gambar", "too_many_photos", n=len(urls), max=MAX_PHOTOS)
    for i, url in enumerate(urls, 1):
        if not allowed_photo(url):
            host = host_of(url)
            r.problem("gambar", "photo_host", n=i, host=quote(host) if host else quote(url, 40))

    product = _product(r)
    out.problems = r.problems
    if out.problems:
        return out
    if not (SLUG_RE.match(out.ikm) and SLUG_RE.match(out.product)):  # make_slug only makes slugs
        raise ValueError((out.ikm, out.product))
    base = f"{content}/products/{out.ikm}/"
    alt = a.get("gambar_alt") or a["nama"]
    for i, url in enumerate(urls, 1):
        image = {"berkas": f"foto/{out.product}-{i}", "alt": alt if i == 1 else f"{alt} ({i})"}
        product["gambar"].append(image)
        out.photos.append(Photo(url, base + image["berkas"], image))
    product["diperbarui"] = today
    if "deskripsi" in a:
        product["deskripsi"] = a["deskripsi"] + "\n"
    if ikm_doc is not None:
        ikm_doc["diperbarui"] = today
        out.docs[base + "ikm.yaml"] = (ikm_doc, "ikm")
    out.docs[base + f"{out.product}.yaml"] = (product, "produk")
    return out


def _ikm(r: _Reader) -> dict:
    a = r.a
    doc: dict = {"schema": 1, "nama_usaha": a.get("nama_usaha", "")}
    doc["nib"] = re.sub(r"[\s.-]", "", a.get("nib", ""))
    province = a.get("provinsi", "").split(" — ")[0].strip()
    if province and not any(p.code == province and p.level == PROVINCE for p in r.regions.all()):
        r.problem("provinsi", "region_code", value=quote(a["provinsi"]))
        province = ""
    regency = r.region("kabupaten_kota", REGENCY, province + "." if province else "")
    doc["wilayah"] = {"kabupaten_kota": regency or ""}
    if regency and "kecamatan" in a:
        district = r.region("kecamatan", DISTRICT, regency + ".")
        if district:
            doc["wilayah"]["kecamatan"] = district
    if "alamat" in a:
        doc["alamat"] = a["alamat"]
    doc["kontak"] = {"whatsapp": _whatsapp(a.get("whatsapp", ""))}
    return doc


def _product(r: _Reader) -> dict:
    a = r.a
    doc: dict = {"schema": 1, "nama": a.get("nama", ""), "kategori": a.get("kategori", "").split(" — ")[0].strip()}
    doc["deskripsi_singkat"] = a.get("deskripsi_singkat", "")
    for fid in TEXT_FIELDS[:4]:
        if fid in a:
            doc[fid] = a[fid]
    if "harga" in a:
        parts = RANGE.split(a["harga"].strip())
        if len(parts) == 2 and all(parts):
            low, high = r.rupiah("harga", parts[0]), r.rupiah("harga", parts[1])
            price: dict = {"min": low, "max": high}
        else:
            price = {"nilai": r.rupiah("harga", a["harga"])}
        price["satuan"] = a.get("harga_satuan", "pcs")
        tiers = []
        for k, v in r.pairs("harga_grosir"):
            low, value = _number(COUNT, k), _number(RUPIAH, v)
            if low is None or value is None:
                r.bad_line("harga_grosir", f"{k}: {v}")
            else:
                tiers.append({"minimal": low, "nilai": value})
        if tiers:
            price["grosir"] = tiers
        doc["harga"] = price
    elif "harga_grosir" in a:
        r.problem("harga", "required_with", other=BY_ID["harga_grosir"].label)
    for fid in ("minimal_pesan", "ketersediaan", "waktu_produksi_hari"):
        value = a.get(fid) if fid == "ketersediaan" else r.count(fid)
        if value is not None:
            doc[fid] = value
    origin = r.region("asal_wilayah", REGENCY)
    if origin:
        doc["asal_wilayah"] = origin
    for fid in ("berat_bersih", "garansi"):
        if fid in a:
            doc[fid] = a[fid]
    tkdn_ids = [f.id for f in FIELDS if f.id.startswith("tkdn_")]
    if any(fid in a for fid in tkdn_ids):
        tkdn = {"nilai": r.percent("tkdn_nilai"), "bmp": r.percent("tkdn_bmp"), "jenis": a.get("tkdn_jenis")}
        tkdn["nomor_sertifikat"] = a.get("tkdn_nomor_sertifikat")
        tkdn["tanggal_terbit"] = r.date("tkdn_tanggal_terbit")
        for fid in ("tkdn_nilai", "tkdn_jenis", "tkdn_nomor_sertifikat", "tkdn_tanggal_terbit"):
            if fid not in a:
                r.problem(fid, "required_tkdn")
        doc["tkdn"] = {k: v for k, v in tkdn.items() if v is not None}
    certs = []
    for kind, number in r.pairs("sertifikasi"):
        kind = make_slug(kind)
        kind = CERT_ALIASES.get(kind, kind)
        if kind == "bpom":
            kind = "bpom-ml" if number.upper().startswith("ML") else "bpom-md"
        certs.append({"jenis": kind, "nomor": number})
    if certs:
        doc["sertifikasi"] = certs
    doc["gambar"] = []
    specs = dict(r.pairs("spesifikasi"))
    if specs:
        doc["spesifikasi"] = specs
    if "tag" in a:
        tags = [make_slug(s, 40) for s in a["tag"].split(",")]
        doc["tag"] = list(dict.fromkeys(s for s in tags if s))
    if "ekatalog_tautan" in a:
        doc["ekatalog_tautan"] = a["ekatalog_tautan"]
    return doc


def to_yaml(doc: dict, schema: str) -> str:
    """The document as the scaffolded files are written: the editor's schema line first."""
    return _dump(f"{schema}.schema.json", doc)
