"""preview: the preview server's fast path (as Hugo's "fast render mode").

When a change touches only product entries the last good build published, and each of them still
passes its checks, their product pages, and the pages open in a browser tab, are planned and
rendered from that build's model with those products replaced: ``serve`` shows them at once (a
catalog-wide rebuild takes seconds at 10,000 products) and then runs the full rebuild, which
writes the whole site as usual. A product page is planned alone; any other open page (a listing,
a producer, the home page) takes planning the rest of the site (a third of a second at 10,000
products). Anything else (a new, removed or renamed file, an IKM, a photo, a template, the
config, an entry with an error, a product that shows a photo the last build did not publish)
goes straight to the full rebuild, which also reports the problems."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path

import jinja2

from etalase import render, rules, schemacheck
from etalase import urls as U
from etalase.config import SiteConfig
from etalase.diagnostics import ERROR, Diagnostic
from etalase.discover import PRODUCT, SourceFile, source_file
from etalase.fragments import Fragments
from etalase.load import load
from etalase.model import Product, Site
from etalase.modelbuild import product_from
from etalase.plan import PlannedPage, Planner
from etalase.validate import Checked


class Snapshot:
    """What the last good build leaves for the fast path: its model, its template environment
    (with the asset and search-index versions of its pages) and its checked sources."""

    def __init__(self, cfg: SiteConfig, site: Site, env: jinja2.Environment, checked: Checked, fragments: Fragments):
        self.cfg, self.site, self.env, self.checked, self.fragments = cfg, site, env, checked, fragments
        base = cfg.content_dir.resolve()  # discover follows no link below it: one resolve will do
        self.sources = {base / f.rel: f for f in checked.files if f.kind == PRODUCT}
        self.products = {p.source: p for p in site.products}


class Edit:
    """The last build's model with the edited products in it."""

    def __init__(self, site: Site, products: list[Product]) -> None:
        self.site, self.products = site, products


def edit(snapshot: Snapshot, changed: Iterable[Path]) -> Edit | None:
    """The model with the products of the ``changed`` files replaced; ``None`` when the change
    is not one the fast path can show."""
    cfg, checked = snapshot.cfg, snapshot.checked
    assert checked.regions is not None and checked.taxonomy is not None and checked.photos is not None
    cross = rules.CrossRules(checked.regions, checked.taxonomy, cfg.today, cfg.content_dir, checked.photos)
    updates: dict[str, Product] = {}
    for path in changed:
        before = snapshot.sources.get(Path(path).resolve())
        if before is None:
            return None  # not a product the last build published (or not a product at all)
        try:
            src = source_file(before.path, cfg.content_dir, cfg.root)
        except OSError:
            return None  # removed
        old = snapshot.products.get(src.display)
        if old is None:
            return None
        new = _checked_product(src, old, cfg, cross, checked)
        if new is None:
            return None
        updates[old.key] = new
    if not updates:
        return None
    site = snapshot.site
    touched = {p.producer.slug for p in updates.values()}
    site = dataclasses.replace(
        site,
        products=tuple(updates.get(p.key, p) for p in site.products),
        by_producer={
            slug: tuple(updates.get(p.key, p) for p in ps) if slug in touched else ps
            for slug, ps in site.by_producer.items()
        },
    )
    return Edit(site, list(updates.values()))


def edited_pages(snapshot: Snapshot, change: Edit) -> dict[str, str]:
    """Output file → HTML of the edited products' pages (each planned alone: milliseconds)."""
    planner = Planner(change.site)
    return _render(snapshot, [planner.product_page(p) for p in change.products])


def shown_pages(snapshot: Snapshot, change: Edit, shown: Iterable[str]) -> dict[str, str]:
    """Output file → HTML of the pages among ``shown`` (output files: those open in a tab) that
    are in the site. A product's page is planned alone; any other page takes planning the rest
    of the site (its listings, producers, …: a third of a second at 10,000 products)."""
    wanted = set(shown)
    if not wanted:
        return {}
    planner = Planner(change.site)
    pages = [planner.product_page(p) for p in change.site.products if U.output_file(U.product(p)) in wanted]
    rest = wanted - {U.output_file(page.url) for page in pages}
    if rest:
        pages += [page for page in planner.plan(products=False).pages if U.output_file(page.url) in rest]
    return _render(snapshot, pages)


def _render(snapshot: Snapshot, pages: list[PlannedPage]) -> dict[str, str]:
    try:
        return dict(render.render_pages(snapshot.env, pages))
    finally:
        snapshot.fragments.end()  # the cards made here are not the next build's to reuse


def _checked_product(
    src: SourceFile, old: Product, cfg: SiteConfig, cross: rules.CrossRules, checked: Checked
) -> Product | None:
    """The product of ``src`` if it passes every check a lone entry can pass and shows only
    photos the last build published."""
    diags: list[Diagnostic] = []
    doc = load(src, diags)
    if doc is None or diags:
        return None
    if schemacheck.check(doc, doc.kind, cfg.schema_dir):
        return None
    cross.product(rules.Checker(diags), doc, None)
    if any(d.severity == ERROR for d in diags):
        return None
    assert checked.taxonomy is not None and checked.regions is not None and checked.photos is not None
    new = product_from(doc, old.producer, cfg, checked.taxonomy, checked.regions, checked.photos)
    if {i.key for i in new.images} - {i.key for i in old.images}:
        return None  # a photo the full build has still to process
    return new
