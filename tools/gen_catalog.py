#!/usr/bin/env python3
# ruff: noqa: E501  (the vocabulary tables below keep one word list per line)
"""Generate a deterministic synthetic Etalase catalog for tests and benchmarks.

Usage::

    python tools/gen_catalog.py --products 10000 --out /tmp/katalog [--seed 1] [--photos-per-ikm 2]
                                [--placeholder-photos]

writes ``/tmp/katalog/content/`` with

- ``products/<ikm-slug>/ikm.yaml``: one producer profile per ~10 products;
- ``products/<ikm-slug>/<product-slug>.yaml`` (about 80 %) or ``.md`` (front matter plus
  Markdown body, about 20 %);
- ``products/<ikm-slug>/foto/produk-<k>.jpg``: K small generated JPEG photos per IKM, shared
  by that IKM's products so the photo count stays ``ceil(N / 10) * K``; with
  ``--placeholder-photos`` each is instead the same tiny flat-grey 400×400 JPEG (the smallest
  side the build accepts), for benchmarks of everything but photo work (``tools/bench_hugo.py``
  uses ``--photos-per-ikm 1 --placeholder-photos``);
- ``programs/bangga-buatan-indonesia.yaml``: the one programme the IKMs refer to.

Build it from the repository with ``python build.py build --content /tmp/katalog/content``.

Everything is a pure function of ``--seed``: one ``random.Random`` drives the catalog plan, each
IKM gets its own ``Random`` seeded from the plan, and each photo gets its own seed, so output is
byte-identical whatever ``--jobs`` is. Nothing reads the clock; dates lie between 2024-01-01 and
:data:`REFERENCE_DATE`, which plays "today" for the "not in the future" rules.

YAML is written by hand (string formatting is several times faster than ``yaml.dump`` at 100k
files); :func:`scalar` quotes every string a YAML 1.1 reader could take for something else.
The vocabulary below is synthetic: names, numbers and certificates are fictitious, and KBLI codes
other than those verified in ``domain.md`` are plausible choices, not checked mappings.
"""

from __future__ import annotations

import argparse
import bisect
import colorsys
import csv
import datetime as dt
import functools
import io
import json
import math
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from multiprocessing import Pool
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parent.parent
WILAYAH_CSV = REPO_ROOT / "data" / "wilayah.csv"

#: Plays "today": no generated date is later than this, so output does not depend on the clock.
REFERENCE_DATE = dt.date(2026, 11, 1)
FIRST_DATE = dt.date(2024, 1, 1)
PROGRAMME_SLUG = "bangga-buatan-indonesia"
PRODUCTS_PER_IKM = 10
PHOTO_SIZE = (800, 600)
PLACEHOLDER_SIZE = (400, 400)  # the build refuses photos whose shorter side is under 400 px

PRODUCT_SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/produk.schema.json"
IKM_SCHEMA_LINE = "# yaml-language-server: $schema=../../../schema/ikm.schema.json"
PROGRAMME_SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/program.schema.json"

# --------------------------------------------------------------------------------------------
# Vocabulary. Each subcategory lists name parts ("slots") and name patterns; the patterns are
# filled from the slots plus {daerah} (the IKM's kab/kota) and {model} (a model number).
# --------------------------------------------------------------------------------------------

# fmt: off
DEFAULT_PATTERNS = ("{jenis} {varian} {ukuran}", "{jenis} {varian} {ukuran}", "{jenis} {ukuran}", "{jenis} {varian}")
MACHINE_PATTERNS = ("{jenis} {model}", "{jenis} {model} {varian}", "{jenis} {varian}")
# fmt: on


@dataclass(frozen=True)
class Sub:
    """A subcategory of domain.md §3 with the word lists used to name its products."""

    top: str
    slug: str
    kbli: str
    price: tuple[int, int]
    satuan: tuple[str, ...]
    slots: dict[str, tuple[str, ...]]
    patterns: tuple[str, ...] = DEFAULT_PATTERNS
    spek: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tags: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.top}/{self.slug}"


def _w(text: str) -> tuple[str, ...]:
    """Split a ``|``-separated word list (keeps the tables below compact)."""
    return tuple(part.strip() for part in text.split("|"))


def _sub(
    top: str,
    slug: str,
    kbli: str,
    price: tuple[int, int],
    satuan: str,
    tags: str,
    patterns: Sequence[str] = DEFAULT_PATTERNS,
    spek: dict[str, str] | None = None,
    **slots: str,
) -> Sub:
    return Sub(
        top,
        slug,
        kbli,
        price,
        _w(satuan),
        {k: _w(v) for k, v in slots.items()},
        tuple(patterns),
        {k: _w(v) for k, v in (spek or {}).items()},
        _w(tags),
    )


