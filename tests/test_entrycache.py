"""The entry cache (etalase/entrycache.py): a warm cache gives exactly the diagnostics and the
site of a cold one, edits are seen, and a broken cache file is ignored."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import REPO, run_cli

from etalase.config import load_config
from etalase.pipeline import check_content

PRODUCT = "content/products/anyaman-purun-sekar-rawa/tikar-purun-motif.yaml"
MD_PRODUCT = "content/products/bahari-maringgai/kerupuk-kemplang-ikan.md"


def _validate(project: Path) -> tuple[int, str]:
    proc = run_cli(project, "validate")
    assert "Traceback" not in proc.stderr
    return proc.returncode, proc.stdout + proc.stderr


def _cold(project: Path) -> tuple[int, str]:
    shutil.rmtree(project / ".etalase-cache", ignore_errors=True)
    return _validate(project)


def _cached_kinds(project: Path) -> list[str]:
    items = json.loads((project / ".etalase-cache/entries.json").read_text(encoding="utf-8"))["items"]
    return sorted(key.split(":")[0] for key in items)


def test_every_valid_entry_is_cached_and_used(sample_copy: Path) -> None:
    cfg = load_config(sample_copy / "site_config.yaml")
    cold = check_content(cfg)
    assert cold.ok
    entries = [f for f in cold.checked.files if f.kind in ("ikm", "produk", "program", "halaman", "acara")]
    assert len(_cached_kinds(sample_copy)) == len(entries)
    warm = check_content(cfg)
    assert warm.ok and warm.diagnostics == cold.diagnostics
    docs = [*warm.checked.ikm.values(), *warm.checked.products, *warm.checked.programmes.values()]
    # taken from the cache: no positions read, because no rule needed one
    assert docs and all(d.lazy and not d.marks for d in docs)
    assert [d.data for d in warm.checked.products] == [d.data for d in cold.checked.products]
    assert [d.body for d in warm.checked.products] == [d.body for d in cold.checked.products]


def test_cross_file_problems_of_cached_entries_keep_their_line(sample_copy: Path) -> None:
    assert _validate(sample_copy)[0] == 0  # fills the cache
    # break the product without touching its file: its photo goes, the same NIB appears twice
    product = (sample_copy / PRODUCT).read_text(encoding="utf-8")
    photo = next(line.split(":", 1)[1].strip() for line in product.splitlines() if "berkas:" in line)
    (sample_copy / PRODUCT).parent.joinpath(photo.strip("\"'")).unlink()
    warm = _validate(sample_copy)
    cold = _cold(sample_copy)
    assert warm == cold and warm[0] == 1
    line = next(row for row in warm[1].splitlines() if row.startswith(PRODUCT + ":"))
    where = line[len(PRODUCT) + 1 :].split(":")[:2]
    assert where != ["1", "1"] and where[0].isdigit() and int(where[0]) > 1, line
    assert "gambar[0].berkas" in line or photo.strip("\"'") in line


def test_an_edited_entry_is_parsed_and_checked_again(sample_copy: Path) -> None:
    assert _validate(sample_copy)[0] == 0
    text = (sample_copy / MD_PRODUCT).read_text(encoding="utf-8")
    (sample_copy / MD_PRODUCT).write_text(text.replace("nama:", "nama: 12\nnama_lama:", 1), encoding="utf-8")
    warm = _validate(sample_copy)
    assert warm == _cold(sample_copy) and warm[0] == 1
    assert MD_PRODUCT + ":" in warm[1]


def test_a_corrupt_or_foreign_cache_is_ignored(sample_copy: Path) -> None:
    expected = _cold(sample_copy)
    cache = sample_copy / ".etalase-cache/entries.json"
    for broken in ("{not json", json.dumps({"stamp": "entries-0-x-y", "items": {}}), "[]"):
        cache.write_text(broken, encoding="utf-8")
        assert _validate(sample_copy) == expected
    # the right stamp but items of the wrong shape: each one is parsed afresh
    _cold(sample_copy)
    good = json.loads(cache.read_text(encoding="utf-8"))
    good["items"] = {key: {"data": "x"} for key in good["items"]}
    cache.write_text(json.dumps(good), encoding="utf-8")
    assert _validate(sample_copy) == expected
    assert len(_cached_kinds(sample_copy)) > 0


def test_a_site_built_from_the_cache_is_the_site_built_without_it(
    sample_copy: Path, tmp_path: Path, sample_site: Path
) -> None:
    # start from the photo variants and share cards the session's sample build made (keyed by
    # content, so they fit this copy): drawing them again would only slow the test down
    shutil.copytree(
        REPO / ".etalase-cache",
        sample_copy / ".etalase-cache",
        ignore=shutil.ignore_patterns("entries.json", "site-*.json", "stamp-*.json"),
    )
    assert run_cli(sample_copy, "build", "--out", str(tmp_path / "a")).returncode == 0
    assert (sample_copy / ".etalase-cache/entries.json").is_file()
    assert run_cli(sample_copy, "build", "--out", str(tmp_path / "b")).returncode == 0  # warm
    (sample_copy / ".etalase-cache/entries.json").unlink()  # photos stay cached: they are not the point
    assert run_cli(sample_copy, "build", "--out", str(tmp_path / "c")).returncode == 0  # cold

    def tree(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}

    warm, cold = tree(tmp_path / "b"), tree(tmp_path / "c")
    assert warm.keys() == cold.keys()
    assert [rel for rel in warm if warm[rel] != cold[rel]] == []
