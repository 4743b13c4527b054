"""Smoke test of the Hugo side of the benchmark (tools/bench_hugo.py, bench/hugo/): the converter
always; the Hugo build of its output too when `hugo` is installed (Debian package `hugo`)."""

from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess

import pytest
import yaml

from etalase.categories import load_taxonomy
from etalase.regions import PROVINCE, REGENCY, load_regions
from tools import bench_hugo, gen_catalog

N = 20


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    root = tmp_path_factory.mktemp("hugo-bench")
    gen_catalog.generate(root, N, seed=3, photos_per_ikm=1, jobs=1, placeholder_photos=True)
    archive(next(p for p in sorted((root / "content" / "products").glob("*/*.yaml")) if p.name != "ikm.yaml"))
    stats = bench_hugo.convert(root / "content", root / "hugo")
    return root, stats


def archive(entry):
    """Give the catalog one archived product (gen_catalog archives ~2 %, maybe none of 20)."""
    lines = [line for line in entry.read_text(encoding="utf-8").splitlines() if not line.startswith("status:")]
    at = next(i for i, line in enumerate(lines) if line.startswith("diperbarui:"))
    entry.write_text("\n".join([*lines[:at], "status: arsip", *lines[at:]]) + "\n", encoding="utf-8")


def _front_matter(path):
    _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
    return yaml.safe_load(head), body


def test_placeholder_photos_change_only_the_photos(tmp_path):
    """--placeholder-photos writes the same text files; each photo is one small shared JPEG."""
    drawn, flat = tmp_path / "drawn", tmp_path / "flat"
    gen_catalog.generate(drawn, 12, seed=5, photos_per_ikm=1, jobs=1)
    gen_catalog.generate(flat, 12, seed=5, photos_per_ikm=1, jobs=1, placeholder_photos=True)
    texts = sorted(p.relative_to(drawn) for p in drawn.rglob("*") if p.is_file() and p.suffix != ".jpg")
    assert texts == sorted(p.relative_to(flat) for p in flat.rglob("*") if p.is_file() and p.suffix != ".jpg")
    for rel in texts:
        assert (drawn / rel).read_bytes() == (flat / rel).read_bytes(), rel
    photos = list(flat.rglob("*.jpg"))
    assert photos and all(p.read_bytes() == gen_catalog.placeholder_jpeg() for p in photos)
    assert len(gen_catalog.placeholder_jpeg()) < 5000


def test_converter_writes_a_page_per_product_and_every_listing_term(converted):
    root, stats = converted
    content, site = root / "content", root / "hugo"
    entries = sorted(
        p for p in (content / "products").glob("*/*") if p.suffix in (".yaml", ".md") and p.name != "ikm.yaml"
    )
    assert stats.products == len(entries) == N
    assert (site / "hugo.toml").is_file() and (site / "layouts" / "_default" / "single.html").is_file()
    for entry in entries:
        data, description = bench_hugo.read_entry(entry)
        archived = data.get("status") == "arsip"
        section = "arsip" if archived else "produk"
        fm, body = _front_matter(site / "content" / section / entry.parent.name / f"{entry.stem}.md")
        assert fm["title"] == data["nama"]
        assert fm["produsen"] == entry.parent.name
        assert fm["kategori_kunci"] == data["kategori"]
        if archived:  # in no listing, at its usual URL
            assert "ikm" not in fm and fm["url"] == f"/produk/{entry.parent.name}/{entry.stem}/"
        else:
            assert fm["ikm"] == [entry.parent.name]
            assert fm["subkategori"] == [data["kategori"].replace("/", "-")]
        assert fm["date"] == str(data["diperbarui"])
        assert body.strip() == description.strip() and "\n- " in body  # the Markdown, untouched
        assert fm.get("arsip") is (True if archived else None)
    regions = load_regions(bench_hugo.DATA_DIR / "wilayah.csv")
    taxonomy = load_taxonomy(bench_hugo.DATA_DIR / "kategori.yaml")
    provinces = [r for r in regions.all() if r.level == PROVINCE]
    regencies = [r for r in regions.all() if r.level == REGENCY]
    terms = site / "content"
    assert len(list((terms / "wilayah").glob("*/_index.md"))) == len(provinces)
    assert len(list((terms / "kabkota").glob("*/_index.md"))) == len(regencies)
    assert len(list((terms / "kategori").glob("*/_index.md"))) == len(taxonomy.tops)
    assert len(list((terms / "subkategori").glob("*/_index.md"))) == sum(len(s) for s in taxonomy.subs.values())
    assert len(list((terms / "ikm").glob("*/_index.md"))) == stats.producers
    metro, _ = _front_matter(terms / "kabkota" / "r1872" / "_index.md")
    assert metro["url"] == "/wilayah/lampung/kota-metro/"
    assert stats.term_pages == len(provinces) + len(regencies) + len(taxonomy.by_key) + stats.producers


def test_edit_entry_changes_one_description_on_both_sides(tmp_path):
    gen_catalog.generate(tmp_path, 6, seed=2, photos_per_ikm=1, jobs=1, placeholder_photos=True)
    bench_hugo.convert(tmp_path / "content", tmp_path / "hugo")
    edited = bench_hugo.edit_entry(tmp_path / "content", tmp_path / "hugo")
    data, description = bench_hugo.read_entry(edited)
    assert description.rstrip().endswith(bench_hugo.EDIT_SENTENCE)
    assert data["nama"]  # still valid YAML with every field
    (twin,) = (tmp_path / "hugo" / "content").glob(f"*/{edited.parent.name}/{edited.stem}.md")
    assert twin.read_text(encoding="utf-8").rstrip().endswith(bench_hugo.EDIT_SENTENCE)