# The vocabulary tables keep one word list per line; wrapping them would not help a reader.
# fmt: off
SUBS: tuple[Sub, ...] = (
    # 1 makanan
    _sub("makanan", "keripik-kerupuk", "10794", (8000, 90000), "bungkus|bungkus|kg|kotak", "keripik|camilan|oleh-oleh",
         jenis="Keripik Pisang|Keripik Singkong|Keripik Tempe|Keripik Talas|Keripik Nangka|Kerupuk Kemplang|Kerupuk Udang|Kerupuk Ikan Tenggiri|Emping Melinjo|Rengginang|Keripik Sukun|Keripik Ubi Ungu",
         varian="Rasa Coklat|Original|Pedas Manis|Balado|Rasa Keju|Asin Gurih|Rasa Jagung Bakar|Pedas Daun Jeruk|Rasa Barbeku",
         ukuran="100 g|150 g|200 g|250 g|500 g|1 kg",
         spek={"Bahan": "Pisang kepok, minyak sawit, gula, garam|Singkong pilihan, minyak kelapa sawit, bumbu balado|Tepung tapioka, ikan tenggiri, bawang putih, garam|Talas bogor, minyak sawit, bumbu keju"}),
    _sub("makanan", "kue-roti", "10710", (15000, 350000), "kotak|buah|bungkus|paket", "kue|roti|hantaran",
         jenis="Bolu Pandan|Lapis Legit|Kue Bangkit|Roti Sobek|Kue Nastar|Kastengel|Putri Salju|Bolu Gulung|Lapis Surabaya|Engkak Ketan|Bolu Kukus Gula Merah|Maksuba|Kue Kering Kacang",
         varian="Premium|Original|Keju|Coklat|Pandan|Durian|Wijen|Gula Aren",
         ukuran="Toples 250 g|Toples 500 g|Isi 10|Isi 20|Loyang 20 x 20 cm|Kotak 1 kg",
         spek={"Bahan": "Tepung terigu, telur, mentega, gula|Tepung ketan, santan, gula merah, telur|Tepung terigu, keju edam, mentega, kuning telur"}),
    _sub("makanan", "sambal-bumbu", "10779", (10000, 85000), "botol|bungkus|kotak|lusin", "sambal|bumbu|pedas",
         jenis="Sambal Lingkung|Sambal Terasi|Sambal Bawang|Sambal Roa|Sambal Tempoyak|Bumbu Rendang Instan|Bumbu Pecel|Bumbu Rujak|Sambal Cumi|Bumbu Gulai Instan|Sambal Seruit",
         varian="Extra Pedas|Level 3|Original|Tanpa MSG|Pedas Sedang",
         ukuran="Botol 150 ml|Botol 200 g|Jar 250 g|Sachet 50 g|Pouch 500 g",
         spek={"Bahan": "Cabai merah, bawang merah, bawang putih, minyak sawit, garam|Cabai rawit, terasi udang, tomat, gula merah|Kacang tanah, cabai, gula merah, daun jeruk"}),
    _sub("makanan", "olahan-ikan-daging", "10130", (20000, 250000), "bungkus|kg|kotak|paket", "abon|lauk|protein",
         jenis="Abon Ikan Tuna|Abon Sapi|Otak-Otak Ikan|Bakso Ikan|Dendeng Sapi Balado|Ikan Asin Jambal Roti|Pempek Kapal Selam|Ikan Teri Crispy|Rendang Daging Kemasan|Abon Ikan Lele",
         varian="Original|Pedas|Manis Gurih|Bawang Goreng",
         ukuran="100 g|250 g|500 g|1 kg|Isi 10",
         spek={"Bahan": "Daging ikan tuna, santan, bawang merah, gula, rempah|Daging sapi, lengkuas, serai, bawang putih, gula merah|Ikan tenggiri, tepung sagu, telur, bawang putih"}),
    _sub("makanan", "dodol-manisan-selai", "10793", (12000, 120000), "bungkus|kotak|botol", "dodol|manisan|oleh-oleh",
         jenis="Dodol Durian|Dodol Nanas|Lempok Durian|Selai Nanas|Manisan Pala|Manisan Mangga|Selai Srikaya|Dodol Rumput Laut|Wajik Ketan|Manisan Kolang-Kaling",
         varian="Original|Premium|Tanpa Pengawet|Gula Aren",
         ukuran="200 g|250 g|500 g|Jar 300 g|Kotak 1 kg",
         spek={"Bahan": "Daging durian, gula pasir, tepung ketan|Nanas madu, gula pasir, kayu manis|Buah pala, gula pasir, garam"}),
    _sub("makanan", "makanan-beku", "10750", (20000, 180000), "bungkus|paket|kg", "frozen-food|makanan-beku|lauk",
         jenis="Pempek Frozen|Siomay Ikan Frozen|Dimsum Ayam|Risoles Ragout Frozen|Nugget Ayam Sayur|Sosis Sapi|Bakso Sapi Urat|Kebab Frozen|Lumpia Rebung|Martabak Mini Frozen",
         varian="Isi 10|Isi 20|Isi 25|Original|Pedas",
         ukuran="250 g|500 g|1 kg",
         spek={"Penyimpanan": "Simpan di freezer suhu -18 °C|Tahan 3 hari di lemari es, 3 bulan di freezer", "Bahan": "Daging ayam, tepung tapioka, wortel, bawang putih|Ikan tenggiri, tepung sagu, telur ayam"}),
    _sub("makanan", "konsumsi-rapat", "56210", (10000, 75000), "kotak|paket", "konsumsi-rapat|snack-box|katering",
         jenis="Snack Box Rapat|Nasi Kotak Rapat|Paket Kue Tradisional|Paket Coffee Break|Tumpeng Mini|Paket Konsumsi Pelatihan|Nasi Kotak Ayam Bakar",
         varian="Ekonomis|Standar|Premium|Menu Nusantara|Menu Khas Daerah",
         ukuran="Isi 3 Kue|Isi 4 Kue|Per Porsi|Untuk 10 Orang|Untuk 50 Orang",
         spek={"Isi": "Nasi putih, ayam bakar, sayur, sambal, buah, air mineral|Tiga kue basah, satu kue kering, air mineral gelas|Lemper, risoles, bolu, air mineral", "Pemesanan": "Paling lambat H-1 sebelum acara|Minimal 20 kotak, pesan H-2"}),
    # 2 minuman
    _sub("minuman", "kopi", "10761", (20000, 300000), "bungkus|bungkus|kg", "kopi|oleh-oleh",
         patterns=("{jenis} {daerah} {varian} {ukuran}", "{jenis} {varian} {ukuran}", "{jenis} {daerah} {ukuran}"),
         jenis="Kopi Robusta|Kopi Arabika|Kopi Liberika|Kopi Lanang|Kopi Robusta Petik Merah|Kopi Tubruk|Kopi Fine Robusta",
         varian="Bubuk|Biji Sangrai|Sangrai Medium|Sangrai Gelap|Giling Halus|Drip Bag",
         ukuran="100 g|200 g|250 g|500 g|1 kg",
         spek={"Jenis biji": "Robusta|Arabika|Liberika|Campuran robusta dan arabika", "Tingkat sangrai": "Medium|Medium to dark|Dark", "Ketinggian kebun": "600–900 mdpl|900–1.200 mdpl|1.200–1.500 mdpl"}),
    _sub("minuman", "teh-herbal", "10763", (12000, 90000), "kotak|bungkus", "teh|herbal|minuman-sehat",
         jenis="Teh Hijau|Teh Hitam|Teh Rosela|Teh Daun Kelor|Teh Serai Jahe|Wedang Uwuh|Teh Bunga Telang|Teh Kulit Kopi (Cascara)|Teh Daun Sirsak",
         varian="Celup Isi 25|Tubruk|Daun Kering|Kemasan Kotak",
         ukuran="50 g|75 g|100 g",
         spek={"Bahan": "Daun teh hijau pilihan|Kelopak bunga rosela kering|Daun kelor kering, serai|Jahe merah, serai, gula batu"}),
    _sub("minuman", "minuman-serbuk", "10799", (15000, 95000), "bungkus|kotak|botol", "minuman-instan|jahe|herbal",
         jenis="Jahe Merah Instan|Temulawak Instan|Kunyit Asam Serbuk|Beras Kencur Instan|Kopi Jahe Instan|Susu Kedelai Bubuk|Sari Jahe Gula Aren|Coklat Bubuk Murni",
         varian="Original|Tanpa Gula|Plus Madu|Gula Aren",
         ukuran="Sachet Isi 10|250 g|500 g|Toples 300 g",
         spek={"Bahan": "Jahe merah, gula aren, serai|Temulawak, gula pasir, kayu manis|Kunyit, asam jawa, gula merah"}),
    _sub("minuman", "sirup-sari-buah", "10330", (15000, 120000), "botol|lusin|kotak", "sirup|sari-buah|minuman",
         jenis="Sirup Markisa|Sirup Pala|Sari Buah Nanas|Sari Buah Sirsak|Sirup Kayu Manis|Sirup Terong Belanda|Sari Buah Belimbing|Sirup Jeruk Kalamansi",
         varian="Original|Premium|Tanpa Pengawet",
         ukuran="Botol 330 ml|Botol 500 ml|Botol 620 ml|Botol 1 liter",
         spek={"Bahan": "Sari buah markisa, gula pasir, air|Buah pala, gula pasir, air|Nanas madu, gula, asam sitrat"}),
    _sub("minuman", "madu", "10799", (40000, 450000), "botol|kg", "madu|herbal",
         patterns=("{jenis} {daerah} {varian} {ukuran}", "{jenis} {varian} {ukuran}"),
         jenis="Madu Hutan|Madu Kelulut|Madu Randu|Madu Kaliandra|Madu Klanceng|Madu Akasia|Madu Multiflora",
         varian="Murni|Mentah|Asli|Premium",
         ukuran="Botol 250 ml|Botol 500 g|Botol 1 kg|Sachet Isi 20",
         spek={"Sumber nektar": "Bunga kaliandra|Bunga randu|Hutan alam campuran|Bunga akasia", "Kadar air": "Di bawah 22%|Sekitar 20%"}),
    # 3 hasil-bumi
    _sub("hasil-bumi", "beras-biji-bijian", "10611", (12000, 400000), "kg|bungkus", "beras|pangan|sembako",
         jenis="Beras Pandan Wangi|Beras Merah|Beras Hitam Organik|Beras Premium|Jagung Pipil Kering|Kacang Hijau|Kacang Tanah Kupas|Beras Ketan Putih|Sorgum Sosoh",
         varian="Organik|Premium|Medium|Kualitas Super",
         ukuran="1 kg|2 kg|5 kg|10 kg|25 kg",
         spek={"Kadar air": "Maksimal 14%|Sekitar 13%", "Butir patah": "Maksimal 15%|Di bawah 5%", "Varietas": "Inpari 32|Ciherang|Mekongga|Pandan wangi lokal"}),
    _sub("hasil-bumi", "rempah", "01289", (15000, 600000), "kg|bungkus", "rempah|bumbu-dapur",
         patterns=("{jenis} {daerah} {varian} {ukuran}", "{jenis} {varian} {ukuran}"),
         jenis="Lada Hitam|Lada Putih|Cengkih Kering|Pala Biji|Kayu Manis Batang|Kapulaga|Jahe Merah Kering|Kunyit Kering|Kemiri Kupas|Vanili Kering",
         varian="Butiran|Bubuk|Grade A|Kering Super",
         ukuran="100 g|250 g|500 g|1 kg",
         spek={"Kadar air": "Maksimal 12%|Di bawah 10%", "Mutu": "Grade A, bebas kotoran|Asalan sortir"}),
    _sub("hasil-bumi", "buah-sayur", "10399", (8000, 150000), "kg|buah|paket", "buah|sayur|segar",
         jenis="Pisang Kepok|Nanas Madu|Jeruk Siam|Alpukat Mentega|Durian Montong|Cabai Merah Keriting|Sayur Organik|Jamur Tiram Segar|Salak Pondoh|Manggis",
         varian="Segar|Grade A|Pilihan|Organik",
         ukuran="Per kg|Per Sisir|5 kg|Per Ikat",
         spek={"Masa panen": "Sepanjang tahun|Musiman, Desember–Maret", "Pengemasan": "Keranjang plastik|Kardus berventilasi"}),
    _sub("hasil-bumi", "hasil-perikanan", "10213", (15000, 250000), "kg|bungkus", "ikan|hasil-laut|perikanan",
         jenis="Ikan Teri Kering|Udang Vaname Beku|Cumi Asin|Rumput Laut Kering|Ikan Asin Jambal|Ikan Lele Segar|Ikan Nila Fillet|Kerang Hijau|Ebi Kering",
         varian="Segar|Kering|Beku|Grade A",
         ukuran="250 g|500 g|1 kg|5 kg",
         spek={"Asal tangkapan": "Nelayan lokal|Tambak rakyat|Budidaya keramba", "Penyimpanan": "Simpan beku -18 °C|Simpan di tempat kering"}),
    _sub("hasil-bumi", "bibit-benih", "01301", (5000, 150000), "buah|kg|paket", "bibit|benih|pertanian",
         jenis="Bibit Kopi Robusta|Bibit Durian Musang King|Benih Padi Inpari|Bibit Alpukat|Bibit Lada|Benih Jagung Hibrida|Bibit Kakao|Benih Ikan Nila|Bibit Pala|Bibit Jeruk",
         varian="Okulasi|Sambung Pucuk|Bersertifikat|Unggul",
         ukuran="Tinggi 40 cm|Tinggi 60 cm|5 kg|Polybag",
         spek={"Media tanam": "Polybag tanah dan pupuk kandang|Polybag 20 x 20 cm", "Umur bibit": "4 bulan|6 bulan|8 bulan"}),
    # 4 kain-tradisional
    _sub("kain-tradisional", "tapis", "13922", (250000, 5000000), "lembar|buah", "tapis|kain-tradisional|seserahan",
         patterns=("{jenis} Motif {motif} {varian}", "{jenis} Motif {motif} {ukuran}", "{jenis} {varian} {ukuran}"),
         jenis="Kain Tapis|Selendang Tapis|Tapis Sarung|Kain Tapis Pengantin",
         motif="Pucuk Rebung|Jung Sarat|Kapal|Gajah|Siger|Sasab|Bintang|Bunga Cengkih|Belah Ketupat",
         varian="Benang Emas|Benang Perak|Sulam Usus|Full Cucuk|Setengah Cucuk",
         ukuran="60 x 120 cm|50 x 200 cm|40 x 180 cm",
         spek={"Bahan dasar": "Kain tenun katun|Kain tenun sutra", "Benang": "Benang emas sintetis|Benang perak|Benang sutra", "Teknik": "Sulam cucuk|Sulam usus|Tenun dan sulam"}),
    _sub("kain-tradisional", "batik", "13134", (120000, 2500000), "lembar|meter", "batik|kain-tradisional",
         patterns=("{jenis} Motif {motif} {ukuran}", "{jenis} Motif {motif}", "{jenis} {motif} {varian}"),
         jenis="Kain Batik Tulis|Kain Batik Cap|Batik Tulis|Selendang Batik|Batik Kombinasi",
         motif="Sembagi|Siger|Parang|Kawung|Megamendung|Truntum|Gajah|Durian|Daun Kopi",
         varian="Pewarna Alam|Katun Primisima|Sutra|Warna Sintetis",
         ukuran="2 x 1,15 m|2,5 m|2 m",
         spek={"Bahan": "Katun primisima|Katun prima|Sutra ATBM", "Pewarna": "Pewarna alam|Naptol|Remasol", "Teknik": "Tulis|Cap|Kombinasi tulis dan cap"}),
    _sub("kain-tradisional", "tenun", "13122", (200000, 4000000), "lembar", "tenun|kain-tradisional",
         patterns=("{jenis} Motif {motif} {ukuran}", "{jenis} {varian} {ukuran}", "{jenis} Motif {motif}"),
         jenis="Kain Tenun Ikat|Songket|Kain Tenun Sutra|Kain Tenun Gedogan|Kain Tenun Troso|Kain Tenun Ikat Pakan",
         motif="Bunga Tanjung|Pucuk Rebung|Kait Kunci|Naga|Pelangi|Bintang Berantai|Cukil",
         varian="Benang Sutra|Pewarna Alam|ATBM|Gedogan",
         ukuran="60 x 200 cm|90 x 200 cm|100 x 250 cm",
         spek={"Alat tenun": "Alat tenun bukan mesin (ATBM)|Gedogan", "Benang": "Katun|Sutra|Benang emas"}),
    _sub("kain-tradisional", "sulam-bordir", "13922", (50000, 900000), "lembar|buah|set", "sulam|bordir|kerajinan-tangan",
         jenis="Kain Sulam Usus|Taplak Bordir|Kerudung Bordir|Sapu Tangan Bordir|Mukena Bordir|Sarung Bantal Sulam",
         varian="Motif Bunga|Motif Siger|Kerancang|Benang Sutra",
         ukuran="Ukuran 40 x 40 cm|Ukuran 100 x 150 cm|Allsize",
         spek={"Bahan": "Katun|Voal|Sutra", "Teknik": "Bordir mesin manual|Sulam tangan|Kerancang"}),
    _sub("kain-tradisional", "kain-lainnya", "13121", (75000, 850000), "lembar|meter", "kain|pewarna-alam",
         jenis="Kain Jumputan|Kain Sasirangan|Kain Ecoprint|Kain Shibori|Kain Tie Dye|Kain Lurik",
         varian="Pewarna Alam|Katun Primisima|Rayon|Sutra",
         ukuran="2 m|2,25 m|1 x 2 m",
         spek={"Bahan": "Katun|Rayon|Sutra", "Pewarna": "Daun jati dan secang|Indigo alam|Pewarna sintetis"}),
    # 5 fesyen
    _sub("fesyen", "pakaian", "14111", (60000, 750000), "pcs|buah|lusin|kodi", "pakaian|busana",
         jenis="Kemeja Batik Pria|Blus Tapis Wanita|Gamis Ecoprint|Kaos Sablon|Jaket Tenun|Dress Batik|Kebaya Modern|Baju Koko Bordir|Outer Tenun",
         varian="Lengan Panjang|Lengan Pendek|Slim Fit|Allsize",
         ukuran="Ukuran S–XXL|Ukuran M|Ukuran L|Ukuran XL",
         spek={"Bahan": "Katun|Katun sutra|Linen|Combed 30s", "Ukuran tersedia": "S, M, L, XL, XXL|M, L, XL|Allsize"}),
    _sub("fesyen", "seragam-pakaian-dinas", "14111", (75000, 450000), "pcs|set|lusin|kodi", "seragam|pakaian-dinas",
         jenis="Seragam PDH|Seragam PDL|Kemeja Korpri|Seragam Sekolah SD|Seragam Batik ASN|Baju Olahraga Sekolah|Wearpack|Jas Almamater|Rompi Proyek",
         varian="Bahan American Drill|Bahan Tropical|Bahan Katun|Bordir Nama",
         ukuran="Ukuran S–XXL|Ukuran Anak|Ukuran Dewasa",
         spek={"Bahan": "American drill|Tropical|Katun twill|Lotto", "Aksesori": "Bordir nama dan logo instansi|Papan nama dan lambang daerah"}),
    _sub("fesyen", "tas-dompet", "15121", (35000, 950000), "pcs|buah", "tas|dompet|aksesori",
         jenis="Tas Tapis|Tas Anyaman Pandan|Dompet Kulit|Tas Laptop Batik|Tas Selempang Tenun|Clutch Tapis|Tas Kulit Pria|Pouch Batik",
         varian="Kulit Sapi Asli|Kombinasi Kulit|Ritsleting|Warna Coklat|Warna Hitam",
         ukuran="Ukuran Kecil|Ukuran Sedang|30 x 25 cm",
         spek={"Bahan": "Kulit sapi|Kain tapis dan kulit sintetis|Anyaman pandan|Kanvas", "Lapisan dalam": "Kain katun|Dinir|Tanpa furing"}),
    _sub("fesyen", "alas-kaki", "15201", (40000, 850000), "pcs|buah|kodi", "sepatu|sandal|alas-kaki",
         jenis="Sepatu Kulit Pria|Sandal Kulit|Sepatu Pantofel|Sandal Anyaman|Sepatu Sneakers Tenun|Selop Tapis|Sandal Hotel",
         varian="Kulit Sapi|Sol Karet|Jahit Tangan",
         ukuran="Ukuran 38–44|Ukuran 36–40|Ukuran 39–45",
         spek={"Bahan atas": "Kulit sapi|Kain tenun|Anyaman mendong", "Sol": "Karet|PU|Karet cetak"}),
    _sub("fesyen", "perhiasan-aksesori", "32120", (15000, 1500000), "pcs|buah|set", "perhiasan|aksesori",
         jenis="Bros Siger|Kalung Manik-Manik|Gelang Akar Bahar|Anting Perak|Cincin Perak Ukir|Peci Tapis|Kalung Mutiara Air Tawar|Jepit Rambut Tapis",
         varian="Lapis Emas|Perak 925|Handmade|Kotak Kado",
         ukuran="Ukuran Standar|Set 3 Buah",
         spek={"Bahan": "Perak 925|Kuningan lapis emas|Manik kaca|Mutiara air tawar", "Finishing": "Lapis emas|Oksidasi|Natural"}),
    # 6 kerajinan
    _sub("kerajinan", "suvenir-cenderamata", "32909", (10000, 600000), "pcs|buah|lusin|paket", "suvenir|cendera-mata|oleh-oleh",
         jenis="Miniatur Siger|Gantungan Kunci Siger|Miniatur Gajah|Pajangan Kapal Jung|Hiasan Dinding Tapis|Kipas Tapis|Miniatur Rumah Adat|Tempat Tisu Tapis|Mug Sablon",
         varian="Kuningan|Kayu|Akrilik|Kemasan Kotak Mika",
         ukuran="Tinggi 10 cm|Tinggi 20 cm|Isi 12",
         spek={"Bahan": "Kuningan|Kayu mahoni|Akrilik|Resin", "Kemasan": "Kotak mika|Kotak beludru|Plastik klip"}),
    _sub("kerajinan", "anyaman", "16292", (15000, 650000), "buah|set|pcs", "anyaman|rotan|bambu",
         jenis="Keranjang Rotan|Tikar Pandan|Tas Anyaman Purun|Tudung Saji Bambu|Bakul Bambu|Hantaran Anyaman|Kotak Tisu Rotan|Lampu Hias Bambu",
         varian="Natural|Warna Warni|Motif Kotak|Anyaman Rapat",
         ukuran="Diameter 30 cm|40 x 30 cm|2 x 3 m|Set 3 Ukuran",
         spek={"Bahan": "Rotan|Bambu tali|Daun pandan|Purun", "Finishing": "Natural|Pernis|Pewarna alam"}),
    _sub("kerajinan", "ukiran-kayu", "16291", (25000, 3500000), "buah|set|pcs", "ukiran|kerajinan-kayu",
         jenis="Ukiran Kayu Jati|Patung Kayu Gajah|Hiasan Dinding Ukir|Talenan Kayu Sonokeling|Nampan Kayu|Kotak Perhiasan Ukir|Papan Nama Ukir|Sendok Kayu",
         varian="Kayu Jati|Kayu Mahoni|Kayu Sonokeling|Finishing Natural",
         ukuran="30 x 20 cm|60 x 40 cm|Set 6",
         spek={"Bahan": "Kayu jati|Kayu mahoni|Kayu sonokeling", "Finishing": "Melamin doff|Natural oil|Pernis"}),
    _sub("kerajinan", "gerabah-keramik", "23931", (10000, 950000), "buah|set|pcs", "gerabah|keramik",
         jenis="Pot Bunga Gerabah|Guci Keramik|Kendi Tanah Liat|Cobek Tanah Liat|Vas Keramik|Asbak Keramik|Celengan Gerabah|Tungku Tanah Liat|Piring Keramik",
         varian="Glasir|Motif Lukis|Natural|Terakota",
         ukuran="Tinggi 20 cm|Tinggi 40 cm|Diameter 25 cm",
         spek={"Bahan": "Tanah liat|Tanah liat merah|Stoneware", "Pembakaran": "Tungku kayu|Tungku gas 1.200 °C"}),
    _sub("kerajinan", "kerajinan-logam", "25999", (50000, 2500000), "buah|set", "kerajinan-logam|kuningan",
         jenis="Kerajinan Kuningan|Lampu Hias Tembaga|Vas Kuningan|Gong Kecil|Hiasan Dinding Tembaga Tempa|Tempat Lilin Kuningan|Keris Hias",
         varian="Tembaga Tempa|Kuningan|Aluminium|Finishing Antik",
         ukuran="Tinggi 25 cm|Diameter 40 cm|Set 2",
         spek={"Bahan": "Kuningan|Tembaga|Aluminium cor", "Teknik": "Tempa|Cor|Ukir"}),
    # 7 furnitur
    _sub("furnitur", "furnitur-kayu", "31001", (450000, 25000000), "unit|set|buah", "furnitur|mebel|kayu",
         jenis="Meja Makan Jati|Kursi Tamu Jati|Lemari Pakaian|Meja Belajar Kayu|Tempat Tidur Kayu|Rak Buku Kayu|Bufet TV|Kursi Goyang",
         varian="Kayu Jati|Kayu Mahoni|Kayu Trembesi|Finishing Natural|Finishing Melamin",
         ukuran="120 x 60 cm|160 x 200 cm|3 Pintu|2 Pintu|Set 4 Kursi",
         spek={"Bahan": "Kayu jati perhutani|Kayu mahoni|Kayu trembesi", "Finishing": "Melamin|Duco|Natural oil"}),
    _sub("furnitur", "furnitur-rotan-bambu", "31002", (250000, 12000000), "unit|set", "furnitur|rotan|bambu",
         jenis="Kursi Rotan|Sofa Rotan|Meja Teras Bambu|Ayunan Rotan|Rak Bambu|Kursi Malas Rotan|Set Kursi Tamu Rotan",
         varian="Rotan Sintetis|Rotan Alam|Bambu Petung|Bambu Wulung",
         ukuran="Set 2 Kursi 1 Meja|Dudukan 2 Orang|Tinggi 90 cm",
         spek={"Bahan": "Rotan manau|Rotan sintetis|Bambu petung", "Rangka": "Rotan|Besi hollow|Bambu"}),
    _sub("furnitur", "furnitur-logam", "31003", (150000, 9000000), "unit|buah|set", "furnitur|besi",
         jenis="Rak Besi Siku|Lemari Arsip Besi|Kursi Lipat Besi|Meja Kerja Rangka Besi|Loker Besi|Ranjang Besi|Rak Gudang",
         varian="Cat Powder Coating|Hollow Galvanis|4 Susun|5 Susun|12 Pintu",
         ukuran="Tinggi 180 cm|90 x 45 x 200 cm|Lebar 120 cm",
         spek={"Bahan": "Plat besi 0,8 mm|Besi siku 4 x 4 cm|Hollow galvanis", "Finishing": "Powder coating|Cat oven"}),
    _sub("furnitur", "perabot-kantor-sekolah", "31009", (150000, 8500000), "unit|set|buah", "perabot-sekolah|perabot-kantor",
         jenis="Meja Siswa|Kursi Siswa|Papan Tulis Whiteboard|Meja Guru|Lemari Kelas|Kursi Kantor|Meja Rapat|Rak Perpustakaan|Set Meja Kursi Siswa",
         varian="Kayu Mahoni|Rangka Besi|Finishing HPL|Model Lipat",
         ukuran="Ukuran SD|Ukuran SMP|120 x 240 cm|Untuk 8 Orang",
         spek={"Bahan": "Kayu mahoni|Rangka besi dan papan multipleks|HPL tebal 18 mm", "Peruntukan": "Ruang kelas|Ruang guru|Ruang rapat"}),
    # 8 kantor-seminar
    _sub("kantor-seminar", "alat-tulis", "32990", (2000, 150000), "pcs|lusin|rim|paket|buah", "atk|alat-tulis",
         jenis="Buku Tulis|Map Snelhecter|Amplop Cokelat|Stopmap|Buku Agenda|Pena Kayu Ukir|Notes Daur Ulang|Papan Klip|Kertas Daur Ulang",
         varian="Isi 38 Lembar|Isi 58 Lembar|Logo Instansi|Ukuran A5|Ukuran Folio",
         ukuran="Isi 10|Isi 12|Per Rim|A4",
         spek={"Bahan": "Kertas HVS 70 gsm|Karton|Kertas daur ulang|Kayu sonokeling", "Cetak": "Sablon logo|Cetak digital|Grafir laser"}),
    _sub("kantor-seminar", "seminar-kit", "32909", (5000, 250000), "paket|set|pcs", "seminar-kit|goodie-bag",
         jenis="Seminar Kit Tas Tapis|Paket Seminar Kit|Tas Seminar Spunbond|ID Card dan Tali Lanyard|Map Seminar Batik|Goodie Bag Kanvas|Tas Ransel Seminar",
         varian="Sablon Logo|Bordir Logo|Isi Blocknote dan Pena|Tali Custom",
         ukuran="Isi 4 Item|Isi 6 Item|Ukuran Folio",
         spek={"Isi paket": "Tas, map, blocknote, pena, ID card|Tas, blocknote, pena|Map, ID card, tali lanyard", "Cetak logo": "Sablon 1 warna|Sablon 2 warna|Bordir komputer"}),
    _sub("kantor-seminar", "percetakan", "18111", (500, 350000), "lembar|meter|pcs|buah|rim", "percetakan|sablon|cetak",
         jenis="Cetak Spanduk|Cetak Brosur|Cetak Kalender Meja|Cetak Undangan|Sablon Kaos|Cetak Buku Laporan|Cetak Stiker Label|Cetak Kartu Nama|Cetak Banner Roll Up",
         varian="Full Color|Art Paper 150 gsm|Flexi 280 gsm|Laminasi Doff",
         ukuran="A4|A5|Per Meter|60 x 160 cm",
         spek={"Bahan": "Flexi korea 280 gsm|Art paper 150 gsm|Art carton 260 gsm|Vinyl", "Mesin cetak": "Digital printing|Offset|Sablon manual"}),
    _sub("kantor-seminar", "plakat-trofi", "25999", (25000, 1500000), "buah|pcs|set", "plakat|trofi|penghargaan",
         jenis="Plakat Akrilik|Plakat Kayu Ukir|Trofi Kejuaraan|Medali Kuningan|Piala Bergilir|Plakat Siger Kuningan|Vandel Tapis",
         varian="Grafir Laser|Kotak Beludru|Custom Logo",
         ukuran="Tinggi 20 cm|Tinggi 30 cm|Tinggi 60 cm",
         spek={"Bahan": "Akrilik 5 mm|Kayu jati|Kuningan|Resin", "Kemasan": "Kotak beludru|Kotak karton"}),
    _sub("kantor-seminar", "kemasan", "17021", (200, 250000), "pcs|paket|lusin|kotak", "kemasan|label|umkm",
         jenis="Standing Pouch Aluminium|Kotak Kardus Oleh-Oleh|Label Stiker Produk|Paper Bag Kraft|Botol Plastik PET|Kotak Nasi|Toples Plastik|Kemasan Kaleng",
         varian="Sablon Logo|Ziplock|Custom Ukuran|Cetak Full Color",
         ukuran="Isi 50|Isi 100|12 x 20 cm|500 ml",
         spek={"Bahan": "Aluminium foil|Kertas kraft|Karton duplex|Plastik PET food grade", "Cetak": "Sablon|Offset|Digital"}),
    # 9 kimia-kesehatan
    _sub("kimia-kesehatan", "sabun-pembersih", "20231", (5000, 150000), "pcs|botol|liter|lusin", "sabun|pembersih",
         jenis="Sabun Batang Kopi|Sabun Cair Cuci Tangan|Sabun Transparan Lidah Buaya|Sabun Arang Bambu|Cairan Pencuci Piring|Karbol Sereh|Sabun Susu Kambing|Deterjen Cair",
         varian="Aroma Sereh|Aroma Kopi|Aroma Melati|Tanpa Pewangi",
         ukuran="100 g|Botol 500 ml|Jeriken 5 liter|Isi 3",
         spek={"Bahan": "Minyak kelapa, soda api, bubuk kopi|Minyak sawit, gliserin, lidah buaya|Surfaktan, air, pewangi sereh"}),
    _sub("kimia-kesehatan", "kosmetik-perawatan", "20232", (10000, 150000), "pcs|botol|paket", "kosmetik|perawatan-tubuh",
         jenis="Lulur Kopi|Masker Bengkoang|Minyak Kemiri|Body Butter|Lip Balm Madu|Lulur Beras|Losion Tangan|Minyak Rambut Urang-Aring",
         varian="Alami|Aroma Vanila|Aroma Mawar|Untuk Kulit Sensitif",
         ukuran="Jar 100 g|Botol 100 ml|50 ml|10 g",
         spek={"Bahan": "Bubuk kopi, minyak kelapa, gula|Bengkoang, tepung beras|Kemiri, minyak kelapa", "Jenis kulit": "Semua jenis kulit|Kulit kering|Kulit sensitif"}),
    _sub("kimia-kesehatan", "jamu-herbal", "21022", (8000, 180000), "botol|bungkus|kotak|paket", "jamu|herbal",
         jenis="Jamu Kunyit Asam|Jamu Beras Kencur|Jamu Temulawak|Kapsul Daun Kelor|Jamu Pegal Linu|Minyak Urut|Bubuk Jahe Merah|Parem Kocok",
         varian="Serbuk|Cair Siap Minum|Kapsul Isi 60|Botol 250 ml",
         ukuran="100 g|250 ml|Isi 60",
         spek={"Bahan": "Kunyit, asam jawa, gula aren|Beras, kencur, jahe|Temulawak, gula batu"}),
    _sub("kimia-kesehatan", "minyak-atsiri", "20294", (15000, 2500000), "botol|liter|kg", "minyak-atsiri|aromaterapi",
         jenis="Minyak Serai Wangi|Minyak Nilam|Minyak Cengkih|Minyak Kayu Putih|Minyak Pala|Minyak Lada|Minyak Kenanga|Minyak Akar Wangi",
         varian="Murni|Grade Ekspor|Destilasi Uap",
         ukuran="Botol 10 ml|Botol 30 ml|Botol 100 ml|1 liter|1 kg",
         spek={"Metode": "Destilasi uap|Destilasi uap dan air", "Kadar": "Patchouli alcohol di atas 30%|Eugenol di atas 78%|Sitronelal 35%"}),
    _sub("kimia-kesehatan", "pupuk-pestisida-nabati", "20122", (10000, 250000), "liter|kg|botol|bungkus", "pupuk-organik|pertanian",
         jenis="Pupuk Organik Cair|Pupuk Kompos|Pupuk Kandang Fermentasi|Pestisida Nabati Daun Mimba|POC Urin Kelinci|Biochar Sekam|Trichoderma Cair|Pupuk Kascing",
         varian="Granul|Serbuk|Cair|Plus Mikroba",
         ukuran="1 liter|5 kg|25 kg|40 kg|Jeriken 5 liter",
         spek={"Kandungan": "C-organik di atas 10%|N, P, K, mikroba pelarut fosfat|Ekstrak daun mimba dan serai", "Dosis": "5 ml per liter air|2 ton per hektare|1 sendok makan per tanaman"}),
    # 10 bahan-bangunan
    _sub("bahan-bangunan", "bata-genteng", "23921", (600, 12000), "buah", "bata|genteng|bangunan",
         jenis="Bata Merah Press|Genteng Tanah Liat|Genteng Keramik|Bata Ekspos|Roster Tanah Liat|Bata Merah Oven",
         varian="Press Mesin|Cetak Tangan|Glasir|Natural|Model Kodok|Model Flat",
         ukuran="5 x 10 x 20 cm|24 x 40 cm|20 x 20 cm",
         spek={"Bahan": "Tanah liat sawah|Tanah liat dan sekam", "Pembakaran": "Tungku kayu|Tungku sekam"}),
    _sub("bahan-bangunan", "beton-paving", "23953", (2500, 850000), "buah|meter|unit", "paving|beton|bangunan",
         jenis="Paving Block Segi Enam|Paving Block Bata|Batako Press|Buis Beton|Kanstin Beton|Roster Beton|Tiang Pagar Beton|Grass Block",
         varian="K-300|K-225|Tebal 6 cm|Tebal 8 cm|Warna Abu|Warna Merah",
         ukuran="21 x 10 cm|Diameter 80 cm|40 x 20 x 10 cm",
         spek={"Mutu beton": "K-225|K-300|K-350", "Campuran": "Semen, pasir, abu batu|Semen, pasir sungai, split"}),
    _sub("bahan-bangunan", "kusen-pintu", "16221", (350000, 6500000), "unit|set|buah", "kusen|pintu|bangunan",
         jenis="Kusen Jendela Kayu|Pintu Panel Jati|Daun Jendela Kaca|Kusen Pintu Kamper|Pintu Lipat Kayu|Pintu Ukir",
         varian="Kayu Meranti|Kayu Kamper|Kayu Jati|Finishing Cat Dasar",
         ukuran="80 x 200 cm|90 x 210 cm|60 x 120 cm",
         spek={"Bahan": "Kayu meranti oven|Kayu kamper samarinda|Kayu jati", "Kadar air kayu": "Di bawah 15%|Sekitar 12%"}),
    _sub("bahan-bangunan", "bahan-bangunan-lainnya", "23990", (5000, 350000), "kg|meter|buah|paket", "bahan-bangunan",
         jenis="Batu Alam Andesit|Pasir Silika|Ubin Teraso|Kerikil Hias|Atap Rumbia|Panel Dinding Bambu|Batu Koral Sikat|Kapur Dolomit",
         varian="Potong Mesin|Natural|Cuci Bersih|Grade A",
         ukuran="20 x 20 cm|Per Karung 25 kg|Per Meter Persegi",
         spek={"Asal bahan": "Tambang rakyat berizin|Sungai setempat|Kebun bambu warga", "Penggunaan": "Dinding dan lantai|Taman|Atap gazebo"}),
    # 11 mesin-pertanian
    _sub("mesin-pertanian", "mesin-pengolahan-lahan", "28210", (3500000, 45000000), "unit", "alsintan|traktor|pengolahan-lahan",
         patterns=MACHINE_PATTERNS,
         jenis="Traktor Tangan|Cultivator Mini|Mesin Bajak Sawah|Rotari Traktor|Garu Sisir|Alat Tanam Jagung",
         varian="Mesin Diesel 8,5 PK|Mesin Bensin 7 PK|Rangka Baja|Lebar Kerja 60 cm",
         spek={"Penggerak": "Motor diesel 8,5 PK|Motor bensin 7 PK|Motor diesel 12 PK", "Lebar olah": "60 cm|80 cm|100 cm", "Bobot": "78 kg|120 kg|350 kg"}),
    _sub("mesin-pertanian", "mesin-pascapanen", "28210", (2500000, 65000000), "unit", "alsintan|pascapanen",
         patterns=MACHINE_PATTERNS,
         jenis="Mesin Perontok Padi (Power Thresher)|Mesin Pengering Gabah|Mesin Penggiling Kopi|Mesin Pemipil Jagung|Mesin Pengupas Kopi Basah (Pulper)|Mesin Sangrai Kopi|Mesin Perajang Singkong|Mesin Penepung|Mesin Pengupas Gabah",
         varian="Kapasitas 500 kg/jam|Kapasitas 1 ton/jam|Penggerak Diesel|Penggerak Listrik",
         spek={"Penggerak": "Motor bensin 7 PK|Motor diesel 10 PK|Motor listrik 3 HP", "Kapasitas": "300 kg/jam|600–800 kg/jam|1 ton/jam", "Bahan rangka": "Baja siku 40 mm|Plat besi 3 mm|Stainless steel 304"}),
    _sub("mesin-pertanian", "alat-pertanian-tangan", "25931", (25000, 650000), "buah|pcs|lusin", "alsintan|perkakas-tangan",
         jenis="Cangkul Baja|Sabit Bergerigi|Parang Kebun|Garpu Tanah|Arit Rumput|Egrek Sawit|Dodos Sawit|Tugal Tanam|Sprayer Punggung",
         varian="Baja Per|Tempa Tangan|Gagang Kayu|Gagang Fiber",
         ukuran="Lebar 22 cm|Panjang 45 cm|16 liter",
         spek={"Bahan mata": "Baja per|Baja karbon|Plat baja 3 mm", "Gagang": "Kayu laban|Fiber|Besi pipa"}),
    _sub("mesin-pertanian", "mesin-pakan-perikanan", "28250", (1500000, 40000000), "unit", "alsintan|pakan|perikanan",
         patterns=MACHINE_PATTERNS,
         jenis="Mesin Pelet Pakan Ikan|Mesin Pencacah Rumput (Chopper)|Aerator Kolam|Mesin Penepung Pakan|Mesin Pengering Pelet|Mesin Mixer Pakan|Kincir Air Tambak",
         varian="Kapasitas 100 kg/jam|Penggerak Diesel|Penggerak Listrik|Stainless",
         spek={"Penggerak": "Motor diesel 8 PK|Motor listrik 2 HP|Motor bensin 6,5 PK", "Kapasitas": "100 kg/jam|300 kg/jam|1 ton/jam"}),
    # 12 mesin-peralatan
    _sub("mesin-peralatan", "mesin-pengolahan-pangan", "28250", (1500000, 95000000), "unit", "mesin-pangan|umkm",
         patterns=MACHINE_PATTERNS,
         jenis="Mesin Spinner Peniris Minyak|Mesin Pengaduk Dodol|Mesin Perajang Keripik|Mesin Vacuum Frying|Mesin Sealer Kemasan|Mesin Penggiling Daging|Mesin Pemeras Santan|Mesin Pencetak Kerupuk|Oven Roti Gas|Mesin Pemarut Kelapa",
         varian="Stainless Steel|Kapasitas 5 kg|Kapasitas 20 kg|Listrik 1 Fase",
         spek={"Bahan": "Stainless steel 304|Stainless steel 201|Plat besi dicat", "Daya listrik": "250 watt|750 watt|1.500 watt", "Kapasitas": "5 kg/proses|20 kg/jam|100 kg/jam"}),
    _sub("mesin-peralatan", "peralatan-bengkel", "25932", (150000, 15000000), "unit|set|buah", "peralatan-bengkel|teknik",
         patterns=(*MACHINE_PATTERNS, "{jenis} {varian}"),
         jenis="Meja Kerja Bengkel|Ragum Meja|Troli Perkakas|Tangga Lipat Aluminium|Rak Perkakas Dinding|Stand Mesin Las|Meja Las Portabel",
         varian="Plat Tebal 5 mm|Roda Karet|Tinggi 2 m|4 Laci",
         spek={"Bahan": "Besi UNP|Plat baja 5 mm|Aluminium", "Beban maksimal": "150 kg|500 kg|1 ton"}),
    _sub("mesin-peralatan", "peralatan-dapur-usaha", "25991", (100000, 12000000), "unit|buah|set", "peralatan-dapur|usaha-kuliner",
         patterns=("{jenis} {varian}", "{jenis} {model}", "{jenis} {varian} {model}"),
         jenis="Kompor Gas Tekanan Tinggi|Wajan Baja Besar|Panci Dandang Aluminium|Gerobak Dorong Usaha|Etalase Kaca Stainless|Meja Stainless Dua Tingkat|Rak Piring Stainless|Kukusan Dandang Besar",
         varian="Diameter 60 cm|Stainless 304|Tiga Tungku|Kapasitas 40 liter",
         spek={"Bahan": "Stainless steel 201|Aluminium tebal 2 mm|Besi cor", "Ukuran": "120 x 60 x 80 cm|Diameter 60 cm|150 x 70 x 85 cm"}),
    # 13 logam-elektronik
    _sub("logam-elektronik", "barang-logam", "25999", (150000, 15000000), "meter|unit|buah", "logam|konstruksi",
         patterns=("{jenis} {varian}", "{jenis} {varian}", "{jenis} {model}"),
         jenis="Pagar Besi Tempa|Teralis Jendela|Kanopi Baja Ringan|Teralis Minimalis|Tempat Sampah Pilah Tiga|Gerobak Sorong|Rangka Atap Baja Ringan|Tangga Besi Putar",
         varian="Besi Hollow|Cat Antikarat|Galvanis|Per Meter Persegi",
         spek={"Bahan": "Besi hollow 4 x 4 cm|Baja ringan 0,75 mm|Plat besi 2 mm", "Finishing": "Cat dasar antikarat dan cat akhir|Galvanis|Powder coating"}),
    _sub("logam-elektronik", "elektronik-listrik", "27900", (35000, 25000000), "unit|buah|set", "elektronik|listrik|tenaga-surya",
         patterns=("{jenis} {varian}", "{jenis} {model}", "{jenis} {model} {varian}"),
         jenis="Lampu Penerangan Jalan Tenaga Surya|Panel Listrik|Lampu LED Hemat Energi|Alat Pengusir Hama Ultrasonik|Inverter Panel Surya|Kabel Roll Gulung|Pengering Tangan Otomatis",
         varian="40 Watt|60 Watt|100 Watt|1 Fase|3 Fase",
         spek={"Daya": "20 watt|40 watt|100 watt|1.000 VA", "Tegangan": "220 V|12 V DC|380 V"}),
    _sub("logam-elektronik", "komponen-suku-cadang", "29300", (15000, 2500000), "buah|set|pcs", "suku-cadang|komponen",
         patterns=("{jenis} {varian}", "{jenis} {model}", "{jenis} untuk {mesin}"),
         jenis="Mata Pisau Mesin Perajang|Saringan Mesin Penepung|Pulley Besi Cor|Bushing Kuningan|Gear Sprocket|Poros As Baja|Plat Perontok|Drum Perontok Cadangan",
         varian="Baja Karbon|Stainless|Diameter 10 cm|Set 3",
         mesin="Mesin Perontok|Traktor Tangan|Mesin Penggiling|Mesin Pencacah",
         spek={"Bahan": "Baja S45C|Besi cor|Kuningan|Stainless steel 304", "Kecocokan": "Mesin perontok padi|Traktor tangan 8,5 PK|Mesin penepung"}),
    _sub("logam-elektronik", "karoseri-alat-angkut", "29200", (2500000, 95000000), "unit", "karoseri|alat-angkut",
         patterns=("{jenis} {varian}", "{jenis} {model}"),
         jenis="Bak Kayu Pikap|Gerobak Motor Roda Tiga|Boks Pendingin Motor|Perahu Fiber|Karoseri Bak Terbuka|Becak Motor|Sampan Kayu|Trailer Gandeng Traktor|Bak Motor Sampah Roda Tiga",
         varian="Rangka Baja|Panjang 6 m|Kapasitas 500 kg|Pintu Belakang",
         spek={"Bahan": "Plat besi 2 mm dan rangka UNP|Fiberglass|Kayu meranti", "Kapasitas angkut": "500 kg|1 ton|8 orang"}),
    # 14 lainnya
    _sub("lainnya", "lainnya", "32909", (5000, 350000), "pcs|buah|kg|paket", "produk-lokal",
         jenis="Mainan Kayu Edukatif|Alat Peraga Sekolah|Sapu Lidi|Keset Sabut Kelapa|Lilin Aromaterapi|Arang Batok Kelapa|Briket Arang|Sikat Sabut Kelapa|Pot Sabut Kelapa|Parsel Produk Lokal",
         varian="Isi 10|Ukuran Besar|Set|Kemasan Kado",
         ukuran="1 kg|5 kg|40 x 60 cm",
         spek={"Bahan": "Kayu pinus|Sabut kelapa|Batok kelapa|Lilin kedelai"}),
)
# fmt: on


