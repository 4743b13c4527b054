#!/usr/bin/env python3
"""Benchmark Etalase's own static search against Pagefind on the same built catalog, in one run.

Usage::

    python tools/bench_search.py [--products N ...] [--runs R] [--repeat K] [--seed S] [--workdir DIR]
                                 [--no-throttle] [--pagefind-max-rss MIB] [--record docs/benchmarks.md]

For each N (default ``$BENCH_SEARCH_SIZES``, else 1,000, 10,000 and 100,000) the script

1. generates a catalog with ``tools/gen_catalog.py --photos-per-ikm 1 --placeholder-photos``
   and builds it from the repository root with the project's ``site_config.yaml``, as
   ``tools/bench_hugo.py`` does::

       <python> build.py build --content <w>/content --out <w>/_site --cache-dir <w>/cache -v

   That build writes our index (``etalase/searchindex.py`` → ``_site/cari/indeks/``); its build
   time is the ``index`` line of ``-v``; the whole build's wall time and peak RSS (largest single
   process, ``os.wait4``) are given beside it;
2. makes the Pagefind twin of the same site in ``<w>/pf/``: a copy of every *listed* product
   page (archived ones have a page but are in neither index) with ``data-pagefind-body`` on the
   product's ``<article>``, two empty filter elements ``data-pagefind-filter="kategori:<top
   category>"`` and ``"provinsi:<province of origin>"`` (what our facets count, read from the
   catalog files) and ``data-pagefind-ignore`` on the "other products of this producer" list;
   the site's stylesheet; and a minimal search page ``/cari-pf/`` on the Pagefind JS API that
   calls ``performance.mark("pf:hasil")`` once the data of its first results are loaded. Our
   templates are not changed. Then, timed with ``os.wait4`` (and stopped if its RSS passes
   ``--pagefind-max-rss``: it holds the whole site in memory, and the machine is shared)::

       pagefind --site <w>/pf --output-subdir pagefind_idx --glob "produk/**/*.html"

   (``pagefind`` is the binary of the PyPI wheel ``pagefind-bin``, requirements-bench.txt);
3. serves ``_site`` and ``pf`` on two ports of 127.0.0.1 with a small threaded HTTP/1.1 server
   that gzips text responses (HTML, CSS, JS, JSON, SVG; level 6, as a static host does) and
   sends Pagefind's ``.pf_*`` and ``.pagefind`` files as they are (they are gzip already;
   Pagefind's JS inflates them). It logs every response with the time its request arrived and
   its body bytes; a phase's bytes are the gzip bodies of the requests that arrived between two
   instants of the page's clock (``performance.timeOrigin + now``; requests arrive a few ms after
   the page issues them, so none is counted in the phase before its own);
4. measures in Debian's Chromium (Playwright, never ``playwright install``), with images
   blocked on both sides (``Network.setBlockedURLs``) so that they do not compete for the link:

   - *cold* (R runs per side, default 3; median): a new browser context (empty cache, and the
     cache disabled through CDP), a 360×740 phone, ``Network.emulateNetworkConditions``
     (latency 300 ms, down 200,000 B/s = 1.6 Mbit/s, up 93,750 B/s = 750 kbit/s) and
     ``Emulation.setCPUThrottlingRate`` 4; opens ``/cari/?q=kopi`` (ours: 20 result cards, then
     ``performance.mark("etalase:hasil")``) and ``/cari-pf/?q=kopi`` (Pagefind: the data of its
     first 10 results as in its API examples; a second row loads 20, our page size). Chromium
     slows only a page's main thread, not a web worker (``Emulation`` is "only supported for
     pages"), so Pagefind runs with ``noWorker`` there and its default worker mode has a row of
     its own. Reported: bytes from navigation to the mark, split into HTML+CSS, JS (+Wasm) and
     index data, and the time from navigation start to the mark;
   - *facets*: ours loads ``facet.json`` by itself after the first results: the bytes after the
     mark until the category and province options show counts. Pagefind: ``pf.filters()`` plus
     one search filtered by the first result's category;
   - *first range filter*, ours only (Pagefind has no ranges): focus ``#f-tkdn`` and wait for
     the ``k/tkdn.json`` and ``k/flag.json`` responses and the TKDN option counts;
   - *warm* (1280×800, no throttling, after the facets and one warm-up pass): each query of
     :data:`QUERIES` K times (default 7) through ``window.etalaseCari.query(...)`` (one full
     query with facet recount, no DOM) and ``pf.search(q, {filters})`` + ``pf.filters()``
     (no fragments; ``noWorker``); median and p95 of the per-call ``performance.now()``
     milliseconds (the server makes the pages cross-origin isolated: 5 µs ticks). Then the
     memory after a forced GC: ``Runtime.getHeapUsage`` (used JS heap, array buffers) plus the
     size of every ``WebAssembly.Memory`` the page made (Pagefind keeps its index there);
5. counts the index files (ours: ``cari/indeks/``, Pagefind: ``pagefind_idx/``) and their raw
   and gzip size.

Results are printed as Markdown; ``--record FILE`` replaces the part of FILE between
``<!-- bench:search:start -->`` and ``<!-- bench:search:end -->`` (appended if missing). The
targets of the search issue are reported, never asserted. ``--workdir DIR`` keeps every catalog,
site and twin in ``DIR/<N>/`` and reuses a catalog and build found there (with the build figures
recorded then). ``--no-throttle`` skips the emulation (the smoke test uses it). Run it with the
project's Python; ``make bench-search`` installs requirements-bench.txt first.
"""

from __future__ import annotations

import argparse
import datetime
import gzip
import html
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

try:
    from tools import bench
except ImportError:  # run as a script: tools/ itself is on sys.path
    import bench

