"""write: build the new site in a temporary folder beside the output, then swap it in.

A failed or interrupted build leaves the previous output untouched; leftovers of a killed
build (``.<name>.tmp-*``) are cleaned up by the next one."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterable
from pathlib import Path


def _clean_leftovers(output: Path) -> None:
    for stale in output.parent.glob(f".{output.name}.*-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


def write_site(output: Path, texts: Iterable[tuple[str, str | bytes]], copies: dict[str, Path]) -> int:
    """Write ``texts`` (path, content pairs, consumed as they come) and ``copies`` (path → source
    file) as the new ``output``. Returns the number of files written."""
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    _clean_leftovers(output)
    token = uuid.uuid4().hex[:8]
    tmp = output.parent / f".{output.name}.tmp-{token}"
    old = output.parent / f".{output.name}.old-{token}"
    made: set[str] = set()
    count = 0
    try:
        tmp.mkdir()
        for rel, content in texts:
            count += 1
            target = tmp / rel
            parent = str(target.parent)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            data = content.encode("utf-8") if isinstance(content, str) else content
            with open(target, "wb") as fh:
                fh.write(data)
        for rel, source in copies.items():
            target = tmp / rel
            parent = str(target.parent)
            if parent not in made:
                os.makedirs(parent, exist_ok=True)
                made.add(parent)
            shutil.copyfile(source, target)
        if output.exists():
            os.rename(output, old)
        os.rename(tmp, output)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        if old.exists() and not output.exists():
            os.rename(old, output)
        raise
    shutil.rmtree(old, ignore_errors=True)
    return count + len(copies)
