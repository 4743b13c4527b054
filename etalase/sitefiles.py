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


SITEMAP_URLS = 50_000  # the protocol's limit per file (sitemaps.org); a larger site gets an index
_XML = '<?xml version="1.0" encoding="UTF-8"?>'
_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


def sitemaps(pages: list[PlannedPage], urls: Urls) -> dict[str, str]:
    """``sitemap.xml`` with every indexable page (``noindex`` ones, like empty listings and 404,
    are left out). Past 50,000 pages (a national catalog) the protocol wants several files:
    ``sitemap.xml`` is then the index of ``sitemap-1.xml``, ``sitemap-2.xml``, … in plan order."""
    entries: list[tuple[str, str]] = []  # (<url> element, its lastmod or "")
    for page in pages:
        if page.meta.noindex:
            continue
        lastmod = page.context.get("lastmod")
        day = lastmod.isoformat() if lastmod else ""
        entries.append(
            (
                f"  <url><loc>{escape(urls.abs(page.url))}</loc>"
                + (f"<lastmod>{day}</lastmod>" if day else "")
                + "</url>",
                day,
            )
        )
    if len(entries) <= SITEMAP_URLS:
        return {"sitemap.xml": _urlset(entries)}
    out: dict[str, str] = {}
    index = [_XML, f'<sitemapindex xmlns="{_NS}">']
    for n, start in enumerate(range(0, len(entries), SITEMAP_URLS), 1):
        part = entries[start : start + SITEMAP_URLS]
        out[f"sitemap-{n}.xml"] = _urlset(part)
        newest = max(day for _, day in part)
        index.append(
            f"  <sitemap><loc>{escape(urls.abs(f'sitemap-{n}.xml'))}</loc>"
            + (f"<lastmod>{newest}</lastmod>" if newest else "")
            + "</sitemap>"
        )
    index.append("</sitemapindex>")
    out["sitemap.xml"] = "\n".join(index) + "\n"
    return out


def _urlset(entries: list[tuple[str, str]]) -> str:
    return "\n".join([_XML, f'<urlset xmlns="{_NS}">', *(url for url, _ in entries), "</urlset>"]) + "\n"


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