REPO_ROOT = bench.REPO_ROOT
START_MARKER = "<!-- bench:search:start -->"
END_MARKER = "<!-- bench:search:end -->"
SIZES_ENV = "BENCH_SEARCH_SIZES"
DEFAULT_SIZES = (1_000, 10_000, 100_000)
CHROMIUM = "/usr/bin/chromium"
INDEX_DIR = "cari/indeks"
PF_DIR = "pagefind_idx"
PF_PAGE = "cari-pf"
COLD_QUERY = "kopi"
# Throttling of the cold runs (Lighthouse's "slow 4G" link with a 4× slower CPU)
LATENCY_MS = 300
DOWN_BPS = 200_000  # 1.6 Mbit/s
UP_BPS = 93_750  # 750 kbit/s
CPU_SLOWDOWN = 4
BLOCKED = ["*.webp", "*.jpg", "*.jpeg", "*.png", "*.gif", "*.avif", "*.svg", "*.ico"]
TIMEOUT_MS = 120_000
#: The warm query set: single words, two words, a typo, with and without a category filter
#: (our query-string syntax; the Pagefind side gets the same words and the category's name).
QUERIES = (
    "q=kopi",
    "q=keripik",
    "q=batik",
    "q=madu",
    "q=sambal",
    "q=tenun",
    "q=kursi",
    "q=sabun",
    "q=kopi robusta",
    "q=keripik pisang",
    "q=kain tenun",
    "q=madu hutan",
    "q=tas kulit",
    "q=keripk",
    "q=sabn",
    "q=kopi&kategori=minuman",
    "q=keripik&kategori=makanan",
    "q=batik&kategori=kain-tradisional",
    "q=madu&kategori=minuman",
    "q=kain tenun&kategori=kain-tradisional",
)
# Targets of the search issue, by catalog size: reported in the table, never asserted
TARGETS = {
    10_000: {"cold_kb": 100, "facet_kb": 20, "range_kb": 50, "first_s": 2.5, "median_ms": 10, "p95_ms": 50,
             "build_s": 15},
    100_000: {"cold_kb": 150, "facet_kb": 50, "range_kb": 200, "first_s": 3.0, "median_ms": 30, "p95_ms": 150,
              "build_s": 120, "rss_mib": 2048, "files": 5000},
}  # fmt: skip

if str(REPO_ROOT) not in sys.path:  # the Pagefind twin reads Etalase's region and category tables
    sys.path.insert(0, str(REPO_ROOT))


def default_sizes() -> list[int]:
    raw = os.environ.get(SIZES_ENV, "").split()
    try:
        return [int(x) for x in raw] or list(DEFAULT_SIZES)
    except ValueError:
        raise SystemExit(f"bench_search: {SIZES_ENV} must be numbers, e.g. '1000 10000' (got {raw!r})") from None


# --------------------------------------------------------------------------------------------
# Catalog and our build
# --------------------------------------------------------------------------------------------


@dataclass
class Build:
    products: int
    listed: int = 0
    generate_s: float = 0.0
    wall_s: float = 0.0
    cpu_s: float = 0.0
    peak_rss_mib: float = 0.0
    timings: dict[str, float] = field(default_factory=dict)
    summary: str = ""
    load: float = 0.0
    reused: bool = False


TIMING_LINE = re.compile(r"^\s+(\S+)\s+([\d.]+) s$")


def parse_timings(stdout: str) -> dict[str, float]:
    """The step lines of ``build -v`` (``  index             1.67 s``)."""
    return {m[1]: float(m[2]) for m in map(TIMING_LINE.match, stdout.splitlines()) if m}


def build_command(work: Path) -> list[str]:
    return [
        sys.executable,
        "build.py",
        "build",
        "--content",
        str(work / "content"),
        "--out",
        str(work / "_site"),
        "--cache-dir",
        str(work / "cache"),
        "-v",
    ]


def prepare(products: int, work: Path, seed: int, log: Callable[[str], None] = bench._log) -> Build:
    """Generate and build the catalog in ``work`` (or reuse the one recorded there)."""
    record = work / "build.json"
    if record.is_file() and (work / "_site" / INDEX_DIR / "manifest.json").is_file():
        b = Build(**json.loads(record.read_text(encoding="utf-8")))
        if b.products == products:
            b.reused = True
            log(f"reusing the catalog and build in {work} (built {b.wall_s:.1f} s, index {b.timings['index']:.2f} s)")
            return b
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True, exist_ok=True)  # rmtree may leave what it could not remove
    gen = bench.generate_placeholder_catalog(products, work, seed)
    log(f"generated {products:,} products in {gen.wall_s:.1f} s")
    load = os.getloadavg()[0]
    result = bench.run_measured(build_command(work), REPO_ROOT)
    if result.returncode != 0:
        detail = bench.tail(result.stderr) or bench.tail(result.stdout)
        raise bench.BenchError(f"build failed (exit {result.returncode}):\n{detail}")
    timings = parse_timings(result.stdout)
    if "index" not in timings:
        raise bench.BenchError(f"`build -v` printed no index timing:\n{bench.tail(result.stdout)}")
    manifest = json.loads((work / "_site" / INDEX_DIR / "manifest.json").read_text(encoding="utf-8"))
    b = Build(
        products,
        manifest["n"],
        gen.wall_s,
        result.wall_s,
        result.cpu_s,
        result.peak_rss_mib,
        timings,
        bench.tail(result.stdout, 1),
        load,
    )
    record.write_text(json.dumps(asdict(b), indent=1), encoding="utf-8")
    log(
        f"built in {b.wall_s:.1f} s ({b.cpu_s:.1f} s CPU, {b.peak_rss_mib:.0f} MiB peak RSS), "
        f"index step {timings['index']:.2f} s; {b.summary}"
    )
    return b


# --------------------------------------------------------------------------------------------
# The Pagefind twin of the same site
# --------------------------------------------------------------------------------------------

