#!/usr/bin/env python3
"""Benchmark the photo pipeline with realistic phone photos, and what a 360 px phone downloads.

Usage::

    python tools/bench_photos.py [--photos N] [--jobs J] [--seed S] [--keep] [--record docs/benchmarks.md]

Steps, all in a temporary folder (deleted at the end unless ``--keep``):

1. **Catalog.** ``tools/gen_catalog.py --products N --photos-per-ikm 10`` writes N products in
   ceil(N / 10) IKMs with 10 photos each, so N photos when N is a multiple of 10. The generator
   shares an IKM's photos among its products, capped at 8 per product; an IKM with one or two
   products can leave a photo unused, so :func:`reference_every_photo` adds it to another product
   of the same IKM (or moves it to another IKM) until every photo is published. Then every photo
   is replaced by a phone-like JPEG (:func:`render_phone_photo`): 3000×4000, quality 90, about
   2 MB of gradients, shapes and ``Image.effect_noise`` grain, EXIF Make/Model/date/GPS; every
   third one is stored 4000×3000 with EXIF Orientation 6 so it displays portrait, as phones do.
   Each photo is a pure function of its seed (the C ``rand()`` behind ``effect_noise`` is seeded
   per photo), drawn by a process pool. Generation is timed and reported, never counted in the
   build figures.
2. **Cold build** with an empty cache, as a child process from the repository root::

       <python> build.py build --content <tmp>/content --out <tmp>/_site --cache-dir <tmp>/cache -v [--jobs J]

   measured with ``os.wait4`` (``bench.run_measured``: wall, CPU of the build and its workers,
   peak RSS of the largest single process). The ``images`` step seconds come from the ``-v``
   output; photos per second = published photos / images-step seconds. That step makes every
   variant (4 widths × WebP + JPEG) of every photo *and* the 1200×630 share cards (one per product
   plus one per producer), so it is not "photos resized per second" alone.
3. **Warm rebuild**: the same command again, cache and ``_site`` kept; the summary line must
   say ``(0 diolah)``.
4. **Bytes at 360 px**: ``_site`` is served on 127.0.0.1 and opened in Debian's Chromium through
   Playwright (viewport 360×740, device scale factor 2, mobile, touch; a fresh context and the
   HTTP cache disabled for each page) for one product page and the first ``/produk/`` listing.
   Every response's body is counted (``len(response.body())``: uncompressed, which for images is
   what goes over the wire). "Initial" is what loads without scrolling, once the network is quiet
   (Chromium also fetches lazy images within its lazy-load margin below the fold); "after
   scrolling" adds what a slow scroll to the bottom loads. Every ``<img>`` must have
   ``naturalWidth > 0``.
5. A Markdown table with the targets (cold ≥ 2 photos/s; warm images step ≤ 1 s for 300 photos;
   largest card image on the listing ≤ 30 KB), each marked met or missed.
6. ``--record FILE`` writes the tables, command, date, machine and method between
   ``<!-- bench:photos:start -->`` and ``<!-- bench:photos:end -->`` (appended under a
   ``## Photos`` heading when absent), with ``bench.record``.

Standard library, Pillow and Playwright (Python) only; Chromium is ``/usr/bin/chromium`` (never
downloaded). Linux or macOS (``os.wait4``). Run it with the project's Python:
``.venv/bin/python tools/bench_photos.py``.
"""

from __future__ import annotations

import argparse
import colorsys
import contextlib
import ctypes
import datetime
import functools
import hashlib
import http.server
import io
import math
import multiprocessing
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

TOOLS_DIR = Path(__file__).resolve().parent
if str(TOOLS_DIR) not in sys.path:
    sys.path.insert(0, str(TOOLS_DIR))

from bench import (  # noqa: E402  (tools/ is not a package; the path is set just above)
    GENERATOR,
    REPO_ROOT,
    BenchError,
    RunResult,
    invocation,
    machine_description,
    record,
    run_measured,
    tail,
)

START_MARKER = "<!-- bench:photos:start -->"
END_MARKER = "<!-- bench:photos:end -->"
SECTION_INTRO = """## Photos

`tools/bench_photos.py --photos 300 --record docs/benchmarks.md` replaces every photo of a
synthetic catalog with a 12 MP phone-like JPEG (3000×4000, ~2 MB, EXIF with GPS, a third stored
sideways with EXIF Orientation 6), builds it with an empty cache and again with a warm one, and
measures in Chromium what a 360 px phone downloads for a product page and a listing.
"""

PHOTOS_PER_IKM = 10
MAX_IMAGES_PER_PRODUCT = 8  # produk.schema.json: gambar maxItems
PHOTO_SIZE = (3000, 4000)  # upright (width, height), like a 12 MP phone camera
JPEG_QUALITY = 90

# Targets (issue "Photo pipeline"): never asserted in tests, only reported.
TARGET_COLD_PHOTOS_PER_S = 2.0
TARGET_WARM_S_PER_300 = 1.0
TARGET_CARD_IMAGE_BYTES = 30 * 1024

VIEWPORT = {"width": 360, "height": 740}
CARD_SIZES_VW = 46  # templates/partials/macros.html: card sizes "(min-width: 48rem) 17rem, 46vw"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
IDLE_QUIET_S = 0.5  # "network idle": no request in flight for this long
IDLE_TIMEOUT_S = 30.0

