"""Photos: the one module that decodes them (Pillow).

``Inspector.inspect`` runs during validation: it reads headers only, refuses what must not be
decoded (not an image, wrong extension, truncated, too many pixels, too big, too small) and, for
a photo it has not seen before, makes the tiny blurred placeholder. ``process`` runs in the
assets/images step (in worker processes): upright, 8-bit sRGB, metadata stripped, resized to
every width as WebP + JPEG (+ AVIF when enabled). Both are cached by the photo's content hash."""

from __future__ import annotations

import base64
import hashlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageCms, ImageOps

from etalase.cache import JsonIndex
from etalase.config import ImageSettings

# Bump when the output of ``process`` or ``inspect`` changes: names and cache keys follow it.
PIPELINE_VERSION = "1"
WEBP_QUALITY = 75
JPEG_QUALITY = 80
AVIF_QUALITY = 55
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG", ".webp": "WEBP", ".gif": "GIF"}
ACCEPTED = {"JPEG", "PNG", "WEBP", "GIF", "MPO"}  # MPO: phone JPEGs with a depth map; read as JPEG
_SRGB = ImageCms.createProfile("sRGB")


@dataclass(frozen=True)
class ImageInfo:
    """What validation learned about a photo; ``problem`` is a message key when it is refused."""

    digest: str
    width: int = 0  # upright (EXIF orientation applied)
    height: int = 0
    kind: str = ""  # detected format
    placeholder: str = ""  # data: URI of a tiny blurred preview
    problem: str = ""
    detail: dict | None = None


def variant_key(digest: str) -> str:
    """Short name part for a photo's outputs: its content and every processing parameter."""
    params = f"{digest}:{PIPELINE_VERSION}:{WEBP_QUALITY}:{JPEG_QUALITY}:{AVIF_QUALITY}"
    return hashlib.blake2b(params.encode(), digest_size=5).hexdigest()