@dataclass(frozen=True)
class Top:
    """A top category: how its IKMs are named, described and photographed."""

    slug: str
    weight: float  # share of IKMs whose main line is this category
    hue: float  # photo colour family, 0–1
    usaha: tuple[str, ...]  # words that start an IKM name ("Keripik", "Mebel")
    produk_umum: str  # "aneka keripik dan kue" for IKM descriptions
    fitur: tuple[str, ...]  # short selling points for deskripsi_singkat
    kalimat: tuple[str, ...]  # category sentences for the long description
    keunggulan: tuple[str, ...]  # bullet points
    spek: dict[str, tuple[str, ...]]
    sertifikasi: tuple[tuple[str, float], ...]
    machine: bool = False  # products get a model number and a warranty


def _top(
    slug: str,
    weight: float,
    hue: float,
    usaha: str,
    produk_umum: str,
    fitur: str,
    kalimat: str,
    keunggulan: str,
    spek: dict[str, str],
    sertifikasi: dict[str, float],
    machine: bool = False,
) -> Top:
    return Top(
        slug,
        weight,
        hue,
        _w(usaha),
        produk_umum,
        _w(fitur),
        _w(kalimat),
        _w(keunggulan),
        {k: _w(v) for k, v in spek.items()},
        tuple(sertifikasi.items()),
        machine,
    )


