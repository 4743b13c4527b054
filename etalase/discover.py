"""discover: walk ``content/`` and list every source file with its kind, slugs, stat and hash."""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".svg", ".avif", ".heic", ".bmp", ".tif", ".tiff"}
ENTRY_SUFFIXES = {".yaml", ".md"}

# kinds
IKM = "ikm"
PRODUCT = "produk"
PROGRAMME = "program"
PAGE = "halaman"
EVENT = "acara"
IMAGE = "gambar"
OTHER = "lain"


@dataclass(frozen=True)
class SourceFile:
    """A file under ``content/``. ``display`` is the path printed in diagnostics."""

    path: Path
    display: str
    rel: str  # relative to the content dir, posix
    kind: str
    folder: str  # IKM folder slug for products/ikm/images, else ""
    slug: str
    size: int
    mtime_ns: int
    digest: str


def display_path(path: Path, root: Path) -> str:
    """Path as printed to the user: relative to the project root when inside it."""
    resolved = path.resolve()
    for base in (root.resolve(), Path.cwd().resolve()):
        if resolved.is_relative_to(base):
            return resolved.relative_to(base).as_posix()
    return resolved.as_posix()


def _classify(parts: tuple[str, ...]) -> tuple[str, str, str]:
    """Return (kind, folder, slug) from a path relative to content/."""
    name = parts[-1]
    stem, suffix = os.path.splitext(name)
    suffix = suffix.lower()
    top = parts[0]
    if top == "products" and len(parts) >= 3:
        folder = parts[1]
        if suffix in IMAGE_SUFFIXES:
            return IMAGE, folder, stem
        if len(parts) == 3 and name == "ikm.yaml":
            return IKM, folder, folder
        if len(parts) == 3 and suffix in ENTRY_SUFFIXES | {".yml", ".markdown"}:
            return PRODUCT, folder, stem
        return OTHER, folder, stem
    if top == "programs" and suffix in IMAGE_SUFFIXES:  # programme logos
        return IMAGE, "", stem
    if top == "programs" and len(parts) == 2 and suffix in {".yaml", ".yml"}:
        return PROGRAMME, "", stem
    if top == "events" and len(parts) == 2 and suffix in {".yaml", ".yml"}:
        return EVENT, "", stem
    if top == "pages" and len(parts) == 2 and suffix in {".md", ".markdown"}:
        return PAGE, "", stem
    return OTHER, "", stem


def discover(content_dir: Path, root: Path) -> list[SourceFile]:
    """All files below ``content_dir``, sorted by path. Hidden files and folders are skipped."""
    found: list[SourceFile] = []
    base = str(content_dir)
    shown_base = display_path(content_dir, root)
    for dirpath, dirnames, filenames in os.walk(content_dir, followlinks=False):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if not name.startswith("."):
                found.append(_source(os.path.join(dirpath, name), base, shown_base))
    return found


def source_file(path: Path, content_dir: Path, root: Path) -> SourceFile:
    """One file below ``content_dir`` as ``discover`` lists it (``OSError`` when it is gone)."""
    return _source(str(path), str(content_dir), display_path(content_dir, root))


def _source(full: str, base: str, shown_base: str) -> SourceFile:
    rel_parts = tuple(Path(os.path.relpath(full, base)).parts)
    kind, folder, slug = _classify(rel_parts)
    st = os.lstat(full)
    digest = ""
    if kind not in (IMAGE, OTHER) and stat.S_ISREG(st.st_mode):  # never read through a link
        with open(full, "rb") as fh:
            digest = hashlib.blake2b(fh.read(), digest_size=16).hexdigest()
    rel = "/".join(rel_parts)
    return SourceFile(
        path=Path(full),
        display=f"{shown_base}/{rel}",
        rel=rel,
        kind=kind,
        folder=folder,
        slug=slug,
        size=st.st_size,
        mtime_ns=st.st_mtime_ns,
        digest=digest,
    )
