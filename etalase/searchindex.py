"""index: the static search index under ``cari/indeks/`` (design.md "Search — why we build our own
index"), read by ``assets/js/cari.js``. This module is the one interface to the format:
``write_index(site, urls)`` yields ``(path, text)`` pairs; ``FORMAT`` changes with any change to it.

Documents (listed products) are numbered in (category, subcategory, province, regency, name)
order, so a subcategory is one range of numbers and a province a few runs. Files, all JSON (GitHub
Pages and most servers gzip JSON; binary parts are base64, which gzip takes back to about their
raw size):

``manifest.json``
    ``n`` documents, ``s`` the first term of every term shard but the first, ``r`` rows per row
    file, ``syn`` spelling → stored word, ``stop`` left-out words, ``voc`` first letters that have
    a vocabulary file, ``harga`` price bucket bounds, ``sert`` certificate kinds (bit order).
``t/<i>.json`` — term shards of about ``SHARD_BYTES`` gzip
    ``t`` sorted terms, ``n`` byte length of each term's postings, ``p`` the postings, base64.
    Postings are varints of ``(doc - previous doc) << 2 | field``, field 3 name, 2 category, tags
    and brand, 1 producer, 0 description (the best field the term occurs in). A word is stored
    as it is; ``<stem>_`` holds the documents with a different word of that stem (so a query for
    a word takes the word, the stem word and ``stem_``, and the exact word ranks first).
``v/<letter>.json`` — vocabulary for "did you mean": ``w`` words of 4+ letters, ``f`` document
    frequencies.
``facet.json`` — ``top`` [slug, name, first sub index], ``sub`` [key, name, first doc],
    ``prov`` [code, name], ``pr`` runs of (province index, length) as varints, base64.
``w/<PP>.json`` — one province's ``kab`` [code, short name] and ``r`` runs of (regency index,
    length) over that province's documents in document order.
``k/<column>.json`` — ``{"v": base64}`` typed columns, little-endian, one value per document:
    ``tkdn`` uint16 TKDN×100 (0xFFFF: none or expired), ``flag`` uint8 (1 meets the PDN rule,
    2 on e-Katalog, 4/8/12 tersedia/pre-order/habis), ``sert`` uint8 bit set of valid
    certificates, ``hb`` uint8 price bucket (0 no price), ``harga`` uint32 price for sorting
    (0xFFFFFFFF none), ``tgl`` uint16 days since 2000-01-01 of the last update.
``b/<k>.json`` — display rows of documents ``k*r … k*r+r-1``: [ikm slug, product slug, name,
    producer, region, price text, thumbnail path or "", TKDN text or ""].
"""

from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import itertools
import json
import zlib
from array import array
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from etalase import formatting, images, media
from etalase import urls as U
from etalase.i18n import t
from etalase.model import Product, Site
from etalase.stemmer import stem, tokens

FORMAT = 2
DIR = "cari/indeks/"
SHARD_BYTES = 16_000  # gzip bytes a term shard aims at
ROWS = 40  # display rows per file
THUMB_WIDTH = 320  # the card image: half a phone screen at 2× density
PRICE_BOUNDS = (25_000, 100_000, 500_000, 2_000_000)  # buckets: < 25rb, 25rb–100rb, … , ≥ 2 jt
CERT_BITS = ("halal", "pirt", "bpom", "sni", "haki-merek", "lainnya")  # bpom: bpom-md or bpom-ml
AVAILABILITY = ("", "tersedia", "pre-order", "habis")  # flag bits 2–3
NAME, TAGS, PRODUCER, DESCRIPTION = 3, 2, 1, 0
EPOCH = dt.date(2000, 1, 1)
NONE16, NONE32 = 0xFFFF, 0xFFFFFFFF


@dataclass(frozen=True)
class Vocabulary:
    """``data/pencarian.yaml``: spellings of one word, and words left out."""

    synonyms: dict[str, str]
    stop: frozenset[str]

    def canonical(self, word: str) -> str:
        return self.synonyms.get(word, word)


@lru_cache(maxsize=4)
def load_vocabulary(path: Path) -> Vocabulary:
    if not path.is_file():
        return Vocabulary({}, frozenset())
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader) or {}
    synonyms: dict[str, str] = {}
    for group in raw.get("sinonim") or []:
        words = [w for g in group for w in tokens(str(g))]
        for w in words[1:]:
            synonyms.setdefault(w, words[0])
    stop = frozenset(w for s in raw.get("kata_umum") or [] for w in tokens(str(s)))
    return Vocabulary(synonyms, stop)