# fmt: off
FOOD_SPEK = {"Kemasan": "Standing pouch aluminium foil|Toples plastik PET|Kotak karton|Plastik vakum|Botol kaca",
             "Masa simpan": "3 bulan|6 bulan|9 bulan|12 bulan|2 minggu",
             "Penyimpanan": "Simpan di tempat kering dan sejuk|Tutup rapat setelah dibuka|Hindari sinar matahari langsung"}
FOOD_SERT = {"pirt": 0.55, "halal": 0.45, "bpom-md": 0.08, "haki-merek": 0.06}
TOPS: dict[str, Top] = {t.slug: t for t in (
    _top("makanan", 22, 0.08, "Keripik|Dapur|Kue|Camilan|Olahan Pangan|Rumah Kue", "aneka makanan olahan dan camilan",
         "diolah tanpa pengawet|kemasan rapi untuk oleh-oleh|renyah dan gurih|dibuat dari bahan pilihan|cocok untuk konsumsi rapat",
         "Produk dibuat dalam jumlah kecil setiap hari agar rasa dan kerenyahannya tetap terjaga.|"
         "Bahan utama dibeli dari petani dan pasar setempat, lalu dicuci dan disortir sebelum diolah.|"
         "Proses penggorengan dan pengemasan dilakukan di dapur produksi yang bersih dan terpisah dari rumah tinggal.|"
         "Rasa dikembangkan dari resep keluarga yang disesuaikan dengan selera pembeli masa kini.|"
         "Kemasan dilengkapi tanggal produksi, komposisi, dan berat bersih sesuai ketentuan label pangan.|"
         "Produk ini banyak dipesan sebagai oleh-oleh khas daerah dan hidangan acara kantor.",
         "Tanpa bahan pengawet tambahan|Kemasan kedap udara|Rasa konsisten setiap produksi|Bisa pesan dengan label instansi|Tersedia harga grosir untuk reseller",
         FOOD_SPEK, FOOD_SERT),
    _top("minuman", 10, 0.06, "Kopi|Teh|Madu|Minuman|Kedai Kopi|Rumah Herbal", "kopi, teh, dan minuman olahan",
         "diproses dari bahan petani lokal|aroma kuat dan segar|tanpa pemanis buatan|kemasan praktis|cocok untuk jamuan tamu",
         "Bahan baku dipanen dari kebun rakyat dan diproses segera agar aromanya tidak berkurang.|"
         "Setiap batch diperiksa aroma dan rasanya sebelum dikemas.|"
         "Proses pengeringan dilakukan dengan para-para dan mesin pengering bersuhu terkendali.|"
         "Produk dapat disajikan panas maupun dingin sesuai selera.|"
         "Kemasan memakai katup satu arah atau segel rapat untuk menjaga kesegaran.|"
         "Minuman ini sering dipilih untuk jamuan tamu kantor dan bingkisan hari raya.",
         "Bahan dari petani setempat|Tanpa pemanis dan pewarna buatan|Kemasan bersegel|Aroma dan rasa khas daerah|Bisa dikirim ke luar kota",
         {"Kemasan": "Kemasan kraft dengan katup|Botol kaca|Kotak karton|Pouch aluminium", "Masa simpan": "6 bulan|12 bulan|18 bulan", "Penyajian": "Seduh dengan air panas 90 °C|Larutkan dalam air hangat|Sajikan dingin"},
         FOOD_SERT),
    _top("hasil-bumi", 8, 0.25, "Tani|Agro|Kebun|Hasil Bumi|Lumbung|Kelompok Tani", "hasil pertanian dan perikanan",
         "langsung dari petani|dipanen dan disortir setiap minggu|mutu terjaga|harga bersahabat untuk pembelian partai",
         "Hasil panen dikumpulkan dari anggota kelompok tani dan disortir ulang sebelum dijual.|"
         "Penanganan pascapanen mengikuti anjuran penyuluh pertanian setempat.|"
         "Produk tersedia dalam partai kecil untuk rumah tangga maupun partai besar untuk pedagang.|"
         "Ketersediaan stok mengikuti musim panen, sehingga pemesanan sebaiknya dikonfirmasi lebih dahulu.|"
         "Pengemasan dilakukan di gudang kelompok dengan karung atau kardus yang bersih.|"
         "Pembelian langsung dari kelompok tani membantu petani memperoleh harga yang lebih adil.",
         "Langsung dari petani|Sortir ulang sebelum kirim|Bisa partai besar|Harga mengikuti musim panen|Dapat dikirim ke gudang pembeli",
         {"Asal": "Kebun anggota kelompok tani|Lahan sawah irigasi|Perairan setempat", "Kemasan": "Karung 25 kg|Kardus|Plastik vakum", "Pengiriman": "Truk engkel|Ekspedisi kargo|Diambil di gudang"},
         {"halal": 0.12, "pirt": 0.12, "haki-merek": 0.04}),
    _top("kain-tradisional", 7, 0.97, "Tapis|Batik|Tenun|Sulam|Sanggar Kain|Galeri Tenun", "kain tradisional dan wastra daerah",
         "dikerjakan tangan oleh perajin|motif khas daerah|cocok untuk busana adat|pilihan warna beragam",
         "Setiap lembar dikerjakan tangan oleh perajin perempuan di sekitar tempat usaha.|"
         "Motif diambil dari ragam hias tradisional yang diwariskan turun-temurun.|"
         "Waktu pengerjaan satu lembar kain dapat mencapai beberapa minggu tergantung kerumitan motif.|"
         "Kain cocok untuk busana adat, seserahan, maupun cendera mata resmi instansi.|"
         "Warna dasar dan motif dapat dipesan sesuai keinginan dengan waktu produksi lebih panjang.|"
         "Perawatan cukup dengan dicuci tangan memakai sabun lembut dan dijemur di tempat teduh.",
         "Dikerjakan tangan|Motif tradisional asli|Bisa pesan warna dan motif|Cocok untuk cendera mata resmi|Disertai kartu keterangan motif",
         {"Ukuran": "60 x 120 cm|100 x 200 cm|50 x 200 cm", "Perawatan": "Cuci tangan dengan sabun lembut|Dry clean|Jemur di tempat teduh", "Waktu pengerjaan": "2–3 minggu|4–6 minggu|1–2 bulan"},
         {"haki-merek": 0.08}),
    _top("fesyen", 8, 0.85, "Konveksi|Busana|Butik|Rumah Jahit|Kulit|Griya Busana", "pakaian, seragam, dan aksesori",
         "jahitan rapi dan kuat|bahan nyaman dipakai|bisa pesan ukuran khusus|cocok untuk seragam kantor",
         "Pola dan jahitan dikerjakan oleh penjahit berpengalaman dengan kontrol mutu di setiap tahap.|"
         "Bahan dipilih yang nyaman dipakai sepanjang hari di iklim tropis.|"
         "Kami melayani pesanan seragam instansi, sekolah, dan komunitas dengan bordir nama atau logo.|"
         "Ukuran dapat disesuaikan dengan tabel ukuran kami atau ukuran badan pemesan.|"
         "Setiap produk dilipat dan dikemas plastik agar tetap bersih sampai di tangan pembeli.|"
         "Model mengikuti perkembangan mode tanpa meninggalkan unsur kain tradisional daerah.",
         "Jahitan rapi dan kuat|Bisa ukuran khusus|Bordir nama dan logo|Bahan adem dan nyaman|Pengerjaan pesanan massal",
         {"Bahan": "Katun|Drill|Kulit sapi|Kain tenun", "Perawatan": "Cuci dengan air dingin|Jangan diputihkan|Setrika suhu sedang", "Kapasitas produksi": "300 potong per minggu|1.000 potong per bulan"},
         {"haki-merek": 0.1, "sni": 0.03}),
    _top("kerajinan", 9, 0.11, "Kerajinan|Galeri|Sanggar|Anyaman|Kriya|Rumah Kriya", "kerajinan tangan dan cendera mata",
         "buatan tangan perajin lokal|cocok untuk cendera mata|bahan alami|bisa pesan dengan logo",
         "Setiap barang dibuat satu per satu sehingga setiap produk memiliki ciri yang sedikit berbeda.|"
         "Bahan baku seperti kayu, rotan, bambu, dan tanah liat diperoleh dari sekitar desa perajin.|"
         "Produk cocok dijadikan cendera mata tamu, hadiah perpisahan, maupun hiasan ruangan.|"
         "Pesanan dengan logo atau tulisan instansi dapat dikerjakan dalam jumlah besar.|"
         "Barang dikemas dengan pelindung agar aman selama pengiriman jarak jauh.|"
         "Perajin kami telah mengikuti pelatihan desain produk dari dinas dan perguruan tinggi setempat.",
         "Buatan tangan|Bahan alami|Bisa pesan logo instansi|Kemasan aman untuk pengiriman|Desain khas daerah",
         {"Bahan": "Kayu|Rotan|Bambu|Tanah liat|Kuningan", "Finishing": "Natural|Pernis|Cat tangan", "Kemasan": "Kotak karton|Kotak kayu|Plastik gelembung"},
         {"haki-merek": 0.08}),
    _top("furnitur", 5, 0.07, "Mebel|Furnitur|Meubel|Interior|Gudang Mebel", "furnitur rumah, kantor, dan sekolah",
         "kayu kering oven|konstruksi kokoh|finishing rapi|bisa pesan ukuran|untuk kantor dan sekolah",
         "Kayu yang dipakai telah dikeringkan agar tidak mudah melengkung atau retak.|"
         "Sambungan dikerjakan dengan teknik pasak dan lem sehingga rangka kokoh untuk pemakaian lama.|"
         "Finishing dapat dipilih natural, melamin, atau duco sesuai kebutuhan ruangan.|"
         "Kami mengerjakan pesanan perabot sekolah dan kantor sesuai gambar kerja dari pembeli.|"
         "Pengiriman dalam kota dilakukan dengan armada sendiri termasuk perakitan di lokasi.|"
         "Garansi perbaikan diberikan untuk kerusakan konstruksi pada tahun pertama pemakaian.",
         "Kayu kering oven|Konstruksi kokoh|Bisa ukuran khusus|Gratis perakitan dalam kota|Garansi konstruksi",
         {"Finishing": "Melamin|Natural oil|Duco|Powder coating", "Dimensi": "120 x 60 x 75 cm|200 x 160 x 45 cm|90 x 45 x 180 cm", "Garansi": "1 tahun konstruksi|6 bulan"},
         {"haki-merek": 0.05, "lainnya": 0.1, "sni": 0.03}),
    _top("kantor-seminar", 6, 0.6, "Percetakan|Grafika|Sablon|Advertising|Souvenir|Kreatif", "alat tulis, seminar kit, dan percetakan",
         "bisa sablon logo instansi|pengerjaan cepat|harga khusus partai besar|cocok untuk seminar dan rapat",
         "Kami melayani pesanan kegiatan seminar, pelatihan, dan rapat kerja dengan waktu pengerjaan singkat.|"
         "Desain logo dan tulisan dapat dikirim melalui WhatsApp, lalu contoh cetak dikirim sebelum produksi.|"
         "Mesin cetak dan sablon kami mampu mengerjakan ribuan lembar dalam sehari.|"
         "Bahan kertas dan kain dipilih sesuai anggaran tanpa mengurangi kerapian hasil.|"
         "Pesanan dapat dikirim langsung ke lokasi acara sebelum kegiatan dimulai.|"
         "Kami sudah biasa melayani kebutuhan kantor pemerintah dan sekolah di wilayah sekitar.",
         "Gratis desain sederhana|Contoh cetak sebelum produksi|Pengerjaan kilat|Harga partai besar|Antar ke lokasi acara",
         {"Waktu pengerjaan": "1–3 hari kerja|5 hari kerja|7 hari kerja", "Minimal order": "50 pcs|100 pcs|1 rim", "Desain": "Gratis desain sederhana|Desain dari pemesan"},
         {"haki-merek": 0.05}),
    _top("kimia-kesehatan", 6, 0.4, "Herbal|Sabun|Jamu|Atsiri|Organik|Rumah Herbal", "sabun, jamu, dan produk perawatan alami",
         "dari bahan alami|tanpa bahan kimia keras|aman untuk kulit|aroma menenangkan",
         "Produk diracik dari bahan nabati yang ditanam atau dibeli dari petani sekitar.|"
         "Proses pembuatan mengikuti cara produksi yang baik dengan peralatan yang bersih.|"
         "Setiap batch diberi nomor produksi agar mutu dapat ditelusuri.|"
         "Produk tidak memakai pewarna sintetis dan pewangi yang menyengat.|"
         "Kemasan menggunakan botol dan wadah yang dapat dipakai ulang.|"
         "Cara pakai dan komposisi tercantum lengkap pada label kemasan.",
         "Bahan alami pilihan|Tanpa pewarna sintetis|Nomor batch tercantum|Kemasan dapat dipakai ulang|Cocok untuk bingkisan",
         {"Kemasan": "Botol kaca|Botol plastik PET|Jar plastik|Kotak karton", "Masa simpan": "12 bulan|18 bulan|24 bulan", "Cara pakai": "Oleskan tipis pada kulit|Seduh dengan air hangat|Campurkan dengan air sesuai dosis"},
         {"halal": 0.3, "haki-merek": 0.08}),
    _top("bahan-bangunan", 5, 0.03, "Bata|Genteng|Beton|Panglong|Bangunan|Usaha Bata", "bahan bangunan",
         "kuat dan tahan cuaca|ukuran seragam|cocok untuk proyek pemerintah|bisa kirim ke lokasi proyek",
         "Produk dicetak dengan mesin press sehingga ukuran dan kepadatannya seragam.|"
         "Bahan baku diambil dari sumber setempat yang memiliki izin usaha.|"
         "Proses pengeringan dan perawatan dilakukan cukup lama agar kekuatan produk optimal.|"
         "Kami melayani pesanan proyek perumahan, jalan lingkungan, dan gedung pemerintah.|"
         "Pengiriman ke lokasi proyek menggunakan truk sendiri dengan biaya sesuai jarak.|"
         "Contoh produk dan hasil uji kuat tekan dapat diperlihatkan kepada pembeli.",
         "Ukuran seragam|Kuat tekan teruji|Kirim ke lokasi proyek|Stok besar|Cocok untuk proyek pemerintah",
         {"Dimensi": "20 x 10 x 6 cm|40 x 20 x 10 cm|24 x 40 cm", "Berat per buah": "1,8 kg|3,2 kg|12 kg", "Kapasitas produksi": "5.000 buah per hari|1.000 meter persegi per bulan"},
         {"sni": 0.3, "haki-merek": 0.04}),
    _top("mesin-pertanian", 4, 0.0, "Karya Tani|Teknik Tani|Bengkel|Alsintan|Las|Teknik", "alat dan mesin pertanian",
         "rangka baja kokoh|suku cadang tersedia|cocok untuk kelompok tani|hemat bahan bakar",
         "Mesin dirancang untuk kondisi lahan petani kecil dan mudah dirawat di bengkel desa.|"
         "Rangka dibuat dari baja pilihan dan dicat antikarat agar tahan lama di lapangan.|"
         "Suku cadang tersedia di bengkel kami sehingga perbaikan dapat dilakukan dengan cepat.|"
         "Pembelian oleh kelompok tani atau dinas disertai pelatihan operator tanpa biaya tambahan.|"
         "Mesin diuji coba di lahan sebelum dikirim kepada pembeli.|"
         "Desain terus diperbaiki berdasarkan masukan petani pengguna.",
         "Rangka baja antikarat|Suku cadang tersedia|Pelatihan operator gratis|Uji coba sebelum kirim|Layanan purnajual",
         {"Bahan rangka": "Baja siku 40 mm|Plat besi 3 mm|Pipa baja", "Bobot": "25 kg|78 kg|110 kg|250 kg", "Bahan bakar": "Bensin|Solar|Listrik"},
         {"sni": 0.2, "haki-merek": 0.05}, machine=True),
    _top("mesin-peralatan", 4, 0.55, "Teknik|Bengkel|Mesin|Stainless|Rekayasa", "mesin dan peralatan produksi",
         "stainless food grade|hemat listrik|mudah dibersihkan|cocok untuk UMKM pangan",
         "Mesin dibuat untuk kebutuhan UMKM pangan yang ingin menaikkan kapasitas produksi.|"
         "Bagian yang bersentuhan dengan bahan pangan memakai stainless steel food grade.|"
         "Kami menyediakan pelatihan singkat pengoperasian dan perawatan mesin.|"
         "Ukuran dan kapasitas dapat disesuaikan dengan kebutuhan pembeli.|"
         "Setiap mesin diuji dengan bahan sebenarnya sebelum dikirim.|"
         "Layanan servis dan penggantian suku cadang tersedia setelah masa garansi.",
         "Stainless food grade|Bisa ukuran khusus|Diuji sebelum kirim|Pelatihan pengoperasian|Servis purnajual",
         {"Bahan": "Stainless steel 304|Stainless steel 201|Besi plat", "Daya listrik": "250 watt|750 watt|1.500 watt", "Dimensi": "60 x 50 x 90 cm|100 x 60 x 120 cm"},
         {"sni": 0.15, "haki-merek": 0.05}, machine=True),
    _top("logam-elektronik", 4, 0.65, "Las|Teknik|Logam|Elektrik|Karoseri|Bengkel Las", "barang logam dan elektronik",
         "rangka kuat|dikerjakan teknisi berpengalaman|bisa pesan ukuran|bergaransi",
         "Produk dikerjakan oleh teknisi las dan listrik yang berpengalaman lebih dari sepuluh tahun.|"
         "Bahan logam dipilih sesuai beban kerja dan dilapisi cat antikarat.|"
         "Kami menerima pesanan sesuai gambar teknik maupun contoh barang.|"
         "Pemasangan di lokasi dapat dilakukan oleh tim kami untuk wilayah sekitar.|"
         "Komponen listrik memakai merek yang mudah dicari penggantinya di pasaran.|"
         "Setiap produk melalui uji fungsi sebelum diserahkan kepada pembeli.",
         "Rangka kuat|Bisa sesuai gambar teknik|Pemasangan di lokasi|Bergaransi|Uji fungsi sebelum serah terima",
         {"Bahan": "Besi hollow|Plat baja|Aluminium|Stainless steel", "Finishing": "Cat antikarat|Galvanis|Powder coating", "Pemasangan": "Termasuk pemasangan dalam kota|Tanpa pemasangan"},
         {"sni": 0.15, "haki-merek": 0.05}, machine=True),
    _top("lainnya", 2, 0.33, "Kreasi|Usaha|Produk|Karya", "aneka produk lokal",
         "produk lokal pilihan|harga terjangkau|ramah lingkungan|buatan tangan",
         "Produk ini dibuat dari bahan yang mudah diperoleh di sekitar tempat usaha.|"
         "Sebagian bahan berasal dari limbah pertanian yang diolah kembali menjadi barang berguna.|"
         "Kami terus mencoba model dan ukuran baru sesuai permintaan pembeli.|"
         "Produk cocok untuk kebutuhan rumah tangga, sekolah, maupun kantor.|"
         "Setiap pesanan dikemas sederhana namun aman.|"
         "Pelanggan tetap kami berasal dari toko kelontong dan koperasi di sekitar daerah.",
         "Ramah lingkungan|Harga terjangkau|Bahan lokal|Bisa pesan dalam jumlah besar",
         {"Bahan": "Sabut kelapa|Kayu pinus|Batok kelapa|Lidi aren", "Kemasan": "Plastik|Karung|Kotak karton"},
         {"haki-merek": 0.04}),
)}
TOP_SUBS: dict[str, tuple[Sub, ...]] = {t: tuple(s for s in SUBS if s.top == t) for t in TOPS}

