"""Progress bars for the build's long steps: on a terminal only, and only once a step has run
longer than about a second (a quick rebuild prints nothing but its summary line). Quiet in CI,
with ``--quiet``, when stderr is a file or a pipe, and on a ``TERM=dumb`` terminal."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")

WIDTH = 24  # cells of the bar itself
REDRAW = 0.1  # seconds between two drawings


def wanted(quiet: bool = False, stream: TextIO | None = None) -> bool:
    """Whether bars should be drawn for this run."""
    stream = stream or sys.stderr
    if quiet or os.environ.get("CI") or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def _delay() -> float:
    try:
        return max(0.0, float(os.environ.get("ETALASE_PROGRESS_AFTER", "1")))
    except ValueError:
        return 1.0


class Progress:
    """``label [#####-------]  42%  1234/2938``, redrawn in place, cleared when the step ends."""

    def __init__(self, label: str, total: int, show: bool, stream: TextIO | None = None) -> None:
        self.label, self.total, self.show = label, max(total, 0), show and total > 0
        self.stream = stream or sys.stderr
        self.done = 0
        self.started = time.monotonic()
        self.after = _delay()
        self.drawn_at = 0.0
        self.width = 0  # characters of the last drawing, to clear it

    def advance(self, n: int = 1) -> None:
        self.done += n
        if not self.show:
            return
        now = time.monotonic()
        if now - self.started < self.after or (now - self.drawn_at < REDRAW and self.done < self.total):
            return
        self.drawn_at = now
        share = min(1.0, self.done / self.total)
        filled = round(share * WIDTH)
        line = f"{self.label} [{'#' * filled}{'-' * (WIDTH - filled)}] {share:4.0%}  {self.done}/{self.total}"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = len(line)

    def close(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0

    def wrap(self, items: Iterable[T]) -> Iterator[T]:
        try:
            for item in items:
                yield item
                self.advance()
        finally:
            self.close()