ARTICLE = re.compile(r'(<article class="wrap product"[^>]*)>')
OTHER_PRODUCTS = '<section aria-labelledby="h-lain"'  # "Produk lain dari produsen ini": not this product
PF_HTML = """<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Cari (Pagefind)</title>
<link rel="stylesheet" href="/assets/css/site.css">
</head>
<body>
<main class="wrap">
<h1>Cari</h1>
<p id="status" role="status"></p>
<ol id="hasil" class="cards"></ol>
</main>
<script type="module" src="/cari-pf/cari-pf.js"></script>
</body>
</html>
"""
# ?q=…&n=<results whose data to load>&worker=0|1; window.pfBench serves the benchmark
PF_JS = """const u = new URLSearchParams(location.search);
const q = u.get("q") || null, n = parseInt(u.get("n") || "10", 10);
const pf = await import("/pagefind_idx/pagefind.js");
if (u.get("worker") == "0") await pf.options({ noWorker: true });
await pf.init();
const r = await pf.search(q);
const data = await Promise.all(r.results.slice(0, n).map((x) => x.data()));
document.getElementById("hasil").replaceChildren(...data.map((d) => {
  const li = document.createElement("li"), a = document.createElement("a"), p = document.createElement("p");
  a.href = d.url;
  a.textContent = d.meta.title;
  p.innerHTML = d.excerpt;
  li.append(a, p);
  return li;
}));
document.getElementById("status").textContent = r.results.length + " hasil";
performance.mark("pf:hasil");
const now = () => performance.timeOrigin + performance.now();
window.pfBench = {
  total: r.results.length,
  // category and province counts: all filter values, then a search filtered by a category
  async facets() {
    const start = now(), all = await pf.filters();
    const kategori = data.length ? data[0].filters.kategori[0] : Object.keys(all.kategori)[0];
    const s = await pf.search(q, { filters: { kategori } });
    return { start, end: now(), kategori: Object.keys(all.kategori || {}).length,
             provinsi: Object.keys(all.provinsi || {}).length, filtered: s.results.length };
  },
  async query(term, filters) {
    const s = await pf.search(term, { filters });
    await pf.filters();
    return s.results.length;
  },
};
"""


@dataclass
class Twin:
    pages: int
    ignored_sections: int
    seconds: float


def _filter_span(name: str, value: str) -> str:
    return f'<span data-pagefind-filter="{html.escape(f"{name}:{value}")}" hidden></span>'