GENERIC_SENTENCES = _w(
    "Setiap tahap produksi dikerjakan oleh tenaga kerja lokal yang sebagian besar berasal dari lingkungan sekitar tempat usaha.|"
    "Bahan baku dipilih dari pemasok di {provinsi} sehingga mutu dan kesegarannya lebih mudah dijaga.|"
    "Kami melayani pembelian eceran maupun pesanan dalam jumlah besar untuk kantor, sekolah, dan instansi pemerintah.|"
    "Untuk pesanan instansi, kami dapat menyiapkan surat penawaran harga, faktur, dan surat jalan sesuai kebutuhan pengadaan.|"
    "Pengiriman dapat dilakukan melalui jasa ekspedisi ke seluruh Indonesia atau diambil langsung di tempat produksi.|"
    "Produk ini merupakan bagian dari gerakan Bangga Buatan Indonesia dan mendukung peningkatan penggunaan produk dalam negeri.|"
    "Harga dapat berubah mengikuti harga bahan baku, sehingga kami sarankan menghubungi penjual sebelum memesan.|"
    "Kami terbuka untuk kerja sama dengan toko oleh-oleh, koperasi, dan mitra penjualan di berbagai daerah.|"
    "Mutu produk diperiksa satu per satu sebelum dikemas agar pembeli menerima barang dalam kondisi terbaik.|"
    "Usaha ini mulai berjalan pada tahun {tahun} dan terus berkembang berkat dukungan pelanggan setia.|"
    "Pesanan khusus dengan label atau logo instansi dapat dikerjakan dengan waktu produksi sekitar {hari} hari.|"
    "Kami berupaya menggunakan kemasan yang aman, rapi, dan mudah didaur ulang.|"
    "Foto produk diambil langsung di tempat produksi sehingga sesuai dengan barang yang dikirim.|"
    "Pembayaran dapat dilakukan melalui transfer bank, dompet digital, atau sesuai mekanisme pengadaan yang berlaku.|"
    "Untuk pembelian dalam jumlah banyak tersedia harga khusus yang dapat dibicarakan langsung dengan penjual.|"
    "Setiap pembelian ikut membantu perputaran ekonomi warga {kecamatan} dan sekitarnya.|"
    "Kami rutin mengikuti pameran produk unggulan daerah dan pelatihan yang diselenggarakan dinas terkait.|"
    "Konsultasi sebelum membeli sangat dianjurkan agar spesifikasi produk sesuai dengan kebutuhan Anda.|"
    "Stok terbatas setiap bulan karena seluruh proses masih dikerjakan dalam skala industri kecil.|"
    "Keluhan dan masukan dari pembeli kami tanggapi dengan cepat melalui WhatsApp pada jam kerja.|"
    "Minimal pemesanan untuk pengiriman luar kota adalah {minimal} {satuan}.|"
    "Produk dapat dijadikan bingkisan, hadiah, maupun cendera mata untuk tamu dan mitra kerja.|"
    "Kami menjaga kebersihan tempat produksi dan menerapkan keselamatan kerja bagi seluruh karyawan.|"
    "Informasi mengenai legalitas usaha dan sertifikat produk dapat diminta kepada penjual.|"
    "Dengan membeli produk lokal, Anda turut memperkuat rantai pasok industri kecil di {provinsi}.|"
    "Kami juga melayani pengantaran ke lokasi acara, kantor, maupun gudang pembeli di wilayah {daerah}.|"
    "Penggantian barang diberikan apabila produk yang diterima rusak akibat pengiriman.|"
    "Pesanan dikerjakan berurutan sesuai waktu pembayaran uang muka.|"
    "Produk ini telah dipasarkan ke berbagai kota dan mendapat tanggapan baik dari pembeli.|"
    "Jam operasional kami Senin sampai Sabtu pukul 08.00 hingga 17.00 waktu setempat.|"
    "Pembeli dapat berkunjung ke tempat produksi untuk melihat langsung proses pembuatan."
)
GENERIC_KEUNGGULAN = _w("Produk asli buatan {daerah}|Melayani pengadaan instansi|Respons cepat melalui WhatsApp|"
                        "Dapat dikirim ke seluruh Indonesia|Mendukung program Bangga Buatan Indonesia")