PHONES = (
    ("samsung", "Galaxy A54 5G"),
    ("Xiaomi", "Redmi Note 12"),
    ("OPPO", "CPH2565"),  # A78
    ("vivo", "V2247"),  # Y36
    ("realme", "RMX3710"),  # C55
    ("Apple", "iPhone 13"),
)
# etalase/urls.py image_variant: media/<ikm>/<stem>-<10 hex key>-<width>.<fmt> (share cards have no width)
VARIANT_RE = re.compile(r"-[0-9a-f]{10}-(\d+)\.(webp|jpg|avif)$")
STEP_RE = re.compile(r"^ {2}(\S+)\s+([0-9.]+) s\s*$", re.MULTILINE)
SUMMARY_RE = re.compile(r"(\d[\d.,]*) foto \((\d[\d.,]*) diolah\)")


def _log(message: str) -> None:
    print(message, flush=True)  # progress shows up at once even when stdout is a pipe


# --------------------------------------------------------------------------------------------
# 1. Catalog and phone photos
# --------------------------------------------------------------------------------------------


_IMAGE_ITEM_RE = re.compile(r"^  - berkas: (\S+)\n    alt: .*\n", re.MULTILINE)


def _product_files(ikm_dir: Path) -> list[Path]:
    return sorted(p for p in ikm_dir.iterdir() if p.suffix in (".yaml", ".md") and p.name != "ikm.yaml")


def _add_image(product: Path, berkas: str, n: int) -> None:
    """Append one ``gambar`` item after the last one of a generated product file."""
    text = product.read_text(encoding="utf-8")
    items = list(_IMAGE_ITEM_RE.finditer(text))
    if not items:
        raise BenchError(f"{product}: no gambar list in the layout gen_catalog.py writes")
    end = items[-1].end()
    item = f"  - berkas: {berkas}\n    alt: Foto tambahan produk nomor {n}\n"
    product.write_text(text[:end] + item + text[end:], encoding="utf-8")


def reference_every_photo(content: Path) -> tuple[int, int]:
    """Make every generated photo appear in some product's ``gambar`` list.

    A photo nobody uses is added to the product of its IKM with the fewest images (below the
    schema's 8); when its IKM is full (one product, 10 photos), it is moved to the first IKM with
    room, under a new name. Returns (photos added to a product of their IKM, photos moved).
    """
    images: dict[Path, list[str]] = {}
    leftovers: list[Path] = []
    added = moved = 0
    ikm_dirs = sorted(p for p in (content / "products").iterdir() if p.is_dir())
    for ikm_dir in ikm_dirs:
        products = _product_files(ikm_dir)
        for product in products:
            images[product] = _IMAGE_ITEM_RE.findall(product.read_text(encoding="utf-8"))
        used = {b for p in products for b in images[p]}
        for photo in sorted((ikm_dir / "foto").glob("*.jpg")):
            berkas = f"foto/{photo.name}"
            if berkas in used:
                continue
            room = [p for p in products if len(images[p]) < MAX_IMAGES_PER_PRODUCT]
            if not room:
                leftovers.append(photo)
                continue
            target = min(room, key=lambda p: len(images[p]))
            images[target].append(berkas)
            _add_image(target, berkas, len(images[target]))
            added += 1
    for photo in leftovers:
        target = next((p for p in images if len(images[p]) < MAX_IMAGES_PER_PRODUCT), None)
        if target is None:
            raise BenchError(f"no product has room for {photo}")
        new_name = f"pindahan-{photo.parent.parent.name}-{photo.name}"
        photo.rename(target.parent / "foto" / new_name)
        images[target].append(f"foto/{new_name}")
        _add_image(target, f"foto/{new_name}", len(images[target]))
        moved += 1
    return added, moved


@dataclass(frozen=True)
class PhotoSpec:
    """One phone photo to draw over a generated one."""

    path: str
    seed: int
    sideways: bool  # stored 4000×3000 with EXIF Orientation 6


@dataclass(frozen=True)
class PhotoResult:
    path: str
    size: int  # bytes on disk
    stored: tuple[int, int]  # pixel size as stored (before EXIF orientation)


def photo_specs(content: Path, seed: int) -> list[PhotoSpec]:
    """Every photo of the catalog, in path order; each third one stored sideways."""
    photos = sorted((content / "products").glob("*/foto/*.jpg"))
    specs = []
    for index, path in enumerate(photos):
        rel = path.relative_to(content).as_posix()
        digest = hashlib.blake2b(f"{seed}:{rel}".encode(), digest_size=8).digest()
        specs.append(PhotoSpec(str(path), int.from_bytes(digest, "big"), index % 3 == 0))
    return specs


@functools.cache
def _libc() -> ctypes.CDLL:
    return ctypes.CDLL(None)


def _noise(size: tuple[int, int], sigma: float, seed: int) -> Any:
    """``Image.effect_noise`` made reproducible: it draws from C ``rand()``, seeded here."""
    from PIL import Image

    _libc().srand(ctypes.c_uint(seed & 0xFFFFFFFF))
    return Image.effect_noise(size, sigma)


