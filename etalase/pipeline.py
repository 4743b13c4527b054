"""The whole build, one step per line, as in design.md:
discover → load → validate → model → plan → render → assets/images → index → write."""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from etalase import buildstamp
from etalase.diagnostics import WARNING, Diagnostic, UsageProblem
from etalase.i18n import t

if TYPE_CHECKING:
    import jinja2

    from etalase import media, pagecache
    from etalase import plan as planning
    from etalase.config import SiteConfig
    from etalase.fragments import Fragments
    from etalase.model import Product, Site
    from etalase.urls import Urls
    from etalase.validate import Checked
    from etalase.write import Keep, WriteReport

# The steps' modules (Jinja2, Pillow, the model's dataclasses, …) are imported by the functions
# that run them: a no-op rebuild (``buildstamp``) needs none of them, and their import is a
# fifth of its time.


@dataclass
class Report:
    checked: Checked
    diagnostics: list[Diagnostic]
    ok: bool
    pages: int = 0
    rendered: int = 0  # pages rendered (the others were kept: etalase.pagecache)
    files: int = 0
    seconds: float = 0.0
    site: Site | None = None
    photos: media.MediaReport | None = None
    qr_drawn: int = 0  # QR codes drawn this build (the others came from the cache)
    written: WriteReport | None = None  # files written, unchanged and removed
    timings: dict[str, float] = field(default_factory=dict)
    unchanged_since: dict | None = None  # a no-op rebuild: what the last build recorded
    env: jinja2.Environment | None = None  # the pages' template environment (serve's fast path: etalase.preview)


def check_content(cfg: SiteConfig, strict: bool = False, progress: bool = False) -> Report:
    """discover → load → validate. Never raises on bad content (a missing folder or data table
    is a configuration error: ``UsageProblem``)."""
    from etalase.categories import load_taxonomy
    from etalase.discover import discover
    from etalase.entrycache import EntryCache
    from etalase.images import Inspector
    from etalase.load import LOADABLE, load
    from etalase.parse import parse_clean
    from etalase.progress import Progress
    from etalase.regions import load_regions
    from etalase.rules import check_layout, loadable
    from etalase.validate import validate

    if not cfg.content_dir.is_dir():
        raise UsageProblem(t("msg.content_missing", path=cfg.content_dir))
    for table in ("wilayah.csv", "kategori.yaml"):
        if not (cfg.data_dir / table).is_file():
            raise UsageProblem(t("msg.data_missing", path=cfg.data_dir / table))
    regions = load_regions(cfg.data_dir / "wilayah.csv")
    taxonomy = load_taxonomy(cfg.data_dir / "kategori.yaml")
    files = discover(cfg.content_dir, cfg.root)
    diags: list[Diagnostic] = []
    check_layout(files, diags)
    entries = EntryCache(cfg.cache_dir, cfg.schema_dir)
    wanted = [f for f in files if f.kind in LOADABLE and loadable(f)]
    cached = {f.rel: doc for f in wanted if (doc := entries.get(f)) is not None}
    # the entries the cache did not have: the clean ones parsed and checked on every core
    fresh = [f for f in wanted if f.rel not in cached]
    bar = Progress(t("ui.cli.progress_entries"), len(wanted), progress)
    docs, parsed = [], []
    try:
        bar.advance(len(cached))
        clean = parse_clean(fresh, cfg.schema_dir, cfg.jobs, bar)
        serial, clean = clean is None, clean or {}
        for f in wanted:
            doc = cached.get(f.rel)
            if doc is None and f.rel in clean:
                doc = clean[f.rel]
                parsed.append(doc)
            elif doc is None:  # a problem to report, a small site or one core: loaded here
                before = len(diags)
                doc = load(f, diags)
                if doc is not None and len(diags) == before:
                    parsed.append(doc)  # cached below if its schema passes too
                if serial:
                    bar.advance()
            if doc is not None:
                docs.append(doc)
    finally:
        bar.close()
    photos = Inspector(cfg.images, cfg.cache_dir)
    checked = validate(files, docs, diags, cfg, regions, taxonomy, photos)
    photos.save()
    for doc in parsed:
        if doc.schema_ok:
            entries.put(doc)
    entries.save()
    bad = any(d.severity != WARNING or strict for d in checked.diagnostics)
    return Report(checked, checked.diagnostics, not bad)


def asset_files(assets_dir: Path) -> dict[str, Path]:
    out = {}
    if assets_dir.is_dir():
        for path in sorted(assets_dir.rglob("*")):
            # fonts are for drawing share cards at build time, not for the pages
            if path.is_file() and not path.name.startswith(".") and path.parent.name != "fonts":
                out["assets/" + path.relative_to(assets_dir).as_posix()] = path
    return out


