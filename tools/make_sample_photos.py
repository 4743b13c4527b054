#!/usr/bin/env python3
"""Generate placeholder "product photos" for the sample catalog.

Reads every product file under ``content/products/`` (``*.yaml`` and the front
matter of ``*.md``), and for each ``gambar[].berkas`` that does not exist yet
(or every one, with ``--force``) draws a plausible phone-photo stand-in:

- a smooth vertical gradient in a colour derived from the product category;
- a soft-shadowed silhouette that roughly fits the category (pouch, bottle,
  box, fabric, sack, machine, furniture, bricks, ...);
- the product name in large type and a small "FOTO CONTOH" caption;
- real phone dimensions (3000x4000 portrait, 4000x3000 landscape, or
  2268x4032), JPEG quality 82, and an EXIF block (Make "ContohPonsel",
  Model "X1").  Some images carry EXIF Orientation 6 with the pixels stored
  rotated, so only an EXIF-aware pipeline shows them upright.

Everything is seeded from the photo's path relative to ``content/``, so the
output is byte-for-byte reproducible.  Images are kept smooth so that each
compresses to roughly 100-300 KB (JPEG with optimised Huffman tables).

Usage::

    .venv/bin/python tools/make_sample_photos.py            # only missing photos
    .venv/bin/python tools/make_sample_photos.py --force    # regenerate all
"""

from __future__ import annotations

import argparse
import colorsys
import hashlib
import random
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml
from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"

# The drawing happens at 1/SCALE of the final size and is then upscaled; this
# keeps the picture smooth (small JPEG) and the script fast.
SCALE = 2
JPEG_QUALITY = 82

EXIF_MAKE = 0x010F
EXIF_MODEL = 0x0110
EXIF_ORIENTATION = 0x0112
EXIF_SOFTWARE = 0x0131
EXIF_DATETIME = 0x0132
EXIF_IFD = 0x8769
EXIF_DATETIME_ORIGINAL = 0x9003

# Base background hue (degrees) per top-level category.
CATEGORY_HUE = {
    "makanan": 28,
    "minuman": 20,
    "hasil-bumi": 95,
    "kain-tradisional": 350,
    "fesyen": 285,
    "kerajinan": 18,
    "furnitur": 35,
    "kantor-seminar": 215,
    "kimia-kesehatan": 160,
    "bahan-bangunan": 210,
    "mesin-pertanian": 75,
    "mesin-peralatan": 200,
    "logam-elektronik": 225,
    "lainnya": 45,
}

# Silhouette per "top/sub" (checked first) or per top category.
SHAPE_BY_CATEGORY = {
    "makanan/konsumsi-rapat": "box",
    "makanan/kue-roti": "box",
    "makanan/sambal-bumbu": "jar",
    "makanan/dodol-manisan-selai": "box",
    "minuman/madu": "bottle",
    "minuman/sirup-sari-buah": "bottle",
    "minuman/teh-herbal": "box",
    "minuman/minuman-serbuk": "box",
    "hasil-bumi/rempah": "jar",
    "hasil-bumi/bibit-benih": "plant",
    "mesin-pertanian/alat-pertanian-tangan": "tool",
    "fesyen/tas-dompet": "bag",
    "fesyen/alas-kaki": "box",
    "fesyen/perhiasan-aksesori": "box",
    "kerajinan/anyaman": "basket",
    "kerajinan/gerabah-keramik": "vase",
    "kerajinan/ukiran-kayu": "vase",
    "furnitur/furnitur-logam": "shelf",
    "furnitur/perabot-kantor-sekolah": "desk",
    "kantor-seminar/seminar-kit": "bag",
    "kantor-seminar/percetakan": "garment",
    "kimia-kesehatan/sabun-pembersih": "bottle",
    "kimia-kesehatan/kosmetik-perawatan": "jar",
    "bahan-bangunan/kusen-pintu": "door",
    "logam-elektronik/elektronik-listrik": "panel",
    "logam-elektronik/barang-logam": "shelf",
    "makanan": "pouch",
    "minuman": "pouch",
    "hasil-bumi": "sack",
    "kain-tradisional": "fabric",
    "fesyen": "garment",
    "kerajinan": "box",
    "furnitur": "chair",
    "kantor-seminar": "box",
    "kimia-kesehatan": "bottle",
    "bahan-bangunan": "bricks",
    "mesin-pertanian": "machine",
    "mesin-peralatan": "machine",
    "logam-elektronik": "machine",
    "lainnya": "basket",
}

