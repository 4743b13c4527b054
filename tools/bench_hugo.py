#!/usr/bin/env python3
"""Benchmark Etalase against Hugo on the same synthetic catalog, in one run.

Usage::

    python tools/bench_hugo.py [--products N ...] [--with-100k] [--runs R] [--seed S] [--keep]
                               [--workdir DIR] [--hugo PATH] [--no-install] [--record docs/benchmarks.md]

For each N (default 1,000 and 10,000; ``--with-100k`` adds 100,000) the script

1. generates a catalog with ``tools/gen_catalog.py --photos-per-ikm 1 --placeholder-photos``
   (every IKM has one tiny flat 400×400 JPEG: the schema wants at least one photo per product);
2. converts it into a Hugo site: a copy of ``bench/hugo/`` (hugo.toml, layouts, UI words) plus
   ``content/`` (one page per product, a term page per producer, category, subcategory, province
   and kab/kota, the last two with their Etalase URL in front matter) and ``data/`` (the region
   table and the categories, which the templates look up as Etalase looks them up in its tables);
   generation and conversion are timed and reported, never counted as build time;
3. makes one untimed build of each: Etalase's fills the photo part of its cache (photo variants,
   placeholders and the share card it draws per product and producer: image work, which the
   comparison leaves out, since Hugo is given no photos), Hugo's warms the file cache;
4. runs R rounds (default 3) of a clean build of each, alternating which goes first::

       <python> build.py build --content <tmp>/content --out <tmp>/etalase-site --cache-dir <tmp>/cache
       hugo --source <tmp>/hugo --destination <tmp>/hugo-public --cacheDir <tmp>/hugo-cache --gc --quiet

   Before every clean build the output folder and the cache are deleted; Etalase's cache is then
   re-made holding only the photo part saved in step 3 (hard links), so QR codes, the write
   manifest and anything else the cache keeps are made afresh, exactly as on a first build;
5. then, on the output of the last round: an Etalase no-op rebuild (nothing changed), Hugo's
   second build into the same destination, one product's description edited (in the catalog and
   in its Hugo twin), and a rebuild of each.

Wall time, CPU time (user + system of the build and every process it waited for) and peak RSS
(largest single process) come from ``os.wait4`` through :func:`bench.run_measured`. The tables
give the median and min–max over the rounds and the Etalase/Hugo ratio of the medians. With
``--record FILE`` the part of FILE between ``<!-- bench:hugo:start -->`` and
``<!-- bench:hugo:end -->`` is replaced (the markers are appended if missing).

``--workdir DIR`` keeps each size's catalog, Hugo twin, photo cache and sites in ``DIR/<N>/``
and reuses them on the next run with the same seed: steps 1–3 are skipped (their figures are
read back from ``DIR/<N>/prepared.json``, written once the first build succeeded, and the record
says the catalog was reused). Steps 4–5 always run. A folder without ``prepared.json``, or with
another seed, is made afresh.

Hugo is Debian's ``hugo`` package; when no ``hugo`` is on PATH the script runs
``apt-get update`` and ``apt-get install -y hugo`` (as root, or through ``sudo -n``), unless
``--no-install``. Run it with the project's Python (``.venv/bin/python tools/bench_hugo.py``).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

try:
    from tools import bench
except ImportError:  # run as a script: tools/ itself is on sys.path
    import bench

REPO_ROOT = bench.REPO_ROOT
HUGO_SKELETON = REPO_ROOT / "bench" / "hugo"
DATA_DIR = REPO_ROOT / "data"
START_MARKER = "<!-- bench:hugo:start -->"
END_MARKER = "<!-- bench:hugo:end -->"
DEFAULT_SIZES = (1_000, 10_000)
LARGE_SIZE = 100_000
# The photo part of Etalase's build cache (etalase/media.py, etalase/images.py): kept between the
# clean builds so that they do no image work; everything else in the cache starts empty.
PHOTO_CACHE_PARTS = ("images", "cards")
EDIT_SENTENCE = "Catatan uji: kalimat ini ditambahkan untuk mengukur pembangunan ulang setelah satu entri diubah."
SKELETON_IGNORE = shutil.ignore_patterns(".hugo_build.lock", "public", "resources", "content")

if str(REPO_ROOT) not in sys.path:  # the converter reuses Etalase's own region and category tables
    sys.path.insert(0, str(REPO_ROOT))


# --------------------------------------------------------------------------------------------
# Catalog → Hugo site
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Converted:
    products: int
    producers: int
    term_pages: int  # _index.md of producers, categories, subcategories, provinces, kab/kota
    files: int  # files written under content/ and data/


def _yaml_value(value: object) -> str:
    """JSON is YAML: strings double-quoted, lists and mappings in flow style, dates as strings."""
    return json.dumps(value, ensure_ascii=False, default=str)


def front_matter(fields: dict[str, object]) -> str:
    lines = ["---"]
    lines += [f"{key}: {_yaml_value(value)}" for key, value in fields.items() if value is not None]
    lines.append("---")
    return "\n".join(lines) + "\n"


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def read_entry(path: Path) -> tuple[dict, str]:
    """A product file of the catalog as (fields, Markdown description)."""
    import yaml

    text = path.read_text(encoding="utf-8")
    if path.suffix == ".md":
        _, head, body = text.split("---\n", 2)
        data = yaml.load(head, Loader=yaml.CSafeLoader)
        return data, body.strip() + "\n"
    data = yaml.load(text, Loader=yaml.CSafeLoader)
    return data, str(data.pop("deskripsi", "")).strip() + "\n"


def sub_term(category_key: str) -> str:
    """``makanan/keripik-kerupuk`` → the subkategori term ``makanan-keripik-kerupuk``."""
    return category_key.replace("/", "-")


def regency_term(code: str) -> str:
    """``18.72`` → the kabkota term ``r1872``."""
    return "r" + code.replace(".", "")


def _product_fields(data: dict, ikm: str, slug: str, ikm_data: dict, regions) -> dict[str, object]:
    origin = str(data.get("asal_wilayah") or ikm_data["wilayah"]["kabupaten_kota"])
    province = regions.province_of(origin)
    key = data["kategori"]
    top = key.split("/", 1)[0]
    harga = data.get("harga")
    archived = data.get("status") == "arsip"
    listings = {
        "ikm": [ikm],
        "kategori": [top],
        "subkategori": [sub_term(key)],
        "wilayah": [province.slug],
        "kabkota": [regency_term(origin)],
    }
    return {
        "title": data["nama"],
        "date": data["diperbarui"],
        "description": data["deskripsi_singkat"],
        "produsen": ikm,
        "kategori_kunci": key,
        "kategori_utama": top,
        "asal": origin,
        # taxonomies: the listings this product appears in; an archived product is in none, and
        # lives in the unlisted section arsip/ at its /produk/ URL (as Etalase keeps its page)
        **({} if archived else listings),
        "url": f"/produk/{ikm}/{slug}/" if archived else None,
        "arsip": True if archived else None,
        "merek": data.get("merek"),
        "nomor_model": data.get("nomor_model"),
        "sku": data.get("sku"),
        "kbli": data.get("kbli"),
        "harga": harga,
        "minimal_pesan": data.get("minimal_pesan"),
        "ketersediaan": data.get("ketersediaan"),
        "waktu_produksi_hari": data.get("waktu_produksi_hari"),
        "berat_bersih": data.get("berat_bersih"),
        "garansi": data.get("garansi"),
        "tkdn": data.get("tkdn"),
        "sertifikasi": data.get("sertifikasi"),
        "gambar": [{"berkas": g["berkas"].rsplit("/", 1)[-1], "alt": g["alt"]} for g in data["gambar"]],
        # a list of pairs: Hugo lower-cases the keys of front-matter maps
        "spesifikasi": [[k, v] for k, v in (data.get("spesifikasi") or {}).items()] or None,
        "tag": data.get("tag"),
        "ekatalog_tautan": data.get("ekatalog_tautan"),
    }


def _producer_fields(data: dict) -> dict[str, object]:
    wilayah = data["wilayah"]
    return {
        "title": data["nama_usaha"],
        "judul_pendek": data["nama_usaha"],
        "date": data.get("diperbarui"),
        "nib": data["nib"],
        "bentuk_usaha": data.get("bentuk_usaha"),
        "skala_usaha": data.get("skala_usaha"),
        "kbli": data.get("kbli"),
        "kabkota_kode": str(wilayah["kabupaten_kota"]),
        "kecamatan_kode": wilayah.get("kecamatan"),
        "alamat": data.get("alamat"),
        "kontak": data.get("kontak"),
        "ekatalog": data.get("ekatalog"),
        "pembina": data.get("pembina"),
        "tahun_berdiri": data.get("tahun_berdiri"),
        "deskripsi": data.get("deskripsi"),
    }


def convert(content: Path, site: Path, data_dir: Path = DATA_DIR) -> Converted:
    """Write the Hugo twin of the Etalase catalog ``content`` into ``site`` (made or replaced)."""
    import yaml

    from etalase.categories import load_taxonomy
    from etalase.regions import PROVINCE, REGENCY, load_regions

    if site.exists():
        shutil.rmtree(site)
    shutil.copytree(HUGO_SKELETON, site, ignore=SKELETON_IGNORE)
    css = REPO_ROOT / "assets" / "css"
    if css.is_dir():
        shutil.copytree(css, site / "static" / "assets" / "css")
    regions = load_regions(data_dir / "wilayah.csv")
    taxonomy = load_taxonomy(data_dir / "kategori.yaml")
    out = site / "content"
    files = 0

    def write(rel: str, fields: dict[str, object], body: str = "") -> None:
        nonlocal files
        _write(out / rel, front_matter(fields) + body)
        files += 1

    # lookup tables, as Etalase has them in data/
    table = {
        r.code: {"nama": r.name, "pendek": r.short_name, "slug": r.slug, "tingkat": r.level} for r in regions.all()
    }
    _write(site / "data" / "wilayah.json", json.dumps(table, ensure_ascii=False, separators=(",", ":")))
    categories = {c.key: {"nama": c.name, "induk": c.parent, "slug": c.slug} for c in taxonomy.by_key.values()}
    _write(site / "data" / "kategori.json", json.dumps(categories, ensure_ascii=False, separators=(",", ":")))
    files += 2

    write("_index.md", {"title": "Katalog Bangga Buatan Indonesia"})
    write("produk/_index.md", {"title": "Semua produk"})
    write("arsip/_index.md", {"title": "Arsip", "_build": {"render": "never"}})  # its pages are rendered
    write("ikm/_index.md", {"title": "IKM"})
    write("kategori/_index.md", {"title": "Kategori"})
    write("wilayah/_index.md", {"title": "Wilayah"})
    hidden = {"render": "never", "list": "never"}  # the URLs of these terms live under another listing
    write("subkategori/_index.md", {"title": "Subkategori", "_build": hidden})
    write("kabkota/_index.md", {"title": "Kabupaten/kota", "_build": hidden})
    terms = 0
    for top in taxonomy.tops:
        subs = taxonomy.subs[top.slug]
        write(
            f"kategori/{top.slug}/_index.md",
            {"title": top.name, "judul_pendek": top.name, "anak": [sub_term(s.key) for s in subs]},
        )
        for s in subs:
            write(
                f"subkategori/{sub_term(s.key)}/_index.md",
                {
                    "title": f"{s.name} – {top.name}",
                    "judul_pendek": s.name,
                    "url": f"/kategori/{top.slug}/{s.slug}/",
                    "induk": top.slug,
                },
            )
        terms += 1 + len(subs)
    everything = regions.all()
    for prov in (r for r in everything if r.level == PROVINCE):
        regencies = [r for r in everything if r.level == REGENCY and r.province_code == prov.code]
        write(
            f"wilayah/{prov.slug}/_index.md",
            {"title": prov.name, "judul_pendek": prov.name, "anak": [regency_term(r.code) for r in regencies]},
        )
        for reg in regencies:
            write(
                f"kabkota/{regency_term(reg.code)}/_index.md",
                {
                    "title": f"{reg.short_name}, {prov.name}",
                    "judul_pendek": reg.short_name,
                    "url": f"/wilayah/{prov.slug}/{reg.slug}/",
                    "induk": prov.code,
                    "kode": reg.code,
                },
            )
        terms += 1 + len(regencies)

    products = producers = 0
    for folder in sorted(p for p in (content / "products").iterdir() if p.is_dir()):
        ikm = folder.name
        ikm_data = yaml.load((folder / "ikm.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        write(f"ikm/{ikm}/_index.md", _producer_fields(ikm_data))
        producers += 1
        for entry in sorted(folder.iterdir()):
            if entry.name == "ikm.yaml" or entry.suffix not in (".yaml", ".md"):
                continue
            data, body = read_entry(entry)
            fields = _product_fields(data, ikm, entry.stem, ikm_data, regions)
            section = "arsip" if fields.get("arsip") else "produk"
            write(f"{section}/{ikm}/{entry.stem}.md", fields, "\n" + body)
            products += 1
    return Converted(products, producers, terms + producers, files)


def edit_entry(content: Path, site: Path | None = None) -> Path:
    """Append a sentence to the description of the first ``.yaml`` product (and to its Hugo twin
    under ``site``); returns the edited catalog file."""
    for folder in sorted(p for p in (content / "products").iterdir() if p.is_dir()):
        for entry in sorted(folder.glob("*.yaml")):
            if entry.name == "ikm.yaml":
                continue
            text = entry.read_text(encoding="utf-8")
            # gen_catalog writes `deskripsi: |` last, so an indented line at the end continues it
            if "\ndeskripsi: |" not in text or not text.endswith("\n"):
                continue
            entry.write_text(f"{text}  {EDIT_SENTENCE}\n", encoding="utf-8")
            if site is not None:
                twin = next((site / "content").glob(f"*/{folder.name}/{entry.stem}.md"))
                twin.write_text(twin.read_text(encoding="utf-8").rstrip("\n") + f" {EDIT_SENTENCE}\n", encoding="utf-8")
            return entry
    raise bench.BenchError(f"no .yaml product with a `deskripsi: |` block under {content}")


# --------------------------------------------------------------------------------------------
# Hugo
# --------------------------------------------------------------------------------------------


def ensure_hugo(explicit: str | None, install: bool, log: Callable[[str], None]) -> str:
    """The hugo binary; installs Debian's ``hugo`` package with apt-get when it is missing."""
    if explicit:
        if not shutil.which(explicit):
            raise bench.BenchError(f"--hugo {explicit}: not found")
        return shutil.which(explicit) or explicit
    found = shutil.which("hugo")
    if found:
        return found
    if not install:
        raise bench.BenchError("hugo is not installed (apt-get install hugo), and --no-install was given")
    if os.geteuid() == 0:
        prefix: list[str] = []
    elif shutil.which("sudo"):
        prefix = ["sudo", "-n"]
    else:
        raise bench.BenchError("hugo is not installed and installing it needs root: apt-get install hugo")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for cmd in (["apt-get", "update", "-q"], ["apt-get", "install", "-y", "-q", "hugo"]):
        log(f"hugo not found: running {' '.join(prefix + cmd)}")
        done = subprocess.run(prefix + cmd, env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise bench.BenchError(f"{' '.join(cmd)} failed (exit {done.returncode}):\n{bench.tail(done.stderr)}")
    found = shutil.which("hugo")
    if not found:
        raise bench.BenchError("apt-get installed hugo but it is not on PATH")
    log(f"installed {hugo_version(found)}")
    return found


def short_name(version: str) -> str:
    """``Hugo 0.111.3+extended (debian 0.111.3-1)`` → ``Hugo 0.111.3``."""
    match = re.match(r"Hugo (\d+\.\d+\.\d+)", version)
    return f"Hugo {match.group(1)}" if match else "Hugo"


def hugo_version(hugo: str) -> str:
    """``hugo v0.111.3+extended linux/amd64 …`` → ``Hugo 0.111.3+extended (Debian 0.111.3-1)``."""
    text = subprocess.run([hugo, "version"], capture_output=True, text=True).stdout.strip()
    match = re.search(r"v(\d+\.\d+\.\d+\S*)", text)
    vendor = re.search(r"VendorInfo=(\S+)", text)
    if not match:
        return text or "Hugo (unknown version)"
    shown = f"Hugo {match.group(1)}"
    if vendor:
        shown += f" ({vendor.group(1).replace(':', ' ')})"
    return shown


def hugo_command(hugo: str, site: Path, dest: Path, cache: Path) -> list[str]:
    return [hugo, "--source", str(site), "--destination", str(dest), "--cacheDir", str(cache), "--gc", "--quiet"]


def etalase_command(workdir: Path, command: str = "build", *options: str) -> list[str]:
    """``build.py <command>`` on the catalog, output and cache of ``workdir``."""
    folders = ["--content", str(workdir / "content"), "--out", str(workdir / "etalase-site")]
    return [sys.executable, "build.py", command, *options, *folders, "--cache-dir", str(workdir / "cache")]


def serve_command(workdir: Path) -> list[str]:
    return etalase_command(workdir, "serve", "--port", "0")


SERVE_EDITS = 3  # edits timed in one preview session


def _next_event(stream) -> str:
    """The data of the next server-sent event (skipping keep-alive comments)."""
    while True:
        line = stream.readline()
        if not line:
            raise bench.BenchError("serve closed its event stream")
        if line.startswith(b"data:"):
            return line[5:].decode("utf-8").strip()


@dataclass
class ServeTimes:
    """Seconds from saving each edit in ``serve``: until a tab open on the product shows it, and
    until the whole site is rebuilt (the same when the edit could not take the fast path)."""

    shown: list[float] = field(default_factory=list)
    rebuilt: list[float] = field(default_factory=list)


def serve_edits(workdir: Path, log: Callable[[str], None], edits: int = SERVE_EDITS) -> ServeTimes:
    """Time ``edits`` edits of one product in ``python build.py serve``, with a tab open on that
    product's page: the watcher notices the file, the fast path shows the page (or, when it
    cannot, the full rebuild does), the reload event arrives and the page is fetched as the
    reloading tab fetches it; then the wait goes on until the full rebuild has published the
    whole site, and the next edit comes only after that."""
    import urllib.request

    proc = subprocess.Popen(
        serve_command(workdir),
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    seen: list[str] = []
    try:
        assert proc.stdout is not None
        base = None
        for line in proc.stdout:
            seen.append(line)
            found = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
            if found:
                base = found.group(1)
                break
        if base is None:
            raise bench.BenchError("serve did not print its address:\n" + "".join(seen[-20:]))
        times = ServeTimes()

        def fetch(page: str, n: int, when: str) -> None:
            with urllib.request.urlopen(page, timeout=30) as resp:
                html = resp.read().decode("utf-8")
            if html.count(EDIT_SENTENCE) < n + 2:  # the bench's CLI edit added the first copy
                raise bench.BenchError(f"the page {when} does not show edit {n + 1}: {page}")

        with urllib.request.urlopen(base + "__etalase/events", timeout=300) as stream:
            _next_event(stream)  # the state the page loaded with
            for n in range(edits):
                entry = edit_entry(workdir / "content")
                saved = time.perf_counter()
                page = f"{base}produk/{entry.parent.name}/{entry.stem}/"
                event = json.loads(_next_event(stream))
                if event.get("pages") is not None:  # the fast path: this page first
                    if f"/produk/{entry.parent.name}/{entry.stem}/" not in event["pages"]:
                        raise bench.BenchError(f"the fast preview did not render the edited page: {event['pages']}")
                    fetch(page, n, "reloaded after the fast preview")
                    times.shown.append(time.perf_counter() - saved)
                    event = json.loads(_next_event(stream))
                if event.get("problems"):
                    raise bench.BenchError(f"serve reported problems after the edit: {event['problems'][:3]}")
                fetch(page, n, "rebuilt")
                times.rebuilt.append(time.perf_counter() - saved)
                if len(times.shown) < len(times.rebuilt):
                    times.shown.append(times.rebuilt[-1])
                log(
                    f"serve: edit {n + 1}/{edits} saved → page shown in {times.shown[-1]:.2f} s, "
                    f"site rebuilt in {times.rebuilt[-1]:.2f} s"
                )
        return times
    finally:
        proc.terminate()
        try:
            proc.communicate(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


# --------------------------------------------------------------------------------------------
# One catalog size
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    result: bench.RunResult
    load: float  # 1-minute load average when it started


@dataclass(frozen=True)
class SiteCount:
    html: int  # .html files that are pages (redirects not counted)
    files: int  # all files
    redirects: int = 0  # .html files that only redirect: Hugo's alias for page 1 of a listing (…/halaman/1/)
    embed_print: int = 0  # of the pages: Etalase's embeddable (…/embed/) and printable (…/cetak/) lists


@dataclass
class SizeResult:
    products: int
    ikm: int
    photos: int
    generate_s: float
    convert_s: float
    converted: Converted
    etalase: list[Run] = field(default_factory=list)
    hugo: list[Run] = field(default_factory=list)
    extra: dict[str, Run] = field(default_factory=dict)  # cold, no-op, edit, hugo-second, hugo-edit
    etalase_site: SiteCount | None = None
    hugo_site: SiteCount | None = None
    summaries: dict[str, str] = field(default_factory=dict)  # Etalase's own last output line
    serve: ServeTimes = field(default_factory=ServeTimes)  # one edit in `serve` (s)
    reused: bool = False  # steps 1-3 read back from a --workdir folder (prepared.json)


def count_site(folder: Path) -> SiteCount:
    html = files = redirects = extras = 0
    for path, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            if not name.endswith(".html"):
                continue
            if name == "index.html" and path.endswith(f"{os.sep}halaman{os.sep}1"):
                redirects += 1
                continue
            html += 1
            if name == "index.html" and path.rsplit(os.sep, 1)[-1] in ("embed", "cetak"):
                extras += 1
    return SiteCount(html, files, redirects, extras)


def _measure(cmd: list[str], what: str, log: Callable[[str], None]) -> Run:
    load = os.getloadavg()[0]
    result = bench.run_measured(cmd, REPO_ROOT)
    if result.returncode != 0:
        detail = bench.tail(result.stderr) or bench.tail(result.stdout)
        raise bench.BenchError(f"{what} failed (exit {result.returncode}):\n{detail}")
    log(
        f"{what}: {result.wall_s:.2f} s wall, {result.cpu_s:.2f} s CPU, {result.peak_rss_mib:.0f} MiB peak RSS"
        f" (load {load:.2f})"
    )
    return Run(result, load)


def _fresh_etalase(workdir: Path) -> None:
    """No output and a cache holding only the photo part saved by the first build."""
    shutil.rmtree(workdir / "etalase-site", ignore_errors=True)
    shutil.rmtree(workdir / "cache", ignore_errors=True)
    (workdir / "cache").mkdir()
    for part in PHOTO_CACHE_PARTS:
        saved = workdir / "photo-cache" / part
        if saved.exists():
            shutil.copytree(saved, workdir / "cache" / part, copy_function=os.link)


def _fresh_hugo(workdir: Path) -> None:
    for name in ("hugo-public", "hugo-cache", "hugo/resources"):
        shutil.rmtree(workdir / name, ignore_errors=True)


PREPARED = "prepared.json"  # in a --workdir size folder: what steps 1-3 made and measured


def _run_fields(run: Run) -> dict[str, float]:
    r = run.result
    return {"wall_s": r.wall_s, "cpu_s": r.cpu_s, "peak_rss_mib": r.peak_rss_mib, "load": run.load}


def save_prepared(workdir: Path, seed: int, size: SizeResult) -> None:
    """Record steps 1-3 of ``size`` so that a later ``--workdir`` run can reuse the folder."""
    record = {
        "seed": seed,
        "products": size.products,
        "ikm": size.ikm,
        "photos": size.photos,
        "generate_s": size.generate_s,
        "convert_s": size.convert_s,
        "converted": vars(size.converted),
        "cold": _run_fields(size.extra["cold"]),
    }
    (workdir / PREPARED).write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")


def load_prepared(workdir: Path, products: int, seed: int) -> SizeResult | None:
    """The reusable state of ``workdir``, or None when it has to be made afresh."""
    try:
        record = json.loads((workdir / PREPARED).read_text(encoding="utf-8"))
        if record["seed"] != seed or record["products"] != products:
            return None
        if not all((workdir / name).is_dir() for name in ("content", "hugo", "photo-cache")):
            return None
        cold = record["cold"]
        size = SizeResult(
            products,
            record["ikm"],
            record["photos"],
            record["generate_s"],
            record["convert_s"],
            Converted(**record["converted"]),
            reused=True,
        )
        result = bench.RunResult(cold["wall_s"], cold["cpu_s"], cold["peak_rss_mib"], 0, "", "")
        size.extra["cold"] = Run(result, cold["load"])
        return size
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _prepare(workdir: Path, products: int, seed: int, log: Callable[[str], None]) -> SizeResult:
    """Steps 1-3: the catalog, its Hugo twin and Etalase's photo cache (made by a first build)."""
    for name in (PREPARED, "content", "hugo", "photo-cache", "cache", "etalase-site"):
        target = workdir / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    gen = bench.generate_placeholder_catalog(products, workdir, seed)
    ikm, photos = bench.count_catalog(workdir / "content")
    log(f"generated {ikm:,} IKMs, {photos:,} placeholder photos in {gen.wall_s:.1f} s")
    started = time.perf_counter()
    converted = convert(workdir / "content", workdir / "hugo")
    convert_s = time.perf_counter() - started
    log(f"converted to Hugo content: {converted.files:,} files in {convert_s:.1f} s")
    size = SizeResult(products, ikm, photos, gen.wall_s, convert_s, converted)
    # untimed for the comparison: Etalase's first build draws share cards and resizes photos
    size.extra["cold"] = _measure(etalase_command(workdir), "etalase first build (empty cache, draws share cards)", log)
    size.summaries["cold"] = bench.tail(size.extra["cold"].result.stdout, 1)
    (workdir / "photo-cache").mkdir()
    for part in PHOTO_CACHE_PARTS:
        if (workdir / "cache" / part).exists():
            shutil.move(workdir / "cache" / part, workdir / "photo-cache" / part)
    save_prepared(workdir, seed, size)
    return size


def bench_size(
    products: int,
    runs: int,
    seed: int,
    hugo: str,
    keep: bool,
    log: Callable[[str], None] = bench._log,
    workroot: Path | None = None,
) -> SizeResult:
    if workroot is None:
        workdir = Path(tempfile.mkdtemp(prefix=f"etalase-hugo-{products}-"))
    else:
        workdir = workroot / str(products)
        workdir.mkdir(parents=True, exist_ok=True)
        keep = True
    try:
        log(f"== {products:,} products ({workdir})")
        size = load_prepared(workdir, products, seed) if workroot is not None else None
        if size is not None:
            log(f"reusing the catalog, Hugo twin and photo cache of an earlier run ({workdir / PREPARED})")
        else:
            size = _prepare(workdir, products, seed, log)
        e_cmd = etalase_command(workdir)
        h_cmd = hugo_command(hugo, workdir / "hugo", workdir / "hugo-public", workdir / "hugo-cache")
        _fresh_hugo(workdir)
        _measure(h_cmd, "hugo warm-up build", log)

        for r in range(1, runs + 1):
            order = ("etalase", "hugo") if r % 2 else ("hugo", "etalase")
            for tool in order:
                if tool == "etalase":
                    _fresh_etalase(workdir)
                    size.etalase.append(_measure(e_cmd, f"round {r}/{runs} etalase clean", log))
                else:
                    _fresh_hugo(workdir)
                    size.hugo.append(_measure(h_cmd, f"round {r}/{runs} hugo clean", log))
        size.summaries["clean"] = bench.tail(size.etalase[-1].result.stdout, 1)
        size.etalase_site = count_site(workdir / "etalase-site")
        size.hugo_site = count_site(workdir / "hugo-public")

        size.extra["noop"] = _measure(e_cmd, "etalase no-op rebuild", log)
        size.summaries["noop"] = bench.tail(size.extra["noop"].result.stdout, 1)
        size.extra["hugo-second"] = _measure(h_cmd, "hugo second build (same destination)", log)
        edited = edit_entry(workdir / "content", workdir / "hugo")
        log(f"edited {edited.relative_to(workdir)}")
        size.extra["edit"] = _measure(e_cmd, "etalase rebuild after a one-entry edit", log)
        size.summaries["edit"] = bench.tail(size.extra["edit"].result.stdout, 1)
        size.extra["hugo-edit"] = _measure(h_cmd, "hugo build after the same edit", log)
        size.serve = serve_edits(workdir, log)
        return size
    finally:
        if keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def _values(runs: Sequence[Run], attr: str) -> list[float]:
    return [getattr(r.result, attr) for r in runs]


def _ratio(a: Sequence[float], b: Sequence[float]) -> str:
    return f"{statistics.median(a) / statistics.median(b):.2f}×"


def comparison_table(sizes: Sequence[SizeResult], hugo_name: str) -> str:
    header = (
        "| Products | Build | HTML pages | Redirect pages | Files | Wall (s) | CPU (s) | Peak RSS (MiB) "
        "| CPU ms/product |\n"
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = []
    for s in sizes:
        e_site, h_site = s.etalase_site or SiteCount(0, 0), s.hugo_site or SiteCount(0, 0)
        for name, runs, site in (("Etalase", s.etalase, e_site), (hugo_name, s.hugo, h_site)):
            cpu = _values(runs, "cpu_s")
            pages = f"{site.html:,}"
            if site.embed_print:
                pages += f" (incl. {site.embed_print:,} embed/print)"
            rows.append(
                f"| {s.products:,} | {name} clean | {pages} | {site.redirects:,} | {site.files:,} "
                f"| {bench.spread(_values(runs, 'wall_s'), '.2f')} | {bench.spread(cpu, '.2f')} "
                f"| {bench.spread(_values(runs, 'peak_rss_mib'), '.0f')} "
                f"| {bench.spread([1000 * c / s.products for c in cpu], '.2f')} |"
            )
        rows.append(
            f"| {s.products:,} | **Etalase / Hugo** | {e_site.html / max(1, h_site.html):.2f}× | "
            f"| {e_site.files / max(1, h_site.files):.2f}× "
            f"| **{_ratio(_values(s.etalase, 'wall_s'), _values(s.hugo, 'wall_s'))}** "
            f"| **{_ratio(_values(s.etalase, 'cpu_s'), _values(s.hugo, 'cpu_s'))}** "
            f"| **{_ratio(_values(s.etalase, 'peak_rss_mib'), _values(s.hugo, 'peak_rss_mib'))}** | |"
        )
    return header + "\n" + "\n".join(rows)


EXTRA_LABELS = {
    "cold": "Etalase first build, empty cache (draws every share card; not part of the comparison)",
    "noop": "Etalase no-op rebuild (same output and cache, nothing changed)",
    "edit": "Etalase rebuild after one product's description changed",
    "hugo-second": "Hugo second build into the same destination",
    "hugo-edit": "Hugo build after the same edit",
}


def rebuild_table(sizes: Sequence[SizeResult]) -> str:
    header = "| Products | Build | Wall (s) | CPU (s) | Peak RSS (MiB) |\n| ---: | --- | ---: | ---: | ---: |"
    rows = []
    for s in sizes:
        for key, label in EXTRA_LABELS.items():
            run = s.extra.get(key)
            if run:
                r = run.result
                rows.append(f"| {s.products:,} | {label} | {r.wall_s:.2f} | {r.cpu_s:.2f} | {r.peak_rss_mib:.0f} |")
    return header + "\n" + "\n".join(rows)


def _spread(values: list[float], what: str) -> str:
    return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f}, {what})"


def _status(ok: bool) -> str:
    return "met" if ok else "**not met**"


def targets_table(sizes: Sequence[SizeResult]) -> str:
    """The issue's targets, reported (never asserted)."""
    rows = []
    ten = next((s for s in sizes if s.products == 10_000), None)
    if ten:
        cpu_e = statistics.median(_values(ten.etalase, "cpu_s"))
        cpu_h = statistics.median(_values(ten.hugo, "cpu_s"))
        rss = max(_values(ten.etalase, "peak_rss_mib"))
        noop = ten.extra["noop"].result.wall_s
        shown, rebuilt = ten.serve.shown, ten.serve.rebuilt
        served = _spread(shown, f"{len(shown)} edits") if shown else "not measured"
        rows += [
            f"| 10k clean build: Etalase CPU ÷ Hugo CPU | {cpu_e / cpu_h:.2f}× ({cpu_e:.1f} s ÷ {cpu_h:.1f} s) "
            f"| ≤ 0.5× | {_status(cpu_e / cpu_h <= 0.5)} |",
            f"| 10k clean build: Etalase CPU ms per product | {1000 * cpu_e / ten.products:.2f} | ≤ 1 "
            f"| {_status(1000 * cpu_e / ten.products <= 1)} |",
            f"| 10k clean build: Etalase peak RSS (largest run) | {rss:.0f} MiB | ≤ 400 MiB | {_status(rss <= 400)} |",
            f"| 10k no-op rebuild: wall | {noop:.2f} s | ≤ 1 s | {_status(noop <= 1)} |",
            f"| 10k one product edited in `serve`, a tab open on it: saved → page reloaded | {served} | ≤ 2 s "
            f"| {_status(bool(shown) and statistics.median(shown) <= 2)} |",
            f"| 10k the same edits: saved → whole site rebuilt and published | "
            f"{_spread(rebuilt, f'{len(rebuilt)} edits') if rebuilt else 'not measured'} | reported | — |",
        ]
    big = next((s for s in sizes if s.products == LARGE_SIZE), None)
    if big:
        rss = max(_values(big.etalase, "peak_rss_mib"))
        rows.append(f"| 100k clean build: Etalase peak RSS | {rss:.0f} MiB | ≤ 2048 MiB | {_status(rss <= 2048)} |")
    else:
        rows.append("| 100k clean build: Etalase peak RSS | not run (`--with-100k`) | ≤ 2048 MiB | — |")
    per = ", ".join(
        f"{s.products:,}: {1000 * statistics.median(_values(s.etalase, 'cpu_s')) / s.products:.2f}" for s in sizes
    )
    rows.append(f"| Etalase CPU ms per product (median clean build) | {per} | reported | — |")
    return "| Target (issue 7) | Result | Goal | Status |\n| --- | --- | --- | --- |\n" + "\n".join(rows)


def record_block(
    sizes: Sequence[SizeResult], hugo_name: str, command: str, runs: int, today: datetime.date, machine: str
) -> str:
    loads = [r.load for s in sizes for r in (*s.etalase, *s.hugo)]
    catalog = "; ".join(
        f"{s.products:,} products, {s.ikm:,} IKMs, {s.photos:,} placeholder photos: generated in {s.generate_s:.1f} s, "
        f"converted to {s.converted.files:,} Hugo files in {s.convert_s:.1f} s"
        + (
            " (an earlier run's, reused with `--workdir`: generation, conversion and first build not repeated)"
            if s.reused
            else ""
        )
        for s in sizes
    )
    summaries = []
    for s in sizes:
        for key in ("clean", "noop", "edit"):
            if s.summaries.get(key):
                summaries.append(f"  - {s.products:,}, {key}: {s.summaries[key]}")
    return "\n".join(
        [
            comparison_table(sizes, short_name(hugo_name)),
            "",
            rebuild_table(sizes),
            "",
            targets_table(sizes),
            "",
            f"- Command: `{command}`",
            f"- Date: {today.isoformat()}",
            f"- Machine: {machine}",
            f"- Hugo: {hugo_name}, Debian package, default settings of `bench/hugo/hugo.toml`",
            f"- Method: {runs} round(s) per size, Etalase and Hugo alternately (the order swaps every round), "
            "median (min–max); the ratio row divides the medians. Clean build = no output folder and an empty "
            "cache, except Etalase's photo cache (photo variants and share cards made by an untimed first build, "
            "listed in the second table) so that neither side does image work. Wall, CPU (user + system of the "
            "build and the processes it waited for: Etalase's render workers, Hugo's threads) and peak RSS "
            "(largest single process) from `os.wait4`.",
            f"- Catalog: `tools/gen_catalog.py --photos-per-ikm 1 --placeholder-photos`: {catalog}. "
            "Every product has one photo because the schema asks for one (`gambar`, minItems 1); it is a "
            "2 KB flat 400×400 JPEG shared by the IKM's products. Hugo's pages refer to the photo but no "
            "photo is copied or processed on its side.",
            f"- Load average (1 min) at the start of the timed builds: {min(loads):.2f}–{max(loads):.2f}; the "
            "machine is shared with other work, so wall times are noisy; CPU seconds are the steadier figure.",
            "- Etalase's own summary line:",
            *summaries,
        ]
    )


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark Etalase against Hugo on the same synthetic catalog.")
    parser.add_argument(
        "--products",
        type=int,
        nargs="+",
        default=list(DEFAULT_SIZES),
        metavar="N",
        help="catalog sizes (default: 1000 10000)",
    )
    parser.add_argument("--with-100k", action="store_true", help=f"also benchmark {LARGE_SIZE:,} products (slow)")
    parser.add_argument("--runs", type=int, default=3, metavar="R", help="clean-build rounds per size (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--hugo", metavar="PATH", help="hugo binary (default: hugo on PATH)")
    parser.add_argument("--no-install", action="store_true", help="fail instead of apt-get installing hugo")
    parser.add_argument("--keep", action="store_true", help="keep the generated catalogs and sites")
    parser.add_argument(
        "--workdir", type=Path, metavar="DIR", help="keep catalogs and sites in DIR/<N>/ and reuse them on the next run"
    )
    parser.add_argument(
        "--record", type=Path, metavar="FILE", help="write the results between the bench:hugo markers of FILE"
    )
    args = parser.parse_args(argv)
    if args.with_100k and LARGE_SIZE not in args.products:
        args.products.append(LARGE_SIZE)
    if args.runs < 1 or any(n < 1 for n in args.products):
        parser.error("--runs and --products must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    try:
        hugo = ensure_hugo(args.hugo, not args.no_install, bench._log)
        hugo_name = hugo_version(hugo)
        bench._log(f"using {hugo_name} ({hugo})")
        sizes = [bench_size(n, args.runs, args.seed, hugo, args.keep, workroot=args.workdir) for n in args.products]
    except bench.BenchError as exc:
        print(f"bench_hugo: {exc}", file=sys.stderr)
        return 1
    block = record_block(
        sizes, hugo_name, bench.invocation(argv), args.runs, datetime.date.today(), bench.machine_description()
    )
    print()
    print(block)
    if args.record:
        return bench.save_record("bench_hugo", args.record, block, (START_MARKER, END_MARKER))
    return 0


if __name__ == "__main__":
    sys.exit(main())
