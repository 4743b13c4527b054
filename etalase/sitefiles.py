"""Site files: sitemap.xml, robots.txt and the published JSON Schemas."""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape

from etalase.plan import PlannedPage
from etalase.urls import Urls

PUBLISHED_SCHEMAS = {
    "produk.schema.json": "produk.schema.json",
    "ikm.schema.json": "ikm.schema.json",
    "program.schema.json": "program.schema.json",
}


def sitemap(pages: list[PlannedPage], urls: Urls) -> str:
    """Every indexable page (``noindex`` ones, like empty listings and 404, are left out)."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for page in pages:
        meta = page.meta
        if meta.noindex:
            continue
        lastmod = page.context.get("lastmod")
        lines.append(
            f"  <url><loc>{escape(urls.abs(page.url))}</loc>"
            + (f"<lastmod>{lastmod.isoformat()}</lastmod>" if lastmod else "")
            + "</url>"
        )
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots(urls: Urls) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {urls.abs('sitemap.xml')}\n"


def schemas(schema_dir: Path, urls: Urls) -> dict[str, str]:
    """The schemas as published at /schema/…, with ``$id`` set to their public address."""
    out = {}
    for name, target in PUBLISHED_SCHEMAS.items():
        data = json.loads((schema_dir / name).read_text(encoding="utf-8"))
        data = {
            "$schema": data["$schema"],
            "$id": urls.abs(f"schema/{target}"),
            **{k: v for k, v in data.items() if k != "$schema"},
        }
        out[f"schema/{target}"] = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return out
