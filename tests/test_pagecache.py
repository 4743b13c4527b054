"""The page cache (etalase/pagecache.py): after any single change, an incremental build gives
exactly the site a clean build gives, and pages that show nothing that changed are not rendered."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from etalase import pagecache
from etalase.config import load_config
from etalase.pipeline import build
from tests.conftest import REPO, site_config, tiny_jpeg, write_project
from tests.test_content_errors import IKM, IKM_FILE, PRODUCT, PROGRAMME, P, edit
from tests.test_write import tree

SECOND = "content/products/contoh/keripik-pedas.yaml"
OTHER_IKM = "content/products/tenun-lain/ikm.yaml"
OTHER_PRODUCT = "content/products/tenun-lain/kain-tenun.yaml"
PAGE = "content/pages/tentang.md"


def _project(root: Path) -> Path:
    """Two IKMs, three products, a programme and a page, with their own templates, assets and
    data (so that a test can change them too)."""
    for folder in ("templates", "assets", "data"):
        shutil.copytree(REPO / folder, root / folder)
    config = site_config().replace(str(REPO / "templates"), "templates")
    config = config.replace(str(REPO / "assets"), "assets").replace(str(REPO / "data"), "data")
    other_product = edit(PRODUCT, "Keripik Pisang Coklat", "Kain Tenun Ikat")
    other_product = edit(other_product, "makanan/keripik-kerupuk", "kain-tradisional/tenun")
    files: dict[str, str | bytes] = {
        IKM_FILE: IKM,
        P: PRODUCT,
        SECOND: edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Pedas"),
        "content/products/contoh/foto/keripik.jpg": tiny_jpeg(),
        OTHER_IKM: edit(edit(IKM, "Keripik Contoh", "Tenun Lain"), '"9120001234567"', '"9120001234568"'),
        OTHER_PRODUCT: other_product,
        "content/products/tenun-lain/foto/keripik.jpg": tiny_jpeg(colour=(20, 60, 160)),
        "content/programs/metro-bangga-beli.yaml": PROGRAMME,
        PAGE: "---\njudul: Tentang Katalog\ndeskripsi: Tentang katalog uji untuk pengujian cache halaman.\n"
        "urutan: 1\n---\n\nKatalog ini dibuat untuk **pengujian**.\n",
    }
    return write_project(root, files, config)


def _build(project: Path, force: bool = False, **overrides):
    report = build(load_config(project / "site_config.yaml").with_overrides(jobs=1, **overrides), force=force)
    assert report.ok, [d.format_text() for d in report.diagnostics]
    return report


def _replace(rel: str, old: str, new: str) -> Callable[[Path], None]:
    def change(project: Path) -> None:
        path = project / rel
        path.write_text(edit(path.read_text(encoding="utf-8"), old, new), encoding="utf-8")

    return change


def _delete(rel: str) -> Callable[[Path], None]:
    return lambda project: (project / rel).unlink()


def _add_product(project: Path) -> None:
    (project / "content/products/contoh/keripik-balado.yaml").write_text(
        edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Balado"), encoding="utf-8"
    )


def _new_photo(project: Path) -> None:
    (project / "content/products/contoh/foto/keripik.jpg").write_bytes(tiny_jpeg(800, 600, (10, 200, 10)))


CHANGES: dict[str, Callable[[Path], None]] = {
    "product name": _replace(P, "Keripik Pisang Coklat", "Keripik Pisang Keju"),
    "product price": _replace(P, "nilai: 25000", "nilai: 27500"),
    "product tag (search index)": _replace(P, "diperbarui:", "tag: [oleh-oleh, pedas]\ndiperbarui:"),
    "product deleted": _delete(SECOND),
    "product added": _add_product,
    "producer name": _replace(IKM_FILE, "Keripik Contoh", "Keripik Contoh Jaya"),
    "photo replaced": _new_photo,
    "programme": _replace("content/programs/metro-bangga-beli.yaml", "Program belanja", "Gerakan belanja"),
    "page": _replace(PAGE, "**pengujian**", "*pengujian* cache"),
    "template": _replace("templates/partials/footer.html", "</footer>", "<p>Dibangun ulang.</p></footer>"),
    "stylesheet (asset version)": lambda project: (project / "assets/css/site.css").open("a").write("\n/* x */\n"),
    "site config": _replace("site_config.yaml", "Katalog Uji", "Katalog Uji Baru"),
    "category name (data)": _replace("data/kategori.yaml", "Keripik", "Kripik"),
}


@pytest.mark.parametrize("name", list(CHANGES))
def test_incremental_build_equals_a_clean_build(tmp_path: Path, name: str) -> None:
    project = _project(tmp_path / "p")
    first = _build(project)
    assert first.rendered == first.pages  # nothing to keep yet
    again = _build(project, force=True)
    assert again.rendered <= 1 and again.written.written == 0  # the data page is never cached
    CHANGES[name](project)
    incremental = _build(project)
    clean_out = tmp_path / "bersih"
    clean = _build(project, output_dir=clean_out, cache_dir=tmp_path / "cache-bersih")
    assert tree(project / "_site") == tree(clean_out), name
    assert clean.rendered == clean.pages
    if name not in ("template", "stylesheet (asset version)", "site config", "category name (data)"):
        assert incremental.rendered < incremental.pages // 2, (name, incremental.rendered, incremental.pages)


def test_a_serve_session_keeps_fragments_between_builds_and_still_equals_clean_builds(tmp_path: Path) -> None:
    """serve passes one Fragments to every build: cards and printed items of unchanged
    products come from the previous builds, and after each change the site is a clean build's."""
    from etalase.fragments import Fragments

    project = _project(tmp_path / "p")
    fragments = Fragments()
    cfg = load_config(project / "site_config.yaml").with_overrides(jobs=1)
    assert build(cfg, fragments=fragments).ok
    cards = {key: html for key, html in fragments.store.items() if key[0] == "card"}
    assert len({key[1] for key in cards}) == 3  # one digest per product
    for n, (name, change) in enumerate(CHANGES.items()):
        change(project)
        cfg = load_config(project / "site_config.yaml").with_overrides(jobs=1)
        report = build(cfg, fragments=fragments)
        assert report.ok, [d.format_text() for d in report.diagnostics]
        clean_out = tmp_path / f"bersih-{n}"
        _build(project, output_dir=clean_out, cache_dir=tmp_path / f"cache-bersih-{n}")
        assert tree(project / "_site") == tree(clean_out), name
        if name == "product name":  # only the renamed product's card was rendered again: the
            # listing that shows all three took the other two from the store, untouched
            new = {key for key in fragments.store if key[0] == "card" and key not in cards}
            assert len(new) == 1
            assert all(fragments.store.get(key) is html for key, html in cards.items())


