"""files: making one file of the output or of the build cache, with as few system calls as we
can (a 10k catalog makes ~42,000 files and ~18,000 folders; creating them is a tenth of a clean
build's CPU): written whole, written from pieces while hashed, a cache file put in place whole, a
hard link, a folder and the ones above it."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable
from pathlib import Path


def hash_bytes(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def link(source: Path, target: str, st: os.stat_result) -> os.stat_result:
    """``target`` as a hard link to ``source`` (whose stat ``st`` it shares), or a copy where the
    file system says no (another device, no hard links, a file at its link limit). Returns the
    target's stat."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copyfile(source, target)
        return os.stat(target)
    return st


CREATE = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_CLOEXEC", 0)


def put(target: str, data: bytes, flags: int = CREATE) -> os.stat_result:
    """Write ``data`` as the new file ``target`` and return its stat. Plain ``os`` calls: ``open``
    adds an fstat, an ioctl and an lseek per file, and a site has tens of thousands of files."""
    fd = os.open(target, flags, 0o666)  # less the umask, as open() does
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return os.fstat(fd)
    finally:
        os.close(fd)


_FLUSH = 1 << 20  # characters of Pieces gathered before they are encoded, hashed and written


def put_pieces(target: str, pieces: Iterable[str]) -> tuple[str, os.stat_result]:
    """Write ``pieces`` (UTF-8) as the new file ``target``; returns its content key (the same as
    ``hash_bytes`` of the whole) and its stat."""
    digest = hashlib.blake2b(digest_size=16)
    fd = os.open(target, CREATE, 0o666)
    try:

        def flush(text: str) -> None:
            view = memoryview(text.encode("utf-8"))
            digest.update(view)
            while view:
                view = view[os.write(fd, view) :]

        gathered: list[str] = []
        size = 0
        for piece in pieces:
            gathered.append(piece)
            size += len(piece)
            if size >= _FLUSH:
                flush("".join(gathered))
                gathered, size = [], 0
        flush("".join(gathered))
        return digest.hexdigest(), os.fstat(fd)
    finally:
        os.close(fd)


def store(path: Path, data: bytes) -> None:
    """Put a build-cache file in place whole: created under its name when there is none (a reader
    checks that the file is whole, so one cut short by a killed build is merely made again), else
    replaced through a temporary file, so that outputs linked to the old one keep their data."""
    try:
        put(str(path), data, CREATE | os.O_EXCL)
        return
    except FileExistsError:
        pass
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    put(str(tmp), data)
    os.replace(tmp, path)


def makedirs(path: Path | str, made: set[str]) -> None:
    """Make the folder of ``path`` and any missing above it; ``made`` holds those known to exist.
    One ``mkdir`` per new folder (``os.makedirs`` also stats its parent first)."""
    parent = os.path.dirname(path)
    if parent in made:
        return
    try:
        os.mkdir(parent)
    except FileNotFoundError:
        makedirs(parent, made)
        os.mkdir(parent)
    except FileExistsError:
        if not os.path.isdir(parent):
            raise
    made.add(parent)