def listed_products(content: Path) -> Iterator[tuple[str, str, str, str]]:
    """(IKM slug, product slug, top category name, province name) of every listed product."""
    import yaml

    from etalase.categories import load_taxonomy
    from etalase.regions import load_regions

    try:
        from tools.bench_hugo import read_entry
    except ImportError:
        from bench_hugo import read_entry

    regions = load_regions(REPO_ROOT / "data" / "wilayah.csv")
    taxonomy = load_taxonomy(REPO_ROOT / "data" / "kategori.yaml")
    for folder in sorted(p for p in (content / "products").iterdir() if p.is_dir()):
        ikm = yaml.load((folder / "ikm.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for entry in sorted(folder.iterdir()):
            if entry.name == "ikm.yaml" or entry.suffix not in (".yaml", ".md"):
                continue
            data, _ = read_entry(entry)
            if data.get("status") == "arsip":  # a page, but in no listing and in neither index
                continue
            top = taxonomy.by_key[data["kategori"].split("/", 1)[0]]
            origin = str(data.get("asal_wilayah") or ikm["wilayah"]["kabupaten_kota"])
            yield folder.name, entry.stem, top.name, regions.province_of(origin).name


def make_twin(work: Path) -> Twin:
    """``work/pf``: the listed product pages of ``work/_site`` marked up for Pagefind, the
    stylesheet, and the search page. Our templates are left alone."""
    started = time.perf_counter()
    site, twin = work / "_site", work / "pf"
    shutil.rmtree(twin, ignore_errors=True)
    pages = ignored = 0
    for ikm, slug, category, province in listed_products(work / "content"):
        text = (site / "produk" / ikm / slug / "index.html").read_text(encoding="utf-8")
        spans = _filter_span("kategori", category) + _filter_span("provinsi", province)
        text, found = ARTICLE.subn(lambda m, spans=spans: f"{m[1]} data-pagefind-body>{spans}", text, count=1)
        if not found:
            raise bench.BenchError(f'no <article class="wrap product"> in produk/{ikm}/{slug}/index.html')
        if OTHER_PRODUCTS in text:
            text = text.replace(OTHER_PRODUCTS, OTHER_PRODUCTS + " data-pagefind-ignore", 1)
            ignored += 1
        out = twin / "produk" / ikm / slug / "index.html"
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        pages += 1
    (twin / "assets" / "css").mkdir(parents=True)
    shutil.copy2(site / "assets" / "css" / "site.css", twin / "assets" / "css" / "site.css")
    (twin / PF_PAGE).mkdir()
    (twin / PF_PAGE / "index.html").write_text(PF_HTML, encoding="utf-8")
    (twin / PF_PAGE / "cari-pf.js").write_text(PF_JS, encoding="utf-8")
    return Twin(pages, ignored, time.perf_counter() - started)


def pagefind_binary() -> str:
    try:
        from pagefind_bin import get_executable
    except ImportError:
        raise bench.BenchError(
            "pagefind is not installed: .venv/bin/python -m pip install --require-hashes -r requirements-bench.txt"
        ) from None
    return str(get_executable())


def pagefind_version(binary: str) -> str:
    import subprocess

    return subprocess.run([binary, "--version"], capture_output=True, text=True).stdout.strip() or "pagefind"


@dataclass
class PagefindBuild:
    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    pages: int
    load: float
    stopped: str = ""  # why the run was stopped (its memory), else ""


def _rss_mib(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def memory_cap_mib() -> int:
    """Pagefind holds the whole site in memory (~0.2 MiB a product page): on a shared machine it
    is stopped before it takes what other processes need. 70 % of MemAvailable, at most 16 GiB."""
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            avail = next(int(line.split()[1]) for line in fh if line.startswith("MemAvailable:")) / 1024
    except (OSError, StopIteration):
        return 16_384
    return int(min(16_384, 0.7 * avail))


def run_pagefind(binary: str, twin: Path, cap_mib: int) -> PagefindBuild:
    """``pagefind`` over the twin, measured like :func:`bench.run_measured`; killed if its RSS
    passes ``cap_mib``."""
    import subprocess

    shutil.rmtree(twin / PF_DIR, ignore_errors=True)
    load = os.getloadavg()[0]
    cmd = [binary, "--site", str(twin), "--output-subdir", PF_DIR, "--glob", "produk/**/*.html"]
    stopped = ""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=out, stderr=err)
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            rss = _rss_mib(proc.pid)
            if rss > cap_mib and not stopped:
                stopped = f"stopped at {rss:,.0f} MiB RSS (cap {cap_mib:,} MiB)"
                proc.kill()
            time.sleep(0.1)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read().decode("utf-8", "replace"), err.read().decode("utf-8", "replace")
    peak = bench._maxrss_mib(usage.ru_maxrss)
    if stopped:
        return PagefindBuild(wall, usage.ru_utime + usage.ru_stime, peak, 0, load, stopped)
    if proc.returncode != 0:
        raise bench.BenchError(f"pagefind failed (exit {proc.returncode}):\n{bench.tail(stderr or stdout)}")
    match = re.search(r"Indexed ([\d,]+) pages", stdout)
    pages = int(match[1].replace(",", "")) if match else 0
    return PagefindBuild(wall, usage.ru_utime + usage.ru_stime, peak, pages, load)


@dataclass(frozen=True)
class Files:
    count: int
    raw: int
    gzip: int


PRECOMPRESSED = (".pagefind",)  # besides .pf_*: Pagefind's Wasm files are gzip already


def precompressed(path: str) -> bool:
    return Path(path).suffix.startswith(".pf_") or path.endswith(PRECOMPRESSED)


def count_files(folder: Path) -> Files:
    count = raw = packed = 0
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            count += 1
            raw += len(data)
            packed += len(data) if precompressed(path.name) else len(gzip.compress(data, 6, mtime=0))
    return Files(count, raw, packed)


# --------------------------------------------------------------------------------------------
# A static server that gzips like a static host and logs every response
# --------------------------------------------------------------------------------------------

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".webp": "image/webp",
    ".jpg": "image/jpeg",
    ".png": "image/png",
}
TEXT = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


@dataclass(frozen=True)
class Hit:
    at: float  # time.time() when the request arrived
    path: str
    body: int  # bytes of the body as sent (gzip for text)
    status: int


class StaticServer:
    """``root`` on 127.0.0.1:<free port>, HTTP/1.1 keep-alive, in a daemon thread."""

    def __init__(self, root: Path):
        self.root = root.resolve()
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        self._cache: dict[Path, tuple[bytes, str, bool]] = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: object) -> None:  # quiet
                pass

            def do_GET(self) -> None:
                at = time.time()
                path = unquote(urlsplit(self.path).path)
                found = server.lookup(path)
                if found is None:
                    body, ctype, packed, status = b"not found", "text/plain", False, 404
                else:
                    (body, ctype, packed), status = found, 200
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-cache")
                # cross-origin isolated: performance.now() then ticks in 5 µs, not 100 µs
                self.send_header("Cross-Origin-Opener-Policy", "same-origin")
                self.send_header("Cross-Origin-Embedder-Policy", "require-corp")
                if packed:
                    self.send_header("Content-Encoding", "gzip")
                    self.send_header("Vary", "Accept-Encoding")
                self.end_headers()
                self.wfile.write(body)
                with server._lock:
                    server.log.append(Hit(at, path, len(body), status))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def lookup(self, path: str) -> tuple[bytes, str, bool] | None:
        target = (self.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        if not target.is_relative_to(self.root) or not target.is_file():
            return None
        with self._lock:
            hit = self._cache.get(target)
        if hit is None:
            data = target.read_bytes()
            suffix = target.suffix
            if suffix in TEXT:
                hit = (gzip.compress(data, 6, mtime=0), TYPES[suffix], True)
            else:  # Pagefind's .pf_* and .pagefind files are gzip already; its JS inflates them
                hit = (data, TYPES.get(suffix, "application/octet-stream"), False)
            with self._lock:
                self._cache[target] = hit
        return hit

    def mark(self) -> int:
        with self._lock:
            return len(self.log)

    def hits(self, since: int, start: float = 0.0, end: float = float("inf")) -> list[Hit]:
        with self._lock:
            return [h for h in self.log[since:] if start <= h.at < end]

    def __enter__(self) -> StaticServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# --------------------------------------------------------------------------------------------
# The browser
# --------------------------------------------------------------------------------------------

MARKS_JS = """window.__marks = {};
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) window.__marks[e.name] = [e.startTime, performance.timeOrigin + e.startTime];
}).observe({ type: "mark", buffered: true });
"""
# keeps every WebAssembly.Memory a page makes (Pagefind's index lives in one), to weigh it
WASM_JS = """for (const k of ["instantiate", "instantiateStreaming"]) {
  const f = WebAssembly[k];
  WebAssembly[k] = function (...args) {
    return f.apply(this, args).then((r) => {
      for (const v of Object.values((r.instance || r).exports || {}))
        if (v instanceof WebAssembly.Memory) (self.__wasm ||= []).push(v);
      return r;
    });
  };
}
"""
COUNTS_SHOWN = """(ids) => ids.every((id) => [...document.querySelectorAll(id + " option")]
  .some((o) => /\\(\\d+\\)$/.test(o.textContent))) && performance.timeOrigin + performance.now()"""
NOW_JS = "performance.timeOrigin + performance.now()"
WARM_JS = """async ([side, calls, repeat]) => {
  const one = side == "ours" ? (c) => window.etalaseCari.query(c) : (c) => window.pfBench.query(c[0], c[1]);
  for (const c of calls) await one(c);  // warm-up: every file a query needs is loaded once
  const out = [];
  for (let r = 0; r < repeat; r++) for (const c of calls) {
    const t = performance.now(), n = await one(c);
    out.push([r, performance.now() - t, n]);
  }
  return out;
}"""


@dataclass(frozen=True)
class Side:
    """One way of opening a search page cold."""

    key: str
    label: str
    server: str  # "ours" or "pf"
    path: str
    mark: str
    facets: bool = False
    range_filter: bool = False


def sides(query: str = COLD_QUERY) -> tuple[Side, ...]:
    q = query.replace(" ", "+")
    return (
        Side("ours", "Etalase", "ours", f"/cari/?q={q}", "etalase:hasil", facets=True, range_filter=True),
        Side("pf", "Pagefind", "pf", f"/{PF_PAGE}/?q={q}&n=10&worker=0", "pf:hasil", facets=True),
        Side("pf20", "Pagefind, 20 results", "pf", f"/{PF_PAGE}/?q={q}&n=20&worker=0", "pf:hasil"),
        Side("pfworker", "Pagefind, web worker", "pf", f"/{PF_PAGE}/?q={q}&n=10&worker=1", "pf:hasil"),
    )


@dataclass
class Phase:
    bytes: int
    requests: int
    page: int  # HTML and CSS
    code: int  # JS and Wasm
    index: int  # index data
    paths: list[str]


def phase(hits: Sequence[Hit], index_prefix: str) -> Phase:
    page = code = index = 0
    for h in hits:
        if h.path.endswith((".js", ".mjs", ".wasm", ".pagefind")):
            code += h.body
        elif h.path.startswith(index_prefix):
            index += h.body
        else:
            page += h.body
    return Phase(page + code + index, len(hits), page, code, index, [h.path for h in hits])


@dataclass
class Cold:
    first_ms: float
    first: Phase
    shown: int
    facets: Phase | None = None
    range_filter: Phase | None = None


@dataclass
class Warm:
    times_ms: list[float]
    results: dict[str, int]
    heap: int  # JS heap used
    buffers: int  # array buffers and external strings
    wasm: int  # WebAssembly memory


INDEX_PREFIX = {"ours": f"/{INDEX_DIR}/", "pf": f"/{PF_DIR}/"}


def _cdp(context, page, throttle: bool):
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.setBlockedURLs", {"urls": BLOCKED})
    if throttle:
        cdp.send(
            "Network.emulateNetworkConditions",
            {"offline": False, "latency": LATENCY_MS, "downloadThroughput": DOWN_BPS, "uploadThroughput": UP_BPS},
        )
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    return cdp


def _wait_mark(page, name: str) -> tuple[float, float]:
    """(ms since navigation start, epoch ms) of the mark."""
    handle = page.wait_for_function(
        f"() => window.__marks && window.__marks[{json.dumps(name)}]", polling=50, timeout=TIMEOUT_MS
    )
    rel, at = handle.json_value()
    return rel, at


def cold_run(browser, side: Side, server: StaticServer, throttle: bool) -> Cold:
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    try:
        context.add_init_script(MARKS_JS)
        page = context.new_page()
        _cdp(context, page, throttle)
        prefix = INDEX_PREFIX[side.server]
        since = server.mark()
        page.goto(server.url + side.path, wait_until="commit", timeout=TIMEOUT_MS)
        rel, at = _wait_mark(page, side.mark)
        run = Cold(rel, phase(server.hits(since, end=at / 1000), prefix), page.locator("#hasil > li").count())
        if side.facets and side.server == "ours":  # it loads facet.json by itself after the results
            end = page.wait_for_function(
                COUNTS_SHOWN, arg=["#f-kategori", "#f-wilayah"], polling=50, timeout=TIMEOUT_MS
            ).json_value()
            run.facets = phase(server.hits(since, at / 1000, end / 1000), prefix)
        elif side.facets:
            got = page.evaluate("window.pfBench.facets()")
            run.facets = phase(server.hits(since, got["start"] / 1000, got["end"] / 1000), prefix)
        if side.range_filter:
            start = page.evaluate(NOW_JS)
            page.focus("#f-tkdn")
            end = page.wait_for_function(COUNTS_SHOWN, arg=["#f-tkdn"], polling=50, timeout=TIMEOUT_MS).json_value()
            run.range_filter = phase(server.hits(since, start / 1000, end / 1000), prefix)
            loaded = {p.rsplit("/", 1)[-1] for p in run.range_filter.paths}
            if not {"tkdn.json", "flag.json"} <= loaded:
                raise bench.BenchError(f"focusing #f-tkdn loaded {sorted(loaded)}, not k/tkdn.json and k/flag.json")
        return run
    finally:
        context.close()


def pagefind_calls(queries: Sequence[str]) -> list[list]:
    """Our query strings as (words, filters) for Pagefind: the category by its name."""
    from urllib.parse import parse_qs

    from etalase.categories import load_taxonomy

    taxonomy = load_taxonomy(REPO_ROOT / "data" / "kategori.yaml")
    calls = []
    for qs in queries:
        args = parse_qs(qs)
        filters = {}
        if "kategori" in args:
            filters["kategori"] = taxonomy.by_key[args["kategori"][0]].name
        calls.append([args["q"][0], filters])
    return calls


def warm_run(browser, side: Side, server: StaticServer, queries: Sequence[str], repeat: int) -> Warm:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        context.add_init_script(MARKS_JS + WASM_JS)
        page = context.new_page()
        cdp = _cdp(context, page, throttle=False)
        page.goto(server.url + side.path, wait_until="commit", timeout=TIMEOUT_MS)
        _wait_mark(page, side.mark)
        if side.server == "ours":
            page.wait_for_function(COUNTS_SHOWN, arg=["#f-kategori", "#f-wilayah"], polling=50, timeout=TIMEOUT_MS)
            calls: list = list(queries)
        else:
            page.evaluate("window.pfBench.facets()")
            calls = pagefind_calls(queries)
        out = page.evaluate(WARM_JS, [side.server, calls, repeat])
        results = {q: out[i][2] for i, q in enumerate(queries)}  # the first pass
        cdp.send("HeapProfiler.collectGarbage")
        usage = cdp.send("Runtime.getHeapUsage")
        wasm = page.evaluate("(self.__wasm || []).reduce((a, m) => a + m.buffer.byteLength, 0)")
        return Warm([ms for _, ms, _ in out], results, usage["usedSize"], usage.get("backingStorageSize", 0), wasm)
    finally:
        context.close()


def launch(playwright, chromium: str):
    if not Path(chromium).is_file():
        raise bench.BenchError(f"{chromium} not found: apt-get install chromium (never `playwright install`)")
    return playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])


