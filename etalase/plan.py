"""plan: every page of the site as ``(url, template, context)``; the only place that decides
which pages exist. Templates get the model plus a ``meta`` describing the page."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from etalase import formgen, media, opendata, searchindex, seo
from etalase import urls as U
from etalase.i18n import t
from etalase.images import variant_widths
from etalase.model import Product, Site
from etalase.regions import REGENCY


@dataclass
class Meta:
    """What every page template needs besides its content."""

    title: str
    description: str
    path: str
    trail: list[tuple[str, str]] = field(default_factory=list)  # breadcrumbs (name, path)
    jsonld: list[seo.StructuredData] = field(default_factory=list)  # made when the page is rendered
    image: str = ""  # site path of the share image
    image_alt: str = ""
    noindex: bool = False
    og_type: str = "website"
    feed: str = ""  # site path of the page's Atom feed, announced in <head>


@dataclass
class PlannedPage:
    url: str
    template: str
    context: dict[str, Any]

    @property
    def meta(self) -> Meta:
        return self.context["meta"]


@dataclass
class Collection:
    """A listing whose products are also published as feeds (and, with ``csv``, as a CSV)."""

    title: str
    path: str  # the listing's URL: feeds live at <path>feed.xml and <path>feed.json
    products: list[Product]
    description: str
    csv: bool = False


@dataclass
class Plan:
    pages: list[PlannedPage]
    collections: list[Collection]


@dataclass
class Pager:
    number: int
    count: int
    total: int
    first: int  # 1-based index of the first item shown
    last: int
    base: str

    def url(self, n: int) -> str:
        return U.paginated(self.base, n)


EMBED_ITEMS = 48


def newest_first(products: list[Product]) -> list[Product]:
    return sorted(products, key=lambda p: (-p.updated.toordinal(), p.name.casefold(), p.key))


class Planner:
    def __init__(self, site: Site) -> None:
        self.site = site
        self.cfg = site.config
        self.urls = U.Urls(self.cfg.base_url)
        self.pages: list[PlannedPage] = []
        self.collections: list[Collection] = []
        self.home_trail = (t("ui.nav.beranda"), "")

    def add(self, url: str, template: str, meta: Meta, **context: Any) -> None:
        if meta.trail:
            meta.jsonld.append(seo.StructuredData("breadcrumbs", (tuple(meta.trail),)))
        self.pages.append(PlannedPage(url, template, {"meta": meta, **context}))

    def listing(
        self,
        url: str,
        template: str,
        products: list[Product],
        title: str,
        description: str,
        trail: list[tuple[str, str]],
        feed: bool = True,
        csv: bool = False,
        embed: bool = True,
        printable: bool = True,
        **context: Any,
    ) -> None:
        """A paginated product listing: ``url``, ``url``halaman/2/, …; with ``feed``, its products
        are also published as ``url``feed.xml / feed.json (and ``url``produk.csv with ``csv``)."""
        size = self.cfg.page_size
        ordered = newest_first(products)
        if feed:
            self.collections.append(Collection(title, url, ordered, description, csv))
        if embed:
            self.embed(url, title, ordered)
        print_path = ""
        if printable and ordered:
            by_sub = context.get("kind") == "kategori"  # a category's catalogue groups by subcategory
            print_path = self.printed(url, title, context.get("heading", title), ordered, csv, trail, by_sub)
        count = max(1, math.ceil(len(ordered) / size))
        for n in range(1, count + 1):
            chunk = ordered[(n - 1) * size : n * size]
            pager = Pager(n, count, len(ordered), (n - 1) * size + 1 if chunk else 0, (n - 1) * size + len(chunk), url)
            page_title = title if n == 1 else t("ui.listing.title_page", title=title, n=n, count=count)
            meta = Meta(
                page_title,
                description,
                U.paginated(url, n),
                list(trail),
                noindex=not ordered,
                feed=f"{url}feed.xml" if feed else "",
            )
            if chunk:
                meta.image, meta.image_alt = media.product_card(chunk[0]).path, chunk[0].name
            self.add(
                U.paginated(url, n),
                template,
                meta,
                products=chunk,
                pager=pager,
                csv_path=f"{url}produk.csv" if csv else "",
                embed_path=f"{url}embed/" if embed else "",
                print_path=print_path,
                **context,
            )

    # ------------------------------------------------------------------------------------
    def plan(self, products: bool = True) -> Plan:
        """Every page; without the products' own pages when not ``products`` (the preview's fast
        path plans those one by one)."""
        site = self.site
        listed = list(site.listed)
        home = self.home_trail
        # home, with the site-wide feeds and open data
        meta = Meta(
            self.cfg.title,
            self.cfg.description,
            "",
            jsonld=[seo.StructuredData("website", (self.cfg.title, self.cfg.description))],
            feed="feed.xml",
        )
        self.collections.append(Collection(t("ui.feed.all_title"), "", newest_first(listed), self.cfg.description))
        self.add(
            "",
            "home.html",
            meta,
            newest=newest_first(listed)[: self.cfg.newest_count],
            category_counts=self.category_counts(listed),
            province_counts=self.province_counts(listed),
            province_total=len({p.origin_province.code for p in listed}),
        )
        # all products
        self.listing(
            "produk/",
            "listing.html",
            listed,
            t("ui.listing.all_title"),
            t("ui.listing.all_description"),
            [home, (t("ui.nav.produk"), "produk/")],
            heading=t("ui.listing.all_title"),
            kind="produk",
            children=[],
            feed=False,
            embed=False,
            printable=False,
        )
        if products:
            self.products()
        self.producers()
        self.categories(listed)
        self.regions(listed)
        self.programmes(listed)
        self.events(listed)
        for pg in site.pages:
            self.add(
                U.page(pg),
                "page.html",
                Meta(pg.title, pg.description, U.page(pg), [home, (pg.title, U.page(pg))]),
                page=pg,
            )
        self.add(
            "data/",
            "data.html",
            Meta(t("ui.data.title"), t("ui.data.description"), "data/", [home, (t("ui.data.title"), "data/")]),
            product_columns=opendata.product_columns(self.urls),
            producer_columns=opendata.producer_columns(self.urls, site),
        )
        self.add(
            "cari/",
            "search.html",
            Meta(t("ui.search.title"), t("ui.search.description"), "cari/", [home, (t("ui.search.title"), "cari/")]),
            category_counts=self.category_counts(listed),
            province_counts=self.province_counts(listed),
            search_certs=searchindex.cert_options(),
            search_prices=searchindex.price_options(),
            search_texts=searchindex.client_texts(),
        )
        self.form()
        self.add(
            "404.html", "404.html", Meta(t("ui.notfound.title"), t("ui.notfound.description"), "404.html", noindex=True)
        )
        return Plan(self.pages, self.collections)

    def products(self) -> None:
        for p in self.site.products:
            self.product_page(p)

    def product_page(self, p: Product) -> PlannedPage:
        """The page of one product (the preview server plans it alone: ``etalase.preview``)."""
        site, home = self.site, self.home_trail
        trail = [
            home,
            (p.top.name, U.category(p.top)),
            (p.category.name, U.category(p.category)),
            (p.name, U.product(p)),
        ]
        widths = self.cfg.images.widths
        images = tuple(self.urls.abs(U.image_variant(i, variant_widths(i.width, widths)[-1], "jpg")) for i in p.images)
        meta = Meta(
            p.name,
            p.summary,
            U.product(p),
            trail,
            [seo.StructuredData("product", (p, images))],
            media.product_card(p).path,
            p.name,
            noindex=p.archived,
            og_type="product",
        )
        others = [o for o in site.products_of(p.producer) if o.key != p.key and not o.archived][:8]
        self.add(
            U.product(p),
            "product.html",
            meta,
            product=p,
            others=others,
            programmes=site.programmes_of(p),
            lastmod=p.updated,
        )
        return self.pages[-1]

    def producers(self) -> None:
        site, home = self.site, self.home_trail
        crumbs = [home, (t("ui.nav.ikm"), "ikm/")]
        self.add(
            "ikm/",
            "producers.html",
            Meta(t("ui.producers.title"), t("ui.producers.description"), "ikm/", crumbs),
            producers=sorted(site.producers, key=lambda p: p.name.casefold()),
        )
        for pr in site.producers:
            items = [p for p in site.products_of(pr) if not p.archived]
            meta = Meta(
                pr.name,
                pr.description or t("ui.producer.meta_description", name=pr.name, region=pr.regency.short_name),
                U.producer(pr),
                [*crumbs, (pr.name, U.producer(pr))],
                [seo.StructuredData("organization", (pr,))],
            )
            card = media.producer_card(pr, items)
            if card:
                meta.image, meta.image_alt = card.path, pr.name
            self.add(
                U.producer(pr),
                "producer.html",
                meta,
                producer=pr,
                products=newest_first(items),
                lastmod=max([pr.updated, *(p.updated for p in items)]),
            )

    def categories(self, listed: list[Product]) -> None:
        tax, home = self.site.taxonomy, self.home_trail
        crumbs = [home, (t("ui.nav.kategori"), "kategori/")]
        counts = self.category_counts(listed)
        self.add(
            "kategori/",
            "categories.html",
            Meta(t("ui.categories.title"), t("ui.categories.description"), "kategori/", crumbs),
            category_counts=counts,
        )
        by_top: dict[str, list[Product]] = {}
        by_sub: dict[str, list[Product]] = {}
        for p in listed:
            by_top.setdefault(p.top.slug, []).append(p)
            by_sub.setdefault(p.category.key, []).append(p)
        for top in tax.tops:
            trail = [*crumbs, (top.name, U.category(top))]
            self.listing(
                U.category(top),
                "listing.html",
                by_top.get(top.slug, []),
                top.name,
                t("ui.category.description", name=top.name),
                trail,
                heading=top.name,
                kind="kategori",
                category=top,
                children=[(s, counts.get(s.key, 0)) for s in tax.subs[top.slug]],
            )
            for sub in tax.subs[top.slug]:
                self.listing(
                    U.category(sub),
                    "listing.html",
                    by_sub.get(sub.key, []),
                    f"{sub.name} – {top.name}",
                    t("ui.category.description", name=sub.name),
                    [*trail, (sub.name, U.category(sub))],
                    heading=sub.name,
                    kind="kategori",
                    category=sub,
                    children=[],
                )

    def regions(self, listed: list[Product]) -> None:
        regions, home = self.site.regions, self.home_trail
        crumbs = [home, (t("ui.nav.wilayah"), "wilayah/")]
        provinces = [r for r in regions.all() if r.level == "provinsi"]
        counts = self.province_counts(listed)
        self.add(
            "wilayah/",
            "regions.html",
            Meta(t("ui.regions.title"), t("ui.regions.description"), "wilayah/", crumbs),
            provinces=[(r, counts.get(r.code, 0)) for r in provinces],
        )
        by_prov: dict[str, list[Product]] = {}
        by_reg: dict[str, list[Product]] = {}
        for p in listed:
            by_prov.setdefault(p.origin_province.code, []).append(p)
            by_reg.setdefault(p.origin.code, []).append(p)
        regencies: dict[str, list] = {}
        for r in regions.all():
            if r.level == REGENCY:
                regencies.setdefault(r.province_code, []).append(r)
        for prov in provinces:
            trail = [*crumbs, (prov.name, U.province(prov))]
            children = [(r, len(by_reg.get(r.code, []))) for r in regencies.get(prov.code, [])]
            self.listing(
                U.province(prov),
                "listing.html",
                by_prov.get(prov.code, []),
                prov.name,
                t("ui.region.description", name=prov.name),
                trail,
                heading=prov.name,
                csv=True,
                kind="wilayah",
                region=prov,
                children=children,
                category_counts=self.category_counts(by_prov.get(prov.code, [])),
            )
            for reg in regencies.get(prov.code, []):
                name = f"{reg.short_name}, {prov.name}"
                self.listing(
                    U.regency(reg, prov),
                    "listing.html",
                    by_reg.get(reg.code, []),
                    name,
                    t("ui.region.description", name=name),
                    [*trail, (reg.short_name, U.regency(reg, prov))],
                    heading=reg.short_name,
                    csv=True,
                    kind="wilayah",
                    region=reg,
                    children=[],
                    category_counts=self.category_counts(by_reg.get(reg.code, [])),
                )

    def programmes(self, listed: list[Product]) -> None:
        site, home = self.site, self.home_trail
        crumbs = [home, (t("ui.nav.program"), "program/")]
        members = {pg.slug: [p for p in listed if pg.includes(p)] for pg in site.programmes}
        self.add(
            "program/",
            "programmes.html",
            Meta(t("ui.programmes.title"), t("ui.programmes.description"), "program/", crumbs),
            programmes=[(pg, len(members[pg.slug])) for pg in site.programmes],
        )
        for pg in site.programmes:
            items = members[pg.slug]
            producers = {p.producer.slug: p.producer for p in items}
            self.listing(
                U.programme(pg),
                "programme.html",
                items,
                pg.name,
                t("ui.programme.description", name=pg.name, organiser=pg.organiser),
                [*crumbs, (pg.short_name or pg.name, U.programme(pg))],
                csv=True,
                programme=pg,
                producers=sorted(producers.values(), key=lambda r: r.name.casefold()),
                category_counts=self.category_counts(items),
            )

    def events(self, listed: list[Product]) -> None:
        site, home = self.site, self.home_trail
        crumbs = [home, (t("ui.events.title"), "acara/")]
        self.add(
            "acara/",
            "events.html",
            Meta(t("ui.events.title"), t("ui.events.description"), "acara/", crumbs),
            events=list(reversed(site.events)),
        )
        for ev in site.events:
            members = [p for p in listed if p.producer.slug in ev.participants]
            url = U.event(ev)
            self.collections.append(Collection(ev.name, url, newest_first(members), ev.name, csv=True))
            meta = Meta(
                ev.name,
                t("ui.event.meta_description", name=ev.name, place=ev.place),
                url,
                [*crumbs, (ev.name, url)],
                feed=f"{url}feed.xml",
            )
            if members:
                meta.image, meta.image_alt = media.product_card(members[0]).path, members[0].name
            self.add(
                url,
                "event.html",
                meta,
                event=ev,
                groups=category_groups(members),
                producers=sorted(
                    {p.producer.slug: p.producer for p in members}.values(), key=lambda r: r.name.casefold()
                ),
                total=len(members),
                csv_path=f"{url}produk.csv",
                embed_path="",
                lastmod=ev.updated,
            )

    def printed(
        self,
        url: str,
        title: str,
        heading: str,
        products: list[Product],
        csv: bool,
        trail: list[tuple[str, str]],
        by_sub: bool,
    ) -> str:
        """``<listing URL>cetak/``: the whole listing as an A4 catalogue, grouped by category, with a
        QR code per product (a listing page prints only its own page of cards)."""
        path = f"{url}cetak/"
        meta = Meta(
            t("ui.print.title", title=title),
            t("ui.print.description", title=title),
            path,
            [*trail, (t("ui.print.crumb"), path)],
            noindex=True,
        )
        self.add(
            path,
            "print.html",
            meta,
            heading=t("ui.print.title", title=heading),
            groups=category_groups(products, by_sub),
            total=len(products),
            updated=max(p.updated for p in products),
            source=url,
            csv_path=f"{url}produk.csv" if csv else "",
        )
        return path

    def form(self) -> None:
        """``/daftar/``: the submission form, generated from the schemas it produces entries for."""
        schema_dir = self.cfg.schema_dir
        repo = self.cfg.repo
        self.add(
            "daftar/",
            "daftar.html",
            Meta(
                t("ui.daftar.title"),
                t("ui.daftar.description"),
                "daftar/",
                [self.home_trail, (t("ui.daftar.title"), "daftar/")],
            ),
            ikm_fields=formgen.schema_fields(formgen.load_schema(schema_dir / "ikm.schema.json"), "ikm"),
            product_fields=formgen.schema_fields(formgen.load_schema(schema_dir / "produk.schema.json"), "produk"),
            producers=sorted(self.site.producers, key=lambda r: r.name.casefold()),
            provinces=[r for r in self.site.regions.all() if r.level == "provinsi"],
            repo=repo,
            branch="main",
            issue_url=f"https://github.com/{repo}/issues/new?template=produk-baru.yml",
            form_messages={k: t(f"ui.daftar.{k}") for k in formgen.SCRIPT_MESSAGES},
        )

    def embed(self, url: str, title: str, products: list[Product]) -> None:
        """``<listing URL>embed/``: the compact list a Dinas puts in an iframe on its own site."""
        meta = Meta(title, t("ui.embed.description", name=title), f"{url}embed/", noindex=True)
        self.add(
            f"{url}embed/",
            "embed.html",
            meta,
            products=newest_first(products)[:EMBED_ITEMS],
            total=len(products),
            source=url,
        )

    @staticmethod
    def category_counts(products: list[Product]) -> Counter:
        c: Counter = Counter()
        for p in products:
            c[p.top.key] += 1
            c[p.category.key] += 1
        return c

    @staticmethod
    def province_counts(products: list[Product]) -> Counter:
        c: Counter = Counter()
        for p in products:
            c[p.origin_province.code] += 1
            c[p.origin.code] += 1
        return c


def category_groups(products: list[Product], by_sub: bool = False) -> list[tuple[Any, list[Product]]]:
    """Products grouped under their top category (or subcategory), groups and items by name: the
    order of a printed catalogue."""
    groups: dict[str, tuple[Any, list[Product]]] = {}
    for p in sorted(products, key=lambda p: (p.top.name, p.category.name, p.name.casefold(), p.key)):
        c = p.category if by_sub else p.top
        groups.setdefault(c.key, (c, []))[1].append(p)
    return list(groups.values())


def plan(site: Site) -> Plan:
    return Planner(site).plan()
