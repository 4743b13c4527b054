"""Issue → files: recorded "Produk baru" issue bodies (tests/fixtures/issues/) through the intake,
to the exact files or the exact Indonesian problems; photos only from GitHub, by their bytes;
hostile text stays text; the command line; the issue form stays in step with the schema and data."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import yaml

from etalase import intake, issuebody
from etalase.diagnostics import Diagnostic
from etalase.i18n import t
from etalase.regions import load_regions
from tests.conftest import REPO, run_cli, site_config, tiny_jpeg, write_project
from tests.test_content_errors import base_files

ISSUES = REPO / "tests/fixtures/issues"
TODAY = dt.date(2026, 11, 20)
PHOTO = tiny_jpeg(900, 900, (190, 70, 30))
REGIONS = load_regions(REPO / "data/wilayah.csv")
ASSET_1 = "https://github.com/user-attachments/assets/0b6e6f0e-1c1d-4a8e-9a51-5f0d8f1c2a01"
ASSET_2 = "https://github.com/user-attachments/assets/7f3c2d10-2b5e-4c6a-8d7e-3a9b1c0d4e02"
FIX_IN_ISSUE = "Perbaiki isian dengan menyunting isu ini (menu **···** di pojok kanan atas isian → **Edit**), lalu tulis komentar agar pengelola memprosesnya lagi."


def body(name: str) -> str:
    return (ISSUES / f"{name}.md").read_text(encoding="utf-8")


def section(text: str, label: str, value: str) -> str:
    """The body with one answer replaced (as if the IKM had edited the issue)."""
    pattern = re.compile(rf"(### {re.escape(label)}\n\n)(.*?)(\n\n### |\n*\Z)", re.S)
    assert pattern.search(text), label
    return pattern.sub(lambda m: m[1] + value + m[3], text, count=1)


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", base_files())


def tree(root: Path) -> set[str]:
    """Every file and folder, with the files' bytes (the git-ignored build cache aside)."""
    out = set()
    for p in root.rglob("*"):
        rel = p.relative_to(root).as_posix()
        if not rel.startswith(".etalase-cache"):
            out.add(rel + "/" if p.is_dir() else f"{rel} {hash(p.read_bytes())}")
    return out


def fake_fetch(*answers: bytes):
    """Answers in turn (the last one repeats); remembers what was asked."""
    calls: list[str] = []

    def get(url: str, limit: int) -> bytes:
        calls.append(url)
        return answers[min(len(calls), len(answers)) - 1] if answers else PHOTO

    get.calls = calls
    return get


# ---------- complete issues ----------

PRODUCT_YAML = """\
# yaml-language-server: $schema=../../../schema/produk.schema.json
schema: 1
nama: Keripik Singkong Balado 200 g
kategori: makanan/keripik-kerupuk
deskripsi_singkat: Keripik singkong iris tipis dengan bumbu balado pedas manis.
merek: Balado Mantap
kbli: '10794'
harga:
  nilai: 18000
  satuan: bungkus
  grosir:
    - minimal: 50
      nilai: 16000
    - minimal: 100
      nilai: 15000
minimal_pesan: 10
ketersediaan: tersedia
berat_bersih: 200 g
tkdn:
  nilai: 45.5
  bmp: 4
  jenis: tkdn-ik
  nomor_sertifikat: 1234/SJ-IKM/TKDN-IK/2026
  tanggal_terbit: 2026-03-01
sertifikasi:
  - jenis: pirt
    nomor: 2021871010123-29
gambar:
  - berkas: foto/keripik-singkong-balado-200-g-1.jpg
    alt: Kemasan keripik singkong balado
  - berkas: foto/keripik-singkong-balado-200-g-2.jpg
    alt: Kemasan keripik singkong balado (2)
spesifikasi:
  Bahan: singkong, cabai, gula
  Rasa: pedas manis
tag:
  - oleh-oleh
  - pedas
diperbarui: 2026-11-20
deskripsi: |
  Dibuat dari **singkong** pilihan.

  - Tanpa pengawet
"""


