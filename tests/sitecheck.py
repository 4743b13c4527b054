"""Checks over a whole built site: links and assets resolve, every page is complete, JSON-LD
parses and follows the product-snippet rules, the sitemap lists every indexable page."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

LOCAL_SCHEMES = ("http", "https", "mailto", "tel")


@dataclass
class Parsed:
    path: Path
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, attr, url)
    ids: set[str] = field(default_factory=set)
    headings: list[int] = field(default_factory=list)
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str = ""
    title: str = ""
    lang: str = ""
    jsonld: list[str] = field(default_factory=list)
    imgs: list[dict[str, str]] = field(default_factory=list)


class _Parser(HTMLParser):
    def __init__(self, result: Parsed) -> None:
        super().__init__(convert_charrefs=True)
        self.r = result
        self._in_title = False
        self._in_jsonld = False
        self._buf: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if "id" in a:
            self.r.ids.add(a["id"])
        if tag == "html":
            self.r.lang = a.get("lang", "")
        if re.fullmatch(r"h[1-6]", tag):
            self.r.headings.append(int(tag[1]))
        for attr in ("href", "src", "action"):
            if attr in a:
                self.r.links.append((tag, attr, a[attr]))
        if "srcset" in a:
            for part in a["srcset"].split(","):
                self.r.links.append((tag, "srcset", part.strip().split(" ")[0]))
        if tag == "img":
            self.r.imgs.append(a)
        if tag == "meta":
            key = a.get("name") or a.get("property")
            if key:
                self.r.meta[key] = a.get("content", "")
        if tag == "link" and a.get("rel") == "canonical":
            self.r.canonical = a.get("href", "")
        if tag == "title":
            self._in_title, self._buf = True, []
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_jsonld, self._buf = True, []

    def handle_endtag(self, tag: str) -> None:
        if tag == "title" and self._in_title:
            self.r.title, self._in_title = "".join(self._buf), False
        if tag == "script" and self._in_jsonld:
            self.r.jsonld.append("".join(self._buf))
            self._in_jsonld = False

    def handle_data(self, data: str) -> None:
        if self._in_title or self._in_jsonld:
            self._buf.append(data)


def parse(path: Path) -> Parsed:
    result = Parsed(path)
    p = _Parser(result)
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return result


def _target(site: Path, prefix: str, page: Path, url: str) -> Path | None:
    """The file an internal URL points to, or None for external URLs."""
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    path = unquote(parts.path)
    if not path:  # "#fragment" or "?query" on the same page
        return page
    if path.startswith("/"):
        assert path.startswith(prefix), f"{page}: link {url!r} is outside the base path {prefix!r}"
        target = site / path[len(prefix) :]
    else:
        target = page.parent / path
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_site(site: Path, base_url: str) -> list[str]:
    """Return every problem found (empty when the site is sound)."""
    prefix = urlsplit(base_url).path or "/"
    problems: list[str] = []
    pages = sorted(site.rglob("*.html"))
    parsed = {p: parse(p) for p in pages}
    for page, r in parsed.items():
        rel = page.relative_to(site).as_posix()
        if r.lang != "id":
            problems.append(f"{rel}: <html lang> is {r.lang!r}")
        if not r.title.strip():
            problems.append(f"{rel}: empty <title>")
        for key in ("description", "og:title", "og:url", "og:type"):
            if not r.meta.get(key, "").strip():
                problems.append(f"{rel}: missing meta {key}")
        if rel != "404.html" and not r.canonical.startswith(base_url):
            problems.append(f"{rel}: canonical {r.canonical!r} not under {base_url}")
        if r.headings.count(1) != 1:
            problems.append(f"{rel}: {r.headings.count(1)} <h1> elements")
        for before, after in zip(r.headings, r.headings[1:], strict=False):
            if after > before + 1:
                problems.append(f"{rel}: heading h{before} followed by h{after}")
                break
        for img in r.imgs:
            for attr in ("alt", "width", "height"):
                if attr not in img:
                    problems.append(f"{rel}: <img src={img.get('src')!r}> without {attr}")
        for tag, attr, url in r.links:
            scheme = urlsplit(url).scheme
            if scheme == "data" and tag == "img" and attr == "src" and url.startswith("data:image/webp;base64,"):
                continue  # the inlined blurred placeholder: no request at all
            if scheme and scheme not in LOCAL_SCHEMES:
                problems.append(f"{rel}: {tag}[{attr}] uses scheme {scheme!r}: {url}")
                continue
            if scheme in ("http", "https") and not url.startswith(base_url):
                if tag != "a":  # only a link the visitor follows may leave the site
                    problems.append(f"{rel}: {tag}[{attr}] loads from another origin: {url}")
                continue
            if scheme in ("mailto", "tel"):
                continue
            if scheme in ("http", "https"):
                url = url[len(base_url) - len(prefix) :]
            target = _target(site, prefix, page, url)
            if target is None:
                continue
            if not target.is_file():
                problems.append(f"{rel}: broken {tag}[{attr}] {url}")
                continue
            fragment = urlsplit(url).fragment
            if fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                problems.append(f"{rel}: missing anchor #{fragment} in {url}")
        for block in r.jsonld:
            try:
                data = json.loads(block)
            except ValueError as exc:
                problems.append(f"{rel}: JSON-LD does not parse: {exc}")
                continue
            problems += [f"{rel}: {p}" for p in check_jsonld(data)]
    problems += check_sitemap(site, base_url, parsed)
    return problems


def check_jsonld(data: dict) -> list[str]:
    """Google product snippet: name, and offers with price (or lowPrice) and priceCurrency."""
    out = []
    if data.get("@context") != "https://schema.org":
        out.append("JSON-LD without schema.org context")
    if data.get("@type") == "Product":
        if not data.get("name"):
            out.append("Product without name")
        if "aggregateRating" in data or "review" in data:
            out.append("Product with ratings or reviews that do not exist")
        offer = data.get("offers")
        if offer is not None:
            if offer.get("@type") == "Offer" and not isinstance(offer.get("price"), int):
                out.append("Offer without price")
            if offer.get("@type") == "AggregateOffer" and not isinstance(offer.get("lowPrice"), int):
                out.append("AggregateOffer without lowPrice")
            if offer.get("priceCurrency") != "IDR":
                out.append("offer without priceCurrency IDR")
        if not data.get("image"):
            out.append("Product without image")
    return out


def check_sitemap(site: Path, base_url: str, parsed: dict[Path, Parsed]) -> list[str]:
    out = []
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    root = ET.parse(site / "sitemap.xml").getroot()
    locs = [u.findtext("s:loc", namespaces=ns) for u in root.findall("s:url", ns)]
    for part in root.findall("s:sitemap/s:loc", ns):  # an index: the pages are in its sitemaps
        name = (part.text or "")[len(base_url) :]
        inner = ET.parse(site / name).getroot() if (site / name).is_file() else None
        if inner is None:
            out.append(f"sitemap: {part.text} has no file")
            continue
        locs += [u.findtext("s:loc", namespaces=ns) for u in inner.findall("s:url", ns)]
    listed = set()
    for loc in locs:
        if loc is None:
            out.append("sitemap: a <url> without <loc>")
            continue
        if not loc.startswith(base_url):
            out.append(f"sitemap: {loc} outside {base_url}")
            continue
        target = site / loc[len(base_url) :] / "index.html" if loc.endswith("/") else site / loc[len(base_url) :]
        if not target.is_file():
            out.append(f"sitemap: {loc} has no file")
        listed.add(target)
    for page, r in parsed.items():
        noindex = "noindex" in r.meta.get("robots", "")
        if not noindex and page not in listed:
            out.append(f"sitemap: {page.relative_to(site)} is missing")
        if noindex and page in listed:
            out.append(f"sitemap: {page.relative_to(site)} is noindex but listed")
    return out
