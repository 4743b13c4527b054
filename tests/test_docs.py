"""Docs move with the code: every schema field is documented, every Indonesian string exists."""

from __future__ import annotations

import json
import re

import pytest

from etalase.i18n import t
from tests.conftest import REPO


def _fields(schema: dict, node: dict, prefix: str = "") -> list[str]:
    if "$ref" in node:
        node = {**schema["$defs"][node["$ref"].split("/")[-1]], **node}
    out = []
    for key, sub in node.get("properties", {}).items():
        path = f"{prefix}{key}"
        out.append(path)
        out += _fields(schema, sub, path + ".")
        items = sub.get("items")
        if isinstance(items, dict) and items.get("properties"):
            out += _fields(schema, items, path + "[].")
    return out


@pytest.mark.parametrize("name", ["ikm", "produk", "program", "acara"])
def test_every_schema_field_is_in_the_content_guide(name: str) -> None:
    schema = json.loads((REPO / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))
    guide = (REPO / "docs" / "format-konten.md").read_text(encoding="utf-8")
    missing = [f for f in _fields(schema, schema) if f"`{f}`" not in guide]
    assert missing == [], f"docs/format-konten.md does not describe: {missing}"


def test_every_config_key_is_in_the_config_guide() -> None:
    schema = json.loads((REPO / "schema" / "site_config.schema.json").read_text(encoding="utf-8"))
    guide = (REPO / "docs" / "konfigurasi.md").read_text(encoding="utf-8")
    missing = [f for f in _fields(schema, schema) if f"`{f}`" not in guide]
    assert missing == [], f"docs/konfigurasi.md does not describe: {missing}"


def test_every_string_key_used_in_code_and_templates_exists() -> None:
    used = set()
    for path in [*(REPO / "etalase").rglob("*.py"), *(REPO / "templates").rglob("*.html")]:
        used |= set(re.findall(r"""t\(\s*["']((?:msg|ui)\.[a-z0-9_.\-]+)["']""", path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if not k.endswith(".") and k not in t)  # "ui.cert." ~ kind is dynamic
    assert missing == []


def test_guide_pictures_and_links_exist() -> None:
    guide = REPO / "docs/panduan-ikm.md"
    text = guide.read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if target.startswith(("http://", "https://", "/")):
            continue
        assert (guide.parent / target).is_file(), target
    assert re.findall(r"!\[[^\]]+\]\((img/[^)]+\.png)\)", text)
