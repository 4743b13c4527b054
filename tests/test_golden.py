"""Golden site: build tests/fixtures/golden and compare with the checked-in tree in tests/golden/.

Refresh after an intended change with ``make golden`` (ETALASE_UPDATE_GOLDEN=1), then review
``git diff tests/golden`` like any other change."""

from __future__ import annotations

import difflib
import hashlib
import os
import re
import shutil
from pathlib import Path

from tests.conftest import REPO, run_cli

FIXTURE = REPO / "tests" / "fixtures" / "golden"
EXPECTED = REPO / "tests" / "golden"
BASE = "https://contoh.github.io/katalog/"


def _snapshot(site: Path) -> dict[str, str]:
    """MANIFEST.txt (every file with size and hash) plus the full text of every indexable page."""
    files = sorted(p for p in site.rglob("*") if p.is_file())
    manifest = []
    for p in files:
        data = p.read_bytes()
        manifest.append(
            f"{p.relative_to(site).as_posix()}  {len(data)}  {hashlib.blake2b(data, digest_size=6).hexdigest()}"
        )
    snap = {"MANIFEST.txt": "\n".join(manifest) + "\n"}
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap):
        rel = loc.removeprefix(BASE) + "index.html"
        snap[f"pages/{rel}"] = (site / rel).read_text(encoding="utf-8")
    for rel in ("404.html", "sitemap.xml", "robots.txt"):
        snap[f"pages/{rel}"] = (site / rel).read_text(encoding="utf-8")
    return snap


def test_golden_site_matches_checked_in_tree(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    proc = run_cli(FIXTURE, "build", "--out", str(out), "--cache-dir", str(out.parent / "cache"))
    assert proc.returncode == 0, proc.stderr
    actual = _snapshot(out)
    if os.environ.get("ETALASE_UPDATE_GOLDEN"):
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for rel, text in actual.items():
            target = EXPECTED / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return
    expected = {
        p.relative_to(EXPECTED).as_posix(): p.read_text(encoding="utf-8") for p in EXPECTED.rglob("*") if p.is_file()
    }
    problems = []
    for rel in sorted(set(actual) | set(expected)):
        if actual.get(rel) != expected.get(rel):
            diff = difflib.unified_diff(
                (expected.get(rel) or "").splitlines(),
                (actual.get(rel) or "").splitlines(),
                f"expected/{rel}",
                f"actual/{rel}",
                lineterm="",
                n=2,
            )
            problems.append("\n".join(list(diff)[:60]))
    assert not problems, (
        f"{len(problems)} golden file(s) differ (run `make golden` if the change is intended):\n\n"
        + "\n\n".join(problems[:5])
    )
