"""GitHub-flavoured Markdown to HTML with cmarkgfm's C library, freeing what it allocates.

``cmarkgfm.github_flavored_markdown_to_html`` never frees the document tree nor the HTML string
that cmark returns (theacodes/cmarkgfm#53): about 23 KB lost per product description, so a 10k
catalog's render workers each grew by over 100 MiB and a 100k build by gigabytes. This module
makes the same calls in the same order (so the HTML is byte for byte the same), then releases the
tree with ``cmark_node_free`` and the string with the C library's ``free`` (cmark's default
allocator is ``calloc``/``realloc``/``free``). ``cmark_node_free`` is exported by cmarkgfm's
compiled module but not declared to cffi, so it is called through ctypes. Where either symbol
cannot be found, cmarkgfm's own function is used (correct output, leaking as before)."""

from __future__ import annotations

import ctypes
import ctypes.util

import cmarkgfm
from cmarkgfm import _cmark
from cmarkgfm.cmark import Options

EXTENSIONS = ("table", "autolink", "tagfilter", "strikethrough", "tasklist")  # cmarkgfm's GitHub set

_ffi, _lib = _cmark.ffi, _cmark.lib


def _free_functions() -> tuple[ctypes._CFuncPtr, ctypes._CFuncPtr] | None:  # type: ignore[name-defined]
    try:
        node_free = ctypes.CDLL(_cmark.__file__).cmark_node_free
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        free = libc.free
    except (OSError, AttributeError):
        return None
    for fn in (node_free, free):
        fn.argtypes, fn.restype = [ctypes.c_void_p], None
    return node_free, free


_FREE = _free_functions()


def _address(pointer: object) -> int:
    return int(_ffi.cast("uintptr_t", pointer))


def to_html(text: str, options: int = 0) -> str:
    """What ``cmarkgfm.github_flavored_markdown_to_html(text, options)`` returns."""
    if _FREE is None:
        return cmarkgfm.github_flavored_markdown_to_html(text, options=options)
    node_free, free = _FREE
    options |= Options.CMARK_OPT_GITHUB_PRE_LANG
    _lib.cmark_gfm_core_extensions_ensure_registered()
    encoded = text.encode("utf-8")
    parser = _lib.cmark_parser_new(options)
    try:
        for name in EXTENSIONS:
            extension = _lib.cmark_find_syntax_extension(name.encode())
            if extension == _ffi.NULL:
                raise ValueError(f"cmark-gfm has no {name} extension")
            _lib.cmark_parser_attach_syntax_extension(parser, extension)
        _lib.cmark_parser_feed(parser, encoded, len(encoded))
        root = _lib.cmark_parser_finish(parser)
        try:
            raw = _lib.cmark_render_html(root, options, _lib.cmark_parser_get_syntax_extensions(parser))
            try:
                return _ffi.string(raw).decode("utf-8")
            finally:
                free(_address(raw))
        finally:
            node_free(_address(root))
    finally:
        _lib.cmark_parser_free(parser)
