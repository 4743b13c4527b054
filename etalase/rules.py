"""validate, part 2: rules across documents and against the data tables (regions, categories,
programmes, photos on disk) that JSON Schema cannot express."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import re
from collections.abc import Iterable
from pathlib import Path

from etalase.categories import Taxonomy
from etalase.diagnostics import WARNING, Diagnostic
from etalase.discover import EVENT, IKM, IMAGE, OTHER, PAGE, PRODUCT, PROGRAMME, SourceFile
from etalase.i18n import t
from etalase.images import Inspector
from etalase.load import Document
from etalase.regions import PROVINCE, REGENCY, RegionTable
from etalase.yamlsrc import dotted

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HALAL_RE = re.compile(r"^ID[0-9]{10,}$")
LOGO_MIN_SIDE = 64  # a logo is small by nature; photos must be larger (gambar.min_sisi)
RESERVED_PAGE_SLUGS = {
    "produk",
    "ikm",
    "kategori",
    "wilayah",
    "program",
    "acara",
    "cari",
    "daftar",
    "data",
    "schema",
    "media",
    "assets",
    "aset",
    "feed",
    "halaman",
    "sitemap",
    "robots",
    "404",
}


def suggest_slug(name: str) -> str:
    stem = name.lower()
    stem = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return stem or "nama-berkas"


class Checker:
    """Collects diagnostics for one document at a time."""

    def __init__(self, out: list[Diagnostic]) -> None:
        self.out = out

    def at(self, doc: Document, path: tuple, message: str, *, key: bool = False, severity: str = "error") -> None:
        line, col = doc.mark(path, key=key)
        self.out.append(Diagnostic(doc.source.display, line, col, message, dotted(path), severity))


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        return None


def check_layout(files: Iterable[SourceFile], out: list[Diagnostic]) -> None:
    """File and folder names become URLs: they must be valid slugs and of a known kind."""
    bad_folders: set[str] = set()
    for f in files:
        if f.folder and f.folder not in bad_folders and not SLUG_RE.match(f.folder):
            bad_folders.add(f.folder)
            out.append(
                Diagnostic(
                    f.display.rsplit("/", 1)[0],
                    0,
                    0,
                    t("msg.slug_folder", name=f.folder, suggestion=suggest_slug(f.folder)),
                )
            )
        suffix = f.path.suffix.lower()
        if f.kind in (PRODUCT, PROGRAMME, PAGE, EVENT) and suffix == ".yml":
            out.append(Diagnostic(f.display, 0, 0, t("msg.yml_suffix", suggestion=f.slug + ".yaml")))
        elif f.kind in (PRODUCT, PAGE) and suffix == ".markdown":
            out.append(Diagnostic(f.display, 0, 0, t("msg.markdown_suffix", suggestion=f.slug + ".md")))
        elif f.kind in (PRODUCT, PROGRAMME, PAGE, EVENT) and not SLUG_RE.match(f.slug):
            out.append(
                Diagnostic(f.display, 0, 0, t("msg.slug_file", name=f.path.name, suggestion=suggest_slug(f.slug)))
            )
        elif f.kind == PAGE and f.slug in RESERVED_PAGE_SLUGS:
            out.append(Diagnostic(f.display, 0, 0, t("msg.page_slug_reserved", slug=f.slug)))
        elif f.kind == OTHER:
            if f.rel.startswith("products/") and f.rel.count("/") == 1:
                out.append(Diagnostic(f.display, 0, 0, t("msg.product_outside_folder")))
            else:
                out.append(
                    Diagnostic(
                        f.display, 0, 0, t("msg.stray_file" if f.folder else "msg.stray_content"), severity=WARNING
                    )
                )


def loadable(f: SourceFile) -> bool:
    """Whether layout checks left this file to be parsed."""
    suffix = f.path.suffix.lower()
    if f.kind in (PRODUCT, PROGRAMME, PAGE, EVENT) and (suffix in (".yml", ".markdown") or not SLUG_RE.match(f.slug)):
        return False
    if f.kind == PAGE and f.slug in RESERVED_PAGE_SLUGS:
        return False
    return f.kind in (IKM, PRODUCT, PROGRAMME, PAGE, EVENT) and (not f.folder or SLUG_RE.match(f.folder) is not None)


class CrossRules:
    """Every cross-document rule, run after each document passed its schema."""

    def __init__(
        self, regions: RegionTable, taxonomy: Taxonomy, today: dt.date, content_dir: Path, photos: Inspector
    ) -> None:
        self.photos = photos
        self.regions = regions
        self.taxonomy = taxonomy
        self.today = today
        self.content_dir = content_dir
        self._listings: dict[Path, frozenset[str]] = {}
        self._located: dict[tuple[str, str], tuple[str, str | None]] = {}

    def _names_in(self, folder: Path) -> frozenset[str]:
        if folder not in self._listings:
            try:
                self._listings[folder] = frozenset(os.listdir(folder))
            except OSError:
                self._listings[folder] = frozenset()
        return self._listings[folder]

    # --- shared pieces -------------------------------------------------------------------
    def _not_future(self, c: Checker, doc: Document, path: tuple, title: str) -> None:
        value = _get(doc.data, path)
        day = _date(value) if isinstance(value, str) else None
        if day and day > self.today:
            c.at(doc, path, t("msg.date_future", title=title, value=value))

    def _regency(self, c: Checker, doc: Document, path: tuple) -> None:
        code = _get(doc.data, path)
        if not isinstance(code, str):
            return
        region = self.regions.get(code)
        if region is None:
            c.at(doc, path, t("msg.unknown_region", code=code))
        elif region.level != REGENCY:
            c.at(doc, path, t("msg.region_not_regency", code=code, level=region.level))

    def _category_hint(self, value: str, keys: Iterable[str]) -> str:
        close = difflib.get_close_matches(value, list(keys), n=1, cutoff=0.6)
        return t("msg.did_you_mean", suggestion=close[0]) if close else ""

    # --- per kind -------------------------------------------------------------------------
    def ikm(self, c: Checker, doc: Document, programmes: set[str]) -> None:
        d = doc.data
        self._regency(c, doc, ("wilayah", "kabupaten_kota"))
        district = _get(d, ("wilayah", "kecamatan"))
        regency = _get(d, ("wilayah", "kabupaten_kota"))
        if isinstance(district, str):
            if district not in self.regions:
                c.at(doc, ("wilayah", "kecamatan"), t("msg.unknown_district", code=district))
            elif isinstance(regency, str) and not district.startswith(regency + "."):
                c.at(doc, ("wilayah", "kecamatan"), t("msg.district_mismatch", code=district, parent=regency))
        for i, slug in enumerate(d.get("program") or []):
            if slug not in programmes:
                hint = self._category_hint(slug, programmes)
                c.at(
                    doc,
                    ("program", i),
                    t("msg.unknown_program", slug=slug, hint=hint, known=", ".join(sorted(programmes)) or "-"),
                )
        self._not_future(c, doc, ("diperbarui",), "tanggal diperbarui")
        founded = d.get("tahun_berdiri")
        if isinstance(founded, int) and founded > self.today.year:
            c.at(doc, ("tahun_berdiri",), t("msg.founded_future", value=founded))
        ek = d.get("ekatalog") or {}
        if ek.get("tautan") and ek.get("terdaftar") is not True:
            c.at(doc, ("ekatalog", "tautan"), t("msg.ekatalog_link_without"), severity=WARNING)
        logo = d.get("logo")
        if isinstance(logo, str):
            self._file_in_folder(c, doc, ("logo",), logo, "msg.logo_missing")

    def product(self, c: Checker, doc: Document, ikm: Document | None) -> set[str]:
        """Check one product; return the photo files it references (resolved, relative)."""
        d = doc.data
        cat = d.get("kategori")
        if isinstance(cat, str) and "/" in cat and self.taxonomy.get(cat) is None:
            top = cat.split("/", 1)[0]
            if self.taxonomy.get(top) is None:
                hint = self._category_hint(top, [tc.slug for tc in self.taxonomy.tops])
                c.at(doc, ("kategori",), t("msg.unknown_category_top", value=top, hint=hint))
            else:
                hint = self._category_hint(cat, [k for k in self.taxonomy.by_key if "/" in k])
                c.at(doc, ("kategori",), t("msg.unknown_category", value=cat, hint=hint))
        self._price(c, doc)
        self._tkdn(c, doc)
        for i, cert in enumerate(d.get("sertifikasi") or []):
            nomor = cert.get("nomor") if isinstance(cert, dict) else None
            # halal numbers vary by issuer and era: an unusual one is a warning only
            if isinstance(nomor, str) and cert.get("jenis") == "halal" and not HALAL_RE.match(nomor):
                c.at(doc, ("sertifikasi", i, "nomor"), t("msg.halal_number", shown=cert["nomor"]), severity=WARNING)
            if isinstance(cert, dict):
                self._not_future(c, doc, ("sertifikasi", i, "tanggal_terbit"), "tanggal terbit sertifikat")
                self._after(c, doc, ("sertifikasi", i), "masa berlaku sertifikat")
        self._not_future(c, doc, ("diperbarui",), "tanggal diperbarui")
        if "asal_wilayah" in d:
            self._regency(c, doc, ("asal_wilayah",))
        if doc.body is not None and "deskripsi" in d:
            c.at(doc, ("deskripsi",), t("msg.description_twice"), key=True)
        if ikm is not None and isinstance(d.get("kbli"), str):
            known = ikm.data.get("kbli") or []
            if known and d["kbli"] not in known:
                c.at(doc, ("kbli",), t("msg.kbli_not_in_ikm", kbli=d["kbli"], known=", ".join(known)), severity=WARNING)
        used: set[str] = set()
        for i, img in enumerate(d.get("gambar") or []):
            berkas = img.get("berkas") if isinstance(img, dict) else None
            if not isinstance(berkas, str):
                continue
            rel = self._file_in_folder(c, doc, ("gambar", i, "berkas"), berkas, "msg.image_missing")
            if rel is not None:
                info = self.photos.inspect(doc.source.path.parent / berkas)
                if info.problem:
                    c.at(doc, ("gambar", i, "berkas"), t(info.problem, berkas=berkas, **(info.detail or {})))
                if rel in used:
                    c.at(doc, ("gambar", i, "berkas"), t("msg.image_duplicate", berkas=berkas), severity=WARNING)
                used.add(rel)
        return used

    def programme(self, c: Checker, doc: Document) -> None:
        for i, code in enumerate(doc.data.get("wilayah") or []):
            region = self.regions.get(code) if isinstance(code, str) else None
            if region is None or region.level not in (PROVINCE, REGENCY):
                c.at(doc, ("wilayah", i), t("msg.unknown_program_region", code=code))
        for i, key in enumerate(doc.data.get("kategori") or []):
            if isinstance(key, str) and self.taxonomy.get(key) is None:
                hint = self._category_hint(key, self.taxonomy.by_key)
                c.at(doc, ("kategori", i), t("msg.unknown_category", value=key, hint=hint))
        logo = doc.data.get("logo")
        if isinstance(logo, str) and self._file_in_folder(c, doc, ("logo",), logo, "msg.logo_missing") is not None:
            info = self.photos.inspect(doc.source.path.parent / logo)
            small = info.problem == "msg.image_too_small" and min(info.width, info.height) >= LOGO_MIN_SIDE
            if info.problem and not small:
                detail = (
                    {**(info.detail or {}), "min": LOGO_MIN_SIDE}
                    if info.problem == "msg.image_too_small"
                    else info.detail
                )
                c.at(doc, ("logo",), t(info.problem, berkas=logo, **(detail or {})))
        self._not_future(c, doc, ("diperbarui",), "tanggal diperbarui")

    def event(self, c: Checker, doc: Document, ikm_folders: set[str]) -> None:
        d = doc.data
        for i, slug in enumerate(d.get("peserta") or []):
            if slug not in ikm_folders:
                hint = self._category_hint(slug, ikm_folders)
                c.at(doc, ("peserta", i), t("msg.unknown_participant", slug=slug, hint=hint))
        for i, need in enumerate(d.get("kebutuhan") or []):
            key = need.get("kategori") if isinstance(need, dict) else None
            if isinstance(key, str) and self.taxonomy.get(key) is None:
                hint = self._category_hint(key, self.taxonomy.by_key)
                c.at(doc, ("kebutuhan", i, "kategori"), t("msg.unknown_category", value=key, hint=hint))
        if "wilayah" in d:
            self._regency(c, doc, ("wilayah",))
        start, end = _date(d.get("mulai", "")), _date(d.get("selesai", ""))
        if start and end and end < start:
            c.at(doc, ("selesai",), t("msg.event_dates", start=d["mulai"], end=d["selesai"]))
        self._not_future(c, doc, ("diperbarui",), "tanggal diperbarui")

    # --- helpers --------------------------------------------------------------------------
    def _price(self, c: Checker, doc: Document) -> None:
        harga = doc.data.get("harga")
        if not isinstance(harga, dict):
            return
        has_value = "nilai" in harga
        has_range = "min" in harga or "max" in harga
        if has_value and has_range:
            c.at(doc, ("harga",), t("msg.price_both"), key=True)
        elif not has_value and not has_range:
            c.at(doc, ("harga",), t("msg.price_missing_value"), key=True)
        lo, hi = harga.get("min"), harga.get("max")
        if isinstance(lo, int) and isinstance(hi, int) and lo >= hi:
            c.at(doc, ("harga", "min"), t("msg.price_range_order", min=lo, max=hi))
        tiers = harga.get("grosir")
        if isinstance(tiers, list) and tiers:
            if not has_value:
                c.at(doc, ("harga", "grosir"), t("msg.wholesale_needs_price"), key=True)
            prev = None
            for i, tier in enumerate(tiers):
                if not (
                    isinstance(tier, dict)
                    and isinstance(tier.get("minimal"), int)
                    and isinstance(tier.get("nilai"), int)
                ):
                    continue
                if isinstance(harga.get("nilai"), int) and tier["nilai"] >= harga["nilai"]:
                    c.at(
                        doc,
                        ("harga", "grosir", i, "nilai"),
                        t("msg.wholesale_not_cheaper", grosir=tier["nilai"], nilai=harga["nilai"]),
                    )
                if prev and (tier["minimal"] <= prev["minimal"] or tier["nilai"] >= prev["nilai"]):
                    c.at(doc, ("harga", "grosir", i), t("msg.wholesale_order"))
                prev = tier

    def _tkdn(self, c: Checker, doc: Document) -> None:
        if not isinstance(doc.data.get("tkdn"), dict):
            return
        for key, title in (("nilai", "nilai TKDN"), ("bmp", "nilai BMP")):
            raw = doc.raw.get(("tkdn", key), "")
            if "." in raw and len(raw.split(".", 1)[1].rstrip("0")) > 2:
                c.at(doc, ("tkdn", key), t("msg.decimals", title=title, shown=raw))
        self._not_future(c, doc, ("tkdn", "tanggal_terbit"), "tanggal terbit sertifikat TKDN")
        self._after(c, doc, ("tkdn",), "masa berlaku sertifikat TKDN")

    def _exact_case(self, folder: Path, rel: Path) -> bool:
        """On case-insensitive disks ``Foto.JPG`` resolves to ``foto.jpg``; GitHub Pages would 404."""
        current = folder
        for part in rel.parts:
            if part not in self._names_in(current):
                return False
            current = current / part
        return True

    def _after(self, c: Checker, doc: Document, path: tuple, title: str) -> None:
        node = _get(doc.data, path)
        if not isinstance(node, dict):
            return
        start, end = node.get("tanggal_terbit"), node.get("berlaku_hingga")
        ds, de = _date(start) if isinstance(start, str) else None, _date(end) if isinstance(end, str) else None
        if ds and de and de <= ds:
            c.at(doc, (*path, "berlaku_hingga"), t("msg.date_order", title=title, value=end, start=start))

    def _file_in_folder(self, c: Checker, doc: Document, path: tuple, berkas: str, missing_key: str) -> str | None:
        """A referenced file must exist inside the entry's IKM folder. Returns its path relative
        to the folder, or None after reporting why not."""
        parent = doc.source.path.parent
        key = (str(parent), berkas)
        found = self._located.get(key)
        if found is None:  # the products of an IKM share photos: look each one up once a build
            found = self._located[key] = _locate(parent, berkas, self._exact_case)
        problem, rel = found
        if problem == "missing":
            c.at(doc, path, t(missing_key, berkas=berkas, folder=_folder_display(doc)))
        elif problem == "outside":
            c.at(doc, path, t("msg.image_outside", berkas=berkas, folder=_folder_display(doc)))
        elif problem:
            c.at(doc, path, t(problem, berkas=berkas))
        return rel


def _locate(parent: Path, berkas: str, exact_case) -> tuple[str, str | None]:
    """(problem, path relative to ``parent``): problem is "" when the file is fine, "missing",
    "outside" or a message key."""
    folder = parent.resolve()
    if os.path.isabs(berkas) or berkas.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", berkas):
        return "msg.image_absolute", None
    target = parent / berkas
    try:
        resolved = target.resolve()
        rel = resolved.relative_to(folder)
    except (ValueError, OSError):
        return "outside", None
    # a link anywhere along the way could point elsewhere later; refuse links outright
    probe = target
    while probe != parent and probe != probe.parent:
        if probe.is_symlink():
            return "msg.image_link", None
        probe = probe.parent
    if not resolved.is_file() or not exact_case(folder, rel):
        return "missing", None
    return "", rel.as_posix()


def _folder_display(doc: Document) -> str:
    return doc.source.display.rsplit("/", 1)[0] + "/"


def _get(data: object, path: tuple) -> object:
    for part in path:
        if (isinstance(data, dict) and part in data) or (
            isinstance(data, list) and isinstance(part, int) and part < len(data)
        ):
            data = data[part]
        else:
            return None
    return data


def check_images_used(files: list[SourceFile], used: dict[str, set[str]], out: list[Diagnostic]) -> None:
    """Warn about photos no entry references (they bloat the repository)."""
    for f in files:
        if f.kind == IMAGE and f.folder in used:
            rel = f.rel.split("/", 2)[2]
            if rel not in used[f.folder]:
                out.append(Diagnostic(f.display, 0, 0, t("msg.image_unreferenced"), severity=WARNING))
