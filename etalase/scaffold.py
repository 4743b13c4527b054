"""new: scaffold an IKM folder or a product file by asking a few questions (click prompts).

The file gets the ``# yaml-language-server: $schema=…`` line, so editors validate it as the
IKM types; it is validated right away and any problem is shown with its line."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import click
import yaml

from etalase.categories import load_taxonomy
from etalase.config import SiteConfig
from etalase.diagnostics import UsageProblem, format_report
from etalase.i18n import t
from etalase.regions import REGENCY, load_regions, slugify

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
UNITS = [
    "pcs",
    "buah",
    "lembar",
    "bungkus",
    "botol",
    "kotak",
    "paket",
    "set",
    "kg",
    "gram",
    "liter",
    "meter",
    "unit",
    "lusin",
    "kodi",
    "rim",
]


def _check(pattern: str, message_key: str, transform=lambda v: v):
    def proc(value: str) -> str:
        value = transform(value.strip())
        if not re.fullmatch(pattern, value):
            raise click.BadParameter(t(message_key))
        return value

    return proc


def _whatsapp(value: str) -> str:
    digits = re.sub(r"[\s\-().]", "", value)
    if digits.startswith("08"):
        digits = "+62" + digits[1:]
    elif digits.startswith("628"):
        digits = "+" + digits
    return digits


class _Dumper(yaml.SafeDumper):
    """YAML as people write it: indented lists, multi-line text as a ``|`` block."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


_Dumper.add_representer(str, _text)


def _dump(schema_name: str, data: dict[str, Any]) -> str:
    body = yaml.dump(data, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return f"# yaml-language-server: $schema=../../../schema/{schema_name}\n{body}"


def _write(path: Path, text: str) -> None:
    if path.exists():
        raise UsageProblem(t("ui.new.exists", path=path))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    click.echo(t("ui.new.written", path=path))


def new_ikm(cfg: SiteConfig) -> Path:
    regions = load_regions(cfg.data_dir / "wilayah.csv")
    name = click.prompt(t("ui.new.ikm_name"), value_proc=_check(r".{2,100}", "ui.new.bad_name"))
    slug = click.prompt(t("ui.new.slug"), default=slugify(name), value_proc=_check(SLUG.pattern, "ui.new.bad_slug"))
    folder = cfg.content_dir / "products" / slug
    if folder.exists():
        raise UsageProblem(t("ui.new.exists", path=folder))
    nib = click.prompt(t("ui.new.nib"), value_proc=_check(r"\d{13}", "ui.new.bad_nib"))

    def regency(value: str) -> str:
        value = value.strip()
        region = regions.get(value)
        if region is None or region.level != REGENCY:
            raise click.BadParameter(t("ui.new.bad_region"))
        click.echo(f"  → {region.short_name}, {regions.province_of(value).name}")
        return value

    code = click.prompt(t("ui.new.regency"), value_proc=regency)
    wa = click.prompt(t("ui.new.whatsapp"), value_proc=_check(r"\+628\d{7,11}", "ui.new.bad_whatsapp", _whatsapp))
    scale = click.prompt(t("ui.new.scale"), type=click.Choice(["mikro", "kecil", "menengah"]), default="mikro")
    data = {
        "schema": 1,
        "nama_usaha": name,
        "skala_usaha": scale,
        "nib": nib,
        "wilayah": {"kabupaten_kota": code},
        "kontak": {"whatsapp": wa},
        "diperbarui": cfg.today,
    }
    path = folder / "ikm.yaml"
    _write(path, _dump("ikm.schema.json", data))
    (folder / "foto").mkdir(exist_ok=True)
    return path


def new_product(cfg: SiteConfig) -> Path:
    products_dir = cfg.content_dir / "products"
    folders = (
        sorted(p.name for p in products_dir.iterdir() if (p / "ikm.yaml").is_file()) if products_dir.is_dir() else []
    )
    if not folders:
        raise UsageProblem(t("ui.new.no_ikm"))
    folder = click.prompt(t("ui.new.which_ikm"), type=click.Choice(folders), show_choices=len(folders) <= 12)
    taxonomy = load_taxonomy(cfg.data_dir / "kategori.yaml")
    name = click.prompt(t("ui.new.product_name"), value_proc=_check(r".{3,120}", "ui.new.bad_name"))
    slug = click.prompt(t("ui.new.slug"), default=slugify(name), value_proc=_check(SLUG.pattern, "ui.new.bad_slug"))
    keys = [k for k in taxonomy.by_key if "/" in k]
    click.echo(t("ui.new.categories_hint"))
    kategori = click.prompt(t("ui.new.category"), type=click.Choice(keys), show_choices=False)
    summary = click.prompt(t("ui.new.summary"), value_proc=_check(r".{20,160}", "ui.new.bad_summary"))
    price = click.prompt(t("ui.new.price"), default=0, type=click.IntRange(0, 10_000_000_000), show_default=False)
    data: dict[str, Any] = {"schema": 1, "nama": name, "kategori": kategori, "deskripsi_singkat": summary}
    if price:
        unit = click.prompt(t("ui.new.unit"), type=click.Choice(UNITS), default="pcs")
        data["harga"] = {"nilai": price, "satuan": unit}
    photo = click.prompt(t("ui.new.photo"), default=f"foto/{slug}-1.jpg")
    alt = click.prompt(t("ui.new.alt"), value_proc=_check(r".{5,200}", "ui.new.bad_alt"))
    data["gambar"] = [{"berkas": photo, "alt": alt}]
    data["deskripsi"] = t("ui.new.description_placeholder") + "\n"
    data["diperbarui"] = cfg.today
    path = products_dir / folder / f"{slug}.yaml"
    _write(path, _dump("produk.schema.json", data))
    return path


def run(cfg: SiteConfig, what: str | None) -> None:
    from etalase.pipeline import check_content

    if what is None:
        what = click.prompt(t("ui.new.what"), type=click.Choice(["ikm", "produk"]), default="produk")
    path = new_ikm(cfg) if what == "ikm" else new_product(cfg)
    report = check_content(cfg)
    mine = [d for d in report.diagnostics if d.path.endswith(path.relative_to(cfg.content_dir).as_posix())]
    if mine:
        click.echo(format_report(mine, "text", None))
    click.echo(t("ui.new.next_steps"))
