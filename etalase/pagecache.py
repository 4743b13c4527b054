"""The page cache: a page is rendered again only when something it shows changed.

Every planned page gets a key: the hash of its template's name and the *value* of its context
(products, producers, regions, … down to their last field; each model object is encoded once per
build and then stands in every context that holds it as its digest), combined with a build key
over what every page can reach besides its context: the generator's code and strings, every
template, the settings (including "today"), the data tables, the schemas, the titles of the
site's pages (in every menu), the taxonomy, and the assets' version. A template that reads more from the globals,
itself or through a template it extends, includes or imports (``WIDE``: catalog-wide values such
as ``site.listed`` or ``site.products_of``, ``site.programmes``, ``site.events``, ``site.pages``,
``search_version``), also gets the digest of what it reads. A context that holds a value this
module cannot encode gives the page no key: it is rendered on every build.

The key is recorded with the file in the write manifest (``etalase.write``); the next build
keeps the file without rendering it when the key is the same and the file is as it was written."""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import hashlib
import json
import operator
import re
from collections.abc import Callable, Iterable
from pathlib import Path, PurePath
from types import ModuleType
from typing import Any

import jinja2
from jinja2 import meta

from etalase.entrycache import code_fingerprint
from etalase.model import Site
from etalase.plan import PlannedPage
from etalase.urls import output_file
from etalase.write import previous_tag

FORMAT = 1
# what a template can read from the globals beyond its context, besides what is in the build key:
# its key takes in the digest of each of these that its source (or a template it uses) mentions
WIDE = {
    "catalog": re.compile(r"\bsite\s*\.\s*(listed|producers|products|products_of|by_producer|programmes_of)\b"),
    "programmes": re.compile(r"\bsite\s*\.\s*programmes\b"),
    "events": re.compile(r"\bsite\s*\.\s*events\b"),
    "pages": re.compile(r"\bsite\s*\.\s*pages\b"),
    "search": re.compile(r"\bsearch_version\b"),
}
MACROS = "partials/macros.html"  # card_html and print_item_html render its macros for any template


class Unhashable(TypeError):
    pass


