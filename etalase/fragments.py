"""Fragments of output made from one product, made once and reused (``Fragments``)."""

from __future__ import annotations

from collections.abc import Callable

from etalase.model import Product


class Fragments:
    """Fragments made from one product (its card, its item in a printable list, its CSV line) by
    what they show.

    A card looks the same on every page that shows it (only ``site.taxonomy``, which is in the
    build key, is read by ``partials/macros.html`` besides the product), and a CSV line in the CSV
    of every listing. Within a build they are memoised by product. A long-running process
    (``serve``) passes one ``Fragments`` to every build: once the page keys exist
    (``etalase.pagecache``) the memo is keyed by the build key and the product's value digest, so
    after an edit only the edited product's fragments are made again (at 10k products, the
    printable lists that show one product hold ~6,000 items)."""

    def __init__(self) -> None:
        self.scope = ""  # the build key the stored fragments belong to
        self.store: dict[tuple, str] = {}
        # a product's value digest, from the page keys of the build under way (until they exist,
        # and in a one-off build, fragments are remembered in ``local`` for that build alone)
        self.key: Callable[[Product], str] | None = None
        self.local: dict[tuple, str] = {}  # this build's fragments of products without a digest

    def scope_to(self, build_key: str, key: Callable[[Product], str]) -> None:
        """This build's keys exist: fragments of another build key go, ``key`` digests products."""
        if build_key != self.scope:
            self.scope, self.store = build_key, {}
        self.key = key

    def end(self) -> None:
        """The build is over: let go of its digests (and the model they keep alive)."""
        self.key, self.local = None, {}

    def get(self, kind: str, product: Product, args: tuple, make: Callable[[], str]) -> str:
        memo, key = self._lookup(kind, product, args)
        hit = memo.get(key)
        if hit is None:
            hit = memo[key] = make()
        return hit

    def _lookup(self, kind: str, product: Product, args: tuple) -> tuple[dict[tuple, str], tuple]:
        """The memo that holds this fragment and its key in it."""
        if self.key is not None:
            try:
                return self.store, (kind, self.key(product), *args)
            except TypeError:  # a value the digest cannot take in: remembered for this build only
                pass
        return self.local, (kind, product.key, *args)
