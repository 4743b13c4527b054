"""The category taxonomy (data/kategori.yaml): 14 top categories, each with subcategories."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class Category:
    slug: str
    name: str
    parent: str = ""  # top category slug for a subcategory
    kbli: str = ""

    @property
    def key(self) -> str:
        """``makanan`` or ``makanan/keripik-kerupuk``: how entries name it."""
        return f"{self.parent}/{self.slug}" if self.parent else self.slug


@dataclass(frozen=True)
class Taxonomy:
    tops: tuple[Category, ...]
    subs: dict[str, tuple[Category, ...]]  # top slug -> subcategories
    by_key: dict[str, Category]

    def get(self, key: str) -> Category | None:
        return self.by_key.get(key)


def load_taxonomy(path: Path) -> Taxonomy:
    with open(path, encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=yaml.CSafeLoader)
    tops: list[Category] = []
    subs: dict[str, tuple[Category, ...]] = {}
    by_key: dict[str, Category] = {}
    for entry in raw["kategori"]:
        top = Category(entry["slug"], entry["nama"], kbli=str(entry.get("kbli_divisi", "")))
        tops.append(top)
        by_key[top.key] = top
        children = tuple(
            Category(s["slug"], s["nama"], parent=top.slug, kbli=str(s.get("kbli", ""))) for s in entry["sub"]
        )
        subs[top.slug] = children
        for child in children:
            by_key[child.key] = child
    return Taxonomy(tuple(tops), subs, by_key)