class ValueHasher:
    """Digests of values by content, with model objects (frozen dataclasses) encoded once each."""

    def __init__(self) -> None:
        self._memo: dict[int, tuple[Any, str]] = {}  # id → (the object, kept alive; its digest)
        # per dataclass type: its name and a getter of all its fields at once (None: not one)
        self._types: dict[type, tuple[str, Callable[[Any], Any]] | None] = {}
        self._encoder = json.JSONEncoder(default=self._default, ensure_ascii=False, check_circular=False)

    def _dataclass(self, cls: type) -> tuple[str, Callable[[Any], Any]] | None:
        if cls not in self._types:
            names = [f.name for f in dataclasses.fields(cls)] if dataclasses.is_dataclass(cls) else None
            getter = (lambda obj: ()) if names == [] else operator.attrgetter(*names) if names else None
            self._types[cls] = None if getter is None else (f"{cls.__module__}.{cls.__qualname__}", getter)
        return self._types[cls]

    def _default(self, obj: Any) -> Any:
        hit = self._memo.get(id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        kind = self._dataclass(type(obj))
        if kind is not None:
            name, fields = kind
            text = self._encoder.encode([name, fields(obj)])
            digest = "@" + hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
            self._memo[id(obj)] = (obj, digest)
            return digest
        if isinstance(obj, dt.datetime | dt.date | dt.time):
            return f"{type(obj).__name__}:{obj.isoformat()}"
        if isinstance(obj, PurePath):
            return f"path:{obj.as_posix()}"
        if isinstance(obj, set | frozenset):
            return ["set", *sorted(self.digest(v) for v in obj)]
        if isinstance(obj, enum.Enum):
            return f"enum:{type(obj).__qualname__}.{obj.name}"
        if callable(obj) and _named(obj):
            owner = getattr(obj, "__self__", None)  # a bound method answers from its object's values
            bound = [] if owner is None or isinstance(owner, ModuleType) else [self.digest(owner)]
            return ["fn", getattr(obj, "__module__", None) or "", obj.__qualname__, *bound]
        raise Unhashable(type(obj).__name__)

    def encode(self, value: Any) -> str:
        try:
            return self._encoder.encode(value)
        except (TypeError, ValueError) as exc:  # a dict key that is not a string, a lambda, …
            raise Unhashable(str(exc)) from exc

    def digest(self, value: Any) -> str:
        return hashlib.blake2b(self.encode(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _named(fn: Any) -> bool:
    """A function found by its name (its code is in the build key), not a lambda or a closure
    whose captured values this module cannot see."""
    name = getattr(fn, "__qualname__", "")
    return bool(name) and "<" not in name and not getattr(fn, "__closure__", None)


def _files_digest(h: Any, label: str, root: Path) -> None:
    if not root.exists():
        h.update(f"{label}:missing\0".encode())
        return
    paths = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.is_file())
    for path in paths:
        h.update(f"{label}/{path.relative_to(root).as_posix()}\0".encode() + path.read_bytes() + b"\0")


class PageKeys:
    """The key of each planned page for this build (None: render it every time)."""

    def __init__(self, site: Site, env: jinja2.Environment, globals_: dict[str, Any]) -> None:
        cfg = site.config
        self.env = env
        self.site = site
        self.values = ValueHasher()
        h = hashlib.blake2b(digest_size=16)
        settings = dataclasses.replace(cfg, jobs=1)  # the number of workers never changes the output
        h.update(f"{FORMAT}\0{code_fingerprint()}\0{settings!r}\0".encode())
        for label, root in (("templates", cfg.templates_dir), ("data", cfg.data_dir), ("schema", cfg.schema_dir)):
            _files_digest(h, label, root)
        menu = [(page.title, page.slug, page.order) for page in site.pages]  # every page's menu lists them
        h.update(self.values.encode([menu, site.taxonomy, globals_.get("asset_version")]).encode())
        self.build_key = h.hexdigest()
        self._wide: dict[str, Callable[[], Any]] = {
            "catalog": lambda: [site.products, site.producers],
            "programmes": lambda: site.programmes,
            "events": lambda: site.events,
            "pages": lambda: site.pages,
            "search": lambda: str(globals_.get("search_version")),
        }
        self._wide_digests: dict[str, str] = {}
        self._reads: dict[str, tuple[str, ...]] = {}
        self._templates: dict[str, tuple[str, list[str | None]]] = {}

    def _parsed(self, name: str) -> tuple[str, list[str | None]]:
        if name not in self._templates:
            source = self.env.loader.get_source(self.env, name)[0]  # type: ignore[union-attr]
            self._templates[name] = (source, list(meta.find_referenced_templates(self.env.parse(source))))
        return self._templates[name]

    def _sources(self, name: str, seen: set[str]) -> Iterable[str]:
        """The source of ``name`` and of every template it extends, includes or imports."""
        if name in seen:
            return
        seen.add(name)
        source, refs = self._parsed(name)
        yield source
        for ref in refs:
            if ref is None:  # a computed name: assume the worst
                yield " ".join(f"site.{name}" for name in WIDE) + " search_version"
            else:
                yield from self._sources(ref, seen)

    def reads(self, template: str) -> tuple[str, ...]:
        """Which of ``WIDE`` ``template`` reads, itself or through the templates it uses."""
        if template not in self._reads:
            seen: set[str] = set()
            text = "\n".join([*self._sources(template, seen), *self._sources(MACROS, seen)])
            self._reads[template] = tuple(name for name, pattern in WIDE.items() if pattern.search(text))
        return self._reads[template]

    def _digest_of(self, name: str) -> str:
        if name not in self._wide_digests:
            self._wide_digests[name] = self.values.digest(self._wide[name]())
        return self._wide_digests[name]

    def value_key(self, obj: Any) -> str:
        """``obj``'s digest by value (for a model object, computed once per build)."""
        return self.values.encode(obj)

    def tag(self, *values: Any) -> str:
        """The key of a file made from ``values`` alone (besides what the build key covers)."""
        return hashlib.blake2b(f"{self.build_key}\0{self.values.digest(values)}".encode(), digest_size=16).hexdigest()

    def key(self, page: PlannedPage) -> str | None:
        try:
            context = self.values.encode(page.context)
            wide = [f"{name}:{self._digest_of(name)}" for name in self.reads(page.template)]
        except Unhashable:
            return None
        h = hashlib.blake2b(digest_size=16)
        h.update(f"{self.build_key}\0{page.template}\0{page.url}\0{' '.join(wide)}\0".encode())
        h.update(context.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


def reusable(pages: list[PlannedPage], keys: list[str | None], previous: dict[str, list] | None) -> list[bool]:
    """For each page: did the previous build write its file from the same key?"""
    return [
        key is not None and key == previous_tag(previous, output_file(page.url))
        for page, key in zip(pages, keys, strict=True)
    ]
