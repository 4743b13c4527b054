"""load: read entry files into documents (data + positions). No exception escapes: bad files
become diagnostics."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from typing import Any

from etalase import yamlsrc
from etalase.diagnostics import WARNING, Diagnostic
from etalase.discover import EVENT, IKM, PAGE, PRODUCT, PROGRAMME, SourceFile
from etalase.i18n import t

MAX_ENTRY_BYTES = 256 * 1024


@dataclass
class Document:
    source: SourceFile
    data: dict[str, Any]
    marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    raw: dict[tuple, str] = field(default_factory=dict)
    body: str | None = None  # Markdown body of a .md file
    body_line: int = 0
    schema_ok: bool = False  # passed its JSON Schema in an earlier build (``entrycache``)
    lazy: bool = False  # positions not read yet: parse the file again when one is asked for

    @property
    def kind(self) -> str:
        return self.source.kind

    def mark(self, path: tuple, key: bool = False) -> tuple[int, int]:
        """Best position for ``path``: the node itself, else its nearest ancestor."""
        if self.lazy:
            self._read_positions()
        table = self.key_marks if key else self.marks
        while path:
            if path in table:
                return table[path]
            if key and path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), (1, 1))

    def _read_positions(self) -> None:
        self.lazy = False
        again = load(self.source, [])
        if again is not None:
            self.marks, self.key_marks = again.marks, again.key_marks


def _decode(raw: bytes, src: SourceFile, diags: list[Diagnostic]) -> str | None:
    for bom in (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if raw.startswith(bom):
            diags.append(Diagnostic(src.display, 1, 1, t("msg.encoding_utf16")))
            return None
    if raw.startswith(codecs.BOM_UTF8):
        diags.append(Diagnostic(src.display, 1, 1, t("msg.encoding_bom"), severity=WARNING))
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        diags.append(Diagnostic(src.display, line, col, t("msg.encoding_invalid")))
        return None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        diags.append(Diagnostic(src.display, line, 1, t("msg.encoding_nul")))
        return None
    return text


def _split_front_matter(text: str, src: SourceFile, diags: list[Diagnostic]) -> tuple[str, str, int] | None:
    """Return (front matter, body, body's first line) or None with a diagnostic."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip("\r\n").rstrip() != "---":
        diags.append(Diagnostic(src.display, 1, 1, t("msg.front_matter_missing")))
        return None
    for i in range(1, len(lines)):
        if lines[i].rstrip("\r\n").rstrip() in ("---", "..."):
            return "".join(lines[1:i]), "".join(lines[i + 1 :]), i + 2
    diags.append(Diagnostic(src.display, 1, 1, t("msg.front_matter_unclosed")))
    return None


def load(src: SourceFile, diags: list[Diagnostic]) -> Document | None:
    """Parse one entry file. Returns None (with diagnostics) when it cannot be read."""
    if src.path.is_symlink():  # could point anywhere (a secret, /dev/zero) and dodge the size limit
        diags.append(Diagnostic(src.display, 0, 0, t("msg.file_link")))
        return None
    if src.size > MAX_ENTRY_BYTES:
        diags.append(
            Diagnostic(src.display, 0, 0, t("msg.file_too_big", kb=src.size // 1024, max=MAX_ENTRY_BYTES // 1024))
        )
        return None
    try:
        raw = src.path.read_bytes()
    except OSError as exc:
        diags.append(Diagnostic(src.display, 0, 0, t("msg.file_unreadable", detail=exc.strerror or str(exc))))
        return None
    text = _decode(raw, src, diags)
    if text is None:
        return None
    is_markdown = src.path.suffix.lower() in (".md", ".markdown")
    body: str | None = None
    body_line = 0
    offset = 0
    if is_markdown:
        split = _split_front_matter(text, src, diags)
        if split is None:
            return None
        text, body, body_line = split
        offset = 1
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        diags.append(Diagnostic(src.display, 1 + offset, 1, t("msg.file_empty")))
        return None
    parsed = yamlsrc.parse(text, line_offset=offset)
    for p in parsed.problems:
        diags.append(Diagnostic(src.display, p.line, p.col, p.message, p.field))
    if parsed.problems:
        return None
    if not isinstance(parsed.data, dict):
        line, col = parsed.marks.get((), (1 + offset, 1))
        diags.append(Diagnostic(src.display, line, col, t("msg.not_mapping")))
        return None
    return Document(src, parsed.data, parsed.marks, parsed.key_marks, parsed.raw, body, body_line)


LOADABLE = (IKM, PRODUCT, PROGRAMME, PAGE, EVENT)