def digest_of(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def _truncated(kind: str, data: bytes) -> bool:
    """Cheap structural checks that catch an interrupted upload without decoding."""
    if kind in ("JPEG", "MPO"):
        return not data.rstrip(b"\x00").endswith(b"\xff\xd9")
    if kind == "PNG":
        return b"IEND" not in data[-32:]
    if kind == "WEBP":
        return len(data) < 12 or int.from_bytes(data[4:8], "little") + 8 > len(data)
    return False


def _placeholder(im: Image.Image) -> str:
    small = ImageOps.exif_transpose(im.convert("RGB") if im.mode not in ("RGB", "L") else im)
    small.thumbnail((16, 16), Image.BILINEAR)
    buf = io.BytesIO()
    small.convert("RGB").save(buf, "WEBP", quality=30, method=4)
    return "data:image/webp;base64," + base64.b64encode(buf.getvalue()).decode("ascii")


class Inspector:
    """Header checks and placeholders, remembered by content hash across builds."""

    def __init__(self, settings: ImageSettings, cache_dir: Path | None) -> None:
        self.settings = settings
        self.index = (
            JsonIndex(cache_dir / "images" / "inspect.json", f"inspect-{PIPELINE_VERSION}") if cache_dir else None
        )
        self.seen: dict[Path, ImageInfo] = {}
        self.decoded = 0  # photos opened beyond their header in this build (0 on a warm rebuild)

    def inspect(self, path: Path) -> ImageInfo:
        if path in self.seen:
            return self.seen[path]
        info = self._inspect(path)
        self.seen[path] = info
        return info

    def _inspect(self, path: Path) -> ImageInfo:
        s = self.settings
        st = path.stat()
        size = st.st_size
        if size > s.max_bytes:
            return ImageInfo(
                "",
                problem="msg.image_too_big_file",
                detail={"mb": f"{size / 1048576:.1f}", "max": s.max_bytes // 1048576},
            )
        # the same file (path, size, modification time) is not even read again
        stat_key = f"stat:{path}:{size}:{st.st_mtime_ns}"
        digest = self.index.get(stat_key) if self.index is not None else None
        data = None
        if digest is None:
            data = path.read_bytes()
            digest = digest_of(data)
            if self.index is not None:
                self.index.put(stat_key, digest)
        key = f"{digest}:{path.suffix.lower()}:{s.max_pixels}:{s.min_side}"
        if self.index is not None and (hit := self.index.get(key)):
            return ImageInfo(digest, **hit)
        info = self._examine(path, data if data is not None else path.read_bytes(), digest)
        if self.index is not None:
            self.index.put(key, {k: v for k, v in info.__dict__.items() if k != "digest"})
        return info

    def _examine(self, path: Path, data: bytes, digest: str) -> ImageInfo:
        s = self.settings
        head = data[:512].lstrip().lower()
        if head.startswith((b"<svg", b"<?xml")) or b"<svg" in head:
            return ImageInfo(digest, problem="msg.image_svg")
        try:
            # Only the header is read here; our own pixel budget is checked below, before any
            # decoding, so Pillow's bomb guard (which would hide the size) can stand aside.
            limit, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
            try:
                im = Image.open(io.BytesIO(data))
            finally:
                Image.MAX_IMAGE_PIXELS = limit
            kind = im.format or ""
            width, height = im.size
        except Exception:
            return ImageInfo(digest, problem="msg.image_not_image")
        if kind not in ACCEPTED:
            return ImageInfo(digest, kind=kind, problem="msg.image_not_image")
        expected = FORMATS.get(path.suffix.lower())
        if expected and expected != ("JPEG" if kind == "MPO" else kind):
            return ImageInfo(
                digest, kind=kind, problem="msg.image_wrong_type", detail={"kind": kind, "ext": path.suffix}
            )
        if width * height > s.max_pixels:
            return ImageInfo(
                digest,
                kind=kind,
                problem="msg.image_too_many_pixels",
                detail={"mp": f"{width * height / 1e6:.0f}", "max": s.max_pixels // 1_000_000, "w": width, "h": height},
            )
        if _truncated(kind, data):
            return ImageInfo(digest, kind=kind, problem="msg.image_truncated")
        orientation = im.getexif().get(0x0112, 1)
        if orientation in (5, 6, 7, 8):
            width, height = height, width
        if min(width, height) < s.min_side:
            return ImageInfo(
                digest,
                width,
                height,
                kind,
                problem="msg.image_too_small",
                detail={"w": width, "h": height, "min": s.min_side},
            )
        try:
            if kind in ("JPEG", "MPO"):
                im.draft("RGB", (64, 64))  # decode at 1/8 scale: enough for a 16 px preview
            self.decoded += 1
            preview = _placeholder(im)
        except Exception:
            return ImageInfo(digest, kind=kind, problem="msg.image_truncated")
        return ImageInfo(digest, width, height, kind, preview)

    def save(self) -> None:
        if self.index is not None:
            self.index.save()


# --- processing (assets/images step) ------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """Resize one photo: ``outputs`` maps (width, format) to the cache file to create."""

    source: str
    outputs: tuple[tuple[int, str, str], ...]


def variant_widths(width: int, widths: tuple[int, ...]) -> tuple[int, ...]:
    """Configured widths below the photo's own, plus its own width when it is smaller than the
    largest: never upscaled."""
    out = [w for w in sorted(widths) if w < width]
    if width <= max(widths):
        out.append(width)
    return tuple(out)


def to_srgb(im: Image.Image) -> Image.Image:
    """Upright 8-bit sRGB without any metadata: EXIF orientation applied, an embedded ICC profile
    converted (not dropped), CMYK, 16-bit, palette and alpha flattened (alpha on white)."""
    im = ImageOps.exif_transpose(im)
    icc = im.info.get("icc_profile")
    if icc and im.mode in ("RGB", "CMYK", "L"):
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            im = ImageCms.profileToProfile(im, profile, _SRGB, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: treat the pixels as sRGB
    if im.mode in ("I;16", "I;16B", "I;16L", "I"):
        im = im.convert("I").point(lambda v: v / 256).convert("L")  # 16-bit grey → 8-bit
    if im.mode == "P":
        im = im.convert("RGBA") if "transparency" in im.info else im.convert("RGB")
    if im.mode in ("RGBA", "LA", "PA", "RGBa", "La"):
        rgba = im.convert("RGBA")
        im = Image.new("RGB", rgba.size, (255, 255, 255))
        im.paste(rgba, mask=rgba.getchannel("A"))
    im = im.convert("RGB") if im.mode != "RGB" else im.copy()
    im.info = {}  # EXIF (GPS, serial numbers), XMP, IPTC, comments, ICC: none survive
    return im


def _encode(im: Image.Image, fmt: str) -> bytes:
    buf = io.BytesIO()
    if fmt == "webp":
        im.save(buf, "WEBP", quality=WEBP_QUALITY, method=4)
    elif fmt == "jpg":
        im.save(buf, "JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    elif fmt == "avif":
        im.save(buf, "AVIF", quality=AVIF_QUALITY)
    return buf.getvalue()


def process(job: Job) -> str:
    """Worker: write every variant of one photo to the cache. Returns the source path."""
    with Image.open(job.source) as im:
        largest = max(w for w, _, _ in job.outputs)
        if im.format in ("JPEG", "MPO"):
            im.draft("RGB", (largest, largest))  # DCT scaling when the photo is much larger
        im.load()
        upright = to_srgb(im)
    current = upright
    for width in sorted({w for w, _, _ in job.outputs}, reverse=True):
        height = max(1, round(upright.height * width / upright.width))
        if current.width != width:
            current = current.resize((width, height), Image.LANCZOS, reducing_gap=3.0)
        for w, fmt, target in job.outputs:
            if w == width:
                data = _encode(current, fmt)
                tmp = f"{target}.tmp-{os.getpid()}"
                with open(tmp, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, target)
    return job.source
