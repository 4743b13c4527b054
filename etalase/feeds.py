"""Feeds of new and updated products: Atom 1.0 (RFC 4287) and JSON Feed 1.1, for the whole site
and for every region, programme and category listing (``<listing URL>feed.xml``/``feed.json``)."""

from __future__ import annotations

import datetime as dt
import json
from xml.sax.saxutils import escape, quoteattr

from etalase import formatting as F
from etalase import urls as U
from etalase.i18n import t
from etalase.model import Product

MAX_ITEMS = 50


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def newest(products: list[Product]) -> list[Product]:
    return sorted(products, key=lambda p: (-p.updated.toordinal(), p.key))[:MAX_ITEMS]


def _summary(p: Product) -> str:
    price = F.price_text(p.price) if p.price else t("ui.product.contact_seller")
    parts = [p.summary, f"{t('ui.product.price')}: {price}", f"{p.producer.name}, {p.origin.short_name}"]
    if p.tkdn and not p.tkdn.expired:
        parts.append(t("ui.tkdn.badge", value=F.percent(p.tkdn.value)))
    return " · ".join(parts)


def atom(
    products: list[Product],
    *,
    title: str,
    page_path: str,
    feed_path: str,
    urls: U.Urls,
    site_title: str,
    fallback: dt.date,
) -> str:
    items = newest(products)
    updated = max((p.updated for p in items), default=fallback)
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="id">',
        f"  <id>{escape(urls.abs(feed_path))}</id>",
        f"  <title>{escape(title)} – {escape(site_title)}</title>",
        f"  <updated>{_stamp(updated)}</updated>",
        f'  <link rel="self" type="application/atom+xml" href={quoteattr(urls.abs(feed_path))}/>',
        f'  <link rel="alternate" type="text/html" href={quoteattr(urls.abs(page_path))}/>',
        f"  <author><name>{escape(site_title)}</name></author>",
        "  <generator>Etalase</generator>",
    ]
    for p in items:
        url = urls.abs(U.product(p))
        out += [
            "  <entry>",
            f"    <id>{escape(url)}</id>",
            f"    <title>{escape(p.name)}</title>",
            f"    <updated>{_stamp(p.updated)}</updated>",
            f'    <link rel="alternate" type="text/html" href={quoteattr(url)}/>',
            f"    <author><name>{escape(p.producer.name)}</name>"
            f"<uri>{escape(urls.abs(U.producer(p.producer)))}</uri></author>",
            f"    <category term={quoteattr(p.category.key)} label={quoteattr(p.category.name)}/>",
            f"    <summary>{escape(_summary(p))}</summary>",
            "  </entry>",
        ]
    out.append("</feed>")
    return "\n".join(out) + "\n"


def json_feed(
    products: list[Product],
    *,
    title: str,
    page_path: str,
    feed_path: str,
    urls: U.Urls,
    site_title: str,
    description: str,
    image_of,
) -> str:
    items = []
    for p in newest(products):
        item = {
            "id": urls.abs(U.product(p)),
            "url": urls.abs(U.product(p)),
            "title": p.name,
            "summary": p.summary,
            "content_text": _summary(p),
            "image": urls.abs(image_of(p)),
            "date_modified": _stamp(p.updated),
            "authors": [{"name": p.producer.name, "url": urls.abs(U.producer(p.producer))}],
            "tags": [p.top.name, p.category.name, *p.tags],
        }
        items.append(item)
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": f"{title} – {site_title}",
        "home_page_url": urls.abs(page_path),
        "feed_url": urls.abs(feed_path),
        "description": description,
        "language": "id",
        "authors": [{"name": site_title, "url": urls.abs("")}],
        "items": items,
    }
    return json.dumps(feed, ensure_ascii=False, indent=1) + "\n"