# Shapes that usually get photographed in landscape.
WIDE_SHAPES = {"machine", "fabric", "chair", "desk", "bricks", "shelf"}


@dataclass(frozen=True)
class Photo:
    """One photo to draw: where it goes and what it shows."""

    path: Path
    key: str  # path relative to content/, the seed
    nama: str
    merek: str
    kategori: str
    tanggal: str  # YYYY:MM:DD for EXIF


# --------------------------------------------------------------------------- #
# Reading the catalog
# --------------------------------------------------------------------------- #


def load_product(path: Path) -> dict | None:
    """Return a product's fields from a .yaml file or an .md front matter."""
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        if not text.startswith("---"):
            return None
        parts = text.split("---", 2)
        if len(parts) < 3:
            return None
        text = parts[1]
    data = yaml.safe_load(text)
    return data if isinstance(data, dict) else None


def find_photos(content: Path) -> list[Photo]:
    """Every photo referenced by a product file under content/products/."""
    photos: list[Photo] = []
    products = content / "products"
    files = sorted(p for p in products.rglob("*") if p.suffix in (".yaml", ".md") and p.name != "ikm.yaml")
    for path in files:
        try:
            data = load_product(path)
        except yaml.YAMLError as exc:
            print(f"{path.relative_to(ROOT)}: YAML tidak dapat dibaca: {exc}", file=sys.stderr)
            continue
        if not data:
            continue
        tanggal = str(data.get("diperbarui", "2026-01-01")).replace("-", ":")
        for item in data.get("gambar") or []:
            berkas = item.get("berkas") if isinstance(item, dict) else None
            if not berkas:
                continue
            target = (path.parent / berkas).resolve()
            if not target.is_relative_to(path.parent.resolve()) or target.suffix.lower() not in (".jpg", ".jpeg"):
                print(f"{path.relative_to(ROOT)}: dilewati: {berkas}", file=sys.stderr)
                continue
            photos.append(
                Photo(
                    path=target,
                    key=target.relative_to(content.resolve()).as_posix(),
                    nama=str(data.get("nama", path.stem)),
                    merek=str(data.get("merek", "")),
                    kategori=str(data.get("kategori", "lainnya/lainnya")),
                    tanggal=tanggal,
                )
            )
    return photos


# --------------------------------------------------------------------------- #
# Colours and layout helpers
# --------------------------------------------------------------------------- #


def hsv(h: float, s: float, v: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb((h % 360) / 360.0, max(0.0, min(1.0, s)), max(0.0, min(1.0, v)))
    return (round(r * 255), round(g * 255), round(b * 255))


def shade(rgb: tuple[int, int, int], f: float) -> tuple[int, int, int]:
    """Darken (f < 1) or lighten (f > 1) a colour."""
    if f <= 1:
        return tuple(round(c * f) for c in rgb)  # type: ignore[return-value]
    return tuple(round(c + (255 - c) * (f - 1)) for c in rgb)  # type: ignore[return-value]


def font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def wrap(text: str, fnt, max_width: float, max_lines: int) -> list[str]:
    """Greedy word wrap; the last line is shortened with an ellipsis if needed."""
    words = text.split()
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line} {word}".strip()
        if fnt.getlength(trial) <= max_width or not line:
            line = trial
        else:
            lines.append(line)
            line = word
    if line:
        lines.append(line)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and fnt.getlength(last + "…") > max_width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def pick_size(rng: random.Random, shape: str) -> tuple[tuple[int, int], int]:
    """Upright (width, height) and the EXIF orientation to store."""
    r = rng.random()
    if shape in WIDE_SHAPES and r < 0.55:
        upright = (4000, 3000)
    elif r > 0.9:
        upright = (2268, 4032)
    elif r > 0.82:
        upright = (4000, 3000)
    else:
        upright = (3000, 4000)
    orientation = 6 if rng.random() < 0.2 else 1
    return upright, orientation


# --------------------------------------------------------------------------- #
# Silhouettes: each draws into a colour layer and an alpha mask
# --------------------------------------------------------------------------- #


