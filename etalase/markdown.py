"""Markdown → safe HTML: cmarkgfm (GitHub's renderer, raw HTML omitted), then nh3 as a second wall."""

from __future__ import annotations

import re

import nh3
from cmarkgfm.cmark import Options

from etalase import gfm

_OPTIONS = Options.CMARK_OPT_SMART  # raw HTML stays omitted: CMARK_OPT_UNSAFE is never set
_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "del",
    "code",
    "pre",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
_ATTRIBUTES = {"a": {"href"}, "th": {"align"}, "td": {"align"}, "ol": {"start"}}
_HEADING = re.compile(r"<(/?)h([1-6])>")
_EMPTY_LINK = re.compile(r'<a href="" rel="[^"]*">(.*?)</a>', re.S)  # cmark blanks unsafe URLs


_ROOT_LINK = re.compile(r'href="/(?!/)')


def render(text: str, heading_base: int = 2, link_prefix: str = "/") -> str:
    """Render Markdown written by an IKM. Headings are shifted so the highest one used becomes
    ``h<heading_base>`` (the page owns the levels above); images are dropped (photos go in ``gambar``, and an
    external image would be a request leaving the site); links get ``rel="nofollow noopener"``, and
    site-relative links (``/tentang/``) get the base path ``link_prefix``."""
    if not text.strip():
        return ""
    html = gfm.to_html(text, options=_OPTIONS)
    clean = nh3.clean(
        html,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="nofollow noopener ugc",
        strip_comments=True,
    )
    clean = _EMPTY_LINK.sub(r"\1", clean)
    if link_prefix != "/":  # "/tentang/" written by an author must work under a base path too
        clean = _ROOT_LINK.sub(f'href="{link_prefix}', clean)
    return _nest_headings(clean, heading_base)


def _nest_headings(html: str, base: int) -> str:
    """Map the author's heading levels under the page's own: the first heading becomes
    ``h<base>`` and no heading is more than one level deeper than the one before it
    (screen-reader users navigate by heading level)."""
    levels = sorted({int(m.group(2)) for m in _HEADING.finditer(html) if not m.group(1)})
    if not levels:
        return html
    rank = {level: base + i for i, level in enumerate(levels)}
    previous = base - 1
    mapped: list[int] = []
    for m in _HEADING.finditer(html):
        if not m.group(1):
            previous = min(rank[int(m.group(2))], previous + 1, 6)
            mapped.append(previous)
    it = iter(mapped)
    current = [0]

    def swap(m: re.Match) -> str:
        if not m.group(1):
            current[0] = next(it)
        return f"<{m.group(1)}h{current[0]}>"

    return _HEADING.sub(swap, html)
