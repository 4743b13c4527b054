"""The one place that knows URLs (design.md "URL scheme"). Every link goes through ``Urls``."""

from __future__ import annotations

from urllib.parse import urlsplit

from etalase.categories import Category
from etalase.model import Event, Image, Page, Producer, Product, Programme
from etalase.regions import Region


def product(p: Product) -> str:
    return f"produk/{p.producer.slug}/{p.slug}/"


def producer(p: Producer) -> str:
    return f"ikm/{p.slug}/"


def category(c: Category) -> str:
    return f"kategori/{c.parent}/{c.slug}/" if c.parent else f"kategori/{c.slug}/"


def province(r: Region) -> str:
    return f"wilayah/{r.slug}/"


def regency(r: Region, province_region: Region) -> str:
    return f"wilayah/{province_region.slug}/{r.slug}/"


def programme(pg: Programme) -> str:
    return f"program/{pg.slug}/"


def event(ev: Event) -> str:
    return f"acara/{ev.slug}/"


def page(pg: Page) -> str:
    return f"{pg.slug}/"


def image_variant(img: Image, width: int, fmt: str) -> str:
    """``media/<ikm>/<photo>-<key>-<width>.<fmt>``: the key hashes the photo's bytes and the
    processing parameters, so a CDN may cache it forever."""
    return f"media/{img.folder}/{img.stem}-{img.key}-{width}.{fmt}"


def paginated(url: str, n: int) -> str:
    """Listings paginate as ``<listing URL>halaman/<n>/``; page 1 is the listing itself."""
    return url if n <= 1 else f"{url}halaman/{n}/"


def output_file(url: str) -> str:
    """``produk/a/b/`` → ``produk/a/b/index.html``; files (``sitemap.xml``) stay as they are."""
    if url == "" or url.endswith("/"):
        return url + "index.html"
    return url


def url_of(file: str) -> str:
    """The inverse of ``output_file``: ``produk/a/b/index.html`` → ``produk/a/b/``."""
    if file == "index.html" or file.endswith("/index.html"):
        return file[: -len("index.html")]
    return file


class Urls:
    """Turns site paths (``produk/a/b/``) into links that work under any ``base_url``.

    ``rel`` gives root-relative links with the base path prefix (``/etalase/produk/a/b/``);
    ``abs`` gives absolute URLs for canonical links, Open Graph, sitemaps and feeds.
    """

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.prefix = urlsplit(base_url).path or "/"

    def rel(self, path: str) -> str:
        return self.prefix + path.lstrip("/")

    def abs(self, path: str) -> str:
        return self.base_url + path.lstrip("/")