INTROS = _w("{nama} diproduksi oleh {ikm}, pelaku usaha di {daerah}, {provinsi}.|"
            "{ikm} dari {daerah} menghadirkan {nama} untuk kebutuhan rumah tangga maupun instansi.|"
            "{nama} adalah salah satu produk unggulan {ikm} yang berlokasi di {kecamatan}, {daerah}.")

INDAH = _w("Mekar Sari|Sumber Rejeki|Sinar Jaya|Berkah Mandiri|Cahaya Abadi|Tunas Harapan|Karya Bersama|Maju Makmur|"
           "Putri Ayu|Dewi Sri|Sekar Wangi|Sari Rasa|Bunda Ani|Mak Inah|Cita Rasa|Lestari|Nusantara|Harapan Baru|"
           "Rizki Barokah|Tiga Putri|Sejahtera|Mandiri Jaya|Anugerah|Lancar Jaya|Mitra Usaha|Sehati|Al Ikhlas|Amanah|"
           "Restu Ibu|Srikandi|Siger Emas|Gading Mas|Puncak Jaya|Tani Makmur|Bina Karya|Citra Kencana|Pelangi|Melati|"
           "Kenanga|Anggrek|Cempaka|Merpati|Rajawali|Garuda Muda|Putra Daerah|Surya Kencana|Bintang Timur|Ragam Jaya|"
           "Jaya Abadi|Tiga Saudara|Bumi Hijau|Alam Lestari|Teras Kita|Bu Ratna|Pak Darmo|Mbok Sum|Kembang Joyo|"
           "Sido Mulyo|Rukun Santoso|Sri Rejeki|Usaha Bersama|Gemilang|Harmoni|Tunas Muda|Mutiara|Permata|Kencana")
BENTUK = (("perorangan", 45), ("ud", 20), ("cv", 20), ("pt", 4), ("koperasi", 8), ("firma", 1), ("lainnya", 2))
BENTUK_PREFIX = {"ud": "UD", "cv": "CV", "pt": "PT", "koperasi": "Koperasi", "firma": "Firma"}
SKALA = (("mikro", 60), ("kecil", 30), ("menengah", 10))
JALAN = _w("Merdeka|Sudirman|Diponegoro|Kartini|Pahlawan|Ahmad Yani|Gatot Subroto|Raden Intan|Teuku Umar|Imam Bonjol|"
           "Pattimura|Cendana|Melati|Kenanga|Flamboyan|Mangga|Durian|Pramuka|Veteran|Hasanuddin|Pemuda|Kesehatan|"
           "Pasar Baru|Lintas Timur|Lintas Barat|Kopi|Padi|Nangka|Ki Hajar Dewantara|Sultan Agung")
WA_PREFIXES = _w("811|812|813|821|822|823|851|852|853|855|856|857|858|877|878|881|895|896|897")
KETERSEDIAAN = (("tersedia", 75), ("pre-order", 20), ("habis", 5))
MINIMAL = (1, 1, 1, 2, 5, 10, 12, 20, 50, 100)
GARANSI = _w("6 bulan servis rangka|1 tahun|12 bulan rangka, 6 bulan mesin penggerak|3 bulan suku cadang")
# fmt: on


# --------------------------------------------------------------------------------------------
# YAML scalars
# --------------------------------------------------------------------------------------------

_NET_WEIGHT = re.compile(r"\d[\d.,]* (?:g|kg|ml|liter)\b")
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .,()/&'%+×–\-]*\Z")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
# Words a YAML 1.1 reader (PyYAML) resolves to booleans or null when unquoted.
_RESERVED = frozenset(("y", "n", "yes", "no", "true", "false", "on", "off", "null"))


def scalar(value: Any) -> str:
    """Format one YAML scalar for block context.

    Strings stay plain only when they start with a letter and use a small safe alphabet (so they
    cannot be read as numbers, dates, booleans, null, comments, mappings or anchors); anything
    else is emitted as a JSON string, which is also a valid YAML double-quoted scalar.
    """
    if isinstance(value, str):
        if _PLAIN.match(value) and not value.endswith(" ") and value.lower() not in _RESERVED:
            return value
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, (int, dt.date)):
        return str(value)
    raise TypeError(f"cannot format {type(value).__name__} as a YAML scalar")


def quoted(value: str) -> str:
    """Always double-quote (identifiers: NIB, codes, phone numbers, certificate numbers)."""
    return json.dumps(value, ensure_ascii=False)


def flow_list(items: Iterable[str], always_quote: bool = False) -> str:
    """``[a, b]``; slugs stay plain, everything else is quoted."""
    parts = [quoted(i) if always_quote or not _SLUG.match(i) or i in _RESERVED else i for i in items]
    return "[" + ", ".join(parts) + "]"


def literal_block(text: str, indent: str = "  ") -> str:
    """A ``|`` block scalar; every non-empty line indented, blank lines kept empty."""
    return "|\n" + "\n".join(indent + line if line else "" for line in text.split("\n"))


# --------------------------------------------------------------------------------------------
# Regions
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Regency:
    """A kabupaten/kota with its province and kecamatan, from data/wilayah.csv."""

    kode: str
    nama: str  # "Kabupaten Pesawaran"
    pendek: str  # "Pesawaran"
    provinsi: str
    kecamatan: tuple[tuple[str, str], ...]  # (kode, nama)


