"""YAML with positions: parse with libyaml, keep every node's line and column, reject surprises.

PyYAML's constructors forget where a value came from and silently keep the last of two
duplicate keys. We compose the node graph with ``CSafeLoader`` (C speed), then build plain
values ourselves while recording a mark per path, so a schema error can name its exact line.

Timestamps stay strings (``2024-05-20``) so JSON Schema sees what the author wrote; anchors
and aliases are refused (no legitimate use in an entry, and they are how alias bombs work).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from etalase.i18n import t

Path_ = tuple  # a path into the document: keys and list indexes

MAX_DEPTH = 32
MAX_NODES = 20_000
MAX_INT_CHARS = 100  # prices, years and (unquoted) NIBs are far shorter
# what a quoted escape ("\x01", "\e", "\0") can put in a string but no XML feed may hold and a
# terminal would obey: C0 and C1 controls except tab and line breaks, and U+FFFE/U+FFFF
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")

_STR = "tag:yaml.org,2002:str"
_INT = "tag:yaml.org,2002:int"
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SAFE_SCALARS = {
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:bool",
    _INT,
    "tag:yaml.org,2002:float",
    _STR,
}


@dataclass
class Problem:
    """A parse problem: 1-based position inside the parsed text and an Indonesian message."""

    line: int
    col: int
    message: str
    field: str = ""


@dataclass
class Parsed:
    data: Any = None
    marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    raw: dict[Path_, str] = field(default_factory=dict)  # source text of non-string scalars
    problems: list[Problem] = field(default_factory=list)


class _Refused(Exception):
    def __init__(self, problem: Problem) -> None:
        self.problem = problem


def dotted(path: Path_) -> str:
    """``("tkdn", "nilai")`` → ``tkdn.nilai``; list indexes as ``gambar[0].alt``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


def _pos(mark: yaml.Mark) -> tuple[int, int]:
    return mark.line + 1, mark.column + 1


class _Builder:
    def __init__(self) -> None:
        self.marks: dict[Path_, tuple[int, int]] = {}
        self.key_marks: dict[Path_, tuple[int, int]] = {}
        self.raw: dict[Path_, str] = {}
        self.count = 0
        self.seen: set[int] = set()
        self.constructor = yaml.SafeLoader("")  # only for scalar constructors

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_too_big", max=MAX_NODES)))
        if depth > MAX_DEPTH:
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_too_deep", max=MAX_DEPTH), dotted(path)))
        if id(node) in self.seen:  # an alias: point at its key, the anchor's node is elsewhere
            where = self.key_marks.get(path) or _pos(node.start_mark)
            raise _Refused(Problem(*where, t("msg.yaml_alias"), dotted(path)))
        self.seen.add(id(node))
        self.marks[path] = _pos(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != "tag:yaml.org,2002:seq":
                raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_tag", tag=node.tag), dotted(path)))
            return [self.build(child, (*path, i), depth + 1) for i, child in enumerate(node.value)]
        value = self._scalar(node, path)
        if not isinstance(value, str) or node.tag == _TIMESTAMP:
            self.raw[path] = node.value
        return value

    def _mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict:
        if node.tag != "tag:yaml.org,2002:map":
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_tag", tag=node.tag), dotted(path)))
        out: dict = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(Problem(*_pos(key_node.start_mark), t("msg.yaml_merge"), dotted(path)))
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(Problem(*_pos(key_node.start_mark), t("msg.yaml_complex_key"), dotted(path)))
            key = self._scalar(key_node, path)
            if not isinstance(key, str):
                key = key_node.value  # numbers or dates as keys (spesifikasi) are text to the author
            child = (*path, key)
            if key in out:
                first = self.key_marks[child]
                raise _Refused(
                    Problem(*_pos(key_node.start_mark), t("msg.yaml_duplicate", key=key, line=first[0]), dotted(child))
                )
            self.key_marks[child] = _pos(key_node.start_mark)
            out[key] = self.build(value_node, child, depth + 1)
        return out

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        if node.tag == _TIMESTAMP:
            return node.value
        if node.tag not in _SAFE_SCALARS:
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_tag", tag=node.tag), dotted(path)))
        if node.tag == _INT and len(node.value) > MAX_INT_CHARS:  # 0x…, 0b…: no message could print it
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_int_too_long", n=len(node.value)), dotted(path)))
        try:
            value = self.constructor.yaml_constructors[node.tag](self.constructor, node)
        except (yaml.YAMLError, ValueError) as exc:
            raise _Refused(
                Problem(*_pos(node.start_mark), t("msg.yaml_scalar", detail=str(exc)), dotted(path))
            ) from None
        if isinstance(value, float) and value != value:  # .nan passes every minimum and maximum
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_nan"), dotted(path)))
        if isinstance(value, str) and (bad := _CONTROL.search(value)):
            code = f"{ord(bad.group()):04X}"
            raise _Refused(Problem(*_pos(node.start_mark), t("msg.yaml_control", code=code), dotted(path)))
        return value


def parse(text: str, line_offset: int = 0) -> Parsed:
    """Parse one YAML document. Never raises: problems come back in ``Parsed.problems``."""
    result = Parsed()
    try:
        node = yaml.compose(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = _pos(mark) if mark else (1, 1)
        detail = _syntax_detail(exc, text)
        result.problems.append(Problem(line + line_offset, col, t("msg.yaml_syntax", detail=detail)))
        return result
    except yaml.YAMLError as exc:  # e.g. more than one document, reader errors
        result.problems.append(Problem(1 + line_offset, 1, t("msg.yaml_syntax", detail=str(exc).splitlines()[0])))
        return result
    except RecursionError:
        result.problems.append(Problem(1 + line_offset, 1, t("msg.yaml_too_deep", max=MAX_DEPTH)))
        return result
    if node is None:
        return result
    builder = _Builder()
    try:
        result.data = builder.build(node, (), 0)
    except _Refused as refused:
        p = refused.problem
        result.problems.append(Problem(p.line + line_offset, p.col, p.message, p.field))
        result.data = None
        return result
    if line_offset:
        builder.marks = {k: (v[0] + line_offset, v[1]) for k, v in builder.marks.items()}
        builder.key_marks = {k: (v[0] + line_offset, v[1]) for k, v in builder.key_marks.items()}
    result.marks, result.key_marks, result.raw = builder.marks, builder.key_marks, builder.raw
    return result


_SYNTAX_HINTS = {
    "found character '\\t' that cannot start any token": "msg.yaml_hint_tab",
    "mapping values are not allowed": "msg.yaml_hint_colon",
    "could not find expected ':'": "msg.yaml_hint_colon",
    "did not find expected key": "msg.yaml_hint_indent",
    "found undefined alias": "msg.yaml_alias",
    "found unexpected end of stream": "msg.yaml_hint_quote",
    "found character that cannot start any token": "msg.yaml_hint_char",
    "expected a single document in the stream": "msg.yaml_hint_documents",
}


def _syntax_detail(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = (exc.problem or "").strip()
    mark = exc.problem_mark
    if mark is not None:
        lines = text.splitlines()
        if mark.line < len(lines) and "\t" in lines[mark.line][: mark.column + 1]:
            return t("msg.yaml_hint_tab")
    for needle, key in _SYNTAX_HINTS.items():
        if needle in problem or needle in (exc.context or ""):
            return t(key)
    return t("msg.yaml_hint_generic", detail=problem)
