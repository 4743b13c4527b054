"""render: the one Jinja2 environment (autoescape on, strict undefined) and its filters."""

from __future__ import annotations

import itertools
from collections import deque
from collections.abc import Iterator
from pathlib import Path

import jinja2
from jinja2 import nodes
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from etalase import formatting as F
from etalase import formgen, images, markdown, media, qrcodes, seo
from etalase import urls as U
from etalase.fragments import Fragments
from etalase.i18n import Strings, strings
from etalase.model import Image, Product, Site
from etalase.plan import PlannedPage
from etalase.write import Keep, Tagged


class _StringsFolder(NodeTransformer):
    """Replaces ``t("key")`` (and ``t("key", n=3)``, every argument a constant) with the string
    itself when the template is compiled: a page calls ``t`` 54 times on average, and each call
    from a template goes through Jinja's ``Context.call`` (800,000 calls at 10k products)."""

    def __init__(self, lookup: Strings) -> None:
        self.lookup = lookup

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        node = self.generic_visit(node)
        if not (isinstance(node.node, nodes.Name) and node.node.name == "t") or node.dyn_args or node.dyn_kwargs:
            return node
        if len(node.args) != 1 or not isinstance(node.args[0], nodes.Const) or not isinstance(node.args[0].value, str):
            return node
        if not all(isinstance(kw.value, nodes.Const) for kw in node.kwargs):
            return node
        try:
            text = self.lookup(node.args[0].value, **{kw.key: kw.value.value for kw in node.kwargs})
        except (KeyError, IndexError, ValueError):
            return node  # a missing key or a bad placeholder fails when rendered, as without folding
        return nodes.Const(text, lineno=node.lineno)


class _Environment(jinja2.Environment):
    """The site's environment: templates have their constant ``t(...)`` calls folded, unless the
    template binds a name ``t`` of its own (a loop variable, a macro argument, a ``set``)."""

    strings_table: Strings

    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        if any(n.name == "t" and n.ctx != "load" for n in tree.find_all(nodes.Name)):
            return tree
        return _StringsFolder(self.strings_table).visit(tree)


