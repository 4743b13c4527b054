"""Smoke test of the search benchmark (tools/bench_search.py): a tiny catalog is built, its
Pagefind twin indexed, and both search pages are opened cold and queried warm in Chromium without
throttling. It fails, never skips, when the `pagefind` of requirements-bench.txt or Debian's
`chromium` is missing: `make test` installs the first, `.ci/run` the second."""

from __future__ import annotations

import datetime
import gzip
import re
import urllib.error
import urllib.request

import pytest

from tools import bench_search

N = 60
COLD_QUERY = "keripik"  # 60 products have no coffee; they have a few crisps
QUERIES = ("q=keripik", "q=keripik&kategori=makanan", "q=kain")


@pytest.fixture(scope="module")
def measured(tmp_path_factory):
    work = tmp_path_factory.mktemp("search-bench") / str(N)
    size = bench_search.bench_size(
        N,
        work,
        seed=1,
        runs=1,
        repeat=1,
        throttle=False,
        chromium=bench_search.CHROMIUM,
        pagefind=bench_search.pagefind_binary(),  # raises when requirements-bench.txt is not installed
        queries=QUERIES,
        cold_query=COLD_QUERY,
        log=lambda message: None,
    )
    return work, size


def test_both_sides_index_the_same_products(measured):
    work, size = measured
    assert size.build.listed == size.twin.pages == size.pagefind.pages > N * 0.9
    assert size.build.timings["index"] > 0 and size.build.peak_rss_mib > 0
    assert size.ours_files.count > 5 and size.pf_files.count > size.pagefind.pages  # a fragment per page
    page = next((work / "pf" / "produk").glob("*/*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind-body>" in page and 'data-pagefind-filter="kategori:' in page
    assert 'data-pagefind-filter="provinsi:' in page
    original = next((work / "_site" / "produk").glob("*/*/index.html")).read_text(encoding="utf-8")
    assert "data-pagefind" not in original  # our templates and site are not touched


def test_both_sides_return_results(measured):
    _, size = measured
    ours, pf = size.cold["ours"][0], size.cold["pf"][0]
    assert ours.shown > 0 and pf.shown > 0
    assert ours.first.index > 0 and pf.first.index > 0 and ours.first.page > 0
    assert any(p.endswith("/facet.json") for p in ours.facets.paths)
    assert {"tkdn.json", "flag.json"} <= {p.rsplit("/", 1)[-1] for p in ours.range_filter.paths}
    assert any(".pf_filter" in p for p in pf.facets.paths)
    assert size.cold["pf20"][0].shown >= pf.shown and size.cold["pfworker"][0].shown == pf.shown
    for side in ("ours", "pf"):
        warm = size.warm[side]
        assert warm.results["q=keripik"] > 0, side
        assert 0 < warm.results["q=keripik&kategori=makanan"] <= warm.results["q=keripik"], side
        assert len(warm.times_ms) == len(QUERIES) and all(t >= 0 for t in warm.times_ms)
        assert warm.heap > 0
    assert size.warm["pf"].wasm > 0  # Pagefind's index lives in WebAssembly memory


def test_table_has_numbers(measured, tmp_path):
    _, size = measured
    block = bench_search.record_block(
        [size], "python tools/bench_search.py", datetime.date(2026, 12, 2), "test machine", "pagefind 1.5.2", 1, 1,
        False, QUERIES,
    )  # fmt: skip
    rows = [line for line in block.splitlines() if line.startswith("| ") and not line.startswith("| ---")]
    assert rows[0].startswith("| Figure | 60: Etalase | 60: Pagefind |")
    for row in rows[1:]:
        cells = [c.strip() for c in row.strip("|").split("|")]
        assert len(cells) == 3, row
        pagefind_only = cells[0].startswith("Pagefind")
        assert re.search(r"\d", cells[1]) or pagefind_only, row  # every figure of ours is measured
        assert re.search(r"\d", cells[2]) or cells[2].startswith("—"), row
    assert f"`?q={COLD_QUERY}`" in block and "`q=keripik` " in block
    doc = tmp_path / "benchmarks.md"
    doc.write_text("# Benchmarks\n\n## Other\n\nkept\n", encoding="utf-8")
    bench_search.bench.record(doc, block, (bench_search.START_MARKER, bench_search.END_MARKER))
    bench_search.bench.record(doc, block, (bench_search.START_MARKER, bench_search.END_MARKER))
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Benchmarks\n\n## Other\n\nkept\n") and text.count(bench_search.START_MARKER) == 1


def test_server_gzips_text_and_sends_pagefind_files_as_they_are(measured):
    work, _ = measured
    fragment = next((work / "pf" / bench_search.PF_DIR / "fragment").iterdir())
    with bench_search.StaticServer(work / "pf") as server:
        with urllib.request.urlopen(f"{server.url}/{bench_search.PF_PAGE}/") as r:
            assert r.headers["Content-Encoding"] == "gzip"
            assert b"cari-pf.js" in gzip.decompress(r.read())
        with urllib.request.urlopen(f"{server.url}/{bench_search.PF_DIR}/fragment/{fragment.name}") as r:
            assert r.headers["Content-Encoding"] is None
            assert r.read() == fragment.read_bytes()
        with pytest.raises(urllib.error.HTTPError):
            urllib.request.urlopen(f"{server.url}/../../etc/passwd")
    assert [h.status for h in server.log] == [200, 200, 404]