def load_regencies(path: Path = WILAYAH_CSV) -> list[Regency]:
    """Read the region table; kab/kota in code order, each with its kecamatan."""
    provinces: dict[str, str] = {}
    names: dict[str, str] = {}
    districts: dict[str, list[tuple[str, str]]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            kode, nama, tingkat = row["kode"], row["nama"], row["tingkat"]
            if tingkat == "provinsi":
                provinces[kode] = nama
            elif tingkat == "kabupaten_kota":
                names[kode] = nama
                districts.setdefault(kode, [])
            elif tingkat == "kecamatan":
                districts.setdefault(kode[:5], []).append((kode, nama))
    regencies = []
    for kode in sorted(names):
        nama = names[kode]
        pendek = re.sub(r"^(Kabupaten|Kota)\s+", "", nama)
        regencies.append(Regency(kode, nama, pendek, provinces[kode[:2]], tuple(districts[kode])))
    return regencies


def regency_weights(regencies: Sequence[Regency], rng: random.Random) -> list[float]:
    """Zipf-like weights over a shuffled order so a few regions are big and most are small.

    Lampung (18) gets a boost because the first users of the catalog are Lampung programmes.
    """
    order = list(range(len(regencies)))
    rng.shuffle(order)
    weights = [0.0] * len(regencies)
    for rank, index in enumerate(order):
        boost = 4.0 if regencies[index].kode.startswith("18.") else 1.0
        weights[index] = boost / (rank + 1) ** 0.85
    return weights


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------


def slugify(text: str, limit: int = 60) -> str:
    """Lowercase ASCII words joined by ``-``, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > limit:
        slug = slug[:limit].rsplit("-", 1)[0]
    return slug or "produk"


def weighted(rng: random.Random, pairs: Sequence[tuple[str, float]]) -> str:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def random_date(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    if end <= start:
        return start
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


def nice_price(value: float) -> int:
    """Round to the steps sellers use: Rp500 below 100 rb, Rp1.000 / 5.000 / 50.000 above."""
    for limit, step in ((1000, 50), (100_000, 500), (1_000_000, 1000), (10_000_000, 5000)):
        if value < limit:
            return max(100, round(value / step) * step)
    return round(value / 50_000) * 50_000


def percent(value: float) -> float:
    """A 2-decimal percentage that JSON Schema ``multipleOf: 0.01`` accepts.

    jsonschema tests ``int(x / 0.01) == x / 0.01`` in floating point, which rejects about one
    two-decimal value in seven (0.07, 0.14, …). Until the schema stops using ``multipleOf`` for
    decimals, step to the nearest value it accepts so the generated catalog validates.
    """
    cents = round(value * 100)
    for delta in (0, 1, -1, 2, -2, 3, -3, 4, -4, 5, -5):
        candidate = (cents + delta) / 100
        quotient = candidate / 0.01
        if int(quotient) == quotient:
            return candidate
    return round(value)


def fit(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary to at most ``limit`` characters."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:–-")


# --------------------------------------------------------------------------------------------
# The plan: which IKMs exist, where, how many products, which photos
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PhotoJob:
    """One JPEG to render: where, its own seed and its colour family."""

    path: str
    seed: int
    hue: float


@dataclass(frozen=True)
class IkmPlan:
    slug: str
    seed: int
    top: str
    regency: Regency
    kecamatan: tuple[str, str] | None
    nama_usaha: str
    merek: str
    bentuk: str
    nib: str
    n_products: int
    photos: tuple[str, ...]  # "foto/produk-1.jpg", relative to the IKM folder


def plan_catalog(n_products: int, seed: int, photos_per_ikm: int, regencies: Sequence[Regency]) -> list[IkmPlan]:
    """Decide every IKM up front from one ``Random(seed)``; no I/O."""
    rng = random.Random(seed)
    n_ikm = max(1, min(n_products, math.ceil(n_products / PRODUCTS_PER_IKM)))
    # Products per IKM: every IKM gets one, the rest follow a skewed (log-normal) share.
    shares = [rng.lognormvariate(0.0, 0.7) for _ in range(n_ikm)]
    counts = [1] * n_ikm
    for index in rng.choices(range(n_ikm), weights=shares, k=n_products - n_ikm):
        counts[index] += 1
    nibs = rng.sample(range(10**10), n_ikm)
    cum_region = list(accumulate(regency_weights(regencies, rng)))
    tops = list(TOPS.values())
    cum_top = list(accumulate(t.weight for t in tops))
    used: set[str] = set()
    plans = []
    for i in range(n_ikm):
        regency = regencies[bisect.bisect_right(cum_region, rng.random() * cum_region[-1])]
        top = tops[bisect.bisect_right(cum_top, rng.random() * cum_top[-1])]
        kecamatan = rng.choice(regency.kecamatan) if regency.kecamatan and rng.random() < 0.85 else None
        bentuk = weighted(rng, BENTUK)
        merek = rng.choice(INDAH)
        style = rng.random()
        if style < 0.45:
            core = f"{rng.choice(top.usaha)} {merek}"
        elif style < 0.8:
            core = f"{rng.choice(top.usaha)} {merek} {regency.pendek}"
        else:
            core = f"{merek} {regency.pendek}"
        prefix = BENTUK_PREFIX.get(bentuk)
        nama_usaha = fit(f"{prefix} {core}" if prefix else core, 100)
        base = slugify(core, 50)
        slug, n = base, 1
        while slug in used:
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        photos = tuple(f"foto/produk-{k}.jpg" for k in range(1, photos_per_ikm + 1))
        plans.append(
            IkmPlan(
                slug=slug,
                seed=rng.getrandbits(62),
                top=top.slug,
                regency=regency,
                kecamatan=kecamatan,
                nama_usaha=nama_usaha,
                merek=merek,
                bentuk=bentuk,
                nib=f"912{nibs[i]:010d}",
                n_products=counts[i],
                photos=photos,
            )
        )
    return plans


def photo_jobs(plans: Sequence[IkmPlan], products_dir: Path) -> list[PhotoJob]:
    jobs = []
    for plan in plans:
        hue = TOPS[plan.top].hue
        for k, rel in enumerate(plan.photos):
            # The photo seed is derived from the IKM seed, so it does not depend on job order.
            jobs.append(PhotoJob(str(products_dir / plan.slug / rel), (plan.seed * 31 + k) & (2**62 - 1), hue))
    return jobs


# --------------------------------------------------------------------------------------------
# Photos
# --------------------------------------------------------------------------------------------


@functools.cache
def _texture() -> Any:
    """A fixed grain layer, the same in every process, that gives the JPEGs a realistic ~20–40 KB."""
    from PIL import Image

    grain = random.Random(20240101)
    w, h = PHOTO_SIZE
    return Image.frombytes("L", (w // 2, h // 2), grain.randbytes(w * h // 4)).resize(
        (w + 200, h + 150), Image.BILINEAR
    )


def render_photo(job: PhotoJob) -> int:
    """Draw a seeded gradient with a few shapes and save it as JPEG; returns the byte size."""
    from PIL import Image, ImageDraw

    rng = random.Random(job.seed)
    w, h = PHOTO_SIZE
    if rng.random() < 0.3:
        base = Image.radial_gradient("L")
    else:
        base = Image.linear_gradient("L").transpose(Image.Transpose(rng.randrange(5)))  # flips, quarter turns
    small = base.resize((w // 4, h // 4), Image.BILINEAR)
    blobs = Image.frombytes("L", (26, 20), rng.randbytes(26 * 20)).resize((w // 4, h // 4), Image.BICUBIC)
    shade = Image.blend(small, blobs, 0.3).resize((w, h), Image.BICUBIC)
    x, y = rng.randrange(200), rng.randrange(150)
    shade = Image.blend(shade, _texture().crop((x, y, x + w, y + h)), 0.07)
    # Two colours of the category's hue family with enough contrast for the gradient to show.
    hue = (job.hue + rng.uniform(-0.06, 0.06)) % 1.0
    dark = colorsys.hls_to_rgb(hue, rng.uniform(0.15, 0.3), rng.uniform(0.4, 0.9))
    light = colorsys.hls_to_rgb((hue + rng.uniform(-0.05, 0.05)) % 1.0, rng.uniform(0.65, 0.85), rng.uniform(0.3, 0.8))
    palette = []
    for i in range(256):
        t = i / 255
        palette.extend(int(255 * (a + (b - a) * t)) for a, b in zip(dark, light, strict=True))
    shade.putpalette(palette)
    image = shade.convert("RGB")
    draw = ImageDraw.Draw(image)
    for _ in range(rng.randint(1, 3)):
        x0, y0 = rng.randrange(40, w - 300), rng.randrange(40, h - 250)
        x1, y1 = x0 + rng.randrange(100, 300), y0 + rng.randrange(80, 250)
        colour = tuple(
            int(255 * c) for c in colorsys.hls_to_rgb(rng.random(), rng.uniform(0.3, 0.7), rng.uniform(0.5, 1))
        )
        kind = rng.randrange(3)
        if kind == 0:
            draw.ellipse((x0, y0, x1, y1), fill=colour, outline=(255, 255, 255), width=5)
        elif kind == 1:
            draw.rounded_rectangle((x0, y0, x1, y1), radius=18, fill=colour)
        else:
            draw.polygon([(x0, y1), ((x0 + x1) // 2, y0), (x1, y1)], fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=78)
    data = buffer.getvalue()
    with open(job.path, "wb") as fh:
        fh.write(data)
    return len(data)


@functools.cache
def placeholder_jpeg() -> bytes:
    """One flat grey :data:`PLACEHOLDER_SIZE` JPEG (about 2 KB), the same bytes for every photo."""
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", PLACEHOLDER_SIZE, (200, 200, 200)).save(buffer, "JPEG", quality=78)
    return buffer.getvalue()


def write_placeholder(job: PhotoJob) -> int:
    data = placeholder_jpeg()
    with open(job.path, "wb") as fh:
        fh.write(data)
    return len(data)


# --------------------------------------------------------------------------------------------
# Products
# --------------------------------------------------------------------------------------------


def _product_name(rng: random.Random, sub: Sub, plan: IkmPlan, model: str) -> str:
    slots = {name: rng.choice(words) for name, words in sub.slots.items()}
    jenis = set(slots["jenis"].lower().split())
    for name, value in slots.items():
        if name != "jenis" and jenis & set(value.lower().split()):
            slots[name] = ""  # avoid "Bolu Pandan Pandan"
    slots.setdefault("varian", "")
    slots.setdefault("ukuran", "")
    slots["daerah"] = plan.regency.pendek
    slots["model"] = model
    name = " ".join(rng.choice(sub.patterns).format(**slots).split())
    return fit(name, 120)


def _model_number(rng: random.Random, merek: str) -> str:
    initials = "".join(word[0] for word in merek.split() if word[0].isalpha()).upper() or "X"
    return f"{initials}-{rng.choice((rng.randrange(100, 1000), rng.randrange(1, 100) * 10))}"


def _certificates(rng: random.Random, top: Top, plan: IkmPlan, updated: dt.date) -> list[str]:
    """YAML lines of the ``sertifikasi`` list (empty when the product has none)."""
    lines: list[str] = []
    kinds = [jenis for jenis, p in top.sertifikasi if rng.random() < p]
    if "bpom-md" in kinds and "pirt" in kinds:
        kinds.remove("pirt")  # a product is registered either at BPOM or as PIRT
    daerah = plan.regency.nama
    for jenis in kinds:
        issued = random_date(rng, dt.date(2019, 1, 1), updated)
        entry = [f"  - jenis: {jenis}"]
        if jenis == "halal":
            entry.append(f"    nomor: {quoted(f'ID{plan.regency.kode[:2]}{rng.randrange(10**12):012d}')}")
            entry.append(f"    tanggal_terbit: {issued}")
            if rng.random() < 0.5:
                entry.append("    penerbit: BPJPH Kementerian Agama")
        elif jenis == "pirt":
            expires = add_years(issued, 5)
            digits = (
                f"{rng.randrange(1, 6)}{rng.randrange(1, 16):02d}{plan.regency.kode.replace('.', '')}"
                f"{rng.randrange(10**6):06d}"
            )
            nomor = f"{digits}-{expires.year % 100:02d}" if rng.random() < 0.5 else f"{digits}{expires.year % 100:02d}"
            entry.append(f"    nomor: {quoted(nomor)}")
            if rng.random() < 0.6:
                entry.append(f"    tanggal_terbit: {issued}")
            entry.append(f"    berlaku_hingga: {expires}")
            if rng.random() < 0.4:
                entry.append(f"    penerbit: {scalar('Pemerintah ' + daerah)}")
        elif jenis == "bpom-md":
            space = " " if rng.random() < 0.7 else ""
            entry.append(f"    nomor: {quoted(f'MD{space}{rng.randrange(10**12):012d}')}")
            entry.append(f"    tanggal_terbit: {issued}")
            entry.append(f"    berlaku_hingga: {add_years(issued, 5)}")
            entry.append("    penerbit: Badan POM RI")
        elif jenis == "sni":
            entry.append(f"    nomor: {quoted(f'{rng.randrange(1, 9999):04d}/SPPT-SNI/LSPro/{issued.year}')}")
            entry.append(f"    standar: {quoted(f'SNI {rng.randrange(1000, 9000)}:{rng.randrange(2008, 2024)}')}")
            entry.append(f"    tanggal_terbit: {issued}")
            entry.append(f"    berlaku_hingga: {add_years(issued, 4)}")
        elif jenis == "haki-merek":
            entry.append(f"    nomor: {quoted(f'IDM000{rng.randrange(10**6):06d}')}")
            entry.append(f"    tanggal_terbit: {issued}")
            entry.append("    penerbit: DJKI Kementerian Hukum")
        else:  # lainnya: legality of timber (SVLK) for furniture
            entry.append(f"    nomor: {quoted(f'VLK-{rng.randrange(10**5):05d}/{issued.year}')}")
            entry.append("    penerbit: Lembaga Verifikasi Legalitas Kayu")
        lines.extend(entry)
    return ["sertifikasi:", *lines] if lines else []


def _tkdn(rng: random.Random, updated: dt.date) -> list[str]:
    jenis = "tkdn-ik" if rng.random() < 0.7 else "reguler"
    issued = random_date(rng, dt.date(2020, 1, 1), updated)
    if jenis == "tkdn-ik":
        nilai = percent(rng.uniform(25, 95))
        nomor = f"IK.{rng.randrange(1, 99999):05d}/TKDN-IK/{issued.year}"
        expires = add_years(issued, 5)
    else:
        nilai = percent(rng.uniform(12, 90))
        nomor = f"{rng.randrange(1, 9999):04d}/SJ-IND.8/TKDN/{issued.month}/{issued.year}"
        expires = add_years(issued, 3)
    lines = ["tkdn:", f"  nilai: {scalar(nilai)}"]
    roll = rng.random()
    if roll < 0.4:
        lines.append("  bmp: null")
    elif roll < 0.9:
        lines.append(f"  bmp: {scalar(percent(rng.uniform(0, 15)))}")
    lines += [f"  jenis: {jenis}", f"  nomor_sertifikat: {quoted(nomor)}", f"  tanggal_terbit: {issued}"]
    if rng.random() < 0.9:
        lines.append(f"  berlaku_hingga: {expires}")
    return lines


def _price(rng: random.Random, sub: Sub, satuan: str, updated: dt.date) -> list[str]:
    """YAML lines of ``harga``: 60 % one price, 15 % a range, 25 % none."""
    roll = rng.random()
    if roll >= 0.75:
        return []
    lo, hi = sub.price
    value = nice_price(math.exp(rng.uniform(math.log(lo), math.log(hi))))
    lines = ["harga:"]
    if roll < 0.6:
        lines.append(f"  nilai: {value}")
    else:
        top = nice_price(value * rng.uniform(1.3, 3.0))
        lines += [f"  min: {value}", f"  max: {max(top, value + 100)}"]
    lines.append(f"  satuan: {satuan}")
    if rng.random() < 0.3:
        lines.append(f"  termasuk_ppn: {scalar(rng.random() < 0.5)}")
    if roll < 0.6 and rng.random() < 0.2 and value >= 1000:
        lines.append("  grosir:")
        # Tiers: ascending quantities, strictly falling prices (rounding may stop the ladder early).
        minimal, price = 1, value
        for _ in range(rng.randint(1, 3)):
            minimal = max(minimal + 1, minimal * rng.choice((5, 10, 12, 20)))
            lower = nice_price(price * rng.uniform(0.8, 0.95))
            if lower >= price or lower < 100:
                break
            price = lower
            lines += [f"    - minimal: {minimal}", f"      nilai: {price}"]
        if lines[-1] == "  grosir:":
            lines.pop()
    if rng.random() < 0.05:
        lines.append(f"  berlaku_hingga: {updated + dt.timedelta(days=rng.randrange(90, 540))}")
    return lines


def _specifications(rng: random.Random, sub: Sub, top: Top, plan: IkmPlan, satuan: str) -> list[str]:
    pool = dict(top.spek)
    pool.update(sub.spek)  # subcategory values win over the category's generic ones
    keys = list(pool)
    chosen = rng.sample(keys, min(len(keys), rng.randint(3, 6)))
    rows = {k: rng.choice(pool[k]) for k in chosen}
    extras = {
        "Asal produk": f"{plan.regency.nama}, {plan.regency.provinsi}",
        "Kapasitas produksi": f"{rng.choice((50, 100, 200, 500, 1000, 2000))} {satuan} per bulan",
    }
    for key, value in extras.items():
        if key not in rows and len(rows) < 6 and (len(rows) < 3 or rng.random() < 0.3):
            rows[key] = value
    return ["spesifikasi:"] + [f"  {scalar(fit(k, 40))}: {scalar(fit(v, 200))}" for k, v in rows.items()]


def _description(rng: random.Random, top: Top, slots: dict[str, Any]) -> str:
    """About 300 words of Markdown: three or four paragraphs and a bullet list."""
    specific = rng.sample(top.kalimat, min(len(top.kalimat), rng.randint(4, 6)))
    generic = rng.sample(GENERIC_SENTENCES, rng.randint(12, 16))
    bullets = rng.sample(top.keunggulan, min(len(top.keunggulan), rng.randint(3, 4)))
    bullets.append(rng.choice(GENERIC_KEUNGGULAN))
    intro = rng.choice(INTROS)
    paragraphs = [
        [intro, *specific[:2], *generic[:2]],
        specific[2:] + generic[2:5],
    ]
    rest = generic[5:]
    cut = len(rest) // 2
    closing = [rest[:cut], rest[cut:]]
    parts = [" ".join(p).format_map(slots) for p in paragraphs]
    parts.append(rng.choice(("**Keunggulan produk:**", "**Mengapa memilih produk ini:**", "Keunggulan:")))
    parts.append("\n".join("- " + b.format_map(slots) for b in bullets))
    parts += [" ".join(p).format_map(slots) for p in closing if p]
    return "\n\n".join(parts)


def _short_description(rng: random.Random, top: Top, nama: str, plan: IkmPlan) -> str:
    fitur = rng.choice(top.fitur)
    options = (
        f"{nama} buatan {plan.merek} dari {plan.regency.pendek}, {fitur}.",
        f"{nama}, {fitur}. Produksi IKM {plan.regency.nama}.",
        f"{nama} {fitur}, langsung dari produsen di {plan.regency.pendek}.",
    )
    text = rng.choice(options)
    if len(text) > 160:
        text = fit(f"{nama}, {fitur}", 159) + "."
    if len(text) < 20:
        text = f"{text} Produk IKM {plan.regency.pendek}."
    return text


def photo_picks(rng: random.Random, plan: IkmPlan, index: int) -> list[str]:
    """The photos of the ``index``-th product: its own turn of the IKM's photos, sometimes the next.

    Turns go round the K photos so every photo is used once an IKM has K products; when it has
    fewer, the last product also takes the rest, so the build has no unreferenced-photo warnings.
    """
    photos, k = plan.photos, len(plan.photos)
    picks = [photos[index % k]]
    if k > 1 and rng.random() < 0.4:
        picks.append(photos[(index + 1) % k])
    if index == plan.n_products - 1 and plan.n_products < k:
        picks += [p for p in photos[index + 1 :] if p not in picks]
    return picks[:8]


def product_document(
    rng: random.Random,
    plan: IkmPlan,
    index: int,
    sub: Sub,
    nama: str,
    model: str | None,
    kbli: str | None,
    as_markdown: bool,
) -> str:
    """One product file (``.yaml`` or ``.md``) as text."""
    top = TOPS[sub.top]
    updated = random_date(rng, FIRST_DATE, REFERENCE_DATE)
    satuan = rng.choice(sub.satuan)
    lines = [
        "schema: 1",
        f"nama: {scalar(nama)}",
        f"kategori: {sub.key}",
        f"deskripsi_singkat: {scalar(_short_description(rng, top, nama, plan))}",
    ]
    if rng.random() < 0.8:
        lines.append(f"merek: {scalar(plan.merek)}")
    if model:
        lines.append(f"nomor_model: {scalar(model)}")
    if rng.random() < 0.15:
        lines.append(f"sku: {quoted(f'{slugify(plan.merek, 20).upper()[:6]}-{rng.randrange(1, 1000):03d}')}")
    if kbli:
        lines.append(f"kbli: {quoted(kbli)}")
    lines += _price(rng, sub, satuan, updated)
    if rng.random() < 0.7:
        lines.append(f"minimal_pesan: {rng.choice(MINIMAL)}")
    if rng.random() < 0.9:
        lines.append(f"ketersediaan: {weighted(rng, KETERSEDIAAN)}")
    hari = rng.choice((1, 2, 3, 5, 7, 10, 14, 21, 30, 45, 60))
    if rng.random() < 0.5:
        lines.append(f"waktu_produksi_hari: {hari}")
    if rng.random() < 0.1:
        lines.append(f"asal_wilayah: {quoted(plan.regency.kode)}")
    if sub.top in ("makanan", "minuman", "hasil-bumi", "kimia-kesehatan"):
        match = _NET_WEIGHT.search(nama)
        if match:
            lines.append(f"berat_bersih: {scalar(match.group(0))}")
    if top.machine and rng.random() < 0.7:
        lines.append(f"garansi: {scalar(rng.choice(GARANSI))}")
    if rng.random() < 0.25:
        lines += _tkdn(rng, updated)
    lines += _certificates(rng, top, plan, updated)
    picks = photo_picks(rng, plan, index)
    lines.append("gambar:")
    for n, berkas in enumerate(picks):
        alt = rng.choice(
            (
                f"{nama} tampak depan",
                f"Kemasan {nama}",
                f"{nama} di tempat produksi {plan.merek}",
                f"Contoh hasil produksi {nama}",
                f"Foto {nama} dari {plan.regency.pendek}",
            )
        )
        if n:
            alt = f"{alt}, foto {n + 1}"
        lines += [f"  - berkas: {berkas}", f"    alt: {scalar(fit(alt, 200))}"]
    lines += _specifications(rng, sub, top, plan, satuan)
    tags = list(
        dict.fromkeys(
            rng.sample(sub.tags, rng.randint(1, len(sub.tags)))
            + [sub.top]
            + ([slugify(sub.slots["jenis"][0], 30)] if rng.random() < 0.3 else [])
        )
    )
    lines.append(f"tag: {flow_list(tags[:10])}")
    if rng.random() < 0.1:
        lines.append(
            f"ekatalog_tautan: {scalar(f'https://katalog.example.go.id/produk/{rng.randrange(10**7, 10**8)}')}"
        )
    if rng.random() < 0.02:
        lines.append("status: arsip")
    elif rng.random() < 0.7:
        lines.append("status: aktif")  # the default, written out by most contributors
    lines.append(f"diperbarui: {updated}")
    kecamatan = plan.kecamatan[1] if plan.kecamatan else plan.regency.pendek
    slots = {
        "nama": nama,
        "ikm": plan.nama_usaha,
        "daerah": plan.regency.nama,
        "provinsi": plan.regency.provinsi,
        "kecamatan": kecamatan,
        "tahun": rng.randrange(1995, 2023),
        "hari": hari,
        "minimal": rng.choice((5, 10, 20, 50)),
        "satuan": satuan,
    }
    body = _description(rng, top, slots)
    if as_markdown:
        return "---\n" + "\n".join(lines) + "\n---\n\n" + body + "\n"
    return PRODUCT_SCHEMA_LINE + "\n" + "\n".join(lines) + "\ndeskripsi: " + literal_block(body) + "\n"


def _phone(rng: random.Random) -> str:
    """An Indonesian mobile number in E.164: +628 and 10–12 digits after +62 in total."""
    prefix = rng.choice(WA_PREFIXES)  # "812": the 8 plus two more digits
    rest = rng.choice((7, 8, 8, 8, 9))  # digits after the prefix
    return "+62" + prefix + "".join(str(rng.randrange(10)) for _ in range(rest))


def ikm_document(rng: random.Random, plan: IkmPlan, kbli: Sequence[str]) -> str:
    """The ``ikm.yaml`` text of one producer."""
    top = TOPS[plan.top]
    handle = slugify(plan.slug, 40).replace("-", "")[:30]
    lines = [
        IKM_SCHEMA_LINE,
        "schema: 1",
        f"nama_usaha: {scalar(plan.nama_usaha)}",
        f"bentuk_usaha: {plan.bentuk}",
        f"skala_usaha: {weighted(rng, SKALA)}",
        f"nib: {quoted(plan.nib)}",
    ]
    if kbli:
        lines.append(f"kbli: {flow_list(kbli, always_quote=True)}")
    lines += ["wilayah:", f"  kabupaten_kota: {quoted(plan.regency.kode)}  # {plan.regency.nama}"]
    if plan.kecamatan:
        lines.append(f"  kecamatan: {quoted(plan.kecamatan[0])}  # {plan.kecamatan[1]}")
    if rng.random() < 0.6:
        place = plan.kecamatan[1] if plan.kecamatan else plan.regency.pendek
        lines.append(f"alamat: {scalar(fit(f'Jl. {rng.choice(JALAN)} No. {rng.randrange(1, 250)}, {place}', 200))}")
    lines += ["kontak:", f"  whatsapp: {quoted(_phone(rng))}"]
    if rng.random() < 0.2:
        lines.append(f"  telepon: {quoted('+62' + str(rng.randrange(21, 99)) + str(rng.randrange(10**6, 10**7)))}")
    if rng.random() < 0.5:
        lines.append(f"  email: {scalar(f'{plan.slug}@example.id')}")
    if rng.random() < 0.15:
        lines.append(f"  situs: {scalar(f'https://{plan.slug}.example.id')}")
    if rng.random() < 0.4:
        lines.append(f"  instagram: {scalar(handle)}")
    if rng.random() < 0.1:
        lines.append(f"  marketplace: [{scalar(f'https://toko.example.id/{plan.slug}')}]")
    terdaftar = rng.random() < 0.3
    lines += ["ekatalog:", f"  terdaftar: {scalar(terdaftar)}"]
    if terdaftar:
        lines.append(f"  jenis: {rng.choice(('lokal', 'lokal', 'lokal', 'sektoral', 'nasional'))}")
        lines.append(f"  tautan: {scalar(f'https://katalog.example.go.id/toko/{plan.slug}')}")
    if rng.random() < 0.6:
        lines.append(f"program: {flow_list([PROGRAMME_SLUG])}")
    if rng.random() < 0.5:
        dinas = rng.choice(
            ("Dinas Perindustrian dan Perdagangan", "Dinas Koperasi, UMKM, dan Perindustrian", "Dinas Koperasi dan UKM")
        )
        lines.append(f"pembina: {scalar(f'{dinas} {plan.regency.nama}')}")
    tahun = rng.randrange(1980, 2025)
    if rng.random() < 0.7:
        lines.append(f"tahun_berdiri: {tahun}")
    if rng.random() < 0.7:
        text = (
            f"Usaha {weighted(rng, SKALA)} di {plan.regency.nama}, {plan.regency.provinsi}, yang memproduksi "
            f"{top.produk_umum} sejak {tahun}. {rng.choice(top.kalimat)}"
        )
        lines.append(f"deskripsi: {scalar(fit(text, 500))}")
    lines.append(f"diperbarui: {random_date(rng, FIRST_DATE, REFERENCE_DATE)}")
    return "\n".join(lines) + "\n"


PROGRAMME_DOCUMENT = f"""{PROGRAMME_SCHEMA_LINE}
schema: 1
nama: Gerakan Nasional Bangga Buatan Indonesia
nama_singkat: Gernas BBI
penyelenggara: Pemerintah Republik Indonesia
deskripsi: |
  Gerakan Nasional **Bangga Buatan Indonesia** mengajak masyarakat, pelaku usaha, dan
  instansi pemerintah membeli produk IKM/UMKM dalam negeri.

  Katalog ini dibuat oleh `tools/gen_catalog.py` untuk pengujian dan tolok ukur; semua
  produsen dan produknya fiktif.
diperbarui: 2026-10-01
"""


def write_ikm(plan: IkmPlan, products_dir: Path, md_share: float) -> int:
    """Write one IKM folder's text files (photos are written separately); returns bytes written."""
    rng = random.Random(plan.seed)
    folder = products_dir / plan.slug
    top_subs = TOP_SUBS[plan.top]
    chosen: list[Sub] = []
    for _ in range(plan.n_products):
        # Mostly the IKM's own line, sometimes anything (keeps all 62 subcategories populated).
        chosen.append(rng.choice(top_subs) if rng.random() < 0.92 else rng.choice(SUBS))
    counts: dict[str, int] = {}
    for sub in chosen:
        counts[sub.kbli] = counts.get(sub.kbli, 0) + 1
    kbli = sorted(sorted(counts, key=lambda k: -counts[k])[:4])
    written = 0
    used: set[str] = set()
    for index, sub in enumerate(chosen):
        model = _model_number(rng, plan.merek) if TOPS[sub.top].machine else None
        nama = _product_name(rng, sub, plan, model or "")
        base = slugify(nama)
        slug, n = base, 1
        while slug in used or slug == "ikm":
            n += 1
            slug = f"{base}-{n}"
        used.add(slug)
        as_markdown = rng.random() < md_share
        product_kbli = sub.kbli if sub.kbli in kbli and rng.random() < 0.7 else None
        text = product_document(rng, plan, index, sub, nama, model, product_kbli, as_markdown)
        data = text.encode("utf-8")
        (folder / f"{slug}{'.md' if as_markdown else '.yaml'}").write_bytes(data)
        written += len(data)
    data = ikm_document(rng, plan, kbli).encode("utf-8")
    (folder / "ikm.yaml").write_bytes(data)
    return written + len(data)


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def generate(
    out: Path,
    n_products: int,
    seed: int = 1,
    photos_per_ikm: int = 2,
    jobs: int | None = None,
    md_share: float = 0.2,
    placeholder_photos: bool = False,
) -> dict[str, float]:
    """Write the catalog under ``out/content``; returns counts and timings.

    ``placeholder_photos`` writes :func:`placeholder_jpeg` instead of drawing each photo; the text
    files are the same either way."""
    started = time.perf_counter()
    content = out / "content"
    products_dir = content / "products"
    plans = plan_catalog(n_products, seed, photos_per_ikm, load_regencies())
    for plan in plans:
        (products_dir / plan.slug / "foto").mkdir(parents=True, exist_ok=True)
    (content / "programs").mkdir(parents=True, exist_ok=True)
    (content / "programs" / f"{PROGRAMME_SLUG}.yaml").write_text(PROGRAMME_DOCUMENT, encoding="utf-8")

    photos = photo_jobs(plans, products_dir)
    jobs = max(1, jobs or os.cpu_count() or 1)
    text_bytes = 0
    if placeholder_photos:
        text_bytes = sum(write_ikm(p, products_dir, md_share) for p in plans)
        photo_bytes = sum(write_placeholder(job) for job in photos)
    elif jobs == 1 or len(photos) < 64:
        text_bytes = sum(write_ikm(p, products_dir, md_share) for p in plans)
        photo_bytes = sum(render_photo(job) for job in photos)
    else:
        # Workers draw photos while this process writes the text files.
        with Pool(jobs) as pool:
            pending = pool.imap_unordered(render_photo, photos, chunksize=16)
            text_bytes = sum(write_ikm(p, products_dir, md_share) for p in plans)
            photo_bytes = sum(pending)
    return {
        "products": n_products,
        "ikm": len(plans),
        "photos": len(photos),
        "text_mib": text_bytes / 2**20,
        "photo_mib": photo_bytes / 2**20,
        "seconds": time.perf_counter() - started,
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--products", type=int, required=True, metavar="N", help="number of products")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR", help="project folder; writes DIR/content")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--photos-per-ikm", type=int, default=2, metavar="K", help="photos per IKM (default 2)")
    parser.add_argument("--jobs", type=int, default=None, help="processes drawing photos (default: CPU count)")
    parser.add_argument("--force", action="store_true", help="replace an existing DIR/content")
    parser.add_argument(
        "--placeholder-photos",
        action="store_true",
        help="write one tiny flat 400x400 JPEG for every photo instead of drawing it (benchmarks without photo work)",
    )
    args = parser.parse_args(argv)
    if args.products < 1 or args.photos_per_ikm < 1:
        parser.error("--products and --photos-per-ikm must be at least 1")
    content = args.out / "content"
    if content.exists():
        if not args.force:
            parser.error(f"{content} already exists (use --force to replace it)")
        shutil.rmtree(content)
    stats = generate(
        args.out, args.products, args.seed, args.photos_per_ikm, args.jobs, placeholder_photos=args.placeholder_photos
    )
    print(
        f"{stats['products']:,} products, {stats['ikm']:,} IKMs, {stats['photos']:,} photos "
        f"({stats['text_mib']:.1f} MiB text, {stats['photo_mib']:.1f} MiB JPEG) "
        f"in {stats['seconds']:.1f} s -> {content}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