def make_env(templates_dir: Path, site: Site, fragments: Fragments | None = None) -> jinja2.Environment:
    env = _Environment(
        loader=jinja2.FileSystemLoader(str(templates_dir)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        cache_size=-1,
    )
    env.strings_table = strings(site.config.lang)
    urls = U.Urls(site.config.base_url)

    def md(text: str, heading_base: int = 3) -> Markup:
        return Markup(markdown.render(text, heading_base, urls.prefix))

    env.filters.update(
        rupiah=F.rupiah,
        persen=F.percent,
        angka=F.number,
        tanggal=F.date_long,
        tanggal_hari=F.date_weekday,
        harga=F.price_text,
        harga_nominal=F.price_amount,
        telepon=F.phone_display,
        markdown=md,
        jsonld=lambda item: seo.script(item, urls),
    )
    env.globals.update(
        t=env.strings_table,
        site=site,
        cfg=site.config,
        urls=urls,
        U=U,
        whatsapp_link=F.whatsapp_link,
        tel_link=F.tel_link,
        site_nav_pages=lambda: [(pg.title, U.page(pg)) for pg in site.pages],
    )
    # A product card looks the same on every listing and product page that shows it: render it
    # once (at 10k products, "more from this producer" alone asks for 80k cards); so does a
    # product's item in the printable lists of its category, region, programme, … (Fragments)
    shared = fragments if fragments is not None else Fragments()

    def once(macro: str, product: Product, *args: str) -> Markup:
        def make() -> Markup:
            return Markup(getattr(env.get_template("partials/macros.html").module, macro)(product, *args))

        return shared.get(macro, product, args, make)

    env.globals["card_html"] = lambda product, heading="h3": once("card", product, heading)
    env.globals["print_item_html"] = lambda product: once("print_item", product)

    settings = site.config.images
    fmts = media.formats(settings)

    def srcset(img: Image, fmt: str) -> str:
        return ", ".join(
            f"{urls.rel(U.image_variant(img, w, fmt))} {w}w" for w in images.variant_widths(img.width, settings.widths)
        )

    def fallback(img: Image) -> str:
        """The ``src`` for browsers without srcset: a middle width, small enough for a phone."""
        widths = images.variant_widths(img.width, settings.widths)
        fitting = [w for w in widths if w <= 640]
        return urls.rel(U.image_variant(img, fitting[-1] if fitting else widths[0], "jpg"))

    def logo(img: Image) -> dict:
        width = min(img.width, media.LOGO_WIDTH)
        height = max(1, round(img.height * width / img.width))
        return {
            "webp": urls.rel(U.image_variant(img, width, "webp")),
            "jpg": urls.rel(U.image_variant(img, width, "jpg")),
            "width": width,
            "height": height,
        }

    env.globals.update(
        logo=logo,
        qr_path=qrcodes.path_of,
        rules_json=formgen.rules_json,
        srcset=srcset,
        image_fallback=fallback,
        image_formats=fmts,
        variant_widths=lambda width: images.variant_widths(width, settings.widths),
    )
    return env


_WORK: tuple[jinja2.Environment, list[PlannedPage]] | None = None  # what forked workers render
CHUNK = 64  # pages a worker renders per task: large enough to amortise the pipe, small for balance


def _render_range(bounds: tuple[int, int]) -> list[tuple[str, str]]:
    assert _WORK is not None
    env, pages = _WORK
    return list(render_pages(env, pages[bounds[0] : bounds[1]]))


def render_pages_parallel(env: jinja2.Environment, pages: list[PlannedPage], jobs: int) -> Iterator[tuple[str, str]]:
    """``render_pages`` spread over ``jobs`` forked processes, yielding pages in the same order as
    a serial run (so the output is byte for byte the same). The workers inherit the model and the
    environment by ``fork``; where fork is not available, or for small sites, it renders serially."""
    import multiprocessing

    global _WORK
    if jobs <= 1 or len(pages) < 4 * CHUNK or "fork" not in multiprocessing.get_all_start_methods():
        yield from render_pages(env, pages)
        return
    _WORK = (env, pages)
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            ranges = iter([(i, min(i + CHUNK, len(pages))) for i in range(0, len(pages), CHUNK)])
            # a bounded window of chunks in flight, not Pool.imap: imap lets the workers run ahead
            # of a slow disk and piles every rendered page up in this process (+350 MiB at 10k)
            pending = deque(pool.apply_async(_render_range, (r,)) for r in itertools.islice(ranges, 2 * jobs))
            while pending:
                chunk = pending.popleft().get()
                following = next(ranges, None)
                if following is not None:
                    pending.append(pool.apply_async(_render_range, (following,)))
                yield from chunk
    finally:
        _WORK = None


def render_or_keep(
    env: jinja2.Environment,
    pages: list[PlannedPage],
    keys: list[str | None],
    kept: list[bool],
    jobs: int,
) -> Iterator[tuple[str, str | Tagged | Keep]]:
    """Every planned page in plan order, as the writer takes them: ``Keep`` for a page whose key
    (``etalase.pagecache``) is the one recorded with its file by the previous build (``kept``),
    the rendered HTML (``Tagged`` with its key) for the others, which alone go to the workers."""
    rels = [U.output_file(page.url) for page in pages]
    fresh = render_pages_parallel(env, [page for page, k in zip(pages, kept, strict=True) if not k], jobs)
    try:
        for page, rel, key, keep in zip(pages, rels, keys, kept, strict=True):
            if keep:
                assert key is not None
                yield rel, Keep(key, lambda page=page: next(render_pages(env, [page]))[1])
                continue
            _, html = next(fresh)
            yield rel, html if key is None else Tagged(html, key)
    finally:
        fresh.close()  # stops the workers if the writer gave up half-way


def render_pages(env: jinja2.Environment, pages: list[PlannedPage]) -> Iterator[tuple[str, str]]:
    """Render every planned page lazily, as ``(output file, html)``: the write step streams them
    to disk, so a 100k-product site never holds all its HTML in memory."""
    templates: dict[str, jinja2.Template] = {}
    for page in pages:
        tpl = templates.get(page.template)
        if tpl is None:
            tpl = templates[page.template] = env.get_template(page.template)
        yield U.output_file(page.url), tpl.render(page.context)
