"""The entry cache: parsed entries that passed their JSON Schema, kept between builds.

Parsing (libyaml plus our position-keeping builder) and JSON Schema validation are most of what
``validate`` costs, and both depend only on the entry's bytes, its kind, its schema and the
generator's code. So an entry whose content hash (computed by ``discover``) is in the cache under
the same schema and code fingerprints is taken from it: data, Markdown body and the source text of
its non-string scalars, but not its line/column tables, which are rebuilt by parsing the file
again only if a cross-file rule needs to report a problem on it. Only entries that loaded and
passed the schema without any diagnostic (warnings included) are stored, so a cached entry never
hides a message. The cross-file rules (duplicate NIBs, regions, photos on disk, dates against
"today") run on every entry, cached or not.

The cache is one JSON file under ``.etalase-cache/`` (safe to delete); a file of another format,
schema or code version is ignored and rewritten, never trusted."""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from etalase.buildstamp import CODE_DIR
from etalase.cache import JsonIndex
from etalase.discover import SourceFile
from etalase.load import Document
from etalase.schemacheck import SCHEMA_FILES

FORMAT = 1


@cache
def code_fingerprint() -> str:
    """Hash of the generator's own source and strings: a new parser or message means a new cache."""
    h = hashlib.blake2b(digest_size=12)
    for path in sorted(CODE_DIR.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml") and "__pycache__" not in path.parts:
            h.update(path.relative_to(CODE_DIR).as_posix().encode() + b"\0" + path.read_bytes())
    return h.hexdigest()


def _schemas_fingerprint(schema_dir: Path) -> str:
    h = hashlib.blake2b(digest_size=12)
    for kind, name in sorted(SCHEMA_FILES.items()):
        try:
            h.update(f"{kind}\0".encode() + (schema_dir / name).read_bytes() + b"\0")
        except OSError:
            h.update(f"{kind}\0missing\0".encode())
    return h.hexdigest()


class EntryCache:
    def __init__(self, cache_dir: Path | None, schema_dir: Path) -> None:
        namespace = f"entries-{FORMAT}-{code_fingerprint()}-{_schemas_fingerprint(schema_dir)}"
        self.index = JsonIndex(cache_dir / "entries.json", namespace) if cache_dir else None
        self.used: set[str] = set()

    @staticmethod
    def _key(src: SourceFile) -> str:
        return f"{src.kind}:{src.path.suffix.lower()}:{src.size}:{src.digest}"

    def get(self, src: SourceFile) -> Document | None:
        """The cached document for this exact file content, or None."""
        if self.index is None or not src.digest:
            return None
        key = self._key(src)
        item = self.index.get(key)
        if not _well_formed(item):
            return None
        self.used.add(key)
        raw = {tuple(path): text for path, text in item["raw"]}
        return Document(
            src, item["data"], raw=raw, body=item["body"], body_line=item["body_line"], schema_ok=True, lazy=True
        )

    def put(self, doc: Document) -> None:
        """Remember a document that loaded and passed its schema without any diagnostic."""
        if self.index is None or not doc.source.digest:
            return
        key = self._key(doc.source)
        self.used.add(key)
        if self.index.get(key) is None:
            raw = [[list(path), text] for path, text in doc.raw.items()]
            self.index.put(key, {"data": doc.data, "raw": raw, "body": doc.body, "body_line": doc.body_line})

    def save(self) -> None:
        """Keep only the entries this build used (a deleted or edited entry's old version goes)."""
        if self.index is None:
            return
        stale = [key for key in self.index.data if key not in self.used]
        for key in stale:
            del self.index.data[key]
        if stale:
            self.index.dirty = True
        self.index.save()


def _well_formed(item: Any) -> bool:
    return (
        isinstance(item, dict)
        and isinstance(item.get("data"), dict)
        and isinstance(item.get("raw"), list)
        and all(isinstance(r, list) and len(r) == 2 and isinstance(r[0], list) for r in item["raw"])
        and (item.get("body") is None or isinstance(item.get("body"), str))
        and isinstance(item.get("body_line"), int)
    )