def test_hugo_builds_the_same_urls(converted, tmp_path):
    assert shutil.which("hugo"), "hugo is not installed: .ci/run installs Debian's hugo (apt-get install hugo)"
    root, _ = converted
    site = root / "hugo"
    dest = tmp_path / "public"
    cmd = bench_hugo.hugo_command(shutil.which("hugo"), site, dest, tmp_path / "cache")
    env = {**os.environ, "HUGO_PAGINATE": "5"}  # small pages so that /produk/ has a page 2
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    pages = sorted((site / "content" / "produk").glob("*/*.md")) + sorted((site / "content" / "arsip").glob("*/*.md"))
    assert len(pages) == N
    for md in pages:
        page = dest / "produk" / md.parent.name / md.stem / "index.html"
        html = page.read_text(encoding="utf-8")
        fm, _ = _front_matter(md)
        prose = html.split('<section class="prose"', 1)[1].split("</section>", 1)[0]
        assert "<p>" in prose and "<ul>\n<li>" in prose  # the description rendered from Markdown
        assert f'href="/ikm/{fm["produsen"]}/"' in html  # producer block
        assert 'class="breadcrumbs' in html and f"/kategori/{fm['kategori_kunci']}/" in html
        assert (dest / "ikm" / md.parent.name / "index.html").is_file()
        assert (dest / "kategori" / fm["kategori_kunci"] / "index.html").is_file()
    (gone,) = (site / "content" / "arsip").glob("*/*.md")
    html = (dest / "produk" / gone.parent.name / gone.stem / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in html
    assert f"/{gone.stem}/" not in (dest / "ikm" / gone.parent.name / "index.html").read_text(encoding="utf-8")
    assert (dest / "produk" / "halaman" / "2" / "index.html").is_file()
    assert 'href="/produk/halaman/2/"' in (dest / "produk" / "index.html").read_text(encoding="utf-8")
    assert (dest / "wilayah" / "lampung" / "kota-metro" / "index.html").is_file()  # empty listings too
    assert (dest / "kategori" / "makanan" / "keripik-kerupuk" / "index.html").is_file()
    assert not (dest / "subkategori").exists() and not (dest / "kabkota").exists()
    listed = len(re.findall(r'class="card-title"', (dest / "produk" / "index.html").read_text(encoding="utf-8")))
    assert listed == 5
    assert not (dest / "arsip" / "index.html").exists()
    count = bench_hugo.count_site(dest)
    assert count.html > N and count.redirects > 0


def test_serve_edits_time_edits_until_the_page_shows_them(tmp_path):
    """The benchmark's `serve` figures: a real preview server on a small catalog, each edit timed
    until the reloaded page shows it (the fast path) and until the whole site is rebuilt (an edit
    the page never shows is an error, not a time)."""
    gen_catalog.generate(tmp_path, 12, seed=4, photos_per_ikm=1, jobs=1, placeholder_photos=True)
    entry = bench_hugo.edit_entry(tmp_path / "content")  # the benchmark's CLI edit comes first
    subprocess.run(bench_hugo.etalase_command(tmp_path), cwd=bench_hugo.REPO_ROOT, check=True, capture_output=True)
    logged = []
    times = bench_hugo.serve_edits(tmp_path, logged.append, edits=2)
    assert len(times.shown) == len(times.rebuilt) == 2
    assert all(0 < shown < rebuilt < 60 for shown, rebuilt in zip(times.shown, times.rebuilt, strict=True))
    assert len(logged) == 2 and "page shown in" in logged[0] and "site rebuilt in" in logged[0]
    page = tmp_path / "etalase-site" / "produk" / entry.parent.name / entry.stem / "index.html"
    assert page.read_text(encoding="utf-8").count(bench_hugo.EDIT_SENTENCE) >= 3
    assert entry.read_text(encoding="utf-8").count(bench_hugo.EDIT_SENTENCE) == 3


def test_a_workdir_is_prepared_once_and_reused_with_the_same_seed(tmp_path):
    """`--workdir`: the catalog, its Hugo twin and the photo cache of the first build are kept
    with what they cost (prepared.json) and read back on the next run; another seed, or a folder
    missing a part, is made afresh."""
    logged = []
    made = bench_hugo._prepare(tmp_path, 12, 5, logged.append)
    assert not made.reused and made.extra["cold"].result.cpu_s > 0
    assert (tmp_path / "photo-cache" / "images").is_dir() and not (tmp_path / "cache" / "images").exists()
    assert any("first build" in line for line in logged)

    again = bench_hugo.load_prepared(tmp_path, 12, 5)
    assert again is not None and again.reused
    assert (again.ikm, again.photos, again.converted) == (made.ikm, made.photos, made.converted)
    assert again.extra["cold"].result.cpu_s == made.extra["cold"].result.cpu_s
    block = bench_hugo.record_block([_with_runs(again)], "Hugo 0.111.3", "cmd", 1, datetime.date(2026, 1, 1), "m")
    assert "reused with `--workdir`" in block

    assert bench_hugo.load_prepared(tmp_path, 12, 6) is None
    assert bench_hugo.load_prepared(tmp_path, 13, 5) is None
    shutil.rmtree(tmp_path / "photo-cache")
    assert bench_hugo.load_prepared(tmp_path, 12, 5) is None


def _with_runs(size):
    """``size`` with one made-up clean build of each tool, enough for the record's tables."""
    fake = bench_hugo.Run(bench_hugo.bench.RunResult(1.0, 2.0, 30.0, 0, "Selesai.\n", ""), 0.5)
    size.etalase.append(fake)
    size.hugo.append(fake)
    size.extra.update({key: fake for key in ("noop", "edit", "hugo-second", "hugo-edit")})
    return size
