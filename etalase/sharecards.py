"""Share cards: the 1200×630 picture WhatsApp, Facebook and X show for a product or producer
link. Drawn with Pillow in a bundled open-licence font (assets/fonts, DejaVu)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont, ImageOps

from etalase.images import to_srgb

W, H = 1200, 630
PHOTO_W = 600
RED = (138, 28, 28)
INK = (31, 35, 40)
MUTED = (87, 96, 106)


@dataclass(frozen=True)
class CardJob:
    source: str  # photo
    title: str
    lines: tuple[str, ...]  # price, producer, region …
    mark: str  # "Bangga Buatan Indonesia"
    fonts: str  # folder with DejaVuSans.ttf and DejaVuSans-Bold.ttf
    target: str


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.FreeTypeFont, width: int, max_lines: int) -> list[str]:
    words, lines, current = text.split(), [], ""
    for word in words:
        trial = f"{current} {word}".strip()
        if draw.textlength(trial, font=font) <= width:
            current = trial
            continue
        if current:
            lines.append(current)
        current = word
        if len(lines) == max_lines:
            break
    if current and len(lines) < max_lines:
        lines.append(current)
    if len(lines) == max_lines and " ".join(lines) != " ".join(words):
        last = lines[-1]
        while last and draw.textlength(last + "…", font=font) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def render(job: CardJob) -> str:
    """Worker: draw one card into ``job.target`` (JPEG). Returns the target."""
    fonts = Path(job.fonts)
    bold = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 52)
    regular = ImageFont.truetype(str(fonts / "DejaVuSans.ttf"), 32)
    small = ImageFont.truetype(str(fonts / "DejaVuSans-Bold.ttf"), 24)
    card = Image.new("RGB", (W, H), (255, 255, 255))
    with Image.open(job.source) as im:
        if im.format in ("JPEG", "MPO"):
            im.draft("RGB", (PHOTO_W * 2, H * 2))
        im.load()
        photo = ImageOps.fit(to_srgb(im), (PHOTO_W, H), Image.LANCZOS)
    card.paste(photo, (0, 0))
    draw = ImageDraw.Draw(card)
    x, width = PHOTO_W + 48, W - PHOTO_W - 96
    draw.rectangle((PHOTO_W, 0, W, 64), fill=RED)
    draw.text((x, 32), job.mark.upper(), font=small, fill=(255, 255, 255), anchor="lm")
    y = 110
    for line in _wrap(draw, job.title, bold, width, 4):
        draw.text((x, y), line, font=bold, fill=INK)
        y += 64
    y += 24
    for i, line in enumerate(job.lines):
        for part in _wrap(draw, line, regular, width, 2):
            draw.text((x, y), part, font=regular, fill=RED if i == 0 else MUTED)
            y += 42
        y += 6
    draw.rectangle((PHOTO_W, H - 12, W, H), fill=RED)
    buf = io.BytesIO()
    card.save(buf, "JPEG", quality=82, optimize=True, progressive=True)
    tmp = f"{job.target}.tmp-{os.getpid()}"
    with open(tmp, "wb") as fh:
        fh.write(buf.getvalue())
    os.replace(tmp, job.target)
    return job.target
