"""The CLI as a user runs it: real subprocesses of ``python build.py`` on real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from etalase.cli import cli
from tests.conftest import REPO, run_cli, site_config, write_project
from tests.test_content_errors import PRODUCT, base_files, edit

P = "content/products/contoh/keripik.yaml"


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    return write_project(tmp_path / "p", base_files())


def test_validate_on_the_sample_catalog_passes() -> None:
    proc = run_cli(REPO, "validate")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.startswith("Konten valid: ")


def test_validate_on_a_broken_copy_names_the_line(sample_copy: Path) -> None:
    target = next(p for p in sorted((sample_copy / "content/products").rglob("*.yaml")) if p.name != "ikm.yaml")
    lines = target.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("kategori:"))
    lines[index] = "kategori: makanan/tidak-ada"
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    proc = run_cli(sample_copy, "validate")
    assert proc.returncode == 1
    rel = target.relative_to(sample_copy).as_posix()
    assert f"{rel}:{index + 1}:11: error: kategori `makanan/tidak-ada` tidak ada" in proc.stderr
    assert proc.stderr.rstrip().endswith("kesalahan, 0 peringatan di 1 berkas.")


def test_github_format_annotates_the_line(project: Path) -> None:
    (project / P).write_text(edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"), encoding="utf-8")
    proc = run_cli(project, "validate", "--format", "github")
    assert proc.returncode == 1
    assert proc.stdout.splitlines()[0] == (
        f"::error file={P},line=9,col=10,title=tkdn.nilai::nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]"
    )


def test_json_format_is_a_list_of_objects(project: Path) -> None:
    (project / P).write_text(edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"), encoding="utf-8")
    proc = run_cli(project, "validate", "--format", "json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout) == [
        {
            "path": P,
            "line": 9,
            "col": 10,
            "message": "nilai TKDN harus antara 0 dan 100 (tertulis 120)",
            "field": "tkdn.nilai",
            "severity": "error",
        }
    ]


def test_bad_config_exits_2_with_its_line(project: Path) -> None:
    (project / "site_config.yaml").write_text(site_config().replace("bahasa: id", "bahasa: en"), encoding="utf-8")
    proc = run_cli(project, "validate")
    assert proc.returncode == 2
    assert 'site_config.yaml:5:9: error: bahasa harus salah satu dari: id (tertulis "en") [bahasa]' in proc.stderr
    assert "Traceback" not in proc.stderr


def test_missing_config_exits_2(tmp_path: Path) -> None:
    proc = run_cli(tmp_path, "build")
    assert proc.returncode == 2
    assert "tidak ditemukan" in proc.stderr and "Traceback" not in proc.stderr


def test_unknown_option_is_a_usage_error(project: Path) -> None:
    assert run_cli(project, "build", "--tidak-ada").returncode == 2


def test_plain_build_py_builds_the_site(project: Path) -> None:
    proc = run_cli(project)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("Selesai: 1 produk, 1 IKM, ")
    assert (project / "_site/produk/contoh/keripik/index.html").is_file()


def test_strict_turns_warnings_into_errors(project: Path) -> None:
    (project / "content/products/contoh/foto/sisa.jpg").write_bytes(
        (project / "content/products/contoh/foto/keripik.jpg").read_bytes()
    )
    assert run_cli(project, "validate").returncode == 0
    proc = run_cli(project, "validate", "--strict")
    assert proc.returncode == 1
    assert "foto/sisa.jpg: warning: foto ini tidak dipakai" in proc.stderr


@pytest.mark.parametrize("command", [[], ["build"], ["validate"], ["serve"], ["new"]])
def test_every_command_has_help_with_examples(command: list[str]) -> None:
    result = CliRunner().invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Examples:" in result.output and "python build.py" in result.output


def test_new_ikm_then_product_scaffolds_valid_files(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project)
    runner = CliRunner()
    answers = "\n".join(["Sambal Bu Tini", "", "9120005550001", "18.99", "18.71", "0812-3456-7890", "mikro"]) + "\n"
    result = runner.invoke(cli, ["new", "ikm"], input=answers)
    assert result.exit_code == 0, result.output
    assert "Kode kabupaten/kota tidak ditemukan" in result.output  # 18.99 refused, asked again
    ikm = (project / "content/products/sambal-bu-tini/ikm.yaml").read_text(encoding="utf-8")
    assert ikm.startswith("# yaml-language-server: $schema=../../../schema/ikm.schema.json\n")
    assert "whatsapp: '+6281234567890'" in ikm
    answers = (
        "\n".join(
            [
                "sambal-bu-tini",
                "Sambal Bawang Pedas 150 g",
                "",
                "makanan/sambal-bumbu",
                "Sambal bawang pedas tanpa pengawet dalam botol kaca 150 g.",
                "18000",
                "botol",
                "",
                "Botol sambal bawang 150 g",
            ]
        )
        + "\n"
    )
    result = runner.invoke(cli, ["new", "produk"], input=answers)
    assert result.exit_code == 0, result.output
    path = project / "content/products/sambal-bu-tini/sambal-bawang-pedas-150-g.yaml"
    assert path.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=../../../schema/produk.schema.json\n"
    )
    # the only problem left is the photo the IKM still has to add, reported on its line
    assert (
        "sambal-bawang-pedas-150-g.yaml:10:13: error: berkas gambar `foto/sambal-bawang-pedas-150-g-1.jpg` tidak ditemukan"
        in result.output
    )
    (project / "content/products/sambal-bu-tini/foto/sambal-bawang-pedas-150-g-1.jpg").write_bytes(
        (project / "content/products/contoh/foto/keripik.jpg").read_bytes()
    )
    proc = run_cli(project, "validate")
    assert proc.returncode == 0, proc.stderr


def test_missing_content_folder_is_a_usage_error(project: Path) -> None:
    proc = run_cli(project, "validate", "--content", str(project / "tidak-ada"))
    assert proc.returncode == 2
    assert "folder konten" in proc.stderr and "tidak ditemukan" in proc.stderr


def test_invalid_base_url_is_a_usage_error(project: Path) -> None:
    proc = run_cli(project, "build", "--base-url", "katalog saya")
    assert proc.returncode == 2
    assert "--base-url katalog saya tidak valid" in proc.stderr
