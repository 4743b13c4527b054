"""Diagnostics: every problem found in content or config, with where it is and how to fix it.

Format (design.md): ``path:line:col: error: <message in Indonesian> [<field>]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass

import click

ERROR = "error"
WARNING = "warning"
# every character str.splitlines() breaks a line at
_LINE_BREAKS = {ord(ch): ascii(ch)[1:-1] for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"}


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem in one file. ``line``/``col`` are 1-based; 0 means "the whole file"."""

    path: str
    line: int
    col: int
    message: str
    field: str = ""
    severity: str = ERROR

    def format_text(self) -> str:
        # one problem, one line: a line break an author wrote (and the message quotes) is shown
        # escaped, so it cannot start a second, forged diagnostic
        where = self.path if self.line == 0 else f"{self.path}:{self.line}:{self.col}"
        suffix = f" [{self.field}]" if self.field else ""
        return f"{where}: {self.severity}: {self.message}{suffix}".translate(_LINE_BREAKS)

    def format_github(self) -> str:
        # Workflow commands: properties escape ',' ':' '%' and newlines; the message escapes '%' and newlines.
        def prop(value: str) -> str:
            return (
                value.replace("%", "%25")
                .replace("\r", "%0D")
                .replace("\n", "%0A")
                .replace(":", "%3A")
                .replace(",", "%2C")
            )

        def data(value: str) -> str:
            return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

        props = [f"file={prop(self.path)}"]
        if self.line:
            props += [f"line={self.line}", f"col={self.col}"]
        if self.field:
            props.append(f"title={prop(self.field)}")
        suffix = f" [{self.field}]" if self.field else ""
        return f"::{self.severity} {','.join(props)}::{data(self.message + suffix)}"


def sort_key(d: Diagnostic) -> tuple:
    return (d.path, d.line, d.col, d.field, d.message)


def errors(diags: Iterable[Diagnostic]) -> list[Diagnostic]:
    return [d for d in diags if d.severity == ERROR]


def format_report(diags: list[Diagnostic], fmt: str, summary: str | None) -> str:
    """Render diagnostics as ``text`` (with a closing count), ``github`` or ``json``."""
    ordered = sorted(diags, key=sort_key)
    if fmt == "json":
        return json.dumps([asdict(d) for d in ordered], ensure_ascii=False, indent=2)
    lines = [d.format_github() if fmt == "github" else d.format_text() for d in ordered]
    if summary:
        lines.append(summary)
    return "\n".join(lines)


_OPEN_CLOSE = {"`": "`", '"': '"', "«": "»", "(": ")"}


def split_fix(message: str) -> tuple[str, str]:
    """Split a message into what is wrong and how to fix it.

    Messages state the problem first and add the fix and hints as "; "-separated clauses
    ("kategori `x` tidak ada; mungkin maksudnya `y`?; daftar kategori ada di …"), so the problem
    is the first clause and the fix is the rest. A "; " inside what the author wrote (quoted with
    `…`, "…", «…» or shown in parentheses) is not a clause boundary."""
    closing: list[str] = []
    for i, ch in enumerate(message):
        if closing and ch == closing[-1]:
            closing.pop()
        elif ch in _OPEN_CLOSE and (not closing or closing[-1] == ")"):
            closing.append(_OPEN_CLOSE[ch])
        elif not closing and message.startswith("; ", i):
            return message[:i], message[i + 2 :]
    return message, ""


def _cell(text: str) -> str:
    """One Markdown table cell: on one line, pipes escaped, and HTML in what an author wrote shown
    as text (outside code spans; inside them nothing is interpreted)."""
    text = text.replace("\r", " ").replace("\n", " ")
    parts = text.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: no code spans to keep
        parts = [text]
    for i in range(0, len(parts), 2):
        parts[i] = parts[i].replace("\\", "\\\\").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "`".join(parts).replace("|", "\\|")


def _code(text: str) -> str:
    fence = "``" if "`" in text else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{text}{pad}{fence}".replace("\r", " ").replace("\n", " ").replace("|", "\\|")


def format_summary(diags: list[Diagnostic], closing: str) -> str:
    """Every problem as a Markdown table for a CI job summary (GitHub shows only the first
    annotations of a run on the changed files; the summary lists them all)."""
    from etalase.i18n import t

    lines = [f"## {t('msg.report.title')}", "", closing, ""]
    ordered = sorted(diags, key=sort_key)
    if ordered:
        head = [t(f"msg.report.{k}") for k in ("file", "line", "col", "severity", "field", "problem", "fix")]
        lines += ["| " + " | ".join(head) + " |", "|" + " --- |" * len(head)]
        for d in ordered:
            problem, fix = split_fix(d.message)
            if not fix:
                fix = t("msg.report.see_field", field=d.field) if d.field else t("msg.report.see_guide")
            cells = [
                _code(d.path),
                str(d.line or ""),
                str(d.col or ""),
                t(f"msg.report.{d.severity}"),
                _code(d.field) if d.field else "",
                _cell(problem),
                _cell(fix),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


class ContentError(click.ClickException):
    """Content is invalid: the build stops with exit code 1 after printing every diagnostic."""

    exit_code = 1

    def __init__(self, report: str) -> None:
        super().__init__(report)

    def show(self, file=None) -> None:
        click.echo(self.message, err=True)


class UsageProblem(click.ClickException):
    """Configuration or usage error: exit code 2."""

    exit_code = 2

    def show(self, file=None) -> None:
        click.echo(self.message, err=True)
