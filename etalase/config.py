"""site_config.yaml → a frozen ``SiteConfig``, validated with the same diagnostics as content."""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from types import SimpleNamespace

from etalase import schemacheck, yamlsrc
from etalase.diagnostics import Diagnostic, UsageProblem, format_report
from etalase.discover import SourceFile, display_path
from etalase.i18n import t
from etalase.load import Document

PACKAGE_DIR = Path(__file__).resolve().parent
BASE_URL_RE = re.compile(r"^https?://[^\s<>\"?#]+$")  # as in schema/site_config.schema.json


@dataclass(frozen=True)
class ImageSettings:
    """The ``gambar`` settings: photo variant widths and the limits a photo must keep (here, not
    in ``etalase.images``, so that reading the config does not load Pillow)."""

    widths: tuple[int, ...] = (320, 640, 1024, 1600)
    avif: bool = False
    max_bytes: int = 15 * 1024 * 1024
    max_pixels: int = 50_000_000
    min_side: int = 400


@dataclass(frozen=True)
class SiteConfig:
    root: Path
    title: str
    tagline: str
    description: str
    base_url: str  # always ends with "/"
    lang: str
    page_size: int
    newest_count: int
    stale_months: int
    correction_email: str
    correction_url: str
    repo: str
    content_dir: Path
    templates_dir: Path
    assets_dir: Path
    data_dir: Path
    output_dir: Path
    schema_dir: Path
    today: dt.date
    images: ImageSettings
    cache_dir: Path
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)

    def with_overrides(
        self,
        *,
        base_url: str | None = None,
        output_dir: Path | None = None,
        content_dir: Path | None = None,
        cache_dir: Path | None = None,
        jobs: int | None = None,
    ) -> SiteConfig:
        cfg = self
        if cache_dir:
            cfg = replace(cfg, cache_dir=cache_dir.resolve())
        if jobs:
            cfg = replace(cfg, jobs=jobs)
        if base_url:
            if not BASE_URL_RE.match(base_url):
                raise UsageProblem(t("msg.base_url_invalid", value=base_url))
            cfg = replace(cfg, base_url=normalise_base_url(base_url))
        if output_dir:
            cfg = replace(cfg, output_dir=output_dir.resolve())
        if content_dir:
            cfg = replace(cfg, content_dir=content_dir.resolve())
        return cfg


def normalise_base_url(url: str) -> str:
    return url if url.endswith("/") else url + "/"


def build_date() -> dt.date:
    """Today, or the date of ``SOURCE_DATE_EPOCH`` for reproducible builds and tests."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC).date()
    return dt.date.today()


def load_config(path: Path) -> SiteConfig:
    """Read and validate the config; raise ``UsageProblem`` (exit 2) with diagnostics if bad."""
    path = path.resolve()
    root = path.parent
    if not path.is_file():
        raise UsageProblem(t("msg.config_missing", path=path))
    display = display_path(path, Path.cwd())
    raw = path.read_bytes()
    src = SourceFile(path, display, path.name, "config", "", path.stem, len(raw), 0, "")
    diags: list[Diagnostic] = []
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise UsageProblem(f"{display}: error: {t('msg.encoding_invalid')}") from None
    parsed = yamlsrc.parse(text)
    for p in parsed.problems:
        diags.append(Diagnostic(display, p.line, p.col, p.message, p.field))
    data = parsed.data
    if not diags and not isinstance(data, dict):
        diags.append(Diagnostic(display, 1, 1, t("msg.not_mapping")))
    schema_dir = PACKAGE_DIR.parent / "schema"
    if not diags:
        doc = Document(src, data, parsed.marks, parsed.key_marks, parsed.raw)
        diags += schemacheck.check(doc, "config", schema_dir)
    if diags:
        raise UsageProblem(format_report(diags, "text", None))
    dirs = SimpleNamespace(
        konten="content", templat="templates", aset="assets", data="data", keluaran="_site", cache=".etalase-cache"
    )
    img = data.get("gambar") or {}
    defaults = ImageSettings()
    image_settings = ImageSettings(
        widths=tuple(sorted(img.get("lebar", defaults.widths))),
        avif=img.get("avif", defaults.avif),
        max_bytes=img.get("maks_mb", defaults.max_bytes // 1048576) * 1048576,
        max_pixels=img.get("maks_mp", defaults.max_pixels // 1_000_000) * 1_000_000,
        min_side=img.get("min_sisi", defaults.min_side),
    )
    for key, value in (data.get("direktori") or {}).items():
        setattr(dirs, key, value)
    correction = data.get("kontak_koreksi") or {}
    return SiteConfig(
        root=root,
        title=data["judul"],
        tagline=data.get("tagline", ""),
        description=data.get("deskripsi", data.get("tagline", data["judul"])),
        base_url=normalise_base_url(data["base_url"]),
        lang=data["bahasa"],
        page_size=data.get("per_halaman", 24),
        newest_count=data.get("produk_terbaru", 12),
        stale_months=data.get("batas_usang_bulan", 12),
        correction_email=correction.get("email", ""),
        correction_url=correction.get("url", ""),
        repo=data.get("repositori", ""),
        content_dir=(root / dirs.konten).resolve(),
        templates_dir=(root / dirs.templat).resolve(),
        assets_dir=(root / dirs.aset).resolve(),
        data_dir=(root / dirs.data).resolve(),
        output_dir=(root / dirs.keluaran).resolve(),
        schema_dir=schema_dir,
        today=build_date(),
        images=image_settings,
        cache_dir=(root / dirs.cache).resolve(),
    )
