"""background: one step of the build computed in a forked process while the build goes on.

The child inherits the model by ``fork`` (nothing is pickled on the way in) and sends its result
back through a pipe. Without ``fork``, with one job, or if the child fails for any reason, the
step runs in this process when its result is asked for, so the result is always the same as a
serial build's (and a real error surfaces with its own traceback)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import Any, Generic, TypeVar

T = TypeVar("T")


def _child(fn: Callable[[], Any], send: Any) -> None:
    try:
        result = (True, fn())
    except BaseException:  # the parent computes it again and reports the error
        result = (False, None)
    try:
        send.send(result)
    finally:
        send.close()


class Background(Generic[T]):
    def __init__(self, fn: Callable[[], T], jobs: int) -> None:
        self.fn = fn
        self._proc: Any = None
        if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
            ctx = multiprocessing.get_context("fork")
            self._recv, send = ctx.Pipe(duplex=False)
            self._proc = ctx.Process(target=_child, args=(fn, send), daemon=True)
            self._proc.start()
            send.close()

    def result(self) -> T:
        if self._proc is not None:
            try:
                ok, value = self._recv.recv()
            except (EOFError, OSError):
                ok, value = False, None
            self.close()
            if ok:
                return value
        return self.fn()

    def close(self) -> None:
        """Stop the child if its result is no longer wanted (the build failed on the way)."""
        if self._proc is None:
            return
        if self._proc.is_alive():
            self._proc.terminate()
        self._proc.join()
        self._recv.close()
        self._proc = None
