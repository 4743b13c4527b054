"""model: immutable values that templates see. Built only from documents that passed validation."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from etalase.categories import Category, Taxonomy
from etalase.config import SiteConfig
from etalase.regions import Region, RegionTable

PDN_TOTAL_THRESHOLD = 40.0  # Perpres 16/2018 jo. 46/2025: TKDN + BMP ≥ 40%
PDN_TKDN_THRESHOLD = 25.0  # and TKDN ≥ 25%


@dataclass(frozen=True)
class Price:
    unit: str
    value: int | None = None
    low: int | None = None
    high: int | None = None
    includes_vat: bool | None = None
    wholesale: tuple[tuple[int, int], ...] = ()
    valid_until: dt.date | None = None

    @property
    def is_range(self) -> bool:
        return self.value is None

    @property
    def sort_value(self) -> int:
        return self.value if self.value is not None else (self.low or 0)


@dataclass(frozen=True)
class Tkdn:
    value: float
    bmp: float | None
    kind: str  # tkdn-ik | reguler
    number: str
    issued: dt.date
    valid_until: dt.date | None
    link: str
    expired: bool

    @property
    def total(self) -> float:
        return round(self.value + (self.bmp or 0.0), 2)

    @property
    def meets_pdn(self) -> bool:
        return self.total >= PDN_TOTAL_THRESHOLD and self.value >= PDN_TKDN_THRESHOLD


@dataclass(frozen=True)
class Certificate:
    kind: str
    number: str
    issued: dt.date | None
    valid_until: dt.date | None
    issuer: str
    standard: str
    expired: bool


@dataclass(frozen=True)
class Image:
    """A product photo as validation measured it; its variants are named by ``urls.image_variant``."""

    source: Path
    folder: str  # IKM folder slug
    rel: str  # path inside the IKM folder, posix
    alt: str
    width: int  # upright, in pixels
    height: int
    digest: str  # content hash of the source file
    key: str  # short hash of content + processing parameters, used in output names
    placeholder: str  # data: URI of a tiny blurred preview

    @property
    def stem(self) -> str:
        name = self.rel.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()
        return re.sub(r"[^a-z0-9]+", "-", name).strip("-") or "foto"


@dataclass(frozen=True)
class Producer:
    slug: str
    name: str
    form: str
    scale: str
    nib: str
    kbli: tuple[str, ...]
    regency: Region
    province: Region
    district: Region | None
    address: str
    coords: tuple[float, float] | None
    whatsapp: str
    phone: str
    email: str
    website: str
    instagram: str
    marketplaces: tuple[str, ...]
    ekatalog_registered: bool
    ekatalog_kind: str
    ekatalog_link: str
    programmes: tuple[str, ...]
    pembina: str
    founded: int | None
    description: str
    updated: dt.date
    source: str


@dataclass(frozen=True)
class Product:
    producer: Producer
    slug: str
    name: str
    category: Category  # the subcategory
    top: Category
    summary: str
    description_md: str
    brand: str
    model_no: str
    sku: str
    kbli: str
    price: Price | None
    min_order: int | None
    availability: str
    lead_days: int | None
    origin: Region  # kab/kota
    origin_province: Region
    tkdn: Tkdn | None
    certificates: tuple[Certificate, ...]
    images: tuple[Image, ...]
    specs: tuple[tuple[str, str], ...]
    net_weight: str
    warranty: str
    tags: tuple[str, ...]
    ekatalog_link: str
    archived: bool
    updated: dt.date
    stale: bool
    source: str

    @property
    def key(self) -> str:
        return f"{self.producer.slug}/{self.slug}"

    @property
    def on_ekatalog(self) -> bool:
        return bool(self.ekatalog_link) or self.producer.ekatalog_registered


@dataclass(frozen=True)
class Programme:
    slug: str
    name: str
    short_name: str
    organiser: str
    description_md: str
    colour: str
    links: tuple[tuple[str, str], ...]
    regions: tuple[str, ...]
    categories: tuple[str, ...]
    updated: dt.date
    logo: Image | None = None

    def includes(self, product: Product) -> bool:
        """Region prefix (where the IKM is) or explicit IKM membership, optionally narrowed by
        category."""
        where = product.producer.regency.code
        by_region = any(where == c or where.startswith(c + ".") for c in self.regions)
        by_ikm = self.slug in product.producer.programmes
        if not (by_region or by_ikm):
            return False
        if self.categories:
            return any(product.category.key == c or product.top.slug == c for c in self.categories)
        return True


@dataclass(frozen=True)
class Need:
    """What a buyer is looking for at a business-matching event."""

    buyer: str
    category: Category
    description: str


@dataclass(frozen=True)
class Event:
    slug: str
    name: str
    start: dt.date
    end: dt.date | None
    place: str
    region: Region | None
    organiser: str
    description_md: str
    participants: tuple[str, ...]  # IKM folder slugs
    needs: tuple[Need, ...]
    updated: dt.date


@dataclass(frozen=True)
class Page:
    slug: str
    title: str
    description: str
    body_md: str
    order: int


@dataclass(frozen=True)
class Site:
    config: SiteConfig
    taxonomy: Taxonomy
    regions: RegionTable
    producers: tuple[Producer, ...]
    products: tuple[Product, ...]  # every product, archived included, sorted by key
    programmes: tuple[Programme, ...]
    pages: tuple[Page, ...]
    events: tuple[Event, ...] = ()
    by_producer: dict[str, tuple[Product, ...]] = field(default_factory=dict)

    @property
    def listed(self) -> tuple[Product, ...]:
        """Products shown in listings (archived ones keep their page but are not listed)."""
        return tuple(p for p in self.products if not p.archived)

    def products_of(self, producer: Producer) -> tuple[Product, ...]:
        return self.by_producer.get(producer.slug, ())

    def programmes_of(self, product: Product) -> tuple[Programme, ...]:
        return tuple(pg for pg in self.programmes if pg.includes(product))
