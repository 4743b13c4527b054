"""Structured data (JSON-LD) and its safe serialisation. Follows Google's product-snippet rules
(domain.md §4): offers only where a price exists, no ratings or reviews."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from etalase import urls as U
from etalase.i18n import t
from etalase.model import Producer, Product

_AVAILABILITY = {
    "tersedia": "https://schema.org/InStock",
    "pre-order": "https://schema.org/PreOrder",
    "habis": "https://schema.org/OutOfStock",
}


def dumps(data: Any) -> Markup:
    """JSON for a ``<script type="application/ld+json">``: ``<``, ``>``, ``&`` and line separators
    are escaped, so no field can close the script element or start a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    for ch, esc in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(ch, esc)
    return Markup(text)


@dataclass(frozen=True)
class StructuredData:
    """A page's JSON-LD, described by its kind and the model values it is made from, and made
    only when the page is rendered: a page kept from the previous build never builds it, the
    planned pages hold no dictionaries, and the page key hashes the values it comes from."""

    kind: str  # "product", "organization", "breadcrumbs" or "website"
    args: tuple

    def build(self, urls: U.Urls) -> dict:
        return _KINDS[self.kind](*self.args, urls)


def script(item: StructuredData, urls: U.Urls) -> Markup:
    """The text of a ``<script type="application/ld+json">`` for one item of ``Meta.jsonld``."""
    return dumps(item.build(urls))


def organization(p: Producer, urls: U.Urls) -> dict:
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "LocalBusiness" if p.address else "Organization",
        "@id": urls.abs(U.producer(p)) + "#organisasi",
        "name": p.name,
        "url": urls.abs(U.producer(p)),
        "telephone": p.whatsapp,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": p.regency.short_name,
            "addressRegion": p.province.name,
            "addressCountry": "ID",
        },
    }
    if p.address:
        data["address"]["streetAddress"] = p.address
    if p.description:
        data["description"] = p.description
    if p.email:
        data["email"] = p.email
    same = [p.website] if p.website else []
    if p.instagram:
        same.append(f"https://www.instagram.com/{p.instagram}/")
    same += list(p.marketplaces)
    if p.ekatalog_link:
        same.append(p.ekatalog_link)
    if same:
        data["sameAs"] = same
    if p.founded:
        data["foundingDate"] = str(p.founded)
    return data


def product(p: Product, image_urls: tuple[str, ...], urls: U.Urls) -> dict:
    page_url = urls.abs(U.product(p))
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": p.name,
        "description": p.summary,
        "url": page_url,
        "image": list(image_urls),
        "category": f"{p.top.name} > {p.category.name}",
        "inLanguage": "id",
        "manufacturer": {"@type": "Organization", "name": p.producer.name, "url": urls.abs(U.producer(p.producer))},
    }
    if p.brand:
        data["brand"] = {"@type": "Brand", "name": p.brand}
    if p.sku:
        data["sku"] = p.sku
    if p.model_no:
        data["mpn"] = p.model_no
    props = [{"@type": "PropertyValue", "name": k, "value": v} for k, v in p.specs]
    if p.tkdn:
        props.append({"@type": "PropertyValue", "name": t("ui.tkdn.nilai"), "value": p.tkdn.value, "unitText": "%"})
        if p.tkdn.bmp is not None:
            props.append({"@type": "PropertyValue", "name": t("ui.tkdn.bmp"), "value": p.tkdn.bmp, "unitText": "%"})
    if props:
        data["additionalProperty"] = props
    if p.price:
        seller = {"@type": "Organization", "name": p.producer.name, "url": urls.abs(U.producer(p.producer))}
        offer: dict[str, Any]
        if p.price.value is not None:
            offer = {"@type": "Offer", "price": p.price.value, "priceCurrency": "IDR"}
        else:
            offer = {
                "@type": "AggregateOffer",
                "lowPrice": p.price.low,
                "highPrice": p.price.high,
                "priceCurrency": "IDR",
                "offerCount": 1,
            }
        offer["url"] = page_url
        offer["seller"] = seller
        if p.availability:
            offer["availability"] = _AVAILABILITY[p.availability]
        if p.price.valid_until:
            offer["priceValidUntil"] = p.price.valid_until.isoformat()
        data["offers"] = offer
    return data


def breadcrumbs(trail: tuple[tuple[str, str], ...], urls: U.Urls) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": i, "name": name, "item": urls.abs(path)}
            for i, (name, path) in enumerate(trail, start=1)
        ],
    }


def website(title: str, description: str, urls: U.Urls) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": title,
        "description": description,
        "url": urls.abs(""),
        "inLanguage": "id",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": urls.abs("cari/") + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


_KINDS = {"product": product, "organization": organization, "breadcrumbs": breadcrumbs, "website": website}