# --------------------------------------------------------------------------------------------
# One catalog size
# --------------------------------------------------------------------------------------------


@dataclass
class SizeResult:
    build: Build
    twin: Twin
    pagefind: PagefindBuild
    ours_files: Files
    pf_files: Files
    query: str = COLD_QUERY
    cold: dict[str, list[Cold]] = field(default_factory=dict)
    warm: dict[str, Warm] = field(default_factory=dict)


def measure_browser(
    size: SizeResult,
    work: Path,
    runs: int,
    repeat: int,
    throttle: bool,
    chromium: str,
    queries: Sequence[str],
    log: Callable[[str], None],
) -> None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        raise bench.BenchError("playwright is not installed: make bench-search installs requirements-dev.txt") from None
    with StaticServer(work / "_site") as ours, StaticServer(work / "pf") as pfs, sync_playwright() as pw:
        servers = {"ours": ours, "pf": pfs}
        browser = launch(pw, chromium)
        try:
            every = sides(size.query)
            if size.pagefind.stopped:  # no Pagefind index to open
                every = every[:1]
            for r in range(runs):
                order = every if r % 2 == 0 else (*every[1:], every[0])  # ours first, then last
                for side in order:
                    run = cold_run(browser, side, servers[side.server], throttle)
                    size.cold.setdefault(side.key, []).append(run)
                    extra = ""
                    if run.facets:
                        extra += f", facets +{_kb(run.facets.bytes)}"
                    if run.range_filter:
                        extra += f", TKDN filter +{_kb(run.range_filter.bytes)}"
                    log(
                        f"cold {r + 1}/{runs} {side.label}: {run.shown} shown after {run.first_ms:.0f} ms, "
                        f"{_kb(run.first.bytes)} in {run.first.requests} requests{extra}"
                    )
            for side in every[:2]:
                warm = warm_run(browser, side, servers[side.server], queries, repeat)
                size.warm[side.key] = warm
                log(
                    f"warm {side.label}: median {statistics.median(warm.times_ms):.2f} ms, "
                    f"p95 {p95(warm.times_ms):.2f} ms over {len(warm.times_ms)} calls; heap {_mib(warm.heap)}, "
                    f"buffers {_mib(warm.buffers)}, Wasm {_mib(warm.wasm)}"
                )
        finally:
            browser.close()


