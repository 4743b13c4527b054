"""One test per mistake an IKM can make: each asserts the exact ``path:line:col: message``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from PIL import Image

from etalase.config import load_config
from etalase.pipeline import check_content
from tests.conftest import tiny_jpeg, write_project

IKM = """\
schema: 1
nama_usaha: Keripik Contoh
nib: "9120001234567"
wilayah:
  kabupaten_kota: "18.72"
  kecamatan: "18.72.01"
kontak:
  whatsapp: "+6281200000001"
program: [metro-bangga-beli]
diperbarui: 2026-01-10
"""

PRODUCT = """\
schema: 1
nama: Keripik Pisang Coklat
kategori: makanan/keripik-kerupuk
deskripsi_singkat: Keripik pisang kepok iris tipis berlapis coklat, kemasan 250 g.
harga:
  nilai: 25000
  satuan: bungkus
tkdn:
  nilai: 48.2
  bmp: 5
  jenis: reguler
  nomor_sertifikat: "0001/TKDN/2024"
  tanggal_terbit: 2024-03-01
gambar:
  - berkas: foto/keripik.jpg
    alt: Kemasan keripik pisang coklat
diperbarui: 2026-01-10
"""

PROGRAMME = """\
schema: 1
nama: Metro Bangga Beli
penyelenggara: Pemerintah Kota Metro
deskripsi: Program belanja produk lokal Kota Metro oleh OPD dan masyarakat.
wilayah: ["18.72"]
diperbarui: 2026-01-10
"""

P = "content/products/contoh/keripik.yaml"
IKM_FILE = "content/products/contoh/ikm.yaml"


def base_files() -> dict[str, str | bytes]:
    return {
        IKM_FILE: IKM,
        P: PRODUCT,
        "content/products/contoh/foto/keripik.jpg": tiny_jpeg(),
        "content/programs/metro-bangga-beli.yaml": PROGRAMME,
    }


def problems(tmp_path: Path, changes: dict[str, str | bytes | None]) -> list[str]:
    files = base_files()
    for rel, content in changes.items():
        if content is None:
            files.pop(rel, None)
        else:
            files[rel] = content
    root = write_project(tmp_path / "p", files)
    report = check_content(load_config(root / "site_config.yaml"))
    return [d.format_text() for d in sorted(report.diagnostics)]


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def test_the_base_project_is_valid(tmp_path: Path) -> None:
    assert problems(tmp_path, {}) == []


CASES = {
    "tkdn_out_of_range": (
        {P: edit(PRODUCT, "  nilai: 48.2", "  nilai: 120")},
        f"{P}:9:10: error: nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]",
    ),
    "tkdn_three_decimals": (
        {P: edit(PRODUCT, "  nilai: 48.2", "  nilai: 48.125")},
        f"{P}:9:10: error: nilai TKDN paling banyak 2 angka di belakang koma (tertulis 48.125) [tkdn.nilai]",
    ),
    "bmp_over_cap": (
        {P: edit(PRODUCT, "  bmp: 5", "  bmp: 20")},
        f"{P}:10:8: error: nilai BMP harus antara 0 dan 15 (tertulis 20) [tkdn.bmp]",
    ),
    "tkdn_without_certificate": (
        {P: edit(PRODUCT, '  nomor_sertifikat: "0001/TKDN/2024"\n', "")},
        f"{P}:8:1: error: nomor sertifikat TKDN wajib diisi: tambahkan kolom `nomor_sertifikat` [tkdn.nomor_sertifikat]",
    ),
    "missing_required_field": (
        {P: edit(PRODUCT, "kategori: makanan/keripik-kerupuk\n", "")},
        f'{P}:1:1: error: kategori wajib diisi: tambahkan kolom `kategori`; contoh: `kategori: "makanan/keripik-kerupuk"` [kategori]',
    ),
    "unknown_key_typo": (
        {P: edit(PRODUCT, "nama: Keripik", "nma: Keripik")},
        f"{P}:2:1: error: kolom `nma` tidak dikenal; mungkin maksudnya `nama`? [nma]",
    ),
    "unknown_category": (
        {P: edit(PRODUCT, "makanan/keripik-kerupuk", "makanan/kripik")},
        f"{P}:3:11: error: kategori `makanan/kripik` tidak ada; mungkin maksudnya `makanan/keripik-kerupuk`?; daftar kategori ada di data/kategori.yaml [kategori]",
    ),
    "unknown_top_category": (
        {P: edit(PRODUCT, "makanan/keripik-kerupuk", "makanann/keripik-kerupuk")},
        f"{P}:3:11: error: kategori utama `makanann` tidak ada; mungkin maksudnya `makanan`?; daftar kategori ada di data/kategori.yaml [kategori]",
    ),
    "summary_too_short": (
        {
            P: edit(
                PRODUCT,
                "deskripsi_singkat: Keripik pisang kepok iris tipis berlapis coklat, kemasan 250 g.",
                "deskripsi_singkat: Enak",
            )
        },
        f"{P}:4:20: error: deskripsi singkat terlalu pendek (4 karakter); tulis sedikitnya 20 karakter [deskripsi_singkat]",
    ),
    "price_with_dots": (
        {P: edit(PRODUCT, "  nilai: 25000", '  nilai: "25.000"')},
        f'{P}:6:10: error: harga harus berupa bilangan bulat tanpa titik atau koma (tertulis "25.000") [harga.nilai]',
    ),
    "price_range_reversed": (
        {P: edit(PRODUCT, "  nilai: 25000", "  min: 30000\n  max: 20000")},
        f"{P}:6:8: error: harga minimum (30000) harus lebih kecil dari harga maksimum (20000) [harga.min]",
    ),
    "price_range_half": (
        {P: edit(PRODUCT, "  nilai: 25000", "  min: 30000")},
        f"{P}:6:3: error: jika `min` diisi, `max` juga wajib diisi [harga.min]",
    ),
    "price_both_forms": (
        {P: edit(PRODUCT, "  nilai: 25000", "  nilai: 25000\n  min: 20000\n  max: 30000")},
        f"{P}:5:1: error: tulis `nilai` atau `min`/`max`, jangan keduanya [harga]",
    ),
    "price_unit_not_in_list": (
        {P: edit(PRODUCT, "  satuan: bungkus", "  satuan: bks")},
        f'{P}:7:11: error: satuan harga harus salah satu dari: pcs, buah, lembar, bungkus, botol, kotak, paket, set, kg, gram, liter, meter, unit, lusin, kodi, rim (tertulis "bks"); mungkin maksudnya `bungkus`? [harga.satuan]',
    ),
    "wholesale_not_cheaper": (
        {P: edit(PRODUCT, "  satuan: bungkus", "  satuan: bungkus\n  grosir:\n    - minimal: 50\n      nilai: 26000")},
        f"{P}:10:14: error: harga grosir (26000) harus lebih murah dari harga satuan (25000) [harga.grosir[0].nilai]",
    ),
    "photo_missing": (
        {"content/products/contoh/foto/keripik.jpg": None},
        f"{P}:15:13: error: berkas gambar `foto/keripik.jpg` tidak ditemukan di folder content/products/contoh/; periksa nama berkas (huruf besar/kecil berpengaruh) [gambar[0].berkas]",
    ),
    "photo_wrong_case": (
        {P: edit(PRODUCT, "foto/keripik.jpg", "foto/Keripik.jpg")},
        f"{P}:15:13: error: berkas gambar `foto/Keripik.jpg` tidak ditemukan di folder content/products/contoh/; periksa nama berkas (huruf besar/kecil berpengaruh) [gambar[0].berkas]",
    ),
    "photo_outside_folder": (
        {P: edit(PRODUCT, "foto/keripik.jpg", "../lain/foto.jpg"), "content/products/lain/foto.jpg": tiny_jpeg()},
        f"{P}:15:13: error: berkas gambar `../lain/foto.jpg` berada di luar folder IKM ini; simpan foto di dalam folder content/products/contoh/ [gambar[0].berkas]",
    ),
    "photo_absolute_path": (
        {P: edit(PRODUCT, "foto/keripik.jpg", "/etc/passwd.jpg")},
        f"{P}:15:13: error: berkas gambar harus ditulis relatif terhadap berkas produk, mis. foto/produk-1.jpg, bukan alamat lengkap [gambar[0].berkas]",
    ),
    "photo_not_an_image_name": (
        {P: edit(PRODUCT, "foto/keripik.jpg", "foto/keripik.svg")},
        f'{P}:15:13: error: berkas gambar harus nama berkas jpg, png atau webp tanpa spasi, mis. foto/keripik-1.jpg (tertulis "foto/keripik.svg") [gambar[0].berkas]',
    ),
    "alt_missing": (
        {P: edit(PRODUCT, "    alt: Kemasan keripik pisang coklat\n", "")},
        f"{P}:15:5: error: teks alternatif gambar wajib diisi: tambahkan kolom `alt` [gambar[0].alt]",
    ),
    "no_photos": (
        {
            P: edit(
                PRODUCT,
                "gambar:\n  - berkas: foto/keripik.jpg\n    alt: Kemasan keripik pisang coklat\n",
                "gambar: []\n",
            )
        },
        f"{P}:14:9: error: gambar harus berisi sedikitnya 1 butir [gambar]",
    ),
    "date_in_future": (
        {P: edit(PRODUCT, "diperbarui: 2026-01-10", "diperbarui: 2027-01-10")},
        f"{P}:17:13: error: tanggal diperbarui 2027-01-10 ada di masa depan; tulis tanggal hari ini atau sebelumnya [diperbarui]",
    ),
    "date_wrong_format": (
        {P: edit(PRODUCT, "diperbarui: 2026-01-10", "diperbarui: 10-01-2026")},
        f'{P}:17:13: error: tanggal harus berformat TTTT-BB-HH, mis. 2024-05-20 (tertulis "10-01-2026") [diperbarui]',
    ),
    "date_impossible": (
        {P: edit(PRODUCT, "diperbarui: 2026-01-10", "diperbarui: 2026-02-30")},
        f"{P}:17:13: error: tanggal harus berformat TTTT-BB-HH, mis. 2024-05-20 (tertulis 2026-02-30) [diperbarui]",
    ),
    "certificate_expiry_before_issue": (
        {
            P: edit(
                PRODUCT, "  tanggal_terbit: 2024-03-01", "  tanggal_terbit: 2024-03-01\n  berlaku_hingga: 2023-03-01"
            )
        },
        f"{P}:14:19: error: masa berlaku sertifikat TKDN (2023-03-01) harus setelah tanggal terbit (2024-03-01) [tkdn.berlaku_hingga]",
    ),
    "pirt_number_format": (
        {P: PRODUCT + 'sertifikasi:\n  - jenis: pirt\n    nomor: "12345"\n'},
        f'{P}:20:12: error: nomor PIRT harus 15 digit, boleh ditulis 2021871010123-29 (tertulis "12345") [sertifikasi[0].nomor]',
    ),
    "certificate_kind_typo": (
        {P: PRODUCT + 'sertifikasi:\n  - jenis: hallal\n    nomor: "ID1234567890"\n'},
        f'{P}:19:12: error: jenis sertifikasi harus salah satu dari: halal, pirt, bpom-md, bpom-ml, sni, haki-merek, lainnya (tertulis "hallal"); mungkin maksudnya `halal`? [sertifikasi[0].jenis]',
    ),
    "schema_version": (
        {P: edit(PRODUCT, "schema: 1", "schema: 2")},
        f"{P}:1:9: error: versi skema harus 1 (tertulis 2) [schema]",
    ),
    "duplicate_key": (
        {P: PRODUCT + "nama: Lagi\n"},
        f"{P}:18:1: error: kolom `nama` ditulis dua kali (pertama di baris 2); hapus salah satunya [nama]",
    ),
    "tab_indentation": (
        {P: edit(PRODUCT, "  nilai: 25000", "\tnilai: 25000")},
        f"{P}:6:1: error: YAML tidak bisa dibaca: ada karakter tab; gunakan spasi untuk menjorokkan baris",
    ),
    "colon_in_unquoted_text": (
        {P: edit(PRODUCT, "nama: Keripik Pisang Coklat", "nama: Keripik: Pisang Coklat")},
        f"{P}:2:14: error: YAML tidak bisa dibaca: titik dua (:) di tempat yang tidak terduga; apit teks yang berisi titik dua dengan tanda kutip, atau periksa jorokan baris",
    ),
    "empty_file": (
        {P: ""},
        f"{P}:1:1: error: berkas kosong; isi kolom-kolom yang wajib (lihat docs/format-konten.md)",
    ),
    "not_a_mapping": (
        {P: "- nama: Keripik\n"},
        f"{P}:1:1: error: berkas harus berisi kolom-kolom berbentuk `nama_kolom: isi`, bukan daftar atau teks saja",
    ),
    "utf16_file": (
        {P: "\ufeffschema: 1\n".encode("utf-16")},
        f"{P}:1:1: error: berkas tersimpan dalam UTF-16; simpan ulang sebagai UTF-8 (di Notepad: Simpan Sebagai → Encoding: UTF-8)",
    ),
    "latin1_file": (
        {P: PRODUCT.replace("Keripik Pisang Coklat", "Keripik Pisang Cokl\xe0t").encode("latin-1")},
        f"{P}:2:26: error: berkas berisi karakter yang bukan UTF-8; simpan ulang sebagai UTF-8",
    ),
    "alias_refused": (
        {P: edit(PRODUCT, "nama: Keripik Pisang Coklat", "nama: &n Keripik Pisang Coklat\nmerek: *n")},
        f"{P}:3:1: error: anchor dan alias YAML (& dan *) tidak diizinkan; tulis isinya secara langsung [merek]",
    ),
    "python_tag_refused": (
        {P: edit(PRODUCT, "nama: Keripik Pisang Coklat", "nama: !!python/object/apply:os.system [ls]")},
        f"{P}:2:7: error: tag YAML tag:yaml.org,2002:python/object/apply:os.system tidak diizinkan; hapus tanda ! dan tulis isinya sebagai teks biasa [nama]",
    ),
    "nib_unquoted_number": (
        {IKM_FILE: edit(IKM, 'nib: "9120001234567"', "nib: 9120001234567")},
        f'{IKM_FILE}:3:6: error: NIB harus berupa teks (tertulis 9120001234567); apit dengan tanda kutip: "9120001234567" [nib]',
    ),
    "nib_wrong_length": (
        {IKM_FILE: edit(IKM, 'nib: "9120001234567"', 'nib: "912000123"')},
        f'{IKM_FILE}:3:6: error: NIB harus 13 digit angka dalam tanda kutip, mis. "9120001234567" (tertulis "912000123") [nib]',
    ),
    "whatsapp_local_format": (
        {IKM_FILE: edit(IKM, '"+6281200000001"', '"0812-0000-0001"')},
        f'{IKM_FILE}:8:13: error: nomor WhatsApp harus format internasional diawali +628 tanpa spasi atau tanda hubung, dalam tanda kutip, mis. "+6281234567890" (tertulis "0812-0000-0001") [kontak.whatsapp]',
    ),
    "region_unknown": (
        {IKM_FILE: edit(IKM, '"18.72"', '"18.99"').replace('"18.72.01"', '"18.99.01"')},
        f'{IKM_FILE}:5:19: error: kode kabupaten/kota 18.99 tidak ada dalam data wilayah Kemendagri; cari kodenya di data/wilayah.csv, mis. "18.72" untuk Kota Metro [wilayah.kabupaten_kota]',
    ),
    "district_of_other_regency": (
        {IKM_FILE: edit(IKM, '"18.72.01"', '"18.71.01"')},
        f'{IKM_FILE}:6:14: error: kecamatan 18.71.01 bukan bagian dari kabupaten/kota 18.72; kode kecamatan harus diawali "18.72." [wilayah.kecamatan]',
    ),
    "programme_unknown": (
        {IKM_FILE: edit(IKM, "[metro-bangga-beli]", "[metro-banga-beli]")},
        f"{IKM_FILE}:9:11: error: program `metro-banga-beli` tidak ada; mungkin maksudnya `metro-bangga-beli`?; program yang tersedia: metro-bangga-beli [program[0]]",
    ),
    "duplicate_nib": (
        {"content/products/kembar/ikm.yaml": IKM},
        "content/products/kembar/ikm.yaml:3:6: error: NIB 9120001234567 sudah dipakai oleh content/products/contoh/ikm.yaml; satu NIB hanya untuk satu IKM [nib]",
    ),
    "folder_without_ikm": (
        {IKM_FILE: None},
        "content/products/contoh/: error: folder `contoh` belum punya ikm.yaml; buat profil IKM dengan `python build.py new`",
    ),
    "same_product_twice": (
        {"content/products/contoh/keripik.md": "---\n" + PRODUCT + "---\n\nIsi.\n"},
        "content/products/contoh/keripik.yaml: error: produk `keripik` ditulis dua kali (content/products/contoh/keripik.md); hapus salah satu berkas",
    ),
    "file_name_not_a_slug": (
        {"content/products/contoh/Keripik Pedas.yaml": PRODUCT},
        "content/products/contoh/Keripik Pedas.yaml: error: nama berkas `Keripik Pedas.yaml` tidak bisa menjadi alamat halaman; gunakan huruf kecil, angka dan tanda hubung, mis. `keripik-pedas`",
    ),
    "yml_suffix": (
        {"content/products/contoh/pedas.yml": PRODUCT},
        "content/products/contoh/pedas.yml: error: akhiran berkas .yml tidak dibaca; ganti nama menjadi `pedas.yaml`",
    ),
    "markdown_front_matter_unclosed": (
        {"content/products/contoh/pedas.md": "---\n" + PRODUCT + "\nIsi tanpa penutup.\n"},
        "content/products/contoh/pedas.md:1:1: error: front matter tidak ditutup: tambahkan baris --- setelah kolom terakhir, sebelum deskripsi",
    ),
    "markdown_line_numbers_count_the_fence": (
        {"content/products/contoh/pedas.md": "---\n" + edit(PRODUCT, "  nilai: 48.2", "  nilai: 120") + "---\nIsi.\n"},
        "content/products/contoh/pedas.md:10:10: error: nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]",
    ),
    "product_at_products_root": (
        {"content/products/keripik.yaml": PRODUCT},
        "content/products/keripik.yaml: error: produk harus berada di folder IKM: content/products/<slug-ikm>/<slug-produk>.yaml",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_content_mistake_is_reported_on_its_line(tmp_path: Path, case: str) -> None:
    changes, expected = CASES[case]
    found = problems(tmp_path, changes)
    assert expected in found, "\n".join(found)


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    bad = edit(edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"), "  satuan: bungkus", "  satuan: bks")
    found = problems(tmp_path, {P: bad, IKM_FILE: edit(IKM, '"18.72.01"', '"18.71.01"')})
    assert len([f for f in found if ": error: " in f]) == 3, found


def test_unreferenced_photo_is_a_warning(tmp_path: Path) -> None:
    found = problems(tmp_path, {"content/products/contoh/foto/lama.jpg": tiny_jpeg()})
    assert found == [
        "content/products/contoh/foto/lama.jpg: warning: foto ini tidak dipakai oleh produk mana pun; hapus atau cantumkan di kolom gambar"
    ]


def test_odd_halal_number_is_only_a_warning(tmp_path: Path) -> None:
    found = problems(tmp_path, {P: PRODUCT + 'sertifikasi:\n  - jenis: halal\n    nomor: "LPPOM-00150012345"\n'})
    assert found == [
        f'{P}:20:12: warning: nomor sertifikat halal biasanya diawali ID diikuti sedikitnya 10 digit, mis. "ID18110000123450524" (tertulis "LPPOM-00150012345"); periksa kembali [sertifikasi[0].nomor]'
    ]


def test_logo_counts_as_a_used_photo(tmp_path: Path) -> None:
    ikm = IKM.replace("diperbarui:", "logo: foto/logo.png\ndiperbarui:")
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buf, "PNG")
    assert problems(tmp_path, {IKM_FILE: ikm, "content/products/contoh/foto/logo.png": buf.getvalue()}) == []
