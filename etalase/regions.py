"""The Kemendagri region table (data/wilayah.csv): codes, names, levels and URL slugs."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

PROVINCE = "provinsi"
REGENCY = "kabupaten_kota"
DISTRICT = "kecamatan"


def slugify(text: str) -> str:
    text = text.lower().replace("&", " dan ")
    text = re.sub(r"[^a-z0-9]+", "-", text)
    return text.strip("-")


@dataclass(frozen=True)
class Region:
    code: str
    name: str  # as in the table: "Kabupaten Pesawaran"
    level: str
    slug: str

    @property
    def province_code(self) -> str:
        return self.code[:2]

    @property
    def regency_code(self) -> str:
        return self.code[:5]

    @property
    def is_city(self) -> bool:
        """Permendagri 58/2021: in PP.KK, KK 71–99 is a kota, 01–69 a kabupaten."""
        return self.level == REGENCY and int(self.code[3:5]) >= 71

    @property
    def short_name(self) -> str:
        """ "Kab. Pesawaran" / "Kota Metro": the prefix comes from the code rule, not the text."""
        if self.level != REGENCY:
            return self.name
        bare = re.sub(r"^(Kabupaten|Kab\.|Kota)\s+", "", self.name)
        return f"Kota {bare}" if self.is_city else f"Kab. {bare}"


class RegionTable:
    def __init__(self, regions: dict[str, Region]) -> None:
        self._by_code = regions

    def all(self) -> list[Region]:
        """Every region, in code order."""
        return list(self._by_code.values())

    def get(self, code: str) -> Region | None:
        return self._by_code.get(code)

    def __contains__(self, code: str) -> bool:
        return code in self._by_code

    def province_of(self, code: str) -> Region:
        return self._by_code[code[:2]]

    def regency_of(self, code: str) -> Region:
        return self._by_code[code[:5]]


def load_regions(path: Path) -> RegionTable:
    regions: dict[str, Region] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            code, name, level = row["kode"], row["nama"], row["tingkat"]
            if level == REGENCY:
                bare = re.sub(r"^(Kabupaten|Kota)\s+", "", name)
                prefix = "kota" if int(code[3:5]) >= 71 else "kab"
                slug = f"{prefix}-{slugify(bare)}"
            else:
                slug = slugify(name)
            regions[code] = Region(code, name, level, slug)
    return RegionTable(regions)