class Canvas:
    """A colour layer plus a mask; shapes draw into both at once."""

    def __init__(self, size: tuple[int, int]):
        self.img = Image.new("RGB", size, (0, 0, 0))
        self.mask = Image.new("L", size, 0)
        self.d = ImageDraw.Draw(self.img)
        self.m = ImageDraw.Draw(self.mask)

    def rect(self, box, fill, radius=0):
        box = [round(v) for v in box]
        if radius:
            self.d.rounded_rectangle(box, radius=round(radius), fill=fill)
            self.m.rounded_rectangle(box, radius=round(radius), fill=255)
        else:
            self.d.rectangle(box, fill=fill)
            self.m.rectangle(box, fill=255)

    def poly(self, pts, fill):
        pts = [(round(x), round(y)) for x, y in pts]
        self.d.polygon(pts, fill=fill)
        self.m.polygon(pts, fill=255)

    def ellipse(self, box, fill):
        box = [round(v) for v in box]
        self.d.ellipse(box, fill=fill)
        self.m.ellipse(box, fill=255)

    def line(self, pts, fill, width):
        pts = [(round(x), round(y)) for x, y in pts]
        self.d.line(pts, fill=fill, width=round(width))
        self.m.line(pts, fill=255, width=round(width))

    def decor_rect(self, box, fill, radius=0):
        """Paint inside the object without changing its mask."""
        box = [round(v) for v in box]
        if radius:
            self.d.rounded_rectangle(box, radius=round(radius), fill=fill)
        else:
            self.d.rectangle(box, fill=fill)

    def decor_line(self, pts, fill, width):
        self.d.line([(round(x), round(y)) for x, y in pts], fill=fill, width=round(width))


def label(c: Canvas, box, colour, text: str, rng: random.Random):
    """A printed label with the brand name on a package."""
    x0, y0, x1, y1 = box
    c.decor_rect(box, colour, radius=(x1 - x0) * 0.06)
    if text:
        # Largest size at which the brand fits the label in at most two lines.
        size = max(10, int((y1 - y0) * 0.28))
        while True:
            fnt = font(size)
            words_fit = all(fnt.getlength(wd) <= (x1 - x0) * 0.85 for wd in text.upper().split())
            lines = wrap(text.upper(), fnt, (x1 - x0) * 0.85, 2)
            if (words_fit and not lines[-1].endswith("…")) or size <= 10:
                break
            size = int(size * 0.9)
        ink = (40, 32, 28) if sum(colour) > 380 else (250, 246, 240)
        total = len(lines) * size * 1.15
        y = (y0 + y1) / 2 - total / 2
        for ln in lines:
            w = fnt.getlength(ln)
            c.d.text(((x0 + x1) / 2 - w / 2, y), ln, font=fnt, fill=ink)
            y += size * 1.15


