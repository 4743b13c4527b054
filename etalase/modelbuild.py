"""model, part 2: turn validated documents into the immutable ``Site``."""

from __future__ import annotations

import datetime as dt
import posixpath

from etalase.categories import Taxonomy
from etalase.config import SiteConfig
from etalase.images import Inspector, variant_key
from etalase.load import Document
from etalase.model import Certificate, Event, Image, Need, Page, Price, Producer, Product, Programme, Site, Tkdn
from etalase.regions import RegionTable
from etalase.validate import Checked


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _months_between(earlier: dt.date, later: dt.date) -> int:
    return (later.year - earlier.year) * 12 + (later.month - earlier.month) - (later.day < earlier.day)


def producer_from(doc: Document, regions: RegionTable) -> Producer:
    d = doc.data
    w = d["wilayah"]
    kontak = d["kontak"]
    ek = d.get("ekatalog") or {}
    coords = d.get("koordinat")
    return Producer(
        slug=doc.source.folder,
        name=d["nama_usaha"],
        form=d.get("bentuk_usaha", ""),
        scale=d.get("skala_usaha", ""),
        nib=d["nib"],
        kbli=tuple(d.get("kbli") or ()),
        regency=regions.get(w["kabupaten_kota"]),
        province=regions.province_of(w["kabupaten_kota"]),
        district=regions.get(w["kecamatan"]) if w.get("kecamatan") else None,
        address=d.get("alamat", ""),
        coords=(coords["lat"], coords["lon"]) if coords else None,
        whatsapp=kontak["whatsapp"],
        phone=kontak.get("telepon", ""),
        email=kontak.get("email", ""),
        website=kontak.get("situs", ""),
        instagram=kontak.get("instagram", ""),
        marketplaces=tuple(kontak.get("marketplace") or ()),
        ekatalog_registered=bool(ek.get("terdaftar")),
        ekatalog_kind=ek.get("jenis", ""),
        ekatalog_link=ek.get("tautan", ""),
        programmes=tuple(d.get("program") or ()),
        pembina=d.get("pembina", ""),
        founded=d.get("tahun_berdiri"),
        description=d.get("deskripsi", ""),
        updated=_date(d["diperbarui"]),
        source=doc.source.display,
    )


def _price(h: dict | None) -> Price | None:
    if not h:
        return None
    return Price(
        unit=h["satuan"],
        value=h.get("nilai"),
        low=h.get("min"),
        high=h.get("max"),
        includes_vat=h.get("termasuk_ppn"),
        wholesale=tuple((g["minimal"], g["nilai"]) for g in h.get("grosir") or ()),
        valid_until=_date(h.get("berlaku_hingga")),
    )


def _tkdn(k: dict | None, today: dt.date) -> Tkdn | None:
    if not k:
        return None
    until = _date(k.get("berlaku_hingga"))
    return Tkdn(
        value=float(k["nilai"]),
        bmp=float(k["bmp"]) if k.get("bmp") is not None else None,
        kind=k["jenis"],
        number=k["nomor_sertifikat"],
        issued=_date(k["tanggal_terbit"]),
        valid_until=until,
        link=k.get("tautan", ""),
        expired=bool(until and until < today),
    )


