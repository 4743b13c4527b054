"""The no-op rebuild: when nothing a build reads has changed since the last successful build into
the same output folder, and that folder still holds exactly what the build wrote, there is nothing
to do. "Nothing a build reads" is every file under content/, templates/, assets/, data/ and
schema/, the generator's own code and strings, and the settings (``SiteConfig``, which includes
"today", so a certificate that expires overnight rebuilds the site); each file counts by its path,
size and modification time, as make and Hugo's file watcher do. The stamp lives in the build cache,
so deleting the cache forces a full build; a stamp of another format or for other inputs is
ignored."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
from pathlib import Path
from typing import Any

from etalase.config import SiteConfig
from etalase.write import forget, manifest_for, save_json

STAMP_FORMAT = 1
CODE_DIR = Path(__file__).resolve().parent


def _tree(h: Any, label: str, root: Path) -> None:
    if root.is_file():
        st = root.stat()
        h.update(f"{label}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
        return
    for folder, dirs, names in os.walk(root):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        rel = os.path.relpath(folder, root)
        for name in sorted(names):
            st = os.stat(os.path.join(folder, name))
            h.update(f"{label}/{rel}/{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())


def inputs_key(cfg: SiteConfig, strict: bool) -> str:
    h = hashlib.blake2b(digest_size=16)
    settings = dataclasses.replace(cfg, jobs=1)  # the number of workers never changes the output
    h.update(f"{STAMP_FORMAT}\0{strict}\0{settings!r}\n".encode())
    for label, root in (
        ("code", CODE_DIR),
        ("content", cfg.content_dir),
        ("templates", cfg.templates_dir),
        ("assets", cfg.assets_dir),
        ("data", cfg.data_dir),
        ("schema", cfg.schema_dir),
    ):
        if root.exists():
            _tree(h, label, root)
    return h.hexdigest()


class Stamp:
    def __init__(self, cfg: SiteConfig, strict: bool) -> None:
        self.cfg = cfg
        self.key = inputs_key(cfg, strict)
        manifest = manifest_for(cfg.cache_dir, cfg.output_dir)
        self.manifest = manifest
        self.path = manifest.path.with_name(manifest.path.name.replace("site-", "stamp-"))

    def fresh(self) -> dict | None:
        """What the last build recorded, if its inputs were these and ``_site/`` is as it left it."""
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(raw, dict) or raw.get("format") != STAMP_FORMAT or raw.get("inputs") != self.key:
            return None
        output = self.cfg.output_dir
        if any(output.parent.glob(f".{output.name}.*")):
            return None  # a journal to roll forward or leftovers of a killed build: the build handles them
        files = self.manifest.load()
        if files is None or not self._output_intact(files):
            return None
        return raw

    def _output_intact(self, files: dict[str, list]) -> bool:
        output = self.cfg.output_dir
        seen = 0
        for folder, _dirs, names in os.walk(output):
            rel = os.path.relpath(folder, output)
            prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
            for name in names:
                entry = files.get(prefix + name)
                if entry is None:
                    return False  # a file nobody wrote
                try:
                    st = os.stat(os.path.join(folder, name))
                except OSError:
                    return False
                if st.st_size != entry[1] or st.st_mtime_ns != entry[2]:
                    return False
                seen += 1
        return seen == len(files)

    def save(self, record: dict) -> None:
        save_json(self.path, {"format": STAMP_FORMAT, "inputs": self.key, **record})

    def forget(self) -> None:
        forget(self.path)