def test_only_the_pages_that_show_a_product_are_rendered_again(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    _build(project)
    before = tree(project / "_site")
    CHANGES["product price"](project)
    report = _build(project)
    after = tree(project / "_site")
    changed = {rel for rel in after if before.get(rel) != after[rel] and rel.endswith(".html")}
    assert "produk/contoh/keripik/index.html" in changed
    assert "produk/tenun-lain/kain-tenun/index.html" not in changed
    # every page that changed was rendered; the few others rendered are those that cannot be kept
    # (the data page's columns hold functions) or whose key took in the whole catalog (home)
    assert len(changed) <= report.rendered <= len(changed) + 3


def test_kept_files_edited_or_deleted_by_hand_are_made_again_even_when_their_key_is_the_same(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    _build(project)
    site = project / "_site"
    # a page, a listing's feed, a QR code and an open-data export: each kept by its key when intact
    kept = [
        "produk/tenun-lain/kain-tenun/index.html",
        "kategori/kain-tradisional/feed.xml",
        "produk/contoh/keripik/qr.svg",
        "data/produk.json",
    ]
    good = {rel: (site / rel).read_bytes() for rel in kept}
    (site / kept[0]).write_text("rusak", encoding="utf-8")
    (site / kept[1]).write_text("rusak", encoding="utf-8")
    (site / kept[2]).unlink()
    (site / kept[3]).write_text("{}", encoding="utf-8")
    report = _build(project)
    assert {rel: (site / rel).read_bytes() for rel in kept} == good
    assert report.written.written == 4 and report.rendered <= 1  # the data page only


def test_values_are_hashed_by_content_and_unknown_values_make_a_page_uncacheable() -> None:
    from etalase.categories import Category

    values = pagecache.ValueHasher()
    a, b = Category("keripik", "Keripik", "makanan"), Category("keripik", "Keripik", "makanan")
    assert values.digest({"c": [a]}) == values.digest({"c": [b]})
    assert values.digest({"c": [a]}) != values.digest({"c": [Category("keripik", "Kripik", "makanan")]})
    assert values.digest([1, "1"]) != values.digest(["1", 1])
    with pytest.raises(pagecache.Unhashable):
        values.digest({"f": lambda x: x})
    with pytest.raises(pagecache.Unhashable):
        values.digest({"o": object()})
    with pytest.raises(pagecache.Unhashable):
        values.digest({a: 1})  # a key that is not a string


def test_templates_that_read_the_whole_catalog_are_found_through_their_includes(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    (project / "templates/partials/jumlah.html").write_text("{{ site.listed|length }}", encoding="utf-8")
    (project / "templates/page.html").write_text(
        (project / "templates/page.html").read_text(encoding="utf-8") + '{% include "partials/jumlah.html" %}',
        encoding="utf-8",
    )
    from etalase import render
    from etalase.modelbuild import build_site
    from etalase.pipeline import check_content

    cfg = load_config(project / "site_config.yaml")
    checked = check_content(cfg).checked
    site = build_site(checked, cfg, checked.taxonomy, checked.regions)
    env = render.make_env(cfg.templates_dir, site)
    keys = pagecache.PageKeys(site, env, {"asset_version": "a", "search_version": "s"})
    assert keys.reads("page.html") == ("catalog",)
    assert "catalog" in keys.reads("home.html") and "search" in keys.reads("search.html")
    assert keys.reads("daftar.html") == ("programmes",)
    assert keys.reads("product.html") == ()


def test_keys_are_the_same_in_another_process(tmp_path: Path) -> None:
    """The keys must not depend on anything a new interpreter changes (hash seeds, object ids)."""
    import re

    from tests.conftest import run_cli

    project = _project(tmp_path / "p")
    assert run_cli(project, "build").returncode == 0
    CHANGES["product price"](project)
    proc = run_cli(project, "build")
    assert proc.returncode == 0, proc.stderr
    match = re.search(r"(\d+) halaman \((\d+) dirender\)", proc.stdout)
    assert match, proc.stdout
    assert int(match[2]) < int(match[1]) // 10