def fingerprint(files: dict[str, Path]) -> str:
    h = hashlib.blake2b(digest_size=6)
    for rel, path in sorted(files.items()):
        h.update(rel.encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def build(
    cfg: SiteConfig,
    strict: bool = False,
    force: bool = False,
    progress: bool = False,
    fragments: Fragments | None = None,
) -> Report:
    """Validate, then (only if valid) render and write the whole site. When nothing the build
    reads has changed since the last build and ``_site/`` is as it left it, do nothing
    (``buildstamp``), unless ``force``. ``progress`` draws bars for long steps (``etalase.progress``).
    A process that builds again and again (``serve``) passes the same ``fragments`` every time."""
    started = time.perf_counter()
    stamp = buildstamp.Stamp(cfg, strict)
    last = None if force else stamp.fresh()
    if last is not None:
        report = Report(None, [Diagnostic(**d) for d in last["warnings"]], True, unchanged_since=last)  # type: ignore[arg-type]
        report.pages, report.files = last["pages"], last["files"]
        report.seconds = time.perf_counter() - started
        return report
    stamp.forget()
    from etalase.fragments import Fragments

    shared = fragments if fragments is not None else Fragments()  # cards, printed items, CSV lines
    try:
        report = _build(cfg, strict, started, progress, shared, across_builds=fragments is not None)
    finally:
        shared.end()
    if report.ok:
        stamp.save(
            {
                "pages": report.pages,
                "files": report.files,
                "products": len(report.site.products) if report.site else 0,
                "producers": len(report.site.producers) if report.site else 0,
                "warnings": [dataclasses.asdict(d) for d in report.diagnostics],
            }
        )
    return report


def _build(
    cfg: SiteConfig, strict: bool, started: float, progress: bool, fragments: Fragments, across_builds: bool
) -> Report:
    from etalase import background, formgen, media, pagecache, qrcodes, render, searchindex, sitefiles
    from etalase import plan as planning
    from etalase.modelbuild import build_site
    from etalase.progress import Progress
    from etalase.urls import Urls
    from etalase.write import Linked, distrust_changed_links, manifest_for, recorded, scratch_for, write_site

    timings: dict[str, float] = {}

    def lap(step: str, since: float) -> float:
        """Record ``step`` as the time since ``since``; returns now, where the next step starts."""
        now = time.perf_counter()
        timings[step] = now - since
        return now

    report = check_content(cfg, strict, progress)
    timings["validate"] = time.perf_counter() - started
    if not report.ok:
        report.seconds = time.perf_counter() - started
        return report
    checked = report.checked
    checked.release_positions()
    mark = time.perf_counter()
    site = build_site(checked, cfg, checked.taxonomy, checked.regions)
    checked.release_documents()
    plan = planning.plan(site)
    pages = plan.pages
    mark = lap("model+plan", mark)
    assets = asset_files(cfg.assets_dir)
    env = render.make_env(cfg.templates_dir, site, fragments)
    env.globals["asset_version"] = fingerprint(assets)
    urls = Urls(cfg.base_url)
    vocabulary = cfg.data_dir / "pencarian.yaml"

    def search_index() -> tuple[list[tuple[str, str]], float]:
        begun = time.perf_counter()
        return list(searchindex.write_index(site, urls, vocabulary)), time.perf_counter() - begun

    with contextlib.ExitStack() as running:
        # the search index takes a core of its own while this process does the rest (with --jobs > 1)
        index_job = background.Background(search_index, cfg.jobs)
        running.callback(index_job.close)
        # the render workers are forked now, before the rest is made here (they need none of it)
        renderers = render.Renderers(env, pages, cfg.jobs, scratch_for(cfg.output_dir))
        running.callback(renderers.close)
        site_files = {**sitefiles.sitemaps(pages, urls), "robots.txt": sitefiles.robots(urls)}
        site_files.update(sitefiles.schemas(cfg.schema_dir, urls))
        site_files.update(formgen.region_files(site.regions))
        mark = lap("open data", mark)
        manifest = manifest_for(cfg.cache_dir, cfg.output_dir)
        previous = recorded(cfg.output_dir, manifest)
        distrust_changed_links(cfg.output_dir, previous)  # before the cache files are looked for
        photo_files, report.photos = media.publish(
            site, cfg.images, cfg.cache_dir, cfg.assets_dir / "fonts", cfg.jobs, t("ui.site_short"), progress
        )
        mark = lap("images", mark)
        keys = pagecache.PageKeys(site, env, env.globals)
        if across_builds:  # serve: fragments of unchanged products come from earlier builds
            fragments.scope_to(keys.build_key, keys.value_key)
        # the pages that show the index's version wait for it: their keys come last
        waits = ["search" in keys.reads(page.template) for page in pages]
        page_keys = [None if wait else keys.key(page) for page, wait in zip(pages, waits, strict=True)]
        mark = lap("page keys", mark)
        index_files, timings["index"] = index_job.result()
        late = {"search_version": searchindex.version(index_files)}
        env.globals.update(late)
        site_files.update(index_files)
        mark = lap("index (wait)", mark)
        page_keys = [keys.key(page) if wait else key for page, wait, key in zip(pages, waits, page_keys, strict=True)]
        kept = pagecache.reusable(pages, page_keys, previous)
        report.rendered = len(pages) - sum(kept)
        # render → write, streamed: each page is written as soon as it is rendered
        codes = qrcodes.QrCodes(cfg.cache_dir)
        rendered = render.render_or_keep(renderers, page_keys, kept, late)
        outputs = itertools.chain(
            Progress(t("ui.cli.progress_pages"), len(pages), progress).wrap(rendered),
            site_files.items(),
            export_files(site, urls, keys),
            collection_files(plan.collections, site, urls, keys, fragments),
            codes.files(site.listed, urls),
            ((rel, Linked(source)) for rel, source in photo_files.items()),
        )
        written = write_site(cfg.output_dir, outputs, assets, manifest, previous)
    report.files, report.written = written.files, written
    lap("render+write", mark)
    report.pages = len(pages)
    report.qr_drawn = codes.drawn
    report.site, report.env = site, env
    report.seconds = time.perf_counter() - started
    report.timings = timings
    return report


def export_files(site: Site, urls: Urls, keys: pagecache.PageKeys) -> Iterator[tuple[str, Keep]]:
    """The ``/data/`` exports, made when the writer comes to them; kept when the catalog's
    products and producers are as in the previous build."""
    from etalase import opendata
    from etalase.write import Keep

    tag = keys.tag("open data", site.products, site.producers)
    for rel, make in opendata.export(site, urls).items():
        yield rel, Keep(tag, make)


def collection_files(
    collections: list[planning.Collection],
    site: Site,
    urls: Urls,
    keys: pagecache.PageKeys,
    fragments: Fragments,
) -> Iterator[tuple[str, Keep]]:
    """Feeds (and CSVs) of every listing that has them, produced as they are written; those of a
    listing whose title, description and products are as in the previous build are kept. A
    product's CSV line is made once (``fragments``): it is in the CSV of each of its listings."""
    from etalase import feeds, media, opendata
    from etalase.write import Keep, Pieces

    columns = opendata.product_columns(urls)

    def line(p: Product) -> str:
        return fragments.get("csv", p, (), lambda: opendata.csv_line(columns, p))

    for c in collections:
        tag = keys.tag("collection", c.title, c.path, c.description, c.csv, c.products)
        common = {"title": c.title, "page_path": c.path, "urls": urls, "site_title": site.config.title}

        def atom(c: planning.Collection = c, common: dict = common) -> str:
            return feeds.atom(c.products, feed_path=f"{c.path}feed.xml", fallback=site.config.today, **common)

        def json_feed(c: planning.Collection = c, common: dict = common) -> str:
            return feeds.json_feed(
                c.products,
                feed_path=f"{c.path}feed.json",
                description=c.description,
                image_of=lambda p: media.product_card(p).path,
                **common,
            )

        yield f"{c.path}feed.xml", Keep(tag, atom)
        yield f"{c.path}feed.json", Keep(tag, json_feed)
        if c.csv:
            yield f"{c.path}produk.csv", Keep(tag, lambda rows=c.products: Pieces(opendata.to_csv(columns, rows, line)))


def summary(report: Report) -> str:
    site = report.site
    if report.unchanged_since is not None:
        last = report.unchanged_since
        return t(
            "ui.cli.summary_unchanged",
            products=last["products"],
            producers=last["producers"],
            files=last["files"],
            seconds=f"{report.seconds:.2f}",
        )
    if site is None:
        return ""
    return t(
        "ui.cli.summary",
        photos=report.photos.photos if report.photos else 0,
        processed=report.photos.processed if report.photos else 0,
        products=len(site.products),
        producers=len(site.producers),
        pages=report.pages,
        rendered=report.rendered,
        files=report.files,
        written=report.written.written if report.written else report.files,
        unchanged=report.written.unchanged if report.written else 0,
        seconds=f"{report.seconds:.2f}",
    )