def _fake_exif(rng: Any, sideways: bool) -> Any:
    """Make/Model, dates and a GPS position somewhere in Indonesia, like a phone writes."""
    from PIL import ExifTags, Image

    make, model = PHONES[rng.randrange(len(PHONES))]
    taken = datetime.datetime(2025, 1, 1) + datetime.timedelta(seconds=rng.randrange(365 * 86400))
    stamp = taken.strftime("%Y:%m:%d %H:%M:%S")
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = make
    exif[ExifTags.Base.Model] = model
    exif[ExifTags.Base.Orientation] = 6 if sideways else 1
    exif[ExifTags.Base.DateTime] = stamp
    exif[ExifTags.Base.Software] = f"{model} camera"
    details = exif.get_ifd(ExifTags.IFD.Exif)
    details[ExifTags.Base.DateTimeOriginal] = stamp
    details[ExifTags.Base.FNumber] = 1.8
    details[ExifTags.Base.ISOSpeedRatings] = rng.choice((50, 100, 200, 400))

    def dms(value: float) -> tuple[float, float, float]:
        degrees, rest = divmod(abs(value), 1)
        minutes, rest = divmod(rest * 60, 1)
        return float(degrees), float(minutes), round(rest * 60, 2)

    lat, lon = rng.uniform(-8.5, 4.5), rng.uniform(95.5, 140.5)
    gps = exif.get_ifd(ExifTags.IFD.GPSInfo)
    gps[ExifTags.GPS.GPSLatitudeRef] = "S" if lat < 0 else "N"
    gps[ExifTags.GPS.GPSLatitude] = dms(lat)
    gps[ExifTags.GPS.GPSLongitudeRef] = "E"
    gps[ExifTags.GPS.GPSLongitude] = dms(lon)
    gps[ExifTags.GPS.GPSAltitude] = float(rng.randrange(2, 900))
    return exif