def draw_shape(c: Canvas, shape: str, cx: float, cy: float, s: float, col, acc, rng: random.Random, brand: str):
    """Draw silhouette ``shape`` centred at (cx, cy) with size unit ``s``."""
    dark, light = shade(col, 0.72), shade(col, 1.25)
    if shape == "pouch":
        w, h = s * 0.95, s * 1.3
        x0, y0 = cx - w / 2, cy - h / 2
        c.rect((x0, y0, x0 + w, y0 + h), col, radius=w * 0.08)
        c.decor_rect((x0, y0, x0 + w, y0 + h * 0.08), dark, radius=w * 0.04)
        for i in range(12):
            xx = x0 + w * (i + 0.5) / 12
            c.decor_line([(xx, y0 + h * 0.01), (xx, y0 + h * 0.07)], shade(dark, 0.85), s * 0.006)
        c.ellipse((cx - w * 0.05, y0 + h * 0.11, cx + w * 0.05, y0 + h * 0.15), shade(dark, 0.6))
        label(c, (x0 + w * 0.12, y0 + h * 0.24, x0 + w * 0.88, y0 + h * 0.52), acc, brand, rng)
        c.ellipse((x0 + w * 0.28, y0 + h * 0.6, x0 + w * 0.72, y0 + h * 0.88), shade(acc, 0.8))
        c.decor_rect((x0 + w * 0.06, y0 + h * 0.1, x0 + w * 0.11, y0 + h * 0.95), light, radius=w * 0.02)
    elif shape in ("bottle", "jar"):
        if shape == "bottle":
            w, h = s * 0.55, s * 1.15
            bx0, by0 = cx - w / 2, cy - h / 2 + s * 0.28
            c.rect((cx - w * 0.2, by0 - s * 0.42, cx + w * 0.2, by0 + s * 0.05), col, radius=w * 0.08)
            c.rect((cx - w * 0.25, by0 - s * 0.52, cx + w * 0.25, by0 - s * 0.38), shade(acc, 0.6), radius=w * 0.05)
            c.rect((bx0, by0, bx0 + w, by0 + h), col, radius=w * 0.22)
            label(c, (bx0 + w * 0.06, by0 + h * 0.3, bx0 + w * 0.94, by0 + h * 0.68), acc, brand, rng)
            c.decor_rect((bx0 + w * 0.1, by0 + h * 0.08, bx0 + w * 0.18, by0 + h * 0.9), light, radius=w * 0.04)
        else:
            w, h = s * 0.95, s * 0.85
            bx0, by0 = cx - w / 2, cy - h / 2 + s * 0.12
            c.rect((bx0 + w * 0.05, by0 - s * 0.2, bx0 + w * 0.95, by0 + s * 0.02), shade(acc, 0.55), radius=w * 0.05)
            c.rect((bx0, by0, bx0 + w, by0 + h), col, radius=w * 0.12)
            label(c, (bx0 + w * 0.08, by0 + h * 0.28, bx0 + w * 0.92, by0 + h * 0.7), acc, brand, rng)
            c.decor_rect((bx0 + w * 0.06, by0 + h * 0.1, bx0 + w * 0.11, by0 + h * 0.9), light, radius=w * 0.02)
    elif shape == "box":
        w, h, dpt = s * 1.0, s * 0.9, s * 0.3
        x0, y0 = cx - w / 2 - dpt / 4, cy - h / 2 + dpt / 2
        c.poly([(x0, y0), (x0 + dpt, y0 - dpt * 0.6), (x0 + w + dpt, y0 - dpt * 0.6), (x0 + w, y0)], light)
        c.poly(
            [(x0 + w, y0), (x0 + w + dpt, y0 - dpt * 0.6), (x0 + w + dpt, y0 + h - dpt * 0.6), (x0 + w, y0 + h)], dark
        )
        c.rect((x0, y0, x0 + w, y0 + h), col)
        label(c, (x0 + w * 0.1, y0 + h * 0.3, x0 + w * 0.9, y0 + h * 0.7), acc, brand, rng)
    elif shape == "sack":
        w, h = s * 1.0, s * 1.2
        x0, y0 = cx - w / 2, cy - h / 2
        c.poly(
            [
                (x0 + w * 0.3, y0),
                (x0 + w * 0.7, y0),
                (x0 + w * 0.62, y0 + h * 0.12),
                (x0 + w, y0 + h * 0.3),
                (x0 + w * 0.97, y0 + h),
                (x0 + w * 0.03, y0 + h),
                (x0, y0 + h * 0.3),
                (x0 + w * 0.38, y0 + h * 0.12),
            ],
            col,
        )
        c.decor_rect((x0 + w * 0.35, y0 + h * 0.1, x0 + w * 0.65, y0 + h * 0.14), shade(acc, 0.5))
        label(c, (x0 + w * 0.15, y0 + h * 0.42, x0 + w * 0.85, y0 + h * 0.72), acc, brand, rng)
    elif shape == "fabric":
        w, h = s * 1.7, s * 1.15
        x0, y0 = cx - w / 2, cy - h / 2
        c.rect((x0, y0, x0 + w, y0 + h), col, radius=s * 0.02)
        bands = rng.randint(5, 9)
        for i in range(bands):
            yy = y0 + h * (i + 0.5) / bands
            c.decor_rect((x0, yy - h * 0.025, x0 + w, yy + h * 0.025), acc if i % 2 else shade(acc, 0.7))
            if i % 2 == 0:
                n = 9
                for j in range(n):
                    xx = x0 + w * (j + 0.5) / n
                    r = h * 0.035
                    c.d.polygon([(xx, yy - r), (xx + r, yy), (xx, yy + r), (xx - r, yy)], fill=light)
        c.poly([(x0 + w * 0.78, y0 + h), (x0 + w, y0 + h * 0.7), (x0 + w, y0 + h)], dark)
    elif shape == "garment":
        w, h = s * 1.2, s * 1.25
        x0, y0 = cx - w / 2, cy - h / 2
        c.poly(
            [
                (x0 + w * 0.32, y0),
                (x0 + w * 0.68, y0),
                (x0 + w, y0 + h * 0.16),
                (x0 + w * 0.9, y0 + h * 0.42),
                (x0 + w * 0.8, y0 + h * 0.36),
                (x0 + w * 0.8, y0 + h),
                (x0 + w * 0.2, y0 + h),
                (x0 + w * 0.2, y0 + h * 0.36),
                (x0 + w * 0.1, y0 + h * 0.42),
                (x0, y0 + h * 0.16),
            ],
            col,
        )
        c.d.polygon([(x0 + w * 0.38, y0), (x0 + w * 0.5, y0 + h * 0.14), (x0 + w * 0.62, y0)], fill=shade(col, 0.55))
        c.decor_line([(cx, y0 + h * 0.14), (cx, y0 + h)], dark, s * 0.01)
        c.decor_rect((x0 + w * 0.26, y0 + h * 0.3, x0 + w * 0.42, y0 + h * 0.4), acc, radius=s * 0.01)
    elif shape in ("bag", "basket"):
        w, h = s * 1.15, s * 0.9
        x0, y0 = cx - w / 2, cy - h / 2 + s * 0.15
        handle = shade(acc, 0.6) if shape == "bag" else dark
        c.d.arc((cx - w * 0.3, y0 - h * 0.45, cx + w * 0.3, y0 + h * 0.3), 180, 360, fill=handle, width=round(s * 0.05))
        c.m.arc((cx - w * 0.3, y0 - h * 0.45, cx + w * 0.3, y0 + h * 0.3), 180, 360, fill=255, width=round(s * 0.05))
        c.poly([(x0 + w * 0.06, y0), (x0 + w * 0.94, y0), (x0 + w, y0 + h), (x0, y0 + h)], col)
        if shape == "basket":
            for i in range(1, 8):
                c.decor_line([(x0 + w * 0.03, y0 + h * i / 8), (x0 + w * 0.97, y0 + h * i / 8)], dark, s * 0.012)
            for i in range(1, 12):
                xx = x0 + w * i / 12
                c.decor_line([(xx, y0), (xx, y0 + h)], shade(col, 0.85), s * 0.006)
        else:
            label(c, (x0 + w * 0.2, y0 + h * 0.3, x0 + w * 0.8, y0 + h * 0.7), acc, brand, rng)
    elif shape in ("vase", "plant"):
        w, h = s * 0.9, s * 1.2
        x0, y0 = cx - w / 2, cy - h / 2
        if shape == "plant":
            for i in range(7):
                ang = -0.9 + i * 0.3
                lx = cx + w * 0.55 * ang
                c.ellipse(
                    (
                        lx - w * 0.14,
                        y0 + h * 0.05 + abs(ang) * h * 0.15,
                        lx + w * 0.14,
                        y0 + h * 0.42 + abs(ang) * h * 0.1,
                    ),
                    shade((60, 140, 60), 0.8 + 0.05 * i),
                )
            c.poly(
                [
                    (x0 + w * 0.2, y0 + h * 0.45),
                    (x0 + w * 0.8, y0 + h * 0.45),
                    (x0 + w * 0.7, y0 + h),
                    (x0 + w * 0.3, y0 + h),
                ],
                (35, 35, 35),
            )
        else:
            c.rect((cx - w * 0.16, y0, cx + w * 0.16, y0 + h * 0.25), col, radius=w * 0.05)
            c.rect((cx - w * 0.22, y0 - h * 0.02, cx + w * 0.22, y0 + h * 0.05), dark, radius=w * 0.03)
            c.ellipse((x0, y0 + h * 0.15, x0 + w, y0 + h * 0.98), col)
            c.decor_rect((x0 + w * 0.08, y0 + h * 0.52, x0 + w * 0.92, y0 + h * 0.6), acc)
            c.d.ellipse((x0 + w * 0.16, y0 + h * 0.3, x0 + w * 0.3, y0 + h * 0.7), fill=light)
    elif shape in ("chair", "desk", "shelf", "door"):
        wood = col
        if shape == "chair":
            w, h = s * 1.5, s * 1.0
            x0, y0 = cx - w / 2, cy - h / 2
            c.rect((x0 + w * 0.1, y0, x0 + w * 0.9, y0 + h * 0.5), dark, radius=s * 0.04)
            c.decor_rect((x0 + w * 0.18, y0 + h * 0.06, x0 + w * 0.82, y0 + h * 0.44), acc, radius=s * 0.03)
            c.rect((x0, y0 + h * 0.5, x0 + w, y0 + h * 0.66), wood, radius=s * 0.03)
            for xx in (x0 + w * 0.05, x0 + w * 0.88):
                c.rect((xx, y0 + h * 0.62, xx + w * 0.07, y0 + h), dark)
        elif shape == "desk":
            w, h = s * 1.7, s * 0.85
            x0, y0 = cx - w / 2, cy - h / 2
            c.rect((x0, y0, x0 + w, y0 + h * 0.1), light, radius=s * 0.01)
            c.rect((x0 + w * 0.04, y0 + h * 0.1, x0 + w * 0.36, y0 + h), wood)
            for i in range(3):
                yy = y0 + h * (0.16 + i * 0.28)
                c.decor_rect((x0 + w * 0.06, yy, x0 + w * 0.34, yy + h * 0.24), shade(wood, 1.1))
                c.decor_rect((x0 + w * 0.17, yy + h * 0.1, x0 + w * 0.23, yy + h * 0.13), dark)
            c.rect((x0 + w * 0.92, y0 + h * 0.1, x0 + w * 0.96, y0 + h), dark)
        elif shape == "shelf":
            w, h = s * 1.2, s * 1.5
            x0, y0 = cx - w / 2, cy - h / 2
            for xx in (x0, x0 + w * 0.95):
                c.rect((xx, y0, xx + w * 0.05, y0 + h), dark)
            for i in range(5):
                yy = y0 + h * (0.05 + i * 0.22)
                c.rect((x0, yy, x0 + w, yy + h * 0.03), col)
                if i < 4:
                    for j in range(rng.randint(2, 4)):
                        bx = x0 + w * (0.1 + j * 0.22)
                        c.rect((bx, yy + h * 0.07, bx + w * 0.18, yy + h * 0.22), acc if j % 2 else shade(acc, 0.75))
        else:  # door
            w, h = s * 0.8, s * 1.55
            x0, y0 = cx - w / 2, cy - h / 2
            c.rect((x0, y0, x0 + w, y0 + h), wood)
            for i in range(2):
                for j in range(3):
                    px = x0 + w * (0.1 + i * 0.43)
                    py = y0 + h * (0.06 + j * 0.31)
                    c.decor_rect((px, py, px + w * 0.37, py + h * 0.26), shade(wood, 0.85), radius=s * 0.02)
                    c.d.ellipse((px + w * 0.1, py + h * 0.06, px + w * 0.27, py + h * 0.2), fill=shade(wood, 1.15))
            c.decor_rect((x0 + w * 0.85, y0 + h * 0.5, x0 + w * 0.9, y0 + h * 0.56), acc)
    elif shape == "bricks":
        w, h = s * 1.8, s * 1.2
        x0, y0 = cx - w / 2, cy - h / 2
        rows, cols = 6, 5
        bw, bh = w / cols, h / rows
        for r in range(rows):
            off = bw / 2 if r % 2 else 0
            for k in range(-1, cols + 1):
                bx = x0 + k * bw + off
                if bx + bw * 0.95 < x0 or bx > x0 + w:
                    continue
                tone = shade(col, 0.85 + 0.3 * rng.random())
                bx0, bx1 = max(x0, bx + bw * 0.04), min(x0 + w, bx + bw * 0.96)
                if bx1 - bx0 > bw * 0.2:
                    c.rect((bx0, y0 + r * bh + bh * 0.06, bx1, y0 + (r + 1) * bh - bh * 0.06), tone, radius=bh * 0.1)
    elif shape == "panel":
        w, h = s * 1.0, s * 1.3
        x0, y0 = cx - w / 2, cy - h / 2
        c.rect((x0, y0, x0 + w, y0 + h), col, radius=s * 0.03)
        c.decor_rect((x0 + w * 0.08, y0 + h * 0.06, x0 + w * 0.92, y0 + h * 0.94), shade(col, 0.85), radius=s * 0.02)
        for i in range(6):
            bx = x0 + w * (0.14 + i * 0.12)
            c.decor_rect((bx, y0 + h * 0.2, bx + w * 0.09, y0 + h * 0.38), (235, 235, 230))
            c.decor_rect((bx + w * 0.02, y0 + h * 0.25, bx + w * 0.07, y0 + h * 0.3), acc)
        c.decor_rect((x0 + w * 0.2, y0 + h * 0.5, x0 + w * 0.8, y0 + h * 0.75), (30, 30, 30), radius=s * 0.02)
    elif shape == "tool":
        w, h = s * 0.5, s * 1.7
        x0, y0 = cx - w / 2, cy - h / 2
        handle = hsv(30, 0.55, 0.55)
        c.line([(cx - w * 0.35, y0 + h * 0.98), (cx + w * 0.25, y0)], handle, s * 0.07)
        c.poly(
            [
                (cx - w * 0.1, y0 + h * 0.02),
                (cx + w * 0.9, y0 - h * 0.02),
                (cx + w * 0.95, y0 + h * 0.2),
                (cx + w * 0.05, y0 + h * 0.24),
            ],
            (110, 112, 118),
        )
        c.d.polygon(
            [
                (cx + w * 0.05, y0 + h * 0.16),
                (cx + w * 0.93, y0 + h * 0.13),
                (cx + w * 0.95, y0 + h * 0.2),
                (cx + w * 0.05, y0 + h * 0.24),
            ],
            fill=(190, 192, 198),
        )
        c.rect((cx - w * 0.02, y0 - h * 0.01, cx + w * 0.3, y0 + h * 0.08), shade(col, 0.6), radius=s * 0.02)
    else:  # machine
        w, h = s * 1.8, s * 1.1
        x0, y0 = cx - w / 2, cy - h / 2
        c.rect((x0 + w * 0.05, y0 + h * 0.55, x0 + w * 0.95, y0 + h * 0.62), shade(col, 0.5))
        for xx in (x0 + w * 0.08, x0 + w * 0.86):
            c.rect((xx, y0 + h * 0.55, xx + w * 0.05, y0 + h * 0.95), shade(col, 0.5))
        c.rect((x0 + w * 0.12, y0 + h * 0.2, x0 + w * 0.62, y0 + h * 0.56), col, radius=s * 0.05)
        c.poly(
            [(x0 + w * 0.18, y0), (x0 + w * 0.56, y0), (x0 + w * 0.5, y0 + h * 0.22), (x0 + w * 0.24, y0 + h * 0.22)],
            shade(col, 1.15),
        )
        c.rect((x0 + w * 0.64, y0 + h * 0.3, x0 + w * 0.9, y0 + h * 0.55), shade(acc, 0.8), radius=s * 0.03)
        c.decor_rect((x0 + w * 0.68, y0 + h * 0.34, x0 + w * 0.86, y0 + h * 0.4), shade(acc, 0.5))
        for xx in (x0 + w * 0.2, x0 + w * 0.72):
            c.ellipse((xx - h * 0.17, y0 + h * 0.7, xx + h * 0.17, y0 + h * 1.04), (35, 35, 35))
            c.d.ellipse((xx - h * 0.07, y0 + h * 0.8, xx + h * 0.07, y0 + h * 0.94), fill=(150, 150, 150))
        c.decor_rect((x0 + w * 0.16, y0 + h * 0.25, x0 + w * 0.2, y0 + h * 0.52), light)