def doc_order(products: tuple[Product, ...] | list[Product], site: Site) -> list[Product]:
    """Category, subcategory (in taxonomy order), province, regency, name: facets become runs."""
    tops = {c.slug: i for i, c in enumerate(site.taxonomy.tops)}
    subs = {c.key: i for top in site.taxonomy.tops for i, c in enumerate(site.taxonomy.subs[top.slug])}
    return sorted(
        products,
        key=lambda p: (tops[p.top.slug], subs[p.category.key], p.origin_province.code, p.origin.code, p.name, p.key),
    )


def fields(p: Product) -> list[tuple[int, str]]:
    return [
        (NAME, p.name),
        (TAGS, " ".join((p.top.name, p.category.name, p.brand, *p.tags))),
        (PRODUCER, p.producer.name),
        (DESCRIPTION, " ".join((p.summary, p.description_md, *(f"{k} {v}" for k, v in p.specs)))),
    ]


def doc_terms(p: Product, voc: Vocabulary, stems: dict[str, str] | None = None) -> dict[str, int]:
    """Each term of a product with the best field it occurs in. ``stems`` memoizes the stemmer
    across products (a catalog has far fewer distinct words than words)."""
    stems = {} if stems is None else stems
    best: dict[str, int] = {}
    for weight, text in fields(p):
        for tok in tokens(text):
            if tok in voc.stop:
                continue
            word = voc.canonical(tok)
            if best.get(word, -1) < weight:
                best[word] = weight
    out = dict(best)
    for word, weight in best.items():
        root = stems.get(word)
        if root is None:
            root = stems[word] = stem(word)
        if root != word:
            key = root + "_"
            if out.get(key, -1) < weight:
                out[key] = weight
    return out


def varint(out: bytearray, n: int) -> None:
    while n > 0x7F:
        out.append((n & 0x7F) | 0x80)
        n >>= 7
    out.append(n)


def read_varints(data: bytes) -> list[int]:
    out, n, shift = [], 0, 0
    for b in data:
        n |= (b & 0x7F) << shift
        if b & 0x80:
            shift += 7
        else:
            out.append(n)
            n, shift = 0, 0
    return out


def encode_postings(postings: list[tuple[int, int]]) -> bytes:
    out, prev = bytearray(), 0
    for doc, weight in postings:
        varint(out, (doc - prev) << 2 | weight)
        prev = doc
    return bytes(out)


def decode_postings(data: bytes) -> list[tuple[int, int]]:
    out, doc = [], 0
    for v in read_varints(data):
        doc += v >> 2
        out.append((doc, v & 3))
    return out


def runs(values: list[int]) -> bytes:
    """(value, run length) pairs as varints."""
    out = bytearray()
    i = 0
    while i < len(values):
        j = i
        while j < len(values) and values[j] == values[i]:
            j += 1
        varint(out, values[i])
        varint(out, j - i)
        i = j
    return bytes(out)


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def price_bucket(p: Product) -> int:
    return bisect.bisect_right(PRICE_BOUNDS, p.price.sort_value) + 1 if p.price else 0


def cert_bits(p: Product) -> int:
    bits = 0
    for c in p.certificates:
        if not c.expired:
            kind = "bpom" if c.kind.startswith("bpom") else c.kind
            if kind in CERT_BITS:
                bits |= 1 << CERT_BITS.index(kind)
    return bits


def valid_tkdn(p: Product) -> float | None:
    return p.tkdn.value if p.tkdn and not p.tkdn.expired else None


def flags(p: Product) -> int:
    meets = bool(p.tkdn and p.tkdn.meets_pdn and not p.tkdn.expired)
    avail = AVAILABILITY.index(p.availability) if p.availability in AVAILABILITY else 0
    return meets | (p.on_ekatalog << 1) | (avail << 2)


def thumbnail(p: Product, widths: tuple[int, ...], fmt: str) -> str:
    if not p.images:
        return ""
    img = p.images[0]
    have = images.variant_widths(img.width, widths)
    fitting = [w for w in have if w >= THUMB_WIDTH]
    return U.image_variant(img, fitting[0] if fitting else have[-1], fmt)


