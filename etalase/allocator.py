"""Ask glibc's malloc to give large freed blocks back to the system.

glibc serves a request of 128 KiB or more with its own ``mmap`` (returned to the system when it is
freed), but after the first such block is freed it raises that threshold up to 32 MiB, and from
then on rendered pages, feeds and exports of a few hundred KiB to a few MiB come from the heap,
whose freed middle stays resident. Fixing the threshold at 128 KiB (what ``MALLOC_MMAP_THRESHOLD_``
does) took 18 MiB off the main process of a 10k build. Not glibc, or the variable already set:
nothing is changed."""

from __future__ import annotations

import ctypes
import os

M_MMAP_THRESHOLD = -3  # <malloc.h>
THRESHOLD = 128 * 1024


def tune() -> bool:
    """Fix malloc's mmap threshold; True when it was set here."""
    if "MALLOC_MMAP_THRESHOLD_" in os.environ:
        return False
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int
    return mallopt(M_MMAP_THRESHOLD, THRESHOLD) == 1
