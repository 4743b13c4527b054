"""Parse entries on every core: libyaml, our position-keeping builder and the JSON Schema check of
each entry the entry cache did not have, in forked worker processes.

A worker sends back only entries that loaded and passed their schema without any diagnostic, as
the entry cache would give them: data, Markdown body and the source text of non-string scalars,
without the line/column tables (``lazy``: read again from the file if a cross-file rule reports a
problem on the entry). Every other entry is left to the caller, which loads it in its own process
as before, so each message is made and ordered exactly as in a serial build. The main process
never holds the position tables of a clean entry, which at 10k products were most of the memory
freed after validation and never given back to the system."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from etalase import schemacheck
from etalase.diagnostics import Diagnostic
from etalase.discover import SourceFile
from etalase.load import Document, load
from etalase.progress import Progress

MIN_FILES = 200  # below this, forking costs more than it saves
CHUNK = 100

_SCHEMAS: Path | None = None  # what forked workers check against


def clean_document(src: SourceFile, schema_dir: Path) -> Document | None:
    """``src`` loaded and checked against its schema, without positions, or None when either
    step has anything to say about it."""
    diags: list[Diagnostic] = []
    doc = load(src, diags)
    if doc is None or diags or schemacheck.check(doc, doc.kind, schema_dir):
        return None
    return Document(src, doc.data, raw=doc.raw, body=doc.body, body_line=doc.body_line, schema_ok=True, lazy=True)


def _chunk(files: list[SourceFile]) -> list[Document | None]:
    assert _SCHEMAS is not None
    return [clean_document(f, _SCHEMAS) for f in files]


def parse_clean(
    files: list[SourceFile], schema_dir: Path, jobs: int, progress: Progress | None = None
) -> dict[str, Document] | None:
    """The clean documents among ``files`` (by ``rel``), parsed by ``jobs`` forked processes; None
    when there are too few files, one job or no ``fork`` (the caller then loads them all).
    ``progress`` advances by each chunk's files."""
    global _SCHEMAS
    if jobs <= 1 or len(files) < MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return None
    _SCHEMAS = schema_dir
    try:
        chunks = [files[i : i + CHUNK] for i in range(0, len(files), CHUNK)]
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            found: dict[str, Document] = {}
            for part, docs in zip(chunks, pool.imap(_chunk, chunks), strict=True):
                found.update((f.rel, d) for f, d in zip(part, docs, strict=True) if d is not None)
                if progress is not None:
                    progress.advance(len(part))
            return found
    finally:
        _SCHEMAS = None