def row(p: Product, widths: tuple[int, ...], fmt: str) -> list[str]:
    tk = valid_tkdn(p)
    return [
        p.producer.slug,
        p.slug,
        p.name,
        p.producer.name,
        f"{p.origin.short_name}, {p.origin_province.name}",
        formatting.price_text(p.price) if p.price else "",
        thumbnail(p, widths, fmt),
        t("ui.tkdn.badge", value=formatting.percent(tk)) if tk is not None else "",
    ]


def gzip_size(text: str) -> int:
    return len(zlib.compress(text.encode(), 6))


def shards(postings: dict[str, bytes] | dict[str, bytearray]) -> Iterator[tuple[list[str], list[int], bytes]]:
    """Sorted terms cut where the estimated gzip size reaches ``SHARD_BYTES``, estimated from
    the raw sizes (varints taken at 0.8 of their bytes, terms at 0.4). The estimate errs high:
    real shards gzip to 10–16 KB (tests/test_searchindex.py keeps them under 1.5× the budget)."""
    terms, lens, data, est = [], [], bytearray(), 0
    for term in sorted(postings):
        body = postings[term]
        cost = 0.8 * len(body) + 0.4 * (len(term) + 3)
        if terms and est + cost > SHARD_BYTES:
            yield terms, lens, bytes(data)
            terms, lens, data, est = [], [], bytearray(), 0
        terms.append(term)
        lens.append(len(body))
        data += body
        est += cost
    if terms:
        yield terms, lens, bytes(data)


def write_index(site: Site, urls: U.Urls, vocabulary: Path) -> Iterator[tuple[str, str]]:
    voc = load_vocabulary(vocabulary)
    docs = doc_order(site.listed, site)
    n = len(docs)
    settings = site.config.images
    fmt = "webp" if "webp" in media.formats(settings) else "jpg"

    # terms → postings, encoded as the documents go by (they come in increasing order), so a
    # posting costs its one or two bytes and not a Python tuple: 100k products hold ~10M of them
    postings: dict[str, bytearray] = {}
    last: dict[str, int] = {}
    df: dict[str, int] = {}
    stems: dict[str, str] = {}
    for i, p in enumerate(docs):
        for term, weight in doc_terms(p, voc, stems).items():
            out = postings.get(term)
            if out is None:
                out = postings[term] = bytearray()
                last[term], df[term] = 0, 0
            varint(out, (i - last[term]) << 2 | weight)
            last[term] = i
            df[term] += 1
    del last, stems
    firsts = []
    for k, (terms, lens, data) in enumerate(shards(postings)):
        if k:
            firsts.append(terms[0])
        yield f"{DIR}t/{k}.json", dumps({"t": terms, "n": lens, "p": b64(data)})

    # vocabulary for suggestions: words (not stems, not numbers) of 4+ letters, by first letter
    letters: dict[str, list[tuple[str, int]]] = {}
    for term, count in df.items():
        if len(term) >= 4 and term.isalpha():
            letters.setdefault(term[0], []).append((term, count))
    for letter, words in sorted(letters.items()):
        words.sort()
        yield f"{DIR}v/{letter}.json", dumps({"w": [w for w, _ in words], "f": [f for _, f in words]})

    yield from facet_files(docs, site)
    yield from column_files(docs)
    for k in range(0, n, ROWS):
        yield f"{DIR}b/{k // ROWS}.json", dumps([row(p, settings.widths, fmt) for p in docs[k : k + ROWS]])

    manifest = {
        "format": FORMAT,
        "n": n,
        "s": firsts,
        "r": ROWS,
        "syn": dict(sorted(voc.synonyms.items())),
        "stop": sorted(voc.stop),
        "voc": "".join(sorted(letters)),
        "harga": list(PRICE_BOUNDS),
        "sert": list(CERT_BITS),
    }
    yield f"{DIR}manifest.json", dumps(manifest)


