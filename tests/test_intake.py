"""Issue → files: recorded "Produk baru" issue bodies through the intake, to the right files or
the right Indonesian problems; the issue form itself stays in step with the schema and the data."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
import yaml

from etalase import intake
from tests.conftest import REPO, run_cli, tiny_jpeg, write_project
from tests.test_content_errors import base_files

ISSUES = REPO / "tests/fixtures/issues"
TODAY = dt.date(2026, 11, 20)
PHOTO = tiny_jpeg(900, 900, (190, 70, 30))


def body(name: str) -> str:
    return (ISSUES / f"{name}.md").read_text(encoding="utf-8")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", base_files())


def fake_fetch(data: bytes = PHOTO):
    calls: list[str] = []

    def get(url: str, limit: int) -> bytes:
        calls.append(url)
        return data

    get.calls = calls
    return get


def test_complete_issue_for_a_registered_ikm_becomes_a_valid_product(project: Path) -> None:
    get = fake_fetch()
    result = intake.run(body("lengkap-ikm-terdaftar"), project, 12, get, TODAY)
    assert result["ok"], result["problems"]
    assert result["files"] == [
        "content/products/contoh/foto/keripik-singkong-balado-200-g-1.jpg",
        "content/products/contoh/foto/keripik-singkong-balado-200-g-2.jpg",
        "content/products/contoh/keripik-singkong-balado-200-g.yaml",
    ]
    assert len(get.calls) == 2 and all(u.startswith("https://github.com/user-attachments/assets/") for u in get.calls)
    doc = yaml.safe_load((project / result["files"][-1]).read_text(encoding="utf-8"))
    assert doc["kategori"] == "makanan/keripik-kerupuk"
    assert doc["harga"] == {
        "nilai": 18000,
        "satuan": "bungkus",
        "grosir": [{"minimal": 50, "nilai": 16000}, {"minimal": 100, "nilai": 15000}],
    }
    assert doc["tkdn"] == {
        "nilai": 45.5,
        "bmp": 4.0,
        "jenis": "tkdn-ik",
        "nomor_sertifikat": "1234/SJ-IKM/TKDN-IK/2026",
        "tanggal_terbit": "2026-03-01",
    }
    assert doc["sertifikasi"] == [{"jenis": "pirt", "nomor": "2021871010123-29"}]
    assert doc["spesifikasi"] == {"Bahan": "singkong, cabai, gula", "Rasa": "pedas manis"}
    assert doc["gambar"][0] == {
        "berkas": "foto/keripik-singkong-balado-200-g-1.jpg",
        "alt": "Kemasan keripik singkong balado",
    }
    assert result["branch"] == "produk/contoh/keripik-singkong-balado-200-g-issue-12"
    assert "Closes #12" in result["body"] and result["comment"] == ""
    proc = run_cli(project, "validate")
    assert proc.returncode == 0, proc.stderr


def test_complete_issue_for_a_new_ikm_writes_its_profile_too(project: Path) -> None:
    result = intake.run(body("lengkap-ikm-baru"), project, 13, fake_fetch(), TODAY)
    assert result["ok"], result["problems"]
    assert "content/products/sambal-lado-ibu-sari/ikm.yaml" in result["files"]
    ikm = yaml.safe_load((project / "content/products/sambal-lado-ibu-sari/ikm.yaml").read_text(encoding="utf-8"))
    assert ikm["nib"] == "9120009876543" and ikm["kontak"] == {"whatsapp": "+6281299990000"}
    assert ikm["wilayah"] == {"kabupaten_kota": "18.72", "kecamatan": "18.72.01"}
    assert run_cli(project, "validate").returncode == 0


def test_missing_fields_are_listed_and_nothing_is_written(project: Path) -> None:
    before = sorted(p for p in project.rglob("*"))
    get = fake_fetch()
    result = intake.run(body("kolom-wajib-kosong"), project, 14, get, TODAY)
    assert not result["ok"] and get.calls == []
    assert result["problems"] == [
        "kolom «Nama produk» wajib diisi",
        "kolom «Kategori» wajib diisi",
        "kolom «Foto produk» wajib diisi",
    ]
    assert result["comment"].startswith("Terima kasih! Isian ini belum bisa diproses karena ada 3 hal")
    assert sorted(p for p in project.rglob("*")) == before


def test_photos_from_other_hosts_are_refused_without_fetching(project: Path) -> None:
    get = fake_fetch()
    result = intake.run(body("foto-bukan-dari-github"), project, 15, get, TODAY)
    assert not result["ok"] and get.calls == []
    assert result["problems"] == [
        "foto ke-1 tidak dilampirkan lewat GitHub (alamatnya di contoh-jahat.example); seret berkas fotonya langsung ke kotak «Foto produk»",
        "foto ke-2 tidak dilampirkan lewat GitHub (alamatnya di github.com); seret berkas fotonya langsung ke kotak «Foto produk»",
    ]


def test_a_link_that_is_not_a_photo_is_refused_and_cleaned_up(project: Path) -> None:
    before = sorted(p for p in project.rglob("*"))
    result = intake.run(body("lengkap-ikm-terdaftar"), project, 16, fake_fetch(b"<!doctype html><p>login</p>"), TODAY)
    assert not result["ok"]
    assert result["problems"][0].endswith("bukan foto JPG, PNG atau WebP; ubah dulu ke JPG lalu lampirkan ulang")
    assert sorted(p for p in project.rglob("*")) == before


def test_malicious_text_stays_text_and_cannot_leave_the_folder(project: Path) -> None:
    result = intake.run(body("teks-berbahaya"), project, 17, fake_fetch(), TODAY)
    # `../../etc` is no IKM of this catalog: refused before anything is written or fetched
    assert not result["ok"] and result["problems"] == [
        "folder IKM `../../etc` tidak ada di katalog; periksa ejaannya (mis. `etc`) atau kosongkan kolom itu dan isi profil IKM baru"
    ]
    # with a real folder, the same text becomes plain values (no key can be injected)
    answers = intake.parse_body(body("teks-berbahaya"))
    answers["ikm"] = "contoh"
    out = intake.build_intake(answers, {"contoh"}, TODAY)
    product = next(doc for doc, schema in out.docs.values() if schema == "produk")
    text = intake._yaml(product, "produk")
    loaded = yaml.safe_load(text)
    assert loaded["nama"] == "<script>alert(1)</script> Keripik {{ 7*7 }}\nstatus: arsip"
    assert "status" not in loaded and loaded["schema"] == 1
    assert out.ikm == "contoh" and out.product == "script-alert-1-script-keripik-7-7-status-arsip"


def test_command_line_writes_the_result(project: Path, tmp_path: Path) -> None:
    import subprocess

    result_file = tmp_path / "result.json"
    proc = subprocess.run(
        [sys.executable, "-m", "etalase.intake", "--body-file", str(ISSUES / "kolom-wajib-kosong.md"),
         "--root", str(project), "--issue", "14", "--result", str(result_file)],
        cwd=REPO, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert proc.returncode == 0 and proc.stderr == ""
    assert json.loads(result_file.read_text(encoding="utf-8"))["ok"] is False


def test_only_github_attachment_hosts_are_allowed() -> None:
    ok = "https://github.com/user-attachments/assets/0b6e6f0e-1c1d-4a8e-9a51-5f0d8f1c2a01"
    assert intake.allowed_photo(ok)
    assert intake.allowed_photo("https://user-images.githubusercontent.com/1/2.jpg")
    for bad in (
        "http://github.com/user-attachments/assets/0b6e6f0e-1c1d-4a8e-9a51-5f0d8f1c2a01",
        "https://github.com/contoh/etalase/raw/main/x.jpg",
        "https://github.com.evil.example/user-attachments/assets/0b6e6f0e-1c1d-4a8e-9a51-5f0d8f1c2a01",
        "https://evil.example/?https://github.com/user-attachments/assets/x",
        "javascript:alert(1)",
    ):
        assert not intake.allowed_photo(bad), bad


def test_issue_form_is_in_step_with_the_schema_and_the_data() -> None:
    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/produk-baru.yml").read_text(encoding="utf-8"))
    ids = [item["id"] for item in form["body"] if "id" in item]
    schema = json.loads((REPO / "schema/produk.schema.json").read_text(encoding="utf-8"))
    missing = [
        k
        for k in schema["properties"]
        if k not in intake.AUTOMATIC and not any(i == k or i.startswith(k + "_") for i in ids)
    ]
    assert missing == []
    dropdowns = {item["id"]: item["attributes"]["options"] for item in form["body"] if item["type"] == "dropdown"}
    assert dropdowns["kategori"] == intake.category_options(REPO / "data") and len(dropdowns["kategori"]) == 62
    assert dropdowns["provinsi"] == intake.province_options(REPO / "data") and len(dropdowns["provinsi"]) == 38
    # the checked-in form is exactly what the generator writes
    import subprocess

    before = (REPO / ".github/ISSUE_TEMPLATE/produk-baru.yml").read_bytes()
    subprocess.run([sys.executable, str(REPO / "tools/make_issue_form.py")], check=True, capture_output=True)
    assert (REPO / ".github/ISSUE_TEMPLATE/produk-baru.yml").read_bytes() == before


def test_web_form_prefills_only_fields_the_issue_form_has() -> None:
    import re

    form = yaml.safe_load((REPO / ".github/ISSUE_TEMPLATE/produk-baru.yml").read_text(encoding="utf-8"))
    ids = {item["id"] for item in form["body"] if "id" in item}
    script = (REPO / "assets/js/daftar.js").read_text(encoding="utf-8")
    block = re.search(r"var prefill = \{(.*?)\};", script, re.S).group(1)
    keys = set(re.findall(r"(\w+):", block))
    assert keys and keys <= ids, keys - ids
