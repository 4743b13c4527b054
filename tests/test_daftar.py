"""The submission form /daftar/ in real Chromium: a person fills it in, the YAML it produces is
saved unchanged into the project, and ``python build.py validate`` accepts it. The form is
generated from the schemas, so a drift test fails when a schema field has no input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from etalase.config import load_config
from etalase.pipeline import build
from tests.conftest import REPO, run_cli, site_config, tiny_jpeg, write_project
from tests.test_content_errors import base_files

REPOSITORY = "contoh-dinas/katalog-uji"
TODAY = "2026-11-20"  # before the tests' fixed build date


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = base_files()
    files["content/products/contoh/foto/keripik-balado-1.jpg"] = tiny_jpeg(800, 800, (200, 60, 30))
    files["content/products/contoh/foto/keripik-balado-2.jpg"] = tiny_jpeg(800, 600, (210, 80, 40))
    root = write_project(
        tmp_path_factory.mktemp("daftar") / "p", files, site_config(extra=f"repositori: {REPOSITORY}\n")
    )
    assert build(load_config(root / "site_config.yaml").with_overrides(jobs=1)).ok
    return root


@pytest.fixture()
def form(project: Path, serve_dir, browser):
    page = browser.new_page(viewport={"width": 390, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(serve_dir(project / "_site") + "daftar/", wait_until="networkidle")
    page.errors, page.requests = errors, requests
    yield page
    assert errors == []
    page.close()


def v(page, path: str, item: int | None = None, key: str | None = None):
    """The input of the field at schema ``path`` (or of ``key`` in item ``item`` of that repeat)."""
    if item is None:
        return page.locator(f'[data-path="{path}"] .v').first
    return page.locator(f'[data-path="{path}"] > .items > .item').nth(item).locator(f'[data-key="{key}"] .v').first


def add(page, path: str):
    page.locator(f'[data-path="{path}"] > button.add').click()


def check(page) -> None:
    page.get_by_role("button", name="Periksa dan susun berkas").click()


def save_outputs(page, root: Path) -> dict[str, dict]:
    """Write every produced file into the project exactly as shown; return them parsed."""
    out = {}
    for box in page.locator("[data-output]:not([hidden])").all():
        path = box.locator(".path").inner_text()
        text = box.locator("textarea").input_value()
        assert path.startswith("content/products/") and ".." not in path
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
        out[path] = yaml.safe_load(text)
    return out


def assert_valid(root: Path) -> None:
    proc = run_cli(root, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "error" not in proc.stdout + proc.stderr


def test_complete_product_for_a_registered_ikm_passes_validate(form, project: Path) -> None:
    page = form
    page.select_option("#f-ikm-lama", "contoh")
    v(page, "produk.nama").fill("Keripik Singkong Balado 200 g")
    assert page.locator("#f-produk-slug").input_value() == "keripik-singkong-balado-200-g"
    page.locator("#f-produk-slug").fill("keripik-balado")
    v(page, "produk.kategori").select_option("makanan/keripik-kerupuk")
    v(page, "produk.deskripsi_singkat").fill("Keripik singkong iris tipis dengan bumbu balado pedas manis.")
    v(page, "produk.deskripsi").fill("Dibuat dari **singkong** pilihan.\n\n- Tanpa pengawet\n- Pedas: sedang")
    v(page, "produk.gambar", 0, "berkas").fill("foto/keripik-balado-1.jpg")
    v(page, "produk.gambar", 0, "alt").fill("Kemasan keripik singkong balado")
    add(page, "produk.gambar")
    v(page, "produk.gambar", 1, "berkas").fill("foto/keripik-balado-2.jpg")
    v(page, "produk.gambar", 1, "alt").fill("Isi keripik di piring")
    v(page, "produk.diperbarui").fill(TODAY)
    v(page, "produk.merek").fill("Balado Mantap")
    v(page, "produk.nomor_model").fill("KB-200")
    v(page, "produk.sku").fill("KB200")
    v(page, "produk.kbli").fill("10794")
    v(page, "produk.harga.nilai").fill("18000")
    v(page, "produk.harga.satuan").select_option("bungkus")
    v(page, "produk.harga.termasuk_ppn").check()
    add(page, "produk.harga.grosir")
    v(page, "produk.harga.grosir", 0, "minimal").fill("50")
    v(page, "produk.harga.grosir", 0, "nilai").fill("16000")
    v(page, "produk.harga.berlaku_hingga").fill("2027-06-30")
    v(page, "produk.minimal_pesan").fill("10")
    v(page, "produk.ketersediaan").select_option("tersedia")
    v(page, "produk.waktu_produksi_hari").fill("3")
    page.locator('[data-path="produk.asal_wilayah"] select.prov').select_option("18")
    expect(page.locator('[data-path="produk.asal_wilayah"] .v')).to_be_enabled()  # no eval under the CSP
    v(page, "produk.asal_wilayah").select_option("18.72")
    v(page, "produk.tkdn.nilai").fill("45.5")
    v(page, "produk.tkdn.bmp").fill("4")
    v(page, "produk.tkdn.jenis").select_option("tkdn-ik")
    v(page, "produk.tkdn.nomor_sertifikat").fill("1234/SJ-IKM/TKDN-IK/2026")
    v(page, "produk.tkdn.tanggal_terbit").fill("2026-03-01")
    v(page, "produk.tkdn.berlaku_hingga").fill("2029-03-01")
    v(page, "produk.tkdn.tautan").fill("https://tkdn.kemenperin.go.id/sertifikat/1234")
    add(page, "produk.sertifikasi")
    v(page, "produk.sertifikasi", 0, "jenis").select_option("pirt")
    v(page, "produk.sertifikasi", 0, "nomor").fill("2021871010123-29")
    v(page, "produk.sertifikasi", 0, "penerbit").fill("Dinas Kesehatan Kota Metro")
    add(page, "produk.spesifikasi")
    page.locator('[data-path="produk.spesifikasi"] .item [data-part="nama"] .v').fill("Bahan")
    page.locator('[data-path="produk.spesifikasi"] .item [data-part="isi"] .v').fill("Singkong, cabai, gula")
    v(page, "produk.berat_bersih").fill("200 g")
    v(page, "produk.garansi").fill("Uang kembali bila kemasan rusak")
    v(page, "produk.tag").fill("oleh-oleh, pedas")
    v(page, "produk.ekatalog_tautan").fill("https://katalog.inaproc.id/produk/kb200")
    v(page, "produk.status").select_option("aktif")
    check(page)
    assert page.locator("#masalah").is_hidden(), page.locator("#masalah").inner_text()
    expect(page.locator("#status")).to_contain_text("Semua isian sudah benar")
    files = save_outputs(page, project)
    assert list(files) == ["content/products/contoh/keripik-balado.yaml"]
    doc = files["content/products/contoh/keripik-balado.yaml"]
    assert doc["harga"] == {
        "nilai": 18000,
        "satuan": "bungkus",
        "termasuk_ppn": True,
        "grosir": [{"minimal": 50, "nilai": 16000}],
        "berlaku_hingga": __import__("datetime").date(2027, 6, 30),
    }
    assert doc["kbli"] == "10794" and doc["asal_wilayah"] == "18.72" and doc["tkdn"]["nilai"] == 45.5
    assert doc["tag"] == ["oleh-oleh", "pedas"] and doc["spesifikasi"] == {"Bahan": "Singkong, cabai, gula"}
    assert doc["deskripsi"] == "Dibuat dari **singkong** pilihan.\n\n- Tanpa pengawet\n- Pedas: sedang"
    assert_valid(project)
    # the GitHub "new file" link carries the path and the exact content
    link = page.locator('[data-output="produk"] a[data-action="github"]').get_attribute("href")
    assert link.startswith(
        f"https://github.com/{REPOSITORY}/new/main?filename=content%2Fproducts%2Fcontoh%2Fkeripik-balado.yaml&value="
    )
    issue = page.locator("#issue-link").get_attribute("href")
    assert issue.startswith(f"https://github.com/{REPOSITORY}/issues/new?template=produk-baru.yml&title=Produk%20baru")
    assert "&nama=Keripik%20Singkong%20Balado%20200%20g" in issue and "&ikm=contoh" in issue and "&harga=18000" in issue
    (project / "content/products/contoh/keripik-balado.yaml").unlink()


def test_new_ikm_with_regions_loaded_on_demand(form, project: Path) -> None:
    page = form
    assert not any("/data/wilayah/" in r for r in page.requests)  # nothing until a province is picked
    page.get_by_label("IKM baru (belum ada di katalog)").check()
    assert page.locator("#f-ikm-lama").is_hidden()
    v(page, "ikm.nama_usaha").fill("Sambal Lado Ibu Sari")
    assert page.locator("#f-ikm-slug").input_value() == "sambal-lado-ibu-sari"
    v(page, "ikm.bentuk_usaha").select_option("perorangan")
    v(page, "ikm.skala_usaha").select_option("mikro")
    v(page, "ikm.nib").fill("9120009876543")
    v(page, "ikm.kbli").fill("10772")
    page.locator('[data-path="ikm.wilayah.kabupaten_kota"] select.prov').select_option("18")
    expect(page.locator('[data-path="ikm.wilayah.kabupaten_kota"] .v')).to_be_enabled()  # no eval under the CSP
    v(page, "ikm.wilayah.kabupaten_kota").select_option("18.72")
    expect(page.locator('[data-path="ikm.wilayah.kecamatan"] .v')).to_be_enabled()  # no eval under the CSP
    v(page, "ikm.wilayah.kecamatan").select_option("18.72.01")
    assert [r for r in page.requests if "/data/wilayah/" in r] == [
        page.url.split("daftar/")[0] + "data/wilayah/18.json"
    ]
    v(page, "ikm.alamat").fill("Jl. Contoh No. 5, Metro Pusat")
    v(page, "ikm.kontak.whatsapp").fill("+6281299990000")
    v(page, "ikm.kontak.email").fill("sambal@example.id")
    v(page, "ikm.ekatalog.terdaftar").check()
    check(page)  # e-Katalog registered without its kind: the schema's if/then rule
    problems = page.locator("#masalah").inner_text()
    assert "Jenis e-Katalog wajib diisi" in problems, problems
    v(page, "ikm.ekatalog.jenis").select_option("lokal")
    page.get_by_label("Metro Bangga Beli").check()
    v(page, "ikm.diperbarui").fill(TODAY)
    v(page, "produk.nama").fill("Sambal Lado Botol 150 ml")
    v(page, "produk.kategori").select_option("makanan/sambal-bumbu")
    v(page, "produk.deskripsi_singkat").fill("Sambal lado merah khas Lampung dalam botol kaca 150 ml.")
    v(page, "produk.gambar", 0, "berkas").fill("foto/sambal.jpg")
    v(page, "produk.gambar", 0, "alt").fill("Botol sambal lado merah")
    v(page, "produk.diperbarui").fill(TODAY)
    check(page)
    assert page.locator("#masalah").is_hidden(), page.locator("#masalah").inner_text()
    (project / "content/products/sambal-lado-ibu-sari/foto").mkdir(parents=True)
    (project / "content/products/sambal-lado-ibu-sari/foto/sambal.jpg").write_bytes(tiny_jpeg(700, 900))
    files = save_outputs(page, project)
    assert sorted(files) == [
        "content/products/sambal-lado-ibu-sari/ikm.yaml",
        "content/products/sambal-lado-ibu-sari/sambal-lado-botol-150-ml.yaml",
    ]
    ikm = files["content/products/sambal-lado-ibu-sari/ikm.yaml"]
    assert ikm["nib"] == "9120009876543" and ikm["wilayah"] == {"kabupaten_kota": "18.72", "kecamatan": "18.72.01"}
    assert ikm["kontak"]["whatsapp"] == "+6281299990000" and ikm["program"] == ["metro-bangga-beli"]
    assert ikm["ekatalog"] == {"terdaftar": True, "jenis": "lokal"} and ikm["kbli"] == ["10772"]
    try:
        assert_valid(project)
    finally:
        import shutil

        shutil.rmtree(project / "content/products/sambal-lado-ibu-sari")


def test_problems_are_listed_in_indonesian_with_links_to_the_fields(form) -> None:
    page = form
    check(page)
    box = page.locator("#masalah")
    assert box.is_visible() and box.evaluate("el => el === document.activeElement")
    text = box.inner_text()
    assert "Pilih IKM wajib diisi" in text and "Nama produk wajib diisi" in text and "Kategori wajib diisi" in text
    # a link per problem, to the field itself
    first = box.locator("a").first
    target = first.get_attribute("href")
    assert target.startswith("#") and page.locator(target).count() == 1
    # a PIRT number follows the schema's conditional pattern; an SNI one does not have to
    add(page, "produk.sertifikasi")
    v(page, "produk.sertifikasi", 0, "jenis").select_option("pirt")
    v(page, "produk.sertifikasi", 0, "nomor").fill("12345")
    check(page)
    assert "nomor PIRT harus 15 digit" in box.inner_text()
    v(page, "produk.sertifikasi", 0, "jenis").select_option("sni")
    check(page)
    assert "nomor PIRT" not in box.inner_text()
    # a partly filled TKDN block needs its required parts; a list item must fit the pattern
    v(page, "produk.tkdn.nilai").fill("30")
    v(page, "produk.tag").fill("oleh-oleh, Huruf Besar")
    check(page)
    text = box.inner_text()
    assert "Jenis TKDN wajib diisi" in text and "Nomor sertifikat TKDN wajib diisi" in text
    assert "`Huruf Besar` tidak sesuai; tag hanya huruf kecil" in text


HOSTILE = {
    "nama": 'Kopi "Robusta": #1 - {{ 7*7 }} </script>',
    "deskripsi_singkat": "- yes: no\t&anchor *alias !!python/object ' \" % @ ` | > ~ null",
    "deskripsi": "  diawali spasi\n\n#judul\n---\n...\nbaris: terakhir \\ \u2028selesai",
    "merek": "true",
    "sku": "0123",
    "garansi": "12:30",
}


def test_hostile_text_round_trips_exactly_through_the_yaml(form, project: Path) -> None:
    page = form
    page.select_option("#f-ikm-lama", "contoh")
    v(page, "produk.kategori").select_option("minuman/kopi")
    for key, value in HOSTILE.items():
        v(page, f"produk.{key}").fill(value)
    page.locator("#f-produk-slug").fill("kopi-uji")
    v(page, "produk.gambar", 0, "berkas").fill("foto/keripik.jpg")
    v(page, "produk.gambar", 0, "alt").fill("Foto uji kopi")
    v(page, "produk.diperbarui").fill(TODAY)
    check(page)
    assert page.locator("#masalah").is_hidden(), page.locator("#masalah").inner_text()
    doc = save_outputs(page, project)["content/products/contoh/kopi-uji.yaml"]
    for key, value in HOSTILE.items():
        expected = value.rstrip() if key == "deskripsi" else value.strip()
        assert doc[key] == expected, key
    try:
        assert_valid(project)
    finally:
        (project / "content/products/contoh/kopi-uji.yaml").unlink()


def _schema_paths(node: dict, prefix: str, defs: dict) -> list[str]:
    out = []
    for key, sub in node.get("properties", {}).items():
        sub = {**defs.get(sub.get("$ref", "").rsplit("/", 1)[-1], {}), **sub}
        path = f"{prefix}.{key}"
        out.append(path)
        if sub.get("type") == "object":
            out += _schema_paths(sub, path, defs)
        if sub.get("type") == "array" and sub.get("items", {}).get("type") == "object":
            out += _schema_paths(sub["items"], path + "[]", defs)
    return out


def test_every_schema_field_has_an_input_in_the_form(project: Path) -> None:
    html = (project / "_site/daftar/index.html").read_text(encoding="utf-8")
    found = set(re.findall(r'data-path="([^"]+)"', html))
    for name in ("produk", "ikm"):
        schema = json.loads((REPO / f"schema/{name}.schema.json").read_text(encoding="utf-8"))
        hidden = {f"{name}.schema"}  # written by the form itself
        missing = [p for p in _schema_paths(schema, name, schema.get("$defs", {})) if p not in found | hidden]
        assert missing == [], missing
    assert 'class="f" data-key="schema" data-kind="const" value="1"' in html
    assert "Data ini akan tampil untuk umum." in html


def test_guide_screenshots(form, project: Path, tmp_path: Path) -> None:
    """The pictures in docs/panduan-ikm.md, taken by this browser: ``make screenshots`` writes them
    to docs/img/; a plain test run takes them into a temporary folder and checks them."""
    import os

    from PIL import Image

    out = Path(os.environ.get("ETALASE_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    page = form
    page.set_viewport_size({"width": 390, "height": 760})
    page.select_option("#f-ikm-lama", "contoh")
    v(page, "produk.nama").fill("Keripik Singkong Balado 200 g")
    v(page, "produk.kategori").select_option("makanan/keripik-kerupuk")
    shots = {"daftar-1-formulir.png": page.locator("#bagian-ikm")}
    page.locator("#bagian-ikm").screenshot(path=out / "daftar-1-formulir.png")
    page.locator("#publik").screenshot(path=out / "daftar-0-publik.png")
    shots["daftar-0-publik.png"] = page.locator("#publik")
    check(page)
    page.locator("#masalah").screenshot(path=out / "daftar-2-masalah.png")
    shots["daftar-2-masalah.png"] = page.locator("#masalah")
    v(page, "produk.deskripsi_singkat").fill("Keripik singkong iris tipis dengan bumbu balado pedas manis.")
    v(page, "produk.gambar", 0, "berkas").fill("foto/keripik-balado-1.jpg")
    v(page, "produk.gambar", 0, "alt").fill("Kemasan keripik singkong balado")
    v(page, "produk.diperbarui").fill(TODAY)
    v(page, "produk.harga.nilai").fill("18000")
    v(page, "produk.harga.satuan").select_option("bungkus")
    check(page)
    assert page.locator("#masalah").is_hidden()
    page.locator('[data-output="produk"]').screenshot(path=out / "daftar-3-berkas.png")
    shots["daftar-3-berkas.png"] = page.locator('[data-output="produk"]')
    for name in shots:
        with Image.open(out / name) as img:
            assert img.width >= 300 and img.height >= 100, name
