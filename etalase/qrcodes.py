"""QR codes for printed catalogues: one small SVG file per product (``<product URL>qr.svg``),
drawn at build time with zxing-cpp (its C++ encoder: 0.4 ms a code, against 1.6 ms for the
pure-Python segno it replaced, which made QR codes a third of a clean 10k build) and kept in the
build cache by URL, so each code is drawn once per address, ever, and a print page only
references it."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from importlib.metadata import version
from pathlib import Path

import zxingcpp

from etalase import urls as U
from etalase.files import store
from etalase.model import Product
from etalase.write import Keep, Linked

FILE = "qr.svg"
BORDER = 2  # modules of quiet zone around the code


def path_of(p: Product) -> str:
    return U.product(p) + FILE


def modules(url: str) -> list[bytes]:
    """The code's rows, one byte per module: 0 for a dark module (error correction level M)."""
    code = zxingcpp.create_barcode(url, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = memoryview(zxingcpp.write_barcode_to_image(code, scale=1, add_quiet_zones=False))
    size = image.shape[1]
    data = image.tobytes()
    return [data[i : i + size] for i in range(0, len(data), size)]


def draw(url: str) -> bytes:
    """A standalone SVG: black modules on white (so it scans on a dark page too), a quiet zone of
    two modules, scalable (a viewBox and no size): one stroked path of horizontal runs, each row
    starting absolutely and each run after the first moving relative to the end of the last."""
    rows = modules(url)
    size = len(rows) + 2 * BORDER
    path = []
    for y, row in enumerate(rows):
        x, n, end = 0, len(row), None
        while x < n:
            if row[x]:
                x += 1
                continue
            start = x
            while x < n and not row[x]:
                x += 1
            move = f"M{start + BORDER} {y + BORDER}.5" if end is None else f"m{start - end} 0"
            path.append(f"{move}h{x - start}")
            end = x
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {size} {size}">'
        f'<path fill="#fff" d="M0 0h{size}v{size}H0z"/>'
        f'<path stroke="#000" d="{"".join(path)}"/></svg>'
    ).encode("ascii")


class QrCodes:
    """``<product URL>qr.svg`` for every product with a page, taken from the build cache when that
    URL was drawn before: a code depends only on the URL, our parameters and the zxing-cpp version,
    which together name its cache file (``.etalase-cache/qr/<hash>.svg``)."""

    PARAMS = f"zxing-cpp-{version('zxing-cpp')}/m/border{BORDER}/v2"

    def __init__(self, cache_dir: Path) -> None:
        self.folder = cache_dir / "qr"
        self.drawn = 0
        self._folder_made = False

    def name(self, url: str) -> str:
        return hashlib.blake2b(f"{self.PARAMS}\n{url}".encode(), digest_size=12).hexdigest() + ".svg"

    def svg(self, url: str) -> Linked | bytes:
        """The code's cache file, drawn into the cache first if it is not there (or not whole);
        the code itself when the cache cannot be written (a read-only cache only costs time)."""
        cached = self.folder / self.name(url)
        try:
            with open(cached, "rb") as fh:
                head = fh.read(5)
                fh.seek(-6, os.SEEK_END)
                if head == b"<svg " and fh.read() == b"</svg>":
                    return Linked(cached)
        except OSError:
            pass
        data = draw(url)
        self.drawn += 1
        try:
            if not self._folder_made:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._folder_made = True
            store(cached, data)
        except OSError:
            return data
        return Linked(cached)

    def files(self, products: Iterable[Product], urls: U.Urls) -> Iterator[tuple[str, Keep]]:
        """Each product's code, tagged with its URL: one the previous build wrote for the same URL
        is kept unread."""
        for p in products:
            url = urls.abs(U.product(p))
            yield path_of(p), Keep(self.name(url), lambda url=url: self.svg(url))