def facet_files(docs: list[Product], site: Site) -> Iterator[tuple[str, str]]:
    tops: list[list] = []
    subs: list[list] = []
    for i, p in enumerate(docs):
        if not subs or subs[-1][0] != p.category.key:
            if not tops or tops[-1][0] != p.top.slug:
                tops.append([p.top.slug, p.top.name, len(subs)])
            subs.append([p.category.key, p.category.name, i])
    provinces = sorted({p.origin_province.code: p.origin_province for p in docs}.values(), key=lambda r: r.code)
    prov_index = {r.code: i for i, r in enumerate(provinces)}
    yield (
        f"{DIR}facet.json",
        dumps(
            {
                "top": tops,
                "sub": subs,
                "prov": [[r.code, r.name] for r in provinces],
                "pr": b64(runs([prov_index[p.origin_province.code] for p in docs])),
            }
        ),
    )
    for prov in provinces:
        members = [p for p in docs if p.origin_province.code == prov.code]
        regencies = sorted({p.origin.code: p.origin for p in members}.values(), key=lambda r: r.code)
        index = {r.code: i for i, r in enumerate(regencies)}
        yield (
            f"{DIR}w/{prov.code}.json",
            dumps(
                {
                    "kab": [[r.code, r.short_name] for r in regencies],
                    "r": b64(runs([index[p.origin.code] for p in members])),
                }
            ),
        )


def column_files(docs: list[Product]) -> Iterator[tuple[str, str]]:
    def col(kind: str, values: list[int]) -> str:
        arr = array(kind, values)
        if arr.itemsize > 1 and array("H", [1]).tobytes()[0] != 1:  # big-endian machine
            arr.byteswap()
        return dumps({"v": b64(arr.tobytes())})

    tk = [valid_tkdn(p) for p in docs]
    yield f"{DIR}k/tkdn.json", col("H", [NONE16 if v is None else round(v * 100) for v in tk])
    yield f"{DIR}k/flag.json", col("B", [flags(p) for p in docs])
    yield f"{DIR}k/sert.json", col("B", [cert_bits(p) for p in docs])
    yield f"{DIR}k/hb.json", col("B", [price_bucket(p) for p in docs])
    yield (
        f"{DIR}k/harga.json",
        col("I", [min(p.price.sort_value, NONE32 - 1) if p.price else NONE32 for p in docs]),
    )
    yield f"{DIR}k/tgl.json", col("H", [min((p.updated - EPOCH).days, NONE16) for p in docs])


def version(files: list[tuple[str, str]]) -> str:
    """A short hash of the whole index: the search page asks for ``?v=<it>`` so a browser never
    mixes files of two builds."""
    h = hashlib.blake2b(digest_size=6)
    for path, text in files:
        h.update(path.encode())
        h.update(text.encode())
    return h.hexdigest()


def price_options() -> list[tuple[str, str]]:
    """The price filter: URL value (``low-high`` in rupiah, an open end left empty) and label."""
    bounds = (None, *PRICE_BOUNDS, None)
    out = []
    for low, high in itertools.pairwise(bounds):
        value = f"{low or 0}-{high or ''}"
        if low is None:
            label = t("ui.search.price_below", high=formatting.rupiah(high))
        elif high is None:
            label = t("ui.search.price_above", low=formatting.rupiah(low))
        else:
            label = t("ui.search.price_between", low=formatting.rupiah(low), high=formatting.rupiah(high))
        out.append((value, label))
    return out


def cert_options() -> list[tuple[str, str]]:
    names = {
        "bpom": t("ui.search.cert_bpom"),
        "haki-merek": t("ui.search.cert_haki"),
        "lainnya": t("ui.search.cert_other"),
    }
    return [(kind, names.get(kind) or t(f"ui.cert.{kind}")) for kind in CERT_BITS]


CLIENT_TEXTS = {
    "results": "ui.search.results",
    "results_for": "ui.search.results_for",
    "showing": "ui.search.showing",
    "none": "ui.search.none",
    "remove": "ui.search.remove",
    "prev": "ui.search.prev",
    "next": "ui.search.next",
    "page": "ui.search.page",
    "error": "ui.search.error",
    "all_sub": "ui.search.all_sub",
    "all_kab": "ui.search.all_kab",
    "contact": "ui.product.contact_seller",
    "f_kategori": "ui.search.category",
    "f_wilayah": "ui.search.province",
    "f_sertifikasi": "ui.search.certification",
    "f_tkdn": "ui.search.tkdn",
    "f_harga": "ui.search.price",
    "f_ketersediaan": "ui.search.availability",
    "f_ekatalog": "ui.search.ekatalog",
}


def client_texts() -> dict[str, str]:
    """The words ``cari.js`` shows, from the strings file; ``{name}`` placeholders stay for it."""
    return {key: t(name) for key, name in CLIENT_TEXTS.items()}