def bench_size(
    products: int,
    work: Path,
    seed: int,
    runs: int,
    repeat: int,
    throttle: bool,
    chromium: str,
    pagefind: str,
    queries: Sequence[str] = QUERIES,
    cold_query: str = COLD_QUERY,
    log: Callable[[str], None] = bench._log,
    pagefind_cap_mib: int | None = None,
) -> SizeResult:
    log(f"== {products:,} products ({work})")
    build = prepare(products, work, seed, log)
    twin = make_twin(work)
    log(f"Pagefind twin: {twin.pages:,} product pages in {twin.seconds:.1f} s")
    pf = run_pagefind(pagefind, work / "pf", pagefind_cap_mib or memory_cap_mib())
    log(
        f"pagefind: {pf.pages:,} pages in {pf.wall_s:.2f} s ({pf.cpu_s:.2f} s CPU, {pf.peak_rss_mib:.0f} MiB peak RSS)"
        + (f"; {pf.stopped}" if pf.stopped else "")
    )
    if twin.pages != build.listed or (pf.pages != build.listed and not pf.stopped):
        raise bench.BenchError(
            f"document sets differ: our index has {build.listed:,}, the twin {twin.pages:,}, Pagefind {pf.pages:,}"
        )
    size = SizeResult(
        build, twin, pf, count_files(work / "_site" / INDEX_DIR), count_files(work / "pf" / PF_DIR), cold_query
    )
    measure_browser(size, work, runs, repeat, throttle, chromium, queries, log)
    return size


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def _kb(n: float) -> str:
    return f"{n / 1024:,.1f} KB"


def _mib(n: float) -> str:
    return f"{n / 2**20:,.1f} MiB"