def product_from(
    doc: Document,
    producer: Producer,
    site_cfg: SiteConfig,
    taxonomy: Taxonomy,
    regions: RegionTable,
    photos: Inspector,
) -> Product:
    d = doc.data
    today = site_cfg.today
    category = taxonomy.get(d["kategori"])
    origin = regions.get(d["asal_wilayah"]) if d.get("asal_wilayah") else producer.regency
    updated = _date(d["diperbarui"])
    certs = []
    for c in d.get("sertifikasi") or ():
        until = _date(c.get("berlaku_hingga"))
        certs.append(
            Certificate(
                kind=c["jenis"],
                number=c["nomor"],
                issued=_date(c.get("tanggal_terbit")),
                valid_until=until,
                issuer=c.get("penerbit", ""),
                standard=c.get("standar", ""),
                expired=bool(until and until < today),
            )
        )
    folder = doc.source.path.parent
    images = []
    for g in d["gambar"]:
        # validation proved the file exists inside the folder and no link is on the way
        rel = posixpath.normpath(g["berkas"])
        source = folder / rel
        info = photos.inspect(source)  # measured during validation; a dictionary look-up here
        images.append(
            Image(
                source,
                producer.slug,
                rel,
                g["alt"],
                info.width,
                info.height,
                info.digest,
                variant_key(info.digest),
                info.placeholder,
            )
        )
    body = doc.body if doc.body is not None else d.get("deskripsi", "")
    return Product(
        producer=producer,
        slug=doc.source.slug,
        name=d["nama"],
        category=category,
        top=taxonomy.get(category.parent),
        summary=d["deskripsi_singkat"],
        description_md=body or "",
        brand=d.get("merek", ""),
        model_no=d.get("nomor_model", ""),
        sku=d.get("sku", ""),
        kbli=d.get("kbli", ""),
        price=_price(d.get("harga")),
        min_order=d.get("minimal_pesan"),
        availability=d.get("ketersediaan", ""),
        lead_days=d.get("waktu_produksi_hari"),
        origin=origin,
        origin_province=regions.province_of(origin.code),
        tkdn=_tkdn(d.get("tkdn"), today),
        certificates=tuple(certs),
        images=tuple(images),
        specs=tuple((str(k), str(v)) for k, v in (d.get("spesifikasi") or {}).items()),
        net_weight=d.get("berat_bersih", ""),
        warranty=d.get("garansi", ""),
        tags=tuple(d.get("tag") or ()),
        ekatalog_link=d.get("ekatalog_tautan", ""),
        archived=d.get("status") == "arsip",
        updated=updated,
        stale=_months_between(updated, today) >= site_cfg.stale_months,
        source=doc.source.display,
    )


def programme_from(doc: Document, photos: Inspector) -> Programme:
    d = doc.data
    logo = None
    if d.get("logo"):
        rel = posixpath.normpath(d["logo"])
        info = photos.inspect(doc.source.path.parent / rel)
        logo = Image(
            doc.source.path.parent / rel,
            "_program",
            rel,
            d["nama"],
            info.width,
            info.height,
            info.digest,
            variant_key(info.digest),
            "",
        )
    return Programme(
        logo=logo,
        slug=doc.source.slug,
        name=d["nama"],
        short_name=d.get("nama_singkat", ""),
        organiser=d["penyelenggara"],
        description_md=d["deskripsi"],
        colour=d.get("warna", ""),
        links=tuple((x["judul"], x["url"]) for x in d.get("tautan") or ()),
        regions=tuple(d.get("wilayah") or ()),
        categories=tuple(d.get("kategori") or ()),
        updated=_date(d["diperbarui"]),
    )


def event_from(doc: Document, taxonomy: Taxonomy, regions: RegionTable) -> Event:
    d = doc.data
    return Event(
        slug=doc.source.slug,
        name=d["nama"],
        start=_date(d["mulai"]),
        end=_date(d.get("selesai")),
        place=d["tempat"],
        region=regions.get(d["wilayah"]) if d.get("wilayah") else None,
        organiser=d["penyelenggara"],
        description_md=d.get("deskripsi", ""),
        participants=tuple(d["peserta"]),
        needs=tuple(
            Need(n.get("pembeli", ""), taxonomy.get(n["kategori"]), n["deskripsi"]) for n in d.get("kebutuhan") or ()
        ),
        updated=_date(d["diperbarui"]),
    )


def build_site(checked: Checked, cfg: SiteConfig, taxonomy: Taxonomy, regions: RegionTable) -> Site:
    producers = {slug: producer_from(doc, regions) for slug, doc in sorted(checked.ikm.items())}
    products = sorted(
        (
            product_from(doc, producers[doc.source.folder], cfg, taxonomy, regions, checked.photos)
            for doc in checked.products
            if doc.source.folder in producers
        ),
        key=lambda p: p.key,
    )
    by_producer: dict[str, list[Product]] = {}
    for p in products:
        by_producer.setdefault(p.producer.slug, []).append(p)
    pages = sorted(
        (
            Page(doc.source.slug, doc.data["judul"], doc.data["deskripsi"], doc.body or "", doc.data.get("urutan", 50))
            for doc in checked.pages
        ),
        key=lambda pg: (pg.order, pg.slug),
    )
    return Site(
        config=cfg,
        taxonomy=taxonomy,
        regions=regions,
        producers=tuple(producers.values()),
        products=tuple(products),
        programmes=tuple(programme_from(doc, checked.photos) for _, doc in sorted(checked.programmes.items())),
        pages=tuple(pages),
        events=tuple(
            sorted((event_from(doc, taxonomy, regions) for doc in checked.events), key=lambda e: (e.start, e.slug))
        ),
        by_producer={k: tuple(v) for k, v in by_producer.items()},
    )