# --------------------------------------------------------------------------- #
# Composition
# --------------------------------------------------------------------------- #


def render(photo: Photo) -> tuple[Image.Image, Image.Exif]:
    """Draw the photo upright, then rotate it if it gets EXIF orientation 6."""
    seed = int.from_bytes(hashlib.sha256(photo.key.encode("utf-8")).digest()[:8], "big")
    rng = random.Random(seed)
    top = photo.kategori.split("/")[0]
    shape = SHAPE_BY_CATEGORY.get(photo.kategori) or SHAPE_BY_CATEGORY.get(top, "box")
    (W, H), orientation = pick_size(rng, shape)
    w, h = W // SCALE, H // SCALE

    # Background: smooth vertical gradient around the category hue.
    hue = CATEGORY_HUE.get(top, 45) + rng.uniform(-12, 12)
    top_col = hsv(hue, rng.uniform(0.12, 0.28), rng.uniform(0.9, 0.97))
    bot_col = hsv(hue + rng.uniform(-10, 10), rng.uniform(0.3, 0.5), rng.uniform(0.5, 0.68))
    grad = Image.linear_gradient("L").resize((w, h), Image.Resampling.BILINEAR)
    img = Image.composite(Image.new("RGB", (w, h), bot_col), Image.new("RGB", (w, h), top_col), grad)
    # A soft "table" horizon lower in the frame.
    horizon = Image.new("L", (w, h), 0)
    ImageDraw.Draw(horizon).rectangle((0, int(h * 0.68), w, h), fill=70)
    horizon = horizon.filter(ImageFilter.GaussianBlur(h * 0.04))
    img = Image.composite(Image.new("RGB", (w, h), shade(bot_col, 0.7)), img, horizon)

    # Object colours.
    obj_hue = hue + rng.choice([150, 180, 200, -30, 30])
    col = hsv(obj_hue, rng.uniform(0.45, 0.75), rng.uniform(0.55, 0.85))
    acc = hsv(obj_hue + rng.choice([90, 120, 180]), rng.uniform(0.3, 0.6), rng.uniform(0.85, 0.98))

    unit = min(w, h) * (0.42 if W > H else 0.5)
    cx, cy = w / 2 + rng.uniform(-0.03, 0.03) * w, h * (0.42 if H > W else 0.4)
    canvas = Canvas((w, h))
    draw_shape(canvas, shape, cx, cy, unit, col, acc, rng, photo.merek)

    # Soft drop shadow below and to the right of the object.
    shadow = canvas.mask.point(lambda v: int(v * 0.55))
    shadow = shadow.transform(
        (w, h), Image.Transform.AFFINE, (1, 0, -unit * 0.06, 0, 1, -unit * 0.08), resample=Image.Resampling.BILINEAR
    ).filter(ImageFilter.GaussianBlur(unit * 0.07))
    img = Image.composite(Image.new("RGB", (w, h), shade(bot_col, 0.35)), img, shadow)
    img = Image.composite(canvas.img, img, canvas.mask.filter(ImageFilter.GaussianBlur(1.2)))

    # Product name in large type on a translucent panel near the bottom.
    draw = ImageDraw.Draw(img, "RGBA")
    size = int(w * (0.072 if H > W else 0.05))
    fnt = font(size)
    lines = wrap(photo.nama, fnt, w * 0.84, 3)
    line_h = size * 1.18
    panel_h = line_h * len(lines) + size * 1.3
    py0 = h * 0.95 - panel_h
    draw.rounded_rectangle((w * 0.05, py0, w * 0.95, h * 0.95), radius=size * 0.5, fill=(255, 255, 255, 200))
    y = py0 + size * 0.45
    for ln in lines:
        draw.text((w * 0.09, y), ln, font=fnt, fill=(32, 30, 34, 255))
        y += line_h
    small = font(max(12, size // 3))
    draw.text((w * 0.09, y + size * 0.05), "FOTO CONTOH", font=small, fill=(110, 104, 100, 255))

    img = img.resize((W, H), Image.Resampling.BICUBIC)

    exif = Image.Exif()
    exif[EXIF_MAKE] = "ContohPonsel"
    exif[EXIF_MODEL] = "X1"
    exif[EXIF_SOFTWARE] = "make_sample_photos.py (Etalase)"
    stamp = f"{photo.tanggal} {rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}"
    exif[EXIF_DATETIME] = stamp
    exif.get_ifd(EXIF_IFD)[EXIF_DATETIME_ORIGINAL] = stamp
    exif[EXIF_ORIENTATION] = orientation
    if orientation == 6:
        # Orientation 6 means "rotate 90° clockwise to display": store the
        # upright picture turned 90° counter-clockwise.
        img = img.transpose(Image.Transpose.ROTATE_90)
    return img, exif


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Buat foto contoh untuk katalog sampel.")
    parser.add_argument("--force", action="store_true", help="buat ulang semua foto, termasuk yang sudah ada")
    parser.add_argument("--content", type=Path, default=CONTENT, help="folder content/ (bawaan: %(default)s)")
    parser.add_argument("-v", "--verbose", action="store_true", help="tampilkan setiap berkas")
    args = parser.parse_args(argv)
    content = args.content.resolve()

    photos = find_photos(content)
    made = skipped = 0
    total_bytes = 0
    for photo in photos:
        if photo.path.exists() and not args.force:
            skipped += 1
            continue
        img, exif = render(photo)
        photo.path.parent.mkdir(parents=True, exist_ok=True)
        img.save(photo.path, "JPEG", quality=JPEG_QUALITY, optimize=True, exif=exif.tobytes())
        size = photo.path.stat().st_size
        total_bytes += size
        made += 1
        if args.verbose:
            print(f"{photo.key}  {img.size[0]}x{img.size[1]}  {size // 1024} KB")
    print(f"{made} foto dibuat, {skipped} sudah ada ({total_bytes / 1_048_576:.1f} MB ditulis).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
