"""QR codes for printed catalogues: one small SVG file per product (``<product URL>qr.svg``),
drawn at build time with segno and kept in the build cache by URL, so each code is drawn once
per address, ever, and a print page only references it."""

from __future__ import annotations

import hashlib
import io
import os
from collections.abc import Iterable, Iterator
from pathlib import Path

import segno

from etalase import urls as U
from etalase.model import Product
from etalase.write import Keep, Tagged, previous_tag

FILE = "qr.svg"


def path_of(p: Product) -> str:
    return U.product(p) + FILE


def draw(url: str) -> bytes:
    """A standalone SVG: black modules on white (so it scans on a dark page too), a quiet zone of
    two modules, scalable. The mask is fixed because choosing the best one costs 4x the time and
    every mask decodes."""
    code = segno.make_qr(url, error="m", mask=2)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=1,
        border=2,
        dark="#000",
        light="#fff",
        xmldecl=False,
        nl=False,
        omitsize=True,
        svgclass=None,
        lineclass=None,
    )
    return out.getvalue()


class QrCodes:
    """``<product URL>qr.svg`` for every product with a page, taken from the build cache when that
    URL was drawn before: a code depends only on the URL, our parameters and the segno version,
    which together name its cache file (``.etalase-cache/qr/<hash>.svg``)."""

    PARAMS = f"segno-{segno.__version__}/m/mask2/border2/v1"

    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / "qr"
        self.drawn = 0

    def name(self, url: str) -> str:
        return hashlib.blake2b(f"{self.PARAMS}\n{url}".encode(), digest_size=12).hexdigest() + ".svg"

    def svg(self, url: str) -> bytes:
        cached = self.folder / self.name(url)
        try:
            data = cached.read_bytes()
            if data.startswith(b"<svg ") and data.endswith(b"</svg>"):
                return data
        except OSError:
            pass
        data = draw(url)
        self.drawn += 1
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            tmp = cached.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_bytes(data)
            os.replace(tmp, cached)
        except OSError:
            pass  # a read-only cache only costs time
        return data

    def files(
        self, products: Iterable[Product], urls: U.Urls, previous: dict[str, list] | None = None
    ) -> Iterator[tuple[str, Keep | Tagged]]:
        """Each product's code; one the previous build wrote for the same URL is kept unread."""
        for p in products:
            url = urls.abs(U.product(p))
            name = self.name(url)
            if name == previous_tag(previous, path_of(p)):
                yield path_of(p), Keep(name, lambda url=url: self.svg(url))
            else:
                yield path_of(p), Tagged(self.svg(url), name)
