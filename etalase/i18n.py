"""The one strings file: every word a visitor or an IKM reads comes from ``strings/<lang>.yaml``.

Keys are dotted (``msg.required``, ``ui.nav.beranda``); values are ``str.format`` templates.
Adding a language means adding one file beside ``id.yaml``.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

_DIR = Path(__file__).parent / "strings"


def _flatten(prefix: str, node: Any, out: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, out)
    else:
        out[prefix] = str(node)


class Strings:
    """Look up a message by key and fill its placeholders."""

    def __init__(self, table: dict[str, str], lang: str) -> None:
        self._table = table
        self.lang = lang

    def __call__(self, key: str, /, **values: Any) -> str:
        try:
            template = self._table[key]
        except KeyError:
            raise KeyError(f"missing string {key!r} in strings/{self.lang}.yaml") from None
        return template.format(**values) if values else template

    def __contains__(self, key: str) -> bool:
        return key in self._table

    def keys(self) -> list[str]:
        return list(self._table)


@cache
def strings(lang: str = "id") -> Strings:
    with open(_DIR / f"{lang}.yaml", encoding="utf-8") as fh:
        raw = yaml.load(fh, Loader=yaml.CSafeLoader)
    table: dict[str, str] = {}
    _flatten("", raw, table)
    return Strings(table, lang)


t = strings("id")
