"""The search index writer: decode every file of the built sample index in Python and compare it
with the model it came from (round trip), plus the small encoders on their own."""

from __future__ import annotations

import array
import base64
import gzip
import json
from pathlib import Path

import pytest

from etalase import searchindex as S
from etalase.config import load_config
from etalase.modelbuild import build_site
from etalase.pipeline import check_content
from etalase.stemmer import stem, tokens

REPO = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def index(sample_site: Path) -> dict:
    root = sample_site / "cari/indeks"
    files = {p.relative_to(root).as_posix(): json.loads(p.read_text(encoding="utf-8")) for p in root.rglob("*.json")}
    return files


@pytest.fixture(scope="module")
def site():
    cfg = load_config(REPO / "site_config.yaml")
    report = check_content(cfg)
    assert report.ok
    return build_site(report.checked, cfg, report.checked.taxonomy, report.checked.regions)


def column(index: dict, name: str, kind: str) -> list[int]:
    return list(array.array(kind, base64.b64decode(index[f"k/{name}.json"]["v"])))


def all_postings(index: dict) -> dict[str, list[tuple[int, int]]]:
    m = index["manifest.json"]
    out, previous = {}, None
    for k in range(len(m["s"]) + 1):
        shard = index[f"t/{k}.json"]
        if k:
            assert shard["t"][0] == m["s"][k - 1], "the manifest names each shard's first term"
        data, offset = base64.b64decode(shard["p"]), 0
        for term, length in zip(shard["t"], shard["n"], strict=True):
            assert previous is None or previous < term, "terms are sorted across shards"
            out[term] = S.decode_postings(data[offset : offset + length])
            offset += length
            previous = term
        assert offset == len(data)
    return out


def test_varints_and_postings_round_trip() -> None:
    postings = [(0, 3), (1, 0), (5, 2), (130, 1), (70_000, 3), (2_000_000, 0)]
    assert S.decode_postings(S.encode_postings(postings)) == postings
    assert S.read_varints(S.runs([2, 2, 2, 0, 5, 5])) == [2, 3, 0, 1, 5, 2]


def test_documents_are_numbered_by_category_then_region(index: dict, site) -> None:
    docs = S.doc_order(site.listed, site)
    rows = [row for k in range(0, len(docs), index["manifest.json"]["r"]) for row in index[f"b/{k // S.ROWS}.json"]]
    assert [f"{r[0]}/{r[1]}" for r in rows] == [p.key for p in docs]
    assert index["manifest.json"]["n"] == len(site.listed) == len(rows)
    facet = index["facet.json"]
    # each subcategory is one range, in taxonomy order
    for i, (key, _name, start) in enumerate(facet["sub"]):
        end = facet["sub"][i + 1][2] if i + 1 < len(facet["sub"]) else len(docs)
        assert {p.category.key for p in docs[start:end]} == {key}
    runs = S.read_varints(base64.b64decode(facet["pr"]))
    provinces = [facet["prov"][v][0] for v, n in zip(runs[::2], runs[1::2], strict=True) for _ in range(n)]
    assert provinces == [p.origin_province.code for p in docs]
    for code, _name in facet["prov"]:
        w = index[f"w/{code}.json"]
        runs = S.read_varints(base64.b64decode(w["r"]))
        regencies = [w["kab"][v][0] for v, n in zip(runs[::2], runs[1::2], strict=True) for _ in range(n)]
        assert regencies == [p.origin.code for p in docs if p.origin_province.code == code]