def test_complete_issue_for_a_registered_ikm_becomes_a_valid_product(project: Path) -> None:
    before = tree(project)
    get = fake_fetch()
    result = intake.run(body("lengkap-ikm-terdaftar"), project, 12, get, TODAY)
    assert result["ok"], result["problems"]
    folder = "content/products/contoh/"
    assert result["files"] == [
        folder + "foto/keripik-singkong-balado-200-g-1.jpg",
        folder + "foto/keripik-singkong-balado-200-g-2.jpg",
        folder + "keripik-singkong-balado-200-g.yaml",
    ]
    assert get.calls == [ASSET_1, ASSET_2]
    assert result["photos"] == [
        {"url": ASSET_1, "file": "foto/keripik-singkong-balado-200-g-1.jpg"},
        {"url": ASSET_2, "file": "foto/keripik-singkong-balado-200-g-2.jpg"},
    ]
    assert (project / result["files"][0]).read_bytes() == PHOTO
    assert (project / result["files"][2]).read_text(encoding="utf-8") == PRODUCT_YAML
    assert {e.split(" ")[0] for e in tree(project) - before} == set(result["files"])  # nothing else
    assert result["branch"] == "produk/contoh/keripik-singkong-balado-200-g-issue-12"
    assert result["title"] == "Produk baru: Keripik Singkong Balado 200 g (dari isu #12)"
    assert (
        result["body"].endswith("\n\nCloses #12")
        and f"- `{folder}keripik-singkong-balado-200-g.yaml`" in result["body"]
    )
    assert result["comment"] == "" and result["problems"] == []
    proc = run_cli(project, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr


IKM_YAML = """\
# yaml-language-server: $schema=../../../schema/ikm.schema.json
schema: 1
nama_usaha: Sambal Lado Ibu Sari
nib: '9120009876543'
wilayah:
  kabupaten_kota: '18.72'
  kecamatan: 18.72.01
alamat: Jl. Contoh No. 5, Metro Pusat
kontak:
  whatsapp: '+6281299990000'
diperbarui: 2026-11-20
"""


def test_complete_issue_for_a_new_ikm_writes_its_profile_too(project: Path) -> None:
    # regency and district given by name ("Kota Metro", "Metro Pusat"), WhatsApp as 0812-…
    result = intake.run(body("lengkap-ikm-baru"), project, 13, fake_fetch(), TODAY)
    assert result["ok"], result["problems"]
    folder = "content/products/sambal-lado-ibu-sari/"
    assert result["files"] == [
        folder + "foto/sambal-lado-botol-150-ml-1.jpg",
        folder + "foto/sambal-lado-botol-150-ml-2.jpg",
        folder + "ikm.yaml",
        folder + "sambal-lado-botol-150-ml.yaml",
    ]
    assert (project / folder / "ikm.yaml").read_text(encoding="utf-8") == IKM_YAML
    product = yaml.safe_load((project / folder / "sambal-lado-botol-150-ml.yaml").read_text(encoding="utf-8"))
    assert (
        product["kategori"] == "makanan/sambal-bumbu" and product["gambar"][1]["alt"] == "Sambal Lado Botol 150 ml (2)"
    )
    assert result["new_ikm"] and result["branch"] == "produk/sambal-lado-ibu-sari/sambal-lado-botol-150-ml-issue-13"
    proc = run_cli(project, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_files_go_to_the_configured_content_folder(tmp_path: Path) -> None:
    files = {rel.replace("content/", "isi/", 1): data for rel, data in base_files().items()}
    project = write_project(tmp_path / "p", files, site_config(content="isi"))
    result = intake.run(body("lengkap-ikm-terdaftar"), project, 25, fake_fetch(), TODAY)
    assert result["ok"] and result["files"][-1] == "isi/products/contoh/keripik-singkong-balado-200-g.yaml"


# ---------- problems the intake finds itself ----------


def test_missing_fields_are_listed_and_nothing_is_written(project: Path) -> None:
    before = tree(project)
    get = fake_fetch()
    result = intake.run(body("kolom-wajib-kosong"), project, 14, get, TODAY)
    assert not result["ok"] and get.calls == [] and result["files"] == []
    assert result["problems"] == [
        "kolom «Nama produk» wajib diisi",
        "kolom «Kategori» wajib diisi",
        "kolom «Foto produk» wajib diisi",
    ]
    assert result["comment"] == (
        "Terima kasih! Isian ini belum bisa diproses karena ada 3 hal yang perlu diperbaiki:\n\n"
        "- kolom «Nama produk» wajib diisi\n- kolom «Kategori» wajib diisi\n- kolom «Foto produk» wajib diisi\n\n"
        + FIX_IN_ISSUE
    )
    assert tree(project) == before


def test_photos_from_other_hosts_are_refused_without_fetching(project: Path) -> None:
    get = fake_fetch()
    result = intake.run(body("foto-bukan-dari-github"), project, 15, get, TODAY)
    assert not result["ok"] and get.calls == []
    hint = "; seret berkas fotonya langsung ke kotak «Foto produk»"
    assert result["problems"] == [
        "foto ke-1 tidak dilampirkan lewat GitHub (alamatnya di `contoh-jahat.example`)" + hint,
        "foto ke-2 tidak dilampirkan lewat GitHub (alamatnya di `github.com`)" + hint,  # http://
        "foto ke-3 tidak dilampirkan lewat GitHub (alamatnya di `drive.google.com`)" + hint,
    ]


def test_a_link_that_is_not_a_photo_is_refused_and_everything_is_cleaned_up(project: Path) -> None:
    before = tree(project)
    # the first photo is fine and gets written; the second is a web page: both are gone after
    result = intake.run(body("lengkap-ikm-baru"), project, 16, fake_fetch(PHOTO, b"<!doctype html><p>login"), TODAY)
    assert not result["ok"]
    assert result["problems"] == [
        "berkas ke-2 di kotak «Foto produk» bukan foto JPG, PNG atau WebP; ubah dulu ke JPG lalu lampirkan ulang"
    ]
    assert tree(project) == before  # the new IKM's folder is gone too


def test_a_photo_over_the_size_limit_is_refused(project: Path) -> None:
    too_big = PHOTO + b"\0" * (20 * 1048576)
    result = intake.run(body("lengkap-ikm-terdaftar"), project, 17, fake_fetch(too_big), TODAY)
    assert (
        result["problems"][0].startswith("foto ke-1 lebih besar dari ")
        and "MB; kecilkan ukurannya" in result["problems"][0]
    )


def test_answers_that_cannot_be_read_are_each_explained(project: Path) -> None:
    get = fake_fetch()
    result = intake.run(body("isian-salah-format"), project, 18, get, TODAY)
    assert get.calls == [] and result["problems"] == [
        "kolom «Persetujuan» wajib dicentang; centang pernyataan bahwa isian akan tampil untuk umum",
        "kolom «Kabupaten/kota (IKM baru)»: `Kota Metor` tidak ditemukan; mungkin maksudnya Kota Metro (18.72)?",
        "kolom «Harga (Rupiah)» harus berupa angka (tertulis `dua puluh ribu`); tulis angkanya saja, mis. 25000",
        "baris `seratus: 15000` di kolom «Harga grosir» tidak bisa dibaca; tulis satu isian per baris seperti 50: 22000",
        "kolom «Nilai TKDN (%)» harus berupa persen 0–100 (tertulis `nan`); tulis angkanya saja, mis. 45,5",
        "kolom «Tanggal terbit sertifikat TKDN» bukan tanggal yang bisa dibaca (tertulis `31-02-2026`); tulis TTTT-BB-HH, mis. 2026-03-01",
        "baris `pedas sekali` di kolom «Spesifikasi» tidak bisa dibaca; tulis satu isian per baris seperti Bahan: pisang kepok",
    ]


def test_what_the_validator_refuses_is_reported_with_file_line_and_the_form_field(project: Path) -> None:
    before = tree(project)
    result = intake.run(body("ditolak-pemeriksa"), project, 19, fake_fetch(), TODAY)
    assert not result["ok"] and tree(project) == before
    folder = "content/products/sambal-lado-ibu-sari/"
    assert result["comment"] == "\n".join([
        "Terima kasih! Isian ini belum bisa diproses karena ada 4 hal yang perlu diperbaiki:",
        "",
        f"- **«NIB (IKM baru)»** (`{folder}ikm.yaml:4`): NIB harus 13 digit angka dalam tanda kutip, mis. "
        '"9120001234567" (tertulis "91200098"); perbaiki kolom «NIB (IKM baru)» di isu ini',
        f"- **«Deskripsi singkat»** (`{folder}sambal-lado-botol-150-ml.yaml:5`): deskripsi singkat terlalu pendek "
        "(12 karakter); tulis sedikitnya 20 karakter",
        f"- **«KBLI produk»** (`{folder}sambal-lado-botol-150-ml.yaml:6`): kode KBLI harus 5 digit angka dalam tanda "
        'kutip, mis. "10794" (tertulis "1079"); perbaiki kolom «KBLI produk» di isu ini',
        f"- **«Keterangan foto»** (`{folder}sambal-lado-botol-150-ml.yaml:9`): teks alternatif gambar terlalu pendek "
        "(4 karakter); tulis sedikitnya 5 karakter",
        "",
        FIX_IN_ISSUE,
    ])  # fmt: skip
    assert result["problems"][0] == (
        f"{folder}ikm.yaml:4:6: error: NIB harus 13 digit angka dalam tanda kutip, mis. "
        '"9120001234567" (tertulis "91200098") [nib]'
    )


def test_existing_files_are_never_overwritten(project: Path) -> None:
    text = body("lengkap-ikm-terdaftar")
    photo = project / "content/products/contoh/foto/keripik-singkong-balado-200-g-2.png"
    photo.write_bytes(b"\x89PNG\r\n\x1a\n an earlier photo")
    get = fake_fetch()
    result = intake.run(text, project, 20, get, TODAY)
    assert get.calls == [] and result["problems"] == [
        "berkas `content/products/contoh/foto/keripik-singkong-balado-200-g-2.*` sudah ada; untuk mengubah produk "
        "yang sudah terdaftar, minta pengelola menyuntingnya"
    ]
    assert photo.read_bytes() == b"\x89PNG\r\n\x1a\n an earlier photo"
    photo.unlink()
    renamed = section(text, "Nama produk", "Keripik Pisang Coklat")  # the product keripik.yaml of base_files
    assert intake.run(renamed, project, 20, get, TODAY)["problems"] == []
    again = intake.run(renamed.replace("keripik", "Keripik"), project, 21, get, TODAY)
    assert again["problems"][0].startswith("berkas `content/products/contoh/keripik-pisang-coklat.yaml` sudah ada")


def test_an_unknown_ikm_folder_is_refused_with_the_nearest_one(project: Path) -> None:
    text = section(body("lengkap-ikm-terdaftar"), "Nama folder IKM (bila sudah terdaftar)", "contho")
    assert intake.run(text, project, 22, fake_fetch(), TODAY)["problems"] == [
        "folder IKM `contho` tidak ada di katalog (mungkin maksudnya `contoh`?); tulis nama folder dari alamat halaman "
        "IKM Anda, atau kosongkan kolom «Nama folder IKM (bila sudah terdaftar)» dan isi profil IKM baru"
    ]
    # the IKM page's address works as well as the folder name
    text = section(text, "Nama folder IKM (bila sudah terdaftar)", "https://katalog.example.id/ikm/contoh/")
    assert intake.run(text, project, 22, fake_fetch(), TODAY)["ok"]


# ---------- hostile text ----------


def test_a_path_as_the_ikm_folder_is_refused_before_anything_happens(project: Path) -> None:
    before = tree(project)
    get = fake_fetch()
    result = intake.run(body("teks-berbahaya"), project, 23, get, TODAY)
    assert get.calls == [] and tree(project) == before
    assert result["problems"] == [
        "folder IKM `../../etc` tidak ada di katalog; tulis nama folder dari alamat halaman IKM Anda, atau kosongkan "
        "kolom «Nama folder IKM (bila sudah terdaftar)» dan isi profil IKM baru"
    ]


def test_malicious_text_stays_text_inside_the_folder_and_on_the_page(project: Path) -> None:
    text = body("teks-berbahaya-ikm-baru")
    first = intake.run(text, project, 24, fake_fetch(), TODAY)  # a 300-character photo caption
    assert [p.split(": error: ")[1] for p in first["problems"]] == [
        "teks alternatif gambar terlalu panjang (300 karakter); maksimal 200 karakter [gambar[0].alt]",
        "teks alternatif gambar terlalu panjang (304 karakter); maksimal 200 karakter [gambar[1].alt]",
    ]
    result = intake.run(section(text, "Keterangan foto", "Botol sambal merah"), project, 24, fake_fetch(), TODAY)
    assert result["ok"], result["problems"]
    folder = "content/products/etc-passwd-makmur/"  # from "../../../etc/passwd Makmur"
    product = folder + "script-alert-1-script-sambal-7-7-raw.yaml"
    assert result["files"] == [
        folder + "foto/script-alert-1-script-sambal-7-7-raw-1.jpg",
        folder + "foto/script-alert-1-script-sambal-7-7-raw-2.jpg",
        folder + "ikm.yaml",
        product,
    ]
    doc = yaml.safe_load((project / product).read_text(encoding="utf-8"))
    assert list(doc) == ["schema", "nama", "kategori", "deskripsi_singkat", "gambar", "spesifikasi", "tag",
                         "diperbarui", "deskripsi"]  # fmt: skip
    assert doc["nama"] == "<script>alert(1)</script> Sambal {{ 7*7 }} {% raw %}"
    assert doc["deskripsi_singkat"] == "nama: x status: arsip --- !!python/object/apply:os.system ['id'] &a *a"
    assert doc["deskripsi"] == (
        "<img src=x onerror=alert(1)> **tebal** {{ site.judul }}\n\n---\nstatus: arsip\n...\n### Nama produk\n\nPalsu\n"
    )  # a heading typed inside an answer is text, not a new answer
    assert doc["spesifikasi"] == {"Bahan": "cabai", "status": "arsip", "../../x": "y"}
    assert doc["tag"] == ["oleh-oleh", "b-x-b", "etc", "pedas"]
    ikm = yaml.safe_load((project / folder / "ikm.yaml").read_text(encoding="utf-8"))
    assert ikm["alamat"] == "Jl. Contoh No. 5, Metro {{ config }}"  # the right-to-left override is dropped
    proc = run_cli(project, "build")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    page = (project / "_site/produk/etc-passwd-makmur/script-alert-1-script-sambal-7-7-raw/index.html").read_text(
        encoding="utf-8"
    )
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Sambal {{ 7*7 }}" in page
    assert "onerror" not in page and "<strong>tebal</strong> {{ site.judul }}" in page


NASTY = [
    "", " ", "\x00\x1b[31m", "²", "٣٠٠٠", "1e309", "nan", "-inf", "-5", "0", "9" * 400, "9" * 5000, "1." + "9" * 5000, "a" * 25_000, "..", "../..",
    "/etc/passwd", "C:\\Windows", "*a", "&a", "!!python/object:os.system", "'", '"', "`", "```", "|", ">", "---", "...",
    "{{ 7*7 }}", "{% include x %}", "<script>", "ikm", "İ", "ß", "🙂", "\u202e", "a: b\nc: d", "- [x]", "### Nama produk",
    "18.72.01.2001", "99.99", "50:", ": 50", "Rp", "Rp.-", "1.2.3", "2026-13-45", "31/12/2026",
]  # fmt: skip


def test_no_answer_makes_the_intake_fail_or_write_anything_but_plain_values() -> None:
    base = issuebody.parse_body(body("lengkap-ikm-baru"))
    properties = {
        "produk": set(json.loads((REPO / "schema/produk.schema.json").read_text(encoding="utf-8"))["properties"]),
        "ikm": set(json.loads((REPO / "schema/ikm.schema.json").read_text(encoding="utf-8"))["properties"]),
    }
    for f in issuebody.FIELDS:
        for value in NASTY:
            answers = {**base, f.id: value}
            out = issuebody.build_intake(answers, {"contoh"}, REGIONS, TODAY)
            for rel, (doc, schema) in out.docs.items():
                assert re.fullmatch(r"content/products/[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*\.yaml", rel)
                assert yaml.load(issuebody.to_yaml(doc, schema), Loader=yaml.CSafeLoader) == doc, (f.id, value)
                assert set(doc) <= properties[schema], (f.id, value)
            for photo in out.photos:
                assert re.fullmatch(r"content/products/[a-z0-9-]+/foto/[a-z0-9-]+", photo.stem)


def test_comment_text_cannot_be_turned_into_markup() -> None:
    assert issuebody.quote("a `b` c") == "`` a `b` c ``" and issuebody.quote("x" * 100, 10) == "`xxxxxxxxx…`"
    text = intake.comment(["kolom «X» <img src=x onerror=alert(1)> @someone"], [])
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    diag = Diagnostic("content/products/a/b.yaml", 3, 1, "nama `<b>` | salah; perbaiki", "nama")
    assert "- **«Nama produk»** (`content/products/a/b.yaml:3`): nama `<b>` \\| salah; perbaiki" in intake.comment(
        [], [diag]
    )


@pytest.mark.parametrize(
    ("path", "field"),
    [("tkdn.nilai", "tkdn_nilai"), ("harga.nilai", "harga"), ("harga.grosir[1].minimal", "harga_grosir"),
     ("gambar[0].alt", "gambar_alt"), ("gambar[2].berkas", "gambar"), ("wilayah.kecamatan", "kecamatan"),
     ("kontak.whatsapp", "whatsapp"), ("tkdn", "tkdn_nilai"), ("", "")],
)  # fmt: skip
def test_validator_fields_point_at_the_form_field(path: str, field: str) -> None:
    assert intake.field_of(path) == field


def test_regions_by_name_or_code() -> None:
    def region(value: str, level: str = "kabupaten_kota", within: str = "") -> tuple[str | None, list[str]]:
        reader = issuebody._Reader({"kabupaten_kota": value}, REGIONS)
        return reader.region("kabupaten_kota", level, within), reader.problems

    assert region("18.72") == ("18.72", [])
    assert region("kota metro") == ("18.72", []) and region("Metro") == ("18.72", [])
    assert region("Kab. Pesawaran") == ("18.09", [])
    assert region("18.72", within="34.")[0] is None  # not in the chosen province
    code, problems = region("Kota Metro", "kabupaten_kota", "34.")
    assert code is None and problems[0].startswith("kolom «Kabupaten/kota (IKM baru)»: `Kota Metro` tidak ditemukan")


# ---------- photos ----------


def test_only_github_attachment_links_are_photos() -> None:
    for ok in (
        ASSET_1,
        "https://user-images.githubusercontent.com/452325/121538101-09e2e500-c9f4-11eb-9560-a16da9728f47.png",
        "https://private-user-images.githubusercontent.com/1/553416385-906b9fda.jpeg?jwt=eyJ0",
        "https://github.com/ConnectAI-E/GitMaya/assets/1826685/24e5782e-2045-4fd3-80b1-b261ebc497b9",
        "https://GitHub.com/user-attachments/assets/0b6e6f0e-1c1d-4a8e-9a51-5f0d8f1c2a01",
    ):
        assert issuebody.allowed_photo(ok), ok
    for bad in (
        ASSET_1.replace("https:", "http:"),
        ASSET_1.replace("github.com", "github.com:8443"),
        ASSET_1.replace("github.com", "user@github.com"),
        ASSET_1.replace("github.com", "github.com.evil.example"),
        "https://github.com/user-attachments/files/123/catalog.pdf",
        "https://github.com/contoh/etalase/raw/main/x.jpg",
        "https://github.com/a/../assets/1/0b6e6f0e-1c1d-4a8e-9a51-5f0d8f1c2a01",
        "https://objects.githubusercontent.com/x/y.jpg",
        "https://evil.example/?https://github.com/user-attachments/assets/x",
        "https://[::1/x",
        "javascript:alert(1)",
        "file:///etc/passwd",
    ):
        assert not issuebody.allowed_photo(bad), bad
    text = f'![IMG_1](<{ASSET_1}>)\n<img alt="b" src="{ASSET_2}" />\n![again]({ASSET_1})\nfile:///etc/passwd'
    assert issuebody.photo_urls(text) == [ASSET_1, ASSET_2, "file:///etc/passwd"]


def test_photo_type_comes_from_the_bytes() -> None:
    assert intake.photo_kind(PHOTO) == "jpg"
    assert intake.photo_kind(b"\x89PNG\r\n\x1a\n....") == "png"
    assert intake.photo_kind(b"RIFF\x10\x00\x00\x00WEBPVP8 ") == "webp"
    for other in (b"GIF89a", b"<svg xmlns=", b"%PDF-1.7", b"", b"RIFF\x10\x00\x00\x00WAVE"):
        assert intake.photo_kind(other) == ""


class _Server(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        if self.path == "/away":
            self.send_response(302)
            self.send_header("Location", "https://evil.example/x.jpg")
            self.end_headers()
        elif self.path == "/big":
            self.send_response(200)
            self.send_header("Content-Length", str(10 * 1048576))
            self.end_headers()
        elif self.path == "/endless":  # no length: the cap is on what is read
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"\xff\xd8\xff" + b"\0" * 3000)
        elif self.path == "/photo":
            self.send_response(200)
            self.send_header("Content-Length", str(len(PHOTO)))
            self.end_headers()
            self.wfile.write(PHOTO)
        else:
            self.send_error(404)

    def log_message(self, *args: object) -> None:
        pass


def test_the_downloader_caps_size_and_stays_on_github() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        assert intake.fetch(base + "/photo", 1048576) == PHOTO
        for path, limit, key in (("/away", 1048576, "photo_redirect"), ("/big", 1048576, "photo_big"),
                                 ("/endless", 1000, "photo_big"), ("/missing", 1048576, "photo_fetch")):  # fmt: skip
            with pytest.raises(intake.PhotoError) as caught:
                intake.fetch(base + path, limit)
            assert caught.value.key == key, path
    finally:
        server.shutdown()
        server.server_close()


# ---------- command line ----------

FAKE_FETCH = (  # the command line with GitHub replaced by a photo made on the spot
    "import sys; from etalase import intake; from tests.conftest import tiny_jpeg; "
    "intake.fetch = lambda url, limit: tiny_jpeg(900, 900); sys.exit(intake.main(sys.argv[1:]))"
)


def _cli(*args: str, fake: bool = False) -> subprocess.CompletedProcess:
    cmd = [sys.executable, "-c", FAKE_FETCH, *args] if fake else [sys.executable, "-m", "etalase.intake", *args]
    env = {"PATH": "/usr/bin:/bin", "SOURCE_DATE_EPOCH": "1795305600", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=120, env=env)


def test_command_line_writes_valid_files_and_the_result(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    proc = _cli("--body-file", str(ISSUES / "lengkap-ikm-baru.md"), "--root", str(project), "--issue", "31",
                "--result", str(out), fake=True)  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout == "isian valid: 4 berkas ditulis\n"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["ok"] and result["branch"] == "produk/sambal-lado-ibu-sari/sambal-lado-botol-150-ml-issue-31"
    assert all((project / f).is_file() for f in result["files"])
    assert run_cli(project, "validate").returncode == 0


def test_command_line_reports_bad_input_without_a_traceback(project: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    nasty = tmp_path / "body.md"
    nasty.write_bytes(b"\xff\xfe### Nama produk\n\n\x00" + body("teks-berbahaya").encode() + b"\xc3")
    for source in (ISSUES / "kolom-wajib-kosong.md", nasty):
        proc = _cli("--body-file", str(source), "--root", str(project), "--issue", "14", "--result", str(out))
        assert proc.returncode == 0 and proc.stderr == "" and "masalah" in proc.stdout, proc.stderr
        result = json.loads(out.read_text(encoding="utf-8"))
        assert result["ok"] is False and result["comment"].startswith("Terima kasih!")
    missing = _cli("--body-file", str(tmp_path / "nope.md"), "--root", str(project), "--result", str(out))
    assert missing.returncode == 2 and "Traceback" not in missing.stderr and missing.stderr.count("\n") == 1
    unconfigured = _cli("--body-file", str(nasty), "--root", str(tmp_path / "empty"), "--result", str(out))
    assert unconfigured.returncode == 2 and "Traceback" not in unconfigured.stderr


def test_an_internal_error_still_gives_the_ikm_an_answer(
    project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    def broken(*args: object) -> None:
        raise RuntimeError("bug")

    monkeypatch.setattr(intake, "build_intake", broken)
    out = tmp_path / "result.json"
    code = intake.main(
        ["--body-file", str(ISSUES / "lengkap-ikm-baru.md"), "--root", str(project), "--result", str(out)]
    )
    assert code == 3 and "Traceback" not in capsys.readouterr().err
    result = json.loads(out.read_text(encoding="utf-8"))
    assert not result["ok"] and t("msg.intake.internal") in result["comment"]


# ---------- the issue form ----------


def _form() -> dict:
    return yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/produk-baru.yml").read_text(encoding="utf-8"))


def test_issue_form_is_in_step_with_the_schemas_and_the_data() -> None:
    form = _form()
    items = [item for item in form["body"] if "id" in item]
    ids = [item["id"] for item in items]
    assert len(set(ids)) == len(ids) and all(re.fullmatch(r"[a-z0-9_-]+", i) for i in ids)
    labels = [item["attributes"]["label"] for item in items]
    assert len(set(labels)) == len(labels)  # sections are found by their label
    produk = json.loads((REPO / "schema/produk.schema.json").read_text(encoding="utf-8"))
    missing = [k for k in produk["properties"] if k not in issuebody.AUTOMATIC and not any(i == k or i.startswith(k + "_") for i in ids)]  # fmt: skip
    assert missing == []
    ikm = json.loads((REPO / "schema/ikm.schema.json").read_text(encoding="utf-8"))
    asked = {"wilayah": "kabupaten_kota", "kontak": "whatsapp"}
    assert [k for k in ikm["required"] if k not in issuebody.AUTOMATIC and asked.get(k, k) not in ids] == []
    assert set(ikm["properties"]["wilayah"]["required"]) <= set(ids)
    assert set(ikm["properties"]["kontak"]["required"]) <= set(ids)
    dropdowns = {item["id"]: item["attributes"]["options"] for item in items if item["type"] == "dropdown"}
    kategori = yaml.safe_load((REPO / "data/kategori.yaml").read_text(encoding="utf-8"))["kategori"]
    pairs = [f"{top['slug']}/{sub['slug']}" for top in kategori for sub in top["sub"]]
    assert [o.split(" — ")[0] for o in dropdowns["kategori"]] == pairs and len(pairs) == 62
    provinces = [line.split(",")[0] for line in (REPO / "data/wilayah.csv").read_text(encoding="utf-8").splitlines() if line.endswith(",provinsi")]  # fmt: skip
    assert [o.split(" — ")[0] for o in dropdowns["provinsi"]] == provinces and len(provinces) == 38
    assert dropdowns["harga_satuan"] == produk["properties"]["harga"]["properties"]["satuan"]["enum"]
    assert dropdowns["ketersediaan"] == produk["properties"]["ketersediaan"]["enum"]
    assert dropdowns["tkdn_jenis"] == produk["properties"]["tkdn"]["properties"]["jenis"]["enum"]
    assert form["labels"] == ["produk-baru"]
    consent = next(item for item in items if item["type"] == "checkboxes")
    assert consent["attributes"]["options"][0]["required"] is True
    photos = next(item for item in items if item["id"] == "gambar")
    assert photos["type"] == "textarea" and photos["validations"]["required"] and "render" not in photos["attributes"]


def test_checked_in_issue_form_and_chooser_are_what_the_generator_writes() -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "tools/make_issue_form.py"), "--check"], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    chooser = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/config.yml").read_text(encoding="utf-8"))
    repo = yaml.safe_load((REPO / "site_config.yaml").read_text(encoding="utf-8"))["repositori"]
    owner, name = repo.split("/")
    assert chooser["blank_issues_enabled"] is False
    assert [link["url"] for link in chooser["contact_links"]] == [
        f"https://{owner}.github.io/{name}/daftar/",
        f"https://github.com/{repo}/blob/main/docs/panduan-ikm.md",
    ]
    assert (REPO / "docs/panduan-ikm.md").is_file()


def test_every_intake_message_exists() -> None:
    keys = {f"msg.intake.field.{f.id}.{part}" for f in issuebody.FIELDS for part in ("label", "help")}
    keys |= {f"msg.intake.field.{fid}.example" for fid in ("harga_grosir", "sertifikasi", "spesifikasi")}
    for module in (issuebody, intake):
        source = Path(module.__file__).read_text(encoding="utf-8")
        keys |= {
            f"msg.intake.{k}"
            for k in re.findall(r'(?:problem\(\s*(?:"\w+"|[\w.]+),\s*|PhotoError\()"([a-z_]+)"', source)
        }
    assert "msg.intake.photo_type" in keys and "msg.intake.region_near" in keys
    assert sorted(k for k in keys if k not in t) == []


def test_web_form_prefills_only_fields_the_issue_form_has() -> None:
    ids = {item["id"] for item in _form()["body"] if "id" in item}
    script = (REPO / "assets/js/daftar.js").read_text(encoding="utf-8")
    block = re.search(r"var prefill = \{(.*?)\};", script, re.S).group(1)
    keys = set(re.findall(r"(\w+):", block))
    assert keys and keys <= ids, keys - ids