def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, -(-len(ordered) * 95 // 100) - 1)]


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else float("nan")


def _time_cell(runs: Sequence[Cold]) -> str:
    return bench.spread([r.first_ms / 1000 for r in runs], ".2f") + " s"


def _split_cell(phases: Sequence[Phase]) -> str:
    if not phases:
        return "—"
    mid = sorted(phases, key=lambda p: p.bytes)[(len(phases) - 1) // 2]
    return f"{_kb(mid.page)} / {_kb(mid.code)} / {_kb(mid.index)}"


def _phase_cell(phases: Sequence[Phase | None]) -> str:
    got = [p for p in phases if p is not None]
    if not got:
        return "—"
    mid = sorted(got, key=lambda p: p.bytes)[(len(got) - 1) // 2]
    return f"{_kb(mid.bytes)} [{mid.requests}]"


def _cold_cells(runs: Sequence[Cold]) -> tuple[str, str]:
    if not runs:
        return "—", "—"
    return _phase_cell([r.first for r in runs]), _time_cell(runs)


def _pf(s: SizeResult, text: str) -> str:
    """A Pagefind figure, or how its indexing was stopped."""
    p = s.pagefind
    return f"— ({p.stopped} after {p.wall_s:.0f} s)" if p.stopped else text


def _warm_cell(w: Warm | None) -> str:
    if not w:
        return "—"
    return f"{statistics.median(w.times_ms):.2f} / {p95(w.times_ms):.2f}"


def _files_cell(f: Files) -> str:
    return f"{f.count:,}, {_mib(f.raw)} / {_mib(f.gzip)}"


def _heap_cell(w: Warm | None) -> str:
    if not w:
        return "—"
    text = f"{_mib(w.heap)} + {_mib(w.buffers)} buffers"
    if w.wasm:
        text += f" + {_mib(w.wasm)} Wasm"
    return text


def results_table(sizes: Sequence[SizeResult], throttle: bool) -> str:
    head = "| Figure | " + " | ".join(f"{s.build.products:,}: Etalase | {s.build.products:,}: Pagefind" for s in sizes)
    rule = "| --- | " + " | ".join("---: | ---:" for _ in sizes)
    cond = "throttled" if throttle else "not throttled"
    rows: list[tuple[str, list[str]]] = []

    def add(label: str, cells: Callable[[SizeResult], tuple[str, str]]) -> None:
        rows.append((label, [c for s in sizes for c in cells(s)]))

    add("Documents (listed products)", lambda s: (f"{s.build.listed:,}", _pf(s, f"{s.pagefind.pages:,}")))
    add(
        f"Cold `?q={sizes[0].query if sizes else COLD_QUERY}`, {cond}: gzip bytes to first results [requests]",
        lambda s: (_cold_cells(s.cold.get("ours", []))[0], _cold_cells(s.cold.get("pf", []))[0]),
    )
    add(
        "… of which HTML+CSS / JS (+Wasm) / index",
        lambda s: (
            _split_cell([r.first for r in s.cold.get("ours", [])]),
            _split_cell([r.first for r in s.cold.get("pf", [])]),
        ),
    )
    add(
        f"Cold, {cond}: navigation start → results mark, median (min–max)",
        lambda s: (_cold_cells(s.cold.get("ours", []))[1], _cold_cells(s.cold.get("pf", []))[1]),
    )
    add(
        "Results on screen (their rows / data loaded)",
        lambda s: tuple(
            str(statistics.median_low([r.shown for r in s.cold[k]])) if s.cold.get(k) else "—" for k in ("ours", "pf")
        ),
    )
    for key, label in (
        ("pf20", "Pagefind loading 20 results (our page size): bytes; time"),
        ("pfworker", "Pagefind in its web worker (its default; CDP cannot slow a worker's CPU): bytes; time"),
    ):
        add(label, lambda s, key=key: ("—", "; ".join(_cold_cells(s.cold.get(key, []))) if s.cold.get(key) else "—"))
    add(
        "Facet counts (category, province) after the first results: extra gzip bytes [requests]",
        lambda s: (
            _phase_cell([r.facets for r in s.cold.get("ours", [])]),
            _phase_cell([r.facets for r in s.cold.get("pf", [])]),
        ),
    )
    add(
        "First price/TKDN filter (focus `#f-tkdn`): extra gzip bytes [requests]",
        lambda s: (_phase_cell([r.range_filter for r in s.cold.get("ours", [])]), "— (no ranges)"),
    )
    add(
        "Warm query + facet recount, desktop: median / p95 ms",
        lambda s: (_warm_cell(s.warm.get("ours")), _warm_cell(s.warm.get("pf"))),
    )
    add(
        "Memory after the query set: JS heap + array buffers (+ Wasm)",
        lambda s: (_heap_cell(s.warm.get("ours")), _heap_cell(s.warm.get("pf"))),
    )
    add(
        "Index build (ours: `index` step of the build)",
        lambda s: (f"{s.build.timings['index']:.2f} s", _pf(s, f"{s.pagefind.wall_s:.2f} s")),
    )
    add(
        "Whole build: wall, peak RSS (ours: the site build)",
        lambda s: (
            f"{s.build.wall_s:.1f} s, {s.build.peak_rss_mib:,.0f} MiB",
            _pf(s, f"{s.pagefind.wall_s:.1f} s, {s.pagefind.peak_rss_mib:,.0f} MiB"),
        ),
    )
    add(
        "Index files: count, raw / gzip size",
        lambda s: (_files_cell(s.ours_files), _pf(s, _files_cell(s.pf_files))),
    )
    lines = [head + " |", rule + " |"]
    lines += [f"| {label} | " + " | ".join(cells) + " |" for label, cells in rows]
    return "\n".join(lines)


def _status(value: float, goal: float) -> str:
    return "met" if value <= goal else "**not met**"


def targets_table(sizes: Sequence[SizeResult]) -> str:
    rows = []
    for s in sizes:
        goal = TARGETS.get(s.build.products)
        ours = s.cold.get("ours", [])
        if not goal or not ours:
            continue
        n = f"{s.build.products // 1000}k"
        first = _median([r.first.bytes for r in ours]) / 1024
        facets = _median([r.facets.bytes for r in ours if r.facets]) / 1024
        ranged = _median([r.range_filter.bytes for r in ours if r.range_filter]) / 1024
        secs = _median([r.first_ms for r in ours]) / 1000
        w = s.warm.get("ours")
        checks = [
            ("cold bytes to first results", f"{first:,.1f} KB", f"≤ {goal['cold_kb']} KB", first, goal["cold_kb"]),
            ("facet counts, extra bytes", f"{facets:,.1f} KB", f"≤ {goal['facet_kb']} KB", facets, goal["facet_kb"]),
            ("first range filter, extra bytes", f"{ranged:,.1f} KB", f"≤ {goal['range_kb']} KB", ranged,
             goal["range_kb"]),
            ("first results, throttled", f"{secs:.2f} s", f"≤ {goal['first_s']} s", secs, goal["first_s"]),
        ]  # fmt: skip
        if w:
            med, top = statistics.median(w.times_ms), p95(w.times_ms)
            checks += [
                ("warm query median", f"{med:.2f} ms", f"≤ {goal['median_ms']} ms", med, goal["median_ms"]),
                ("warm query p95", f"{top:.2f} ms", f"≤ {goal['p95_ms']} ms", top, goal["p95_ms"]),
            ]
        idx = s.build.timings["index"]
        checks.append(("index build (`index` step)", f"{idx:.2f} s", f"≤ {goal['build_s']} s", idx, goal["build_s"]))
        if "rss_mib" in goal:
            rss = s.build.peak_rss_mib
            want = f"≤ {goal['rss_mib']:,} MiB"
            checks.append(("peak RSS of the build", f"{rss:,.0f} MiB", want, rss, goal["rss_mib"]))
        if "files" in goal:
            files = s.ours_files.count
            checks.append(("index files", f"{files:,}", f"≤ {goal['files']:,}", files, goal["files"]))
        rows += [f"| {n} {name} | {shown} | {want} | {_status(v, g)} |" for name, shown, want, v, g in checks]
    if not rows:
        return ""
    return "| Target (Etalase) | Result | Goal | Status |\n| --- | ---: | ---: | --- |\n" + "\n".join(rows)


def query_counts(sizes: Sequence[SizeResult]) -> list[str]:
    lines = []
    for s in sizes:
        ours, pf = s.warm.get("ours"), s.warm.get("pf")
        if not ours or not pf:
            continue
        pairs = ", ".join(f"`{q}` {ours.results.get(q, 0):,}/{pf.results.get(q, 0):,}" for q in ours.results)
        lines.append(f"  - {s.build.products:,}: {pairs}")
    return lines


def record_block(
    sizes: Sequence[SizeResult],
    command: str,
    today: datetime.date,
    machine: str,
    pf_version: str,
    runs: int,
    repeat: int,
    throttle: bool,
    queries: Sequence[str] = QUERIES,
) -> str:
    throttling = (
        f"latency {LATENCY_MS} ms, down {DOWN_BPS:,} B/s (1.6 Mbit/s), up {UP_BPS:,} B/s (750 kbit/s), "
        f"CPU ×{CPU_SLOWDOWN} (`Network.emulateNetworkConditions`, `Emulation.setCPUThrottlingRate`)"
        if throttle
        else "none (`--no-throttle`)"
    )
    parts = [results_table(sizes, throttle), ""]
    targets = targets_table(sizes)
    if targets:
        parts += [targets, ""]
    parts += [
        f"- Command: `{command}`",
        f"- Date: {today.isoformat()}",
        f"- Machine: {machine}",
        f"- Pagefind: {pf_version} (PyPI `pagefind-bin`), `pagefind --site <twin> --output-subdir {PF_DIR} "
        '--glob "produk/**/*.html"`; Chromium: Debian package through Playwright',
        f"- Cold: {runs} run(s) per side, each in a new browser context with the HTTP cache disabled, 360×740 "
        f"mobile viewport; throttling {throttling}; images blocked on both sides. Bytes are the gzip bodies the "
        "server sent for requests that reached it between navigation and the mark (HTTP headers excluded; "
        "requests in brackets), median run. Our page shows 20 cards (their rows `b/*.json` included); the "
        "Pagefind page loads the data (fragments) of its first 10 results, or 20 in its own row. Pagefind runs "
        "with `noWorker` in the throttled rows: Chromium slows only a page's main thread, so its worker would "
        "search at full speed; its default (worker) row is given apart.",
        "- Facets: ours, the bytes after the results mark until the category and province options show "
        "counts (`facet.json`, loaded by the page itself); Pagefind, `pf.filters()` plus one search filtered "
        "by the first result's category. Range filter: focus `#f-tkdn` until the TKDN options show counts "
        "(`k/tkdn.json`, `k/flag.json`).",
        f"- Warm: desktop 1280×800, no throttling, after the first results and facet counts and one warm-up "
        f"pass; {len(queries)} queries × {repeat}: ours `window.etalaseCari.query(qs)` (query, filters, facet "
        "recount; no DOM), Pagefind `pf.search(q, {filters})` + `pf.filters()` (no fragments; `noWorker`, so "
        "its memory is the page's); `performance.now()` in a cross-origin isolated page (5 µs). Memory: "
        "`Runtime.getHeapUsage` after a forced GC (used JS heap, plus array buffers), plus the byte length "
        "of every `WebAssembly.Memory` the page made (Pagefind's index lives there).",
        "- Index build: ours is the `index` line of `build.py build -v` (inside a whole site build whose wall "
        "time and peak RSS, largest single process from `os.wait4`, are given too); Pagefind's is its whole "
        "run over the twin (the listed product pages copied with `data-pagefind-body`, `kategori` and "
        '`provinsi` filters, the "other products" list ignored). Index files: ours `cari/indeks/`, '
        f"Pagefind `{PF_DIR}/` (including its UI bundles); gzip size counts Pagefind's own gzip files as they are.",
        "- Builds: "
        + "; ".join(
            f"{s.build.products:,}: {'reused from an earlier run (`--workdir`)' if s.build.reused else 'built now'}, "
            f"load average {s.build.load:.2f} at its start (Pagefind: {s.pagefind.load:.2f}); {s.build.summary}"
            for s in sizes
        )
        + ". The machine has 2 CPUs and is shared: wall times are noisy.",
        "- Results per query of the warm set (Etalase/Pagefind):",
        *query_counts(sizes),
    ]
    return "\n".join(parts)


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark Etalase's static search against Pagefind.")
    parser.add_argument(
        "--products",
        type=int,
        nargs="+",
        default=default_sizes(),
        metavar="N",
        help=f"catalog sizes (default: ${SIZES_ENV}, else 1000 10000 100000)",
    )
    parser.add_argument("--runs", type=int, default=3, metavar="R", help="cold runs per side (default: 3)")
    parser.add_argument("--repeat", type=int, default=7, metavar="K", help="warm runs of each query (default: 7)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--workdir", type=Path, metavar="DIR", help="keep (and reuse) catalogs and sites in DIR/<N>/")
    parser.add_argument("--no-throttle", action="store_true", help="cold runs without network and CPU throttling")
    parser.add_argument(
        "--pagefind-max-rss",
        type=int,
        metavar="MIB",
        help="stop pagefind above this RSS (default: 70%% of MemAvailable, at most 16384)",
    )
    parser.add_argument("--chromium", default=CHROMIUM, metavar="PATH", help=f"browser binary (default: {CHROMIUM})")
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="write the results between the bench:search markers of FILE"
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or args.repeat < 1 or any(n < 1 for n in args.products):
        parser.error("--runs, --repeat and --products must be at least 1")
    return args


def run(args: argparse.Namespace, log: Callable[[str], None] = bench._log) -> list[SizeResult]:
    binary = pagefind_binary()
    sizes = []
    for n in args.products:
        if args.workdir:
            sizes.append(
                bench_size(n, args.workdir / str(n), args.seed, args.runs, args.repeat, not args.no_throttle,
                           args.chromium, binary, log=log, pagefind_cap_mib=args.pagefind_max_rss)
            )  # fmt: skip
            continue
        work = Path(tempfile.mkdtemp(prefix=f"etalase-search-{n}-"))
        try:
            sizes.append(
                bench_size(n, work, args.seed, args.runs, args.repeat, not args.no_throttle, args.chromium, binary,
                           log=log, pagefind_cap_mib=args.pagefind_max_rss)
            )  # fmt: skip
        finally:
            shutil.rmtree(work, ignore_errors=True)
    return sizes


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    try:
        sizes = run(args)
        version = pagefind_version(pagefind_binary())
    except bench.BenchError as exc:
        print(f"bench_search: {exc}", file=sys.stderr)
        return 1
    block = record_block(
        sizes,
        bench.invocation(argv),
        datetime.date.today(),
        bench.machine_description(),
        version,
        args.runs,
        args.repeat,
        not args.no_throttle,
    )
    print()
    print(block)
    if args.record:
        return bench.save_record("bench_search", args.record, block, (START_MARKER, END_MARKER))
    return 0


if __name__ == "__main__":
    sys.exit(main())