def render_phone_photo(spec: PhotoSpec) -> PhotoResult:
    """Worker: draw one 12 MP "phone photo" over ``spec.path``.

    A colourised gradient with soft blotches, a few large and many small shapes (the "product"
    and its details), then grain: coarse noise that survives downscaling (so small variants carry
    real detail) and per-pixel sensor noise (which makes the JPEG weigh what a phone's does).
    """
    import random

    from PIL import Image, ImageDraw

    rng = random.Random(spec.seed)
    w, h = PHOTO_SIZE
    if rng.random() < 0.3:
        base = Image.radial_gradient("L")
    else:
        base = Image.linear_gradient("L").transpose(Image.Transpose(rng.randrange(5)))
    small = (w // 8, h // 8)
    blotches = Image.frombytes("L", (12, 16), rng.randbytes(12 * 16)).resize(small, Image.BICUBIC)
    shade = Image.blend(base.resize(small, Image.BILINEAR), blotches, 0.45).resize((w, h), Image.BICUBIC)
    hue = rng.random()
    dark = colorsys.hls_to_rgb(hue, rng.uniform(0.15, 0.3), rng.uniform(0.3, 0.8))
    light = colorsys.hls_to_rgb((hue + rng.uniform(-0.05, 0.05)) % 1.0, rng.uniform(0.65, 0.85), rng.uniform(0.3, 0.8))
    palette: list[int] = []
    for i in range(256):
        t = i / 255
        palette.extend(int(255 * (a + (b - a) * t)) for a, b in zip(dark, light, strict=True))
    shade.putpalette(palette)
    image = shade.convert("RGB")
    draw = ImageDraw.Draw(image)

    def shape(x0: int, y0: int, x1: int, y1: int) -> None:
        rgb = colorsys.hls_to_rgb(rng.random(), rng.uniform(0.3, 0.7), rng.uniform(0.4, 1.0))
        colour = tuple(int(255 * c) for c in rgb)
        kind = rng.randrange(3)
        if kind == 0:
            draw.ellipse((x0, y0, x1, y1), fill=colour)
        elif kind == 1:
            draw.rounded_rectangle((x0, y0, x1, y1), radius=min(40, (x1 - x0) // 3, (y1 - y0) // 3), fill=colour)
        else:
            draw.polygon([(x0, y1), ((x0 + x1) // 2, y0), (x1, y1)], fill=colour)

    for _ in range(rng.randint(3, 6)):
        x0, y0 = rng.randrange(0, w - 800), rng.randrange(0, h - 800)
        shape(x0, y0, x0 + rng.randrange(300, 1500), y0 + rng.randrange(300, 1500))
    for _ in range(rng.randint(20, 60)):
        x0, y0 = rng.randrange(0, w - 150), rng.randrange(0, h - 150)
        shape(x0, y0, x0 + rng.randrange(20, 120), y0 + rng.randrange(20, 120))
    seeds = [rng.getrandbits(32) for _ in range(3)]
    coarse = Image.blend(
        _noise((w // 4, h // 4), 50, seeds[0]).resize((w, h), Image.BICUBIC),
        _noise((w // 16, h // 16), 60, seeds[1]).resize((w, h), Image.BICUBIC),
        0.5,
    )
    grain = Image.blend(coarse, _noise((w, h), 30, seeds[2]), 1 / 3)
    image = Image.blend(image, Image.merge("RGB", (grain, grain, grain)), 0.3)
    if spec.sideways:
        image = image.transpose(Image.Transpose.ROTATE_90)  # Orientation 6 turns it back upright
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=JPEG_QUALITY, exif=_fake_exif(rng, spec.sideways))
    data = buffer.getvalue()
    with open(spec.path, "wb") as fh:
        fh.write(data)
    return PhotoResult(spec.path, len(data), image.size)


def _cpus() -> int:
    try:
        return len(os.sched_getaffinity(0))  # what `nproc` reports
    except AttributeError:
        return os.cpu_count() or 1


@dataclass(frozen=True)
class Catalog:
    """The generated catalog and how long it took to make."""

    workdir: Path
    products: int
    ikm: int
    photos: tuple[PhotoResult, ...]
    text_s: float  # gen_catalog.py (text files + its small placeholder photos)
    photos_s: float  # drawing the phone photos
    photo_processes: int
    added: int
    moved: int

    @property
    def content(self) -> Path:
        return self.workdir / "content"


def make_catalog(products: int, workdir: Path, seed: int, log: Callable[[str], None] = _log) -> Catalog:
    """Generate the catalog, reference every photo, then draw the phone photos in parallel."""
    cmd = [
        sys.executable,
        str(GENERATOR),
        "--products",
        str(products),
        "--out",
        str(workdir),
        "--seed",
        str(seed),
        "--photos-per-ikm",
        str(PHOTOS_PER_IKM),
    ]
    result = run_measured(cmd, REPO_ROOT)
    if result.returncode != 0:
        raise BenchError(f"generator failed (exit {result.returncode}):\n{tail(result.stderr or result.stdout)}")
    content = workdir / "content"
    added, moved = reference_every_photo(content)
    ikm = sum(1 for p in (content / "products").iterdir() if p.is_dir())
    n_products = sum(len(_product_files(p)) for p in (content / "products").iterdir() if p.is_dir())
    specs = photo_specs(content, seed)
    log(
        f"generated {n_products:,} products, {ikm:,} IKMs in {result.wall_s:.1f} s "
        f"({added} unused photos added to a product of their IKM, {moved} moved to another IKM)"
    )
    processes = min(_cpus(), len(specs)) or 1
    log(f"drawing {len(specs):,} phone photos with {processes} processes ...")
    started = time.perf_counter()
    with multiprocessing.Pool(processes) as pool:
        photos = tuple(pool.imap(render_phone_photo, specs, chunksize=1))
    photos_s = time.perf_counter() - started
    sizes = [p.size for p in photos]
    log(
        f"drew {len(photos):,} photos, {sum(sizes) / 2**20:,.0f} MiB (median {statistics.median(sizes) / 1e6:.2f} MB, "
        f"{min(sizes) / 1e6:.2f}–{max(sizes) / 1e6:.2f} MB) in {photos_s:.1f} s"
    )
    return Catalog(workdir, n_products, ikm, photos, result.wall_s, photos_s, processes, added, moved)


# --------------------------------------------------------------------------------------------
# 2–3. Builds
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class BuildRun:
    """One measured build and what its ``-v`` output says."""

    run: RunResult
    steps: dict[str, float]  # "validate", "model+plan", "images", "render+write"
    photos: int  # distinct photos published (summary line)
    processed: int  # photos decoded and resized in this build
    summary: str

    @property
    def images_s(self) -> float:
        return self.steps["images"]


def build_command(workdir: Path, jobs: int | None) -> list[str]:
    cmd = [
        sys.executable,
        "build.py",
        "build",
        "--content",
        str(workdir / "content"),
        "--out",
        str(workdir / "_site"),
        "--cache-dir",
        str(workdir / "cache"),
        "-v",
    ]
    return [*cmd, "--jobs", str(jobs)] if jobs else cmd


def _count(text: str) -> int:
    return int(re.sub(r"[.,]", "", text))


def run_build(workdir: Path, jobs: int | None, label: str) -> BuildRun:
    """Run and measure one build; parse its step timings and summary line."""
    result = run_measured(build_command(workdir, jobs), REPO_ROOT)
    if result.returncode != 0:
        raise BenchError(f"{label} build failed (exit {result.returncode}):\n{tail(result.stderr or result.stdout)}")
    steps = {name: float(seconds) for name, seconds in STEP_RE.findall(result.stdout)}
    summary = next((line for line in result.stdout.splitlines() if line.startswith("Selesai:")), "")
    match = SUMMARY_RE.search(summary)
    if "images" not in steps or not match:
        raise BenchError(f"{label} build: no images step or summary line in its -v output:\n{tail(result.stdout)}")
    return BuildRun(result, steps, _count(match.group(1)), _count(match.group(2)), summary)


def _steps_text(steps: dict[str, float]) -> str:
    return ", ".join(f"{name} {seconds:.2f} s" for name, seconds in steps.items())


@dataclass(frozen=True)
class CacheContents:
    """What the cold build left in the cache: the work the images step did."""

    variants: int
    variant_bytes: int
    cards: int


def cache_contents(cache: Path) -> CacheContents:
    variants = [p for p in (cache / "images").glob("v*/*") if p.is_file()]
    cards = list((cache / "cards").glob("*.jpg"))
    return CacheContents(len(variants), sum(p.stat().st_size for p in variants), len(cards))


@dataclass(frozen=True)
class VariantSizes:
    """Sizes of one published variant (width, format) over all photos."""

    width: int
    fmt: str
    count: int
    median: float
    largest: int


def variant_sizes(site: Path) -> list[VariantSizes]:
    """Median and largest size of each variant width and format in ``_site/media``."""
    groups: dict[tuple[int, str], list[int]] = {}
    for path in (site / "media").rglob("*"):
        match = VARIANT_RE.search(path.name)
        if match and path.is_file():
            groups.setdefault((int(match.group(1)), match.group(2)), []).append(path.stat().st_size)
    return [
        VariantSizes(width, fmt, len(sizes), statistics.median(sizes), max(sizes))
        for (width, fmt), sizes in sorted(groups.items())
    ]


# --------------------------------------------------------------------------------------------
# 4. Bytes at 360 px (Playwright + Debian Chromium)
# --------------------------------------------------------------------------------------------


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".webp": "image/webp",
        ".avif": "image/avif",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
    }

    def log_message(self, format: str, *args: Any) -> None:
        """Keep the benchmark's output clean: no line per request."""


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 (free port) from a thread; yields the base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="bench-photos-http", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@dataclass(frozen=True)
class Download:
    url: str
    resource_type: str
    size: int

    @property
    def variant(self) -> str:
        """``640w webp`` for a photo variant, else the file name."""
        match = VARIANT_RE.search(self.url)
        return f"{match.group(1)}w {match.group(2)}" if match else self.url.rsplit("/", 1)[-1]


@dataclass(frozen=True)
class Phase:
    """Everything downloaded up to one moment of the visit."""

    downloads: tuple[Download, ...]

    def bytes_of(self, resource_type: str | None = None) -> int:
        return sum(d.size for d in self.downloads if resource_type is None or d.resource_type == resource_type)

    def count_of(self, resource_type: str) -> int:
        return sum(1 for d in self.downloads if d.resource_type == resource_type)

    def largest_photo(self) -> Download | None:
        photos = [d for d in self.downloads if d.resource_type == "image" and VARIANT_RE.search(d.url)]
        return max(photos, key=lambda d: d.size, default=None)


@dataclass(frozen=True)
class PageVisit:
    """One page opened at 360 px: before and after scrolling, and the state of its ``<img>``s."""

    label: str
    path: str
    initial: Phase
    scrolled: Phase
    images: int  # <img> elements
    broken: tuple[str, ...]  # complete but naturalWidth == 0
    not_loaded: tuple[str, ...]  # still not complete after scrolling to the bottom
    shown: tuple[str, ...] = ()  # distinct photo variants the <img>s show, e.g. "640w webp"
    card_css_width: float = 0.0  # median laid-out width of the card photos, CSS px (0: no cards)


class _Recorder:
    """Collects every response of a page and counts requests in flight."""

    def __init__(self, page: Any) -> None:
        self.responses: list[Any] = []
        self.inflight = 0
        self.last_change = time.monotonic()
        self._sizes: dict[int, int] = {}
        page.on("request", self._start)
        page.on("requestfinished", self._end)
        page.on("requestfailed", self._end)
        page.on("response", self._response)

    def _response(self, response: Any) -> None:
        self.responses.append(response)

    def _start(self, _request: Any) -> None:
        self.inflight += 1
        self.last_change = time.monotonic()

    def _end(self, _request: Any) -> None:
        self.inflight -= 1
        self.last_change = time.monotonic()

    def wait_idle(self, page: Any) -> None:
        """Return once nothing has been in flight for :data:`IDLE_QUIET_S`."""
        deadline = time.monotonic() + IDLE_TIMEOUT_S
        while time.monotonic() < deadline:
            page.wait_for_timeout(100)  # lets Playwright dispatch the events
            if self.inflight <= 0 and time.monotonic() - self.last_change >= IDLE_QUIET_S:
                return
        raise BenchError(f"network not idle after {IDLE_TIMEOUT_S:.0f} s ({self.inflight} requests in flight)")

    def phase(self) -> Phase:
        downloads = []
        for response in self.responses:
            if response.url.startswith("data:"):
                continue
            key = id(response)
            if key not in self._sizes:
                try:
                    self._sizes[key] = len(response.body())
                except Exception:  # a redirect or aborted response has no body
                    self._sizes[key] = 0
            downloads.append(Download(response.url, response.request.resource_type, self._sizes[key]))
        return Phase(tuple(downloads))


_SCROLL_JS = """async () => {
  const step = Math.round(window.innerHeight / 2);
  for (let i = 0; i < 2000; i++) {
    const bottom = window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
    if (bottom) break;
    window.scrollBy(0, step);
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}"""

_IMAGES_JS = """() => Array.from(document.images).map((img) => ({
  src: img.currentSrc || img.src, complete: img.complete, naturalWidth: img.naturalWidth,
  cssWidth: img.getBoundingClientRect().width, card: !!img.closest(".card") && !img.classList.contains("pic-ph"),
}))"""


def visit(browser: Any, base_url: str, path: str, label: str) -> PageVisit:
    """Open ``path`` in a fresh phone context with the cache disabled; scroll; collect figures."""
    context = browser.new_context(
        viewport=VIEWPORT, device_scale_factor=2, is_mobile=True, has_touch=True, service_workers="block"
    )
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        recorder = _Recorder(page)
        response = page.goto(base_url + path, wait_until="load")
        if response is None or response.status != 200:
            raise BenchError(f"{path}: HTTP {response.status if response else 'no response'}")
        recorder.wait_idle(page)
        initial = recorder.phase()
        page.evaluate(_SCROLL_JS)
        recorder.wait_idle(page)
        scrolled = recorder.phase()
        state = page.evaluate(_IMAGES_JS)
    finally:
        context.close()
    broken = tuple(i["src"] for i in state if i["complete"] and i["naturalWidth"] <= 0)
    not_loaded = tuple(i["src"] for i in state if not i["complete"])
    shown = {(int(m.group(1)), m.group(2)) for i in state if (m := VARIANT_RE.search(i["src"]))}
    variants = tuple(f"{width}w {fmt}" for width, fmt in sorted(shown))
    card_widths = [i["cssWidth"] for i in state if i["card"]]
    card_width = statistics.median(card_widths) if card_widths else 0.0
    return PageVisit(label, path, initial, scrolled, len(state), broken, not_loaded, variants, card_width)


def pick_product_path(site: Path) -> str:
    """The first product page in path order (``/produk/<ikm>/<product>/``)."""
    pages = sorted(
        p.parent.relative_to(site).as_posix()
        for p in (site / "produk").glob("*/*/index.html")
        if p.parent.parent.name != "halaman"
    )
    if not pages:
        raise BenchError(f"no product page under {site / 'produk'}")
    return f"/{pages[0]}/"


def measure_pages(site: Path) -> list[PageVisit]:
    """Visit one product page and the first listing page at 360 px in Chromium."""
    from playwright.sync_api import sync_playwright

    pages = [("product page", pick_product_path(site)), ("listing /produk/", "/produk/")]
    with serve(site) as base_url, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            return [visit(browser, base_url, path, label) for label, path in pages]
        finally:
            browser.close()


# --------------------------------------------------------------------------------------------
# 5. Reporting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    catalog: Catalog
    cold: BuildRun
    warm: BuildRun
    cache: CacheContents
    variants: list[VariantSizes]
    visits: list[PageVisit]
    jobs: int | None
    load_cold: float  # 1-minute load average as each build started
    load_warm: float


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def targets_table(r: Report) -> tuple[str, bool]:
    """The three targets, each marked met or missed; returns (table, all met)."""
    photos = r.cold.photos
    rate = photos / r.cold.images_s if r.cold.images_s > 0 else math.inf
    warm_limit = TARGET_WARM_S_PER_300 * photos / 300
    listing = next(v for v in r.visits if v.path == "/produk/")
    largest = listing.scrolled.largest_photo()
    largest_size = largest.size if largest else 0
    rows = [
        (
            "Cold: photos per second in the `images` step",
            f"{rate:.2f} photos/s ({photos} photos in {r.cold.images_s:.1f} s)",
            f"≥ {TARGET_COLD_PHOTOS_PER_S:g}",
            rate >= TARGET_COLD_PHOTOS_PER_S,
        ),
        (
            f"Warm: `images` step, {photos} photos cached",
            f"{r.warm.images_s:.2f} s ({r.warm.processed} diolah)",
            f"≤ {warm_limit:.2f} s" + ("" if photos == 300 else f" ({TARGET_WARM_S_PER_300:g} s per 300 photos)"),
            r.warm.images_s <= warm_limit and r.warm.processed == 0,
        ),
        (
            "Largest image a 360 px phone downloads for a product card (`/produk/`, after scrolling)",
            f"{_kb(largest_size)} ({largest.variant})" if largest else "none downloaded",
            f"≤ {_kb(TARGET_CARD_IMAGE_BYTES)}",
            largest is not None and largest_size <= TARGET_CARD_IMAGE_BYTES,
        ),
    ]
    lines = ["| Target | Result | Goal | Status |", "| --- | ---: | ---: | --- |"]
    lines += [f"| {name} | {value} | {goal} | {_verdict(ok)} |" for name, value, goal, ok in rows]
    return "\n".join(lines), all(ok for *_, ok in rows)


def builds_table(r: Report) -> str:
    c = r.catalog
    sizes = [p.size for p in c.photos]
    sideways = sum(1 for p in c.photos if p.stored[0] > p.stored[1])
    lines = [
        "| Figure | Value |",
        "| --- | --- |",
        f"| Catalog | {c.products:,} products, {c.ikm:,} IKMs, {len(c.photos):,} photos |",
        f"| Photos | 3000×4000 JPEG q{JPEG_QUALITY}, {sideways} stored 4000×3000 + Orientation 6; "
        f"median {statistics.median(sizes) / 1e6:.2f} MB ({min(sizes) / 1e6:.2f}–{max(sizes) / 1e6:.2f}), "
        f"{sum(sizes) / 2**20:,.0f} MiB in all |",
        f"| Generation (not in the build figures) | catalog text {c.text_s:.1f} s; "
        f"phone photos {c.photos_s:.1f} s ({c.photo_processes} processes) |",
        f"| Cold build: wall / CPU / peak RSS | {r.cold.run.wall_s:.1f} s / {r.cold.run.cpu_s:.1f} s / "
        f"{r.cold.run.peak_rss_mib:.0f} MiB |",
        f"| Cold build steps | {_steps_text(r.cold.steps)} |",
        f"| Cold `images` step made | {r.cache.variants:,} variants ({r.cache.variant_bytes / 2**20:,.1f} MiB) "
        f"+ {r.cache.cards:,} share cards 1200×630 |",
        f"| Cold: photos per second over `validate` + `images` | "
        f"{r.cold.photos / (r.cold.steps['images'] + r.cold.steps.get('validate', 0)):.2f} |",
        f"| Warm rebuild: wall / CPU / peak RSS | {r.warm.run.wall_s:.1f} s / {r.warm.run.cpu_s:.1f} s / "
        f"{r.warm.run.peak_rss_mib:.0f} MiB |",
        f"| Warm rebuild steps | {_steps_text(r.warm.steps)} |",
        f"| Warm summary | {r.warm.summary} |",
    ]
    return "\n".join(lines)


def variants_table(variants: Sequence[VariantSizes]) -> str:
    lines = ["| Variant | Files | Median | Largest |", "| --- | ---: | ---: | ---: |"]
    lines += [f"| {v.width}w {v.fmt} | {v.count:,} | {_kb(v.median)} | {_kb(v.largest)} |" for v in variants]
    return "\n".join(lines)


def bytes_table(visits: Sequence[PageVisit]) -> str:
    lines = [
        "| Page (360×740, DPR 2) | HTML | Images, initial | Total, initial | Images, after scroll "
        "| Total, after scroll | Largest photo | `<img>` shown |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for v in visits:
        largest = v.scrolled.largest_photo()
        lines.append(
            f"| {v.label} (`{v.path}`) | {_kb(v.initial.bytes_of('document'))} "
            f"| {_kb(v.initial.bytes_of('image'))} ({v.initial.count_of('image')}) "
            f"| {_kb(v.initial.bytes_of())} ({len(v.initial.downloads)}) "
            f"| {_kb(v.scrolled.bytes_of('image'))} ({v.scrolled.count_of('image')}) "
            f"| {_kb(v.scrolled.bytes_of())} ({len(v.scrolled.downloads)}) "
            f"| {_kb(largest.size) + ' (' + largest.variant + ')' if largest else '–'} "
            f"| {', '.join(v.shown) or '–'} |"
        )
    return "\n".join(lines)


def image_check(visits: Sequence[PageVisit]) -> str:
    """One line per page: every <img> decoded (naturalWidth > 0), or which were not."""
    out = []
    for v in visits:
        if not v.broken and not v.not_loaded:
            out.append(f"{v.label}: all {v.images} `<img>` loaded with naturalWidth > 0")
        else:
            out.append(
                f"{v.label}: **{len(v.broken)} broken** ({', '.join(v.broken[:3])}), "
                f"{len(v.not_loaded)} not loaded after scrolling, of {v.images} `<img>`"
            )
    return "; ".join(out)


def report_markdown(r: Report) -> tuple[str, bool]:
    """All tables as Markdown; returns (text, all targets met)."""
    targets, all_met = targets_table(r)
    text = (
        f"{targets}\n\n{builds_table(r)}\n\n"
        f"Published variants (all {len(r.catalog.photos)} photos):\n\n{variants_table(r.variants)}\n\n"
        f"Bytes at 360 px (uncompressed bodies; count of responses in brackets):\n\n{bytes_table(r.visits)}\n\n"
        f"Image check: {image_check(r.visits)}."
    )
    return text, all_met


def method_notes(r: Report) -> str:
    jobs = f"--jobs {r.jobs}" if r.jobs else "default --jobs: all cores"
    return (
        f"- Method: `python build.py build --content <tmp>/content --out <tmp>/_site --cache-dir <tmp>/cache -v` "
        f"({jobs}) from the repository root, once with an empty cache and once again with cache and `_site` kept; "
        f"wall, CPU (build and its workers) and peak RSS (largest single process) from `os.wait4`. "
        f"Photos/s = published photos ÷ the `images` step of `-v`; that step makes 4 widths × (WebP + JPEG) of "
        f"every photo **and** the share cards (one per product, one per producer) — it is not resizing alone. "
        f"Decoding each photo's header, hashing it and drawing its blurred placeholder happen in `validate`.\n"
        f"- Photos: drawn by `render_phone_photo` (gradients, shapes, coarse + per-pixel `effect_noise` grain), "
        f"seeded per photo; every photo is referenced by a product ({r.catalog.added} added to a product of their "
        f"IKM, {r.catalog.moved} moved to another IKM). The weight of a small variant depends on the picture's "
        f"detail: these synthetic photos weigh what a 12 MP phone JPEG does, but a real photo on a plain backdrop "
        f"makes smaller variants and a busy scene larger ones; the variant table gives the spread.\n"
        f"- Browser: Debian Chromium via Playwright, viewport 360×740, device scale factor 2, mobile + touch, "
        f"a fresh context per page with the HTTP cache disabled; bytes are `len(response.body())` "
        f'(uncompressed). "Initial" = loaded without scrolling once no request was in flight for '
        f'{IDLE_QUIET_S:g} s (includes lazy images inside Chromium\'s lazy-load margin); "after scroll" = after '
        f"scrolling to the bottom half a screen every 150 ms. {card_choice_note(r.visits)}\n"
        f"- Load average (1 min) when each build started: cold {r.load_cold:.2f}, warm {r.load_warm:.2f} "
        f"(other work on this {_cpus()}-CPU machine slows the figures down)."
    )


def card_choice_note(visits: Sequence[PageVisit]) -> str:
    """Why the listing's cards download the width they do: ``sizes`` against the 2× density."""
    listing = next((v for v in visits if v.path == "/produk/"), None)
    if listing is None or not listing.card_css_width:
        return ""
    slot = CARD_SIZES_VW / 100 * VIEWPORT["width"]
    return (
        f"Card photos are laid out {listing.card_css_width:.0f} CSS px wide; their `sizes` says {CARD_SIZES_VW:g}vw "
        f"= {slot:.1f} CSS px = {2 * slot:.0f} device px at DPR 2, which the 320w variant covers only "
        f"{320 / slot:.2f}×, so Chromium picks the next width ({', '.join(listing.shown) or 'none'})."
    )


# --------------------------------------------------------------------------------------------
# 6. Recording and command line
# --------------------------------------------------------------------------------------------


def record_photos(path: Path, block: str) -> None:
    """Write ``block`` between the photo markers, adding a ``## Photos`` section if they are absent."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    if START_MARKER not in text and END_MARKER not in text:
        prefix = text if not text or text.endswith("\n") else text + "\n"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"{prefix}{chr(10) if prefix else ''}{SECTION_INTRO}", encoding="utf-8")
    record(path, block, (START_MARKER, END_MARKER))


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--photos", type=int, default=300, metavar="N", help="products, and photos (10 per IKM) (default: 300)"
    )
    parser.add_argument("--jobs", type=int, metavar="J", help="pass --jobs J to the build (default: its own)")
    parser.add_argument("--seed", type=int, default=1, help="catalog and photo seed (default: 1)")
    parser.add_argument("--keep", action="store_true", help="keep the catalog, cache and site")
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="write the results between the bench:photos markers in FILE"
    )
    args = parser.parse_args(argv)
    if args.photos < 1 or (args.jobs is not None and args.jobs < 1):
        parser.error("--photos and --jobs must be at least 1")
    return args


def run(args: argparse.Namespace, workdir: Path) -> Report:
    """Steps 1–4 in ``workdir``."""
    _log(f"== {args.photos:,} products, {PHOTOS_PER_IKM} photos per IKM ({workdir})")
    catalog = make_catalog(args.photos, workdir, args.seed)
    load_cold = os.getloadavg()[0]
    _log(f"cold build (empty cache; load average {load_cold:.2f}) ...")
    cold = run_build(workdir, args.jobs, "cold")
    _log(
        f"cold: {cold.run.wall_s:.1f} s wall, {cold.run.cpu_s:.1f} s CPU, {cold.run.peak_rss_mib:.0f} MiB; "
        f"{_steps_text(cold.steps)}\n      {cold.summary}"
    )
    if cold.run.stderr.strip():
        _log(f"      build messages (stderr): {tail(cold.run.stderr, 3)}")
    cache = cache_contents(workdir / "cache")
    load_warm = os.getloadavg()[0]
    _log(f"warm rebuild (load average {load_warm:.2f}) ...")
    warm = run_build(workdir, args.jobs, "warm")
    _log(f"warm: {warm.run.wall_s:.1f} s wall; {_steps_text(warm.steps)}\n      {warm.summary}")
    if warm.processed != 0:
        _log(f"warm rebuild processed {warm.processed} photos: the cache did not hold")
    _log("measuring bytes at 360 px in Chromium ...")
    visits = measure_pages(workdir / "_site")
    return Report(catalog, cold, warm, cache, variant_sizes(workdir / "_site"), visits, args.jobs, load_cold, load_warm)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if not (REPO_ROOT / "build.py").is_file():
        print(f"bench_photos: no build.py in {REPO_ROOT}", file=sys.stderr)
        return 1
    workdir = Path(tempfile.mkdtemp(prefix=f"etalase-bench-photos-{args.photos}-"))
    try:
        report = run(args, workdir)
    except BenchError as exc:
        print(f"bench_photos: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            _log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    text, all_met = report_markdown(report)
    print()
    print(text)
    print()
    print("All targets met." if all_met else "Some targets were MISSED (see the table).")
    if args.record:
        block = (
            f"{text}\n\n"
            f"- Command: `{invocation(argv)}`\n"
            f"- Date: {datetime.date.today().isoformat()}\n"
            f"- Machine: {machine_description()}\n"
            f"{method_notes(report)}"
        )
        try:
            record_photos(args.record, block)
        except BenchError as exc:
            print(f"bench_photos: {args.record}: {exc}", file=sys.stderr)
            return 1
        print(f"\nrecorded in {args.record}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