def test_postings_hold_every_word_with_its_best_field(index: dict, site) -> None:
    docs = S.doc_order(site.listed, site)
    postings = all_postings(index)
    voc = S.load_vocabulary(REPO / "data/pencarian.yaml")
    model: dict[str, dict[int, int]] = {}
    for i, p in enumerate(docs):
        for weight, text in S.fields(p):
            for tok in tokens(text):
                if tok in voc.stop:
                    continue
                word = voc.canonical(tok)
                model.setdefault(word, {})
                model[word][i] = max(model[word].get(i, -1), weight)
    stems: dict[str, dict[int, int]] = {}
    for word, hits in model.items():
        if stem(word) != word:
            for i, weight in hits.items():
                mine = stems.setdefault(stem(word) + "_", {})
                mine[i] = max(mine.get(i, -1), weight)
    expected = {**{w: sorted(h.items()) for w, h in model.items()}, **{s: sorted(h.items()) for s, h in stems.items()}}
    assert postings == expected
    # spot checks a reader can follow: a spelling variant is stored as its word
    assert "kripik" not in postings and "keripik" in postings
    name_hits = [i for i, w in postings["keripik"] if w == S.NAME]
    assert all("keripik" in docs[i].name.lower() for i in name_hits) and name_hits


def test_columns_match_the_model(index: dict, site) -> None:
    docs = S.doc_order(site.listed, site)
    tkdn = column(index, "tkdn", "H")
    flag = column(index, "flag", "B")
    cert = column(index, "sert", "B")
    bucket = column(index, "hb", "B")
    price = column(index, "harga", "I")
    for i, p in enumerate(docs):
        valid = p.tkdn if p.tkdn and not p.tkdn.expired else None
        assert tkdn[i] == (round(valid.value * 100) if valid else 0xFFFF)
        assert bool(flag[i] & 1) == bool(valid and valid.meets_pdn)
        assert bool(flag[i] & 2) == p.on_ekatalog
        assert S.AVAILABILITY[(flag[i] >> 2) & 3] == (p.availability or "")
        kinds = {("bpom" if c.kind.startswith("bpom") else c.kind) for c in p.certificates if not c.expired}
        assert {k for b, k in enumerate(S.CERT_BITS) if cert[i] >> b & 1} == kinds
        assert price[i] == (p.price.sort_value if p.price else 0xFFFFFFFF)
        bounds = (0, *S.PRICE_BOUNDS, float("inf"))
        if p.price:
            assert bounds[bucket[i] - 1] <= p.price.sort_value < bounds[bucket[i]]
        else:
            assert bucket[i] == 0
    assert any(tkdn[i] != 0xFFFF for i in range(len(docs))) and any(cert)


def test_vocabulary_files_list_the_words_for_suggestions(index: dict) -> None:
    postings = all_postings(index)
    letters = index["manifest.json"]["voc"]
    words = [w for letter in letters for w in index[f"v/{letter}.json"]["w"]]
    assert words == sorted(w for w in postings if len(w) >= 4 and w.isalpha())
    freq = dict(zip(index["v/k.json"]["w"], index["v/k.json"]["f"], strict=True))
    assert freq["kopi"] == len(postings["kopi"])


def test_shards_stay_near_the_size_budget(sample_site: Path) -> None:
    for path in (sample_site / "cari/indeks/t").glob("*.json"):
        assert len(gzip.compress(path.read_bytes())) < S.SHARD_BYTES * 1.5


def test_shards_are_cut_by_estimated_gzip_size() -> None:
    # 3,000 terms of ~50 postings each cannot fit one 16 KB shard: the writer cuts several,
    # every one within budget once gzipped
    postings = {f"kata{i:05d}": S.encode_postings([(j * 37 + i, j % 4) for j in range(50)]) for i in range(3000)}
    shards = list(S.shards(postings))
    assert len(shards) > 3
    assert [t for terms, _, _ in shards for t in terms] == sorted(postings)
    for terms, lens, data in shards:
        text = S.dumps({"t": terms, "n": lens, "p": S.b64(data)})
        assert S.gzip_size(text) < S.SHARD_BYTES * 1.3


def test_vocabulary_table_is_consistent() -> None:
    voc = S.load_vocabulary(REPO / "data/pencarian.yaml")
    assert voc.canonical("kripik") == "keripik" and voc.canonical("krupuk") == "kerupuk"
    assert voc.canonical("sovenir") == "suvenir"
    # a stored word is never itself a variant of another, and stop words are not stored words
    assert not set(voc.synonyms.values()) & set(voc.synonyms)
    assert not voc.stop & set(voc.synonyms.values())
