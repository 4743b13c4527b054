"""render: the one Jinja2 environment (autoescape on, strict undefined) and its filters."""

from __future__ import annotations

import itertools
import os
import pickle
import shutil
from collections.abc import Iterator
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
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
from etalase.write import Keep, Made, Tagged, made


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


CHUNK = 64  # pages a worker renders per task: large enough to amortise the pipe, small for balance
# characters of a page past which it is written to a file by whoever renders it (``Made``) instead
# of being passed whole between processes: the printed catalogue of a national programme is 69 MB
# at 100k products, and it used to be held three times over in a worker and twice in the writer
SPILL = 8 << 20
_BATCH = 4096  # pieces of template output joined at a time
_WORK: tuple[jinja2.Environment, list[PlannedPage], Path | None] | None = None  # what a worker renders
_SPILLED = itertools.count()


def _batches(pieces: Iterator[str]) -> Iterator[str]:
    while batch := list(itertools.islice(pieces, _BATCH)):
        yield "".join(batch)


def page_output(env: jinja2.Environment, page: PlannedPage, scratch: Path | None) -> str | Made:
    """A page's HTML; one larger than ``SPILL`` characters is written, as it is made, to a file in
    ``scratch`` (on the output's file system: the writer moves it into place)."""
    out = _batches(env.get_template(page.template).generate(page.context))
    head: list[str] = []
    size = 0
    for text in out:
        head.append(text)
        size += len(text)
        if scratch is not None and size >= SPILL:
            scratch.mkdir(parents=True, exist_ok=True)
            return made(scratch / f"{os.getpid()}-{next(_SPILLED)}.html", itertools.chain(head, out))
    return "".join(head)


def _worker(conn: Connection) -> None:
    """A render worker's loop: (page indexes, late globals) in, their HTML (or the error) out."""
    assert _WORK is not None
    env, pages, scratch = _WORK
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        indexes, late = task
        try:
            env.globals.update(late)
            answer: tuple[bool, object] = (True, [page_output(env, pages[i], scratch) for i in indexes])
        except Exception as exc:  # re-raised by the build, as a serial build would raise it
            answer = (False, _sendable(exc))
        try:
            conn.send(answer)
        except OSError:  # the build stopped listening (it failed, or was interrupted)
            return


def _sendable(exc: Exception) -> Exception:
    """``exc``, or its text in a ``RuntimeError`` when it cannot cross the pipe (pickled there and
    back)."""
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return RuntimeError(f"{type(exc).__name__}: {exc}")
    return exc


class Renderers:
    """The processes that render pages with ``--jobs`` > 1, forked as soon as the model, the plan
    and the template environment exist: by fork they inherit those and nothing else, not what the
    build makes afterwards in this process (the page keys, the search index, the open data, the
    photo list: ~330 MiB at 100k products, which every worker used to carry). Pages are asked for
    by their index in the plan, together with the globals that exist only later
    (``search_version``), a chunk at a time round the workers, and come back in the order asked,
    so the output is byte for byte a serial build's. No threads: this process can still fork
    others (photo workers) safely. With one job, without fork, or for a small plan, pages are
    rendered in this process."""

    def __init__(
        self, env: jinja2.Environment, pages: list[PlannedPage], jobs: int, scratch: Path | None = None
    ) -> None:
        import multiprocessing

        global _WORK
        self.env, self.pages, self.scratch = env, pages, scratch  # scratch: for pages past SPILL
        self.workers: list[tuple[BaseProcess, Connection]] = []
        if jobs <= 1 or len(pages) < 4 * CHUNK or "fork" not in multiprocessing.get_all_start_methods():
            return
        ctx = multiprocessing.get_context("fork")
        _WORK = (env, pages, scratch)
        try:
            for _ in range(jobs):
                ours, theirs = ctx.Pipe()
                proc = ctx.Process(target=_worker, args=(theirs,), daemon=True)
                proc.start()
                theirs.close()
                self.workers.append((proc, ours))
        except BaseException:
            self.close()
            raise
        finally:
            _WORK = None

    def render(self, indexes: list[int], late: dict) -> Iterator[str | Made]:
        """The HTML of ``pages[i]`` for each ``i`` in ``indexes``, in that order (``page_output``);
        ``late`` is set in the environment's globals first (here and in every worker)."""
        self.env.globals.update(late)
        if not self.workers or len(indexes) < 4 * CHUNK:
            for i in indexes:
                yield page_output(self.env, self.pages[i], self.scratch)
            return
        chunks = [indexes[i : i + CHUNK] for i in range(0, len(indexes), CHUNK)]
        # a bounded window of chunks in flight (two a worker): the workers never run far ahead of
        # a slow disk, so rendered pages do not pile up in this process (+350 MiB at 10k)
        window = 2 * len(self.workers)
        for n in range(min(window, len(chunks))):
            self._send(n, (chunks[n], late))
        for n in range(len(chunks)):
            ok, result = self._connection(n).recv()
            if not ok:
                raise result
            if n + window < len(chunks):
                self._send(n + window, (chunks[n + window], late))
            yield from result

    def _connection(self, chunk: int) -> Connection:
        return self.workers[chunk % len(self.workers)][1]

    def _send(self, chunk: int, task: tuple[list[int], dict]) -> None:
        self._connection(chunk).send(task)

    def close(self) -> None:
        """Stop the workers (at the end of the build, or when it fails half-way)."""
        for _, conn in self.workers:
            try:
                conn.send(None)
            except OSError:
                pass
            conn.close()
        for proc, _ in self.workers:
            proc.join(timeout=5)
            if proc.is_alive():
                proc.terminate()
                proc.join()
        self.workers = []
        if self.scratch is not None:  # pages the writer did not take (the build failed)
            shutil.rmtree(self.scratch, ignore_errors=True)


def render_or_keep(
    renderers: Renderers,
    keys: list[str | None],
    kept: list[bool],
    late: dict,
) -> Iterator[tuple[str, str | Made | Tagged | Keep]]:
    """Every planned page in plan order, as the writer takes them: ``Keep`` for a page whose key
    (``etalase.pagecache``) is the one recorded with its file by the previous build (``kept``),
    the rendered HTML (``Tagged`` with its key) for the others, which alone are rendered."""
    env, pages = renderers.env, renderers.pages
    fresh = renderers.render([i for i, k in enumerate(kept) if not k], late)
    try:
        for page, key, keep in zip(pages, keys, kept, strict=True):
            rel = U.output_file(page.url)
            if keep:
                assert key is not None
                yield rel, Keep(key, lambda page=page: next(render_pages(env, [page]))[1])
                continue
            html = next(fresh)
            yield rel, html if key is None else Tagged(html, key)
    finally:
        fresh.close()


def render_pages(env: jinja2.Environment, pages: list[PlannedPage]) -> Iterator[tuple[str, str]]:
    """Render every planned page lazily, as ``(output file, html)``: the write step streams them
    to disk, so a 100k-product site never holds all its HTML in memory."""
    templates: dict[str, jinja2.Template] = {}
    for page in pages:
        tpl = templates.get(page.template)
        if tpl is None:
            tpl = templates[page.template] = env.get_template(page.template)
        yield U.output_file(page.url), tpl.render(page.context)
