"""assets/images step: every photo variant and share card the pages link to, made once and kept
in the build cache by content hash; a rebuild with unchanged photos decodes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from etalase import formatting as F
from etalase import images, sharecards
from etalase import urls as U
from etalase.config import ImageSettings
from etalase.i18n import t
from etalase.model import Image, Producer, Product, Site
from etalase.progress import Progress

CARD_VERSION = "1"
LOGO_WIDTH = 256


def formats(settings: ImageSettings) -> tuple[str, ...]:
    return ("avif", "webp", "jpg") if settings.avif else ("webp", "jpg")


@dataclass(frozen=True)
class CardSpec:
    source: Path
    title: str
    lines: tuple[str, ...]
    path: str  # output path, named by a hash of everything drawn


def _card_key(source: Image, title: str, lines: tuple[str, ...]) -> str:
    h = hashlib.blake2b(digest_size=5)
    for part in (CARD_VERSION, images.PIPELINE_VERSION, source.digest, title, *lines):
        h.update(part.encode())
        h.update(b"\x00")
    return h.hexdigest()


def product_card(p: Product) -> CardSpec:
    price = F.price_text(p.price) if p.price else f"{t('ui.product.price')}: {t('ui.product.contact_seller')}"
    lines = (price, p.producer.name, f"{p.origin.short_name}, {p.origin_province.name}")
    if p.tkdn and not p.tkdn.expired:
        lines = (*lines, t("ui.tkdn.badge", value=F.percent(p.tkdn.value)))
    key = _card_key(p.images[0], p.name, lines)
    return CardSpec(p.images[0].source, p.name, lines, f"media/kartu/{p.producer.slug}/{p.slug}-{key}.jpg")


def producer_card(pr: Producer, products: Iterable[Product]) -> CardSpec | None:
    listed = [p for p in products if not p.archived]
    if not listed:
        return None
    lines = (f"{pr.regency.short_name}, {pr.province.name}", t("ui.count_products", n=len(listed)))
    key = _card_key(listed[0].images[0], pr.name, lines)
    return CardSpec(listed[0].images[0].source, pr.name, lines, f"media/kartu/{pr.slug}/profil-{key}.jpg")


@dataclass
class MediaReport:
    photos: int = 0  # distinct photos published
    processed: int = 0  # photos decoded and resized in this build (0 when all were cached)
    cards: int = 0
    cards_drawn: int = 0


def _run(worker: Callable, jobs: list, workers: int, label: str, progress: bool) -> None:
    if not jobs:
        return
    bar = Progress(label, len(jobs), progress)
    try:
        if workers > 1 and len(jobs) > 1:
            with ProcessPoolExecutor(max_workers=min(workers, len(jobs))) as pool:
                for _ in pool.map(worker, jobs, chunksize=1):
                    bar.advance()
        else:
            for job in jobs:
                worker(job)
                bar.advance()
    finally:
        bar.close()


def publish(
    site: Site,
    settings: ImageSettings,
    cache_dir: Path,
    fonts_dir: Path,
    workers: int,
    mark: str,
    progress: bool = False,
) -> tuple[dict[str, Path], MediaReport]:
    """Make what is missing from the cache; return ``{output path: cached file}`` to publish (the
    writer hard-links them: ``etalase.write.Linked``)."""
    variants_dir = cache_dir / "images" / f"v{images.PIPELINE_VERSION}"
    cards_dir = cache_dir / "cards"
    variants_dir.mkdir(parents=True, exist_ok=True)
    cards_dir.mkdir(parents=True, exist_ok=True)
    copies: dict[str, Path] = {}
    report = MediaReport()
    photo_jobs: dict[str, list[tuple[int, str, str]]] = {}
    sources: dict[str, Path] = {}

    def want(img: Image, width: int, fmt: str) -> None:
        """Publish one variant; queue it for the workers when the cache lacks it."""
        cached = variants_dir / f"{img.digest}-{width}.{fmt}"
        copies[U.image_variant(img, width, fmt)] = cached
        job = (width, fmt, str(cached))
        if not cached.exists() and job not in photo_jobs.get(img.digest, []):
            photo_jobs.setdefault(img.digest, []).append(job)
            sources[img.digest] = img.source

    fmts = formats(settings)
    for product in site.products:
        for img in product.images:
            for width in images.variant_widths(img.width, settings.widths):
                for fmt in fmts:
                    want(img, width, fmt)
    for pg in site.programmes:  # logos: one small size, enough for a heading
        if pg.logo is not None:
            for fmt in ("webp", "jpg"):
                want(pg.logo, min(pg.logo.width, LOGO_WIDTH), fmt)
    report.photos = len({img.digest for p in site.products for img in p.images})
    jobs = [images.Job(str(sources[d]), tuple(outs)) for d, outs in sorted(photo_jobs.items())]
    report.processed = len(jobs)
    _run(images.process, jobs, workers, t("ui.cli.progress_photos"), progress)
    card_jobs = []
    specs = [product_card(p) for p in site.products]
    specs += [c for pr in site.producers if (c := producer_card(pr, site.products_of(pr)))]
    for spec in specs:
        cached = cards_dir / (spec.path.rsplit("-", 1)[1])  # "<key>.jpg": the key covers all drawn
        copies[spec.path] = cached
        if not cached.exists():
            card_jobs.append(
                sharecards.CardJob(str(spec.source), spec.title, spec.lines, mark, str(fonts_dir), str(cached))
            )
    report.cards, report.cards_drawn = len(specs), len(card_jobs)
    _run(sharecards.render, card_jobs, workers, t("ui.cli.progress_cards"), progress)
    return copies, report
