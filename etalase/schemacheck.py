"""validate, part 1: JSON Schema per document, each error turned into an Indonesian diagnostic
on the exact line of the offending value."""

from __future__ import annotations

import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
from jsonschema import Draft202012Validator

from etalase.diagnostics import Diagnostic
from etalase.i18n import t
from etalase.yamlsrc import dotted

SCHEMA_FILES = {
    "ikm": "ikm.schema.json",
    "produk": "produk.schema.json",
    "program": "program.schema.json",
    "halaman": "halaman.schema.json",
    "acara": "acara.schema.json",
    "config": "site_config.schema.json",
}


@cache
def load_schema(schema_dir: str, kind: str) -> dict:
    with open(Path(schema_dir) / SCHEMA_FILES[kind], encoding="utf-8") as fh:
        return json.load(fh)


def _pattern(validator, pattern: str, instance: Any, schema: dict):
    """``pattern`` as JSON Schema means it (ECMA-262): a final ``$`` is the end of the text. Python's
    ``$`` also matches before a trailing newline, which let ``"9120001234567\\n"`` pass as a NIB."""
    if validator.is_type(instance, "string") and not re.search(_ecma(pattern), instance):
        yield jsonschema.ValidationError(f"{instance!r} does not match {pattern!r}")


@cache
def _ecma(pattern: str) -> str:
    return pattern[:-1] + r"\Z" if pattern.endswith("$") and not pattern.endswith(r"\$") else pattern


_Validator = jsonschema.validators.extend(Draft202012Validator, {"pattern": _pattern})


@cache
def validator(schema_dir: str, kind: str) -> Draft202012Validator:
    schema = load_schema(schema_dir, kind)
    Draft202012Validator.check_schema(schema)
    return _Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _deref(schema: dict, node: Any) -> dict:
    if isinstance(node, dict) and "$ref" in node and node["$ref"].startswith("#/"):
        target: Any = schema
        for part in node["$ref"][2:].split("/"):
            target = target[part]
        return {**target, **{k: v for k, v in node.items() if k != "$ref"}}
    return node if isinstance(node, dict) else {}


def subschema(schema: dict, path: tuple) -> dict:
    """The schema node describing the value at an instance ``path`` (properties/items only)."""
    node = _deref(schema, schema)
    for part in path:
        if isinstance(part, int):
            node = _deref(schema, node.get("items", {}))
        elif part in node.get("properties", {}):
            node = _deref(schema, node["properties"][part])
        else:
            node = _deref(schema, node.get("additionalProperties", {}))
    return node


def title_of(schema: dict, path: tuple) -> str:
    if not path:
        return t("msg.the_file")
    node = subschema(schema, path)
    return node.get("title") or str(path[-1])


def _shown(doc_raw: dict, path: tuple, value: Any) -> str:
    """The value as the author wrote it (source text for numbers, dates and booleans)."""
    if path in doc_raw:
        return doc_raw[path]
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "…"
        return f'"{text}"'
    if isinstance(value, list):
        return t("msg.a_list")
    if isinstance(value, dict):
        return t("msg.a_mapping")
    return str(value)


_TYPE_NAMES = {
    "string": "msg.type_string",
    "integer": "msg.type_integer",
    "number": "msg.type_number",
    "boolean": "msg.type_boolean",
    "array": "msg.type_array",
    "object": "msg.type_object",
    "null": "msg.type_null",
}


def _message(err: jsonschema.ValidationError, schema: dict, doc) -> tuple[str, tuple, bool]:
    """Return (message, instance path, point at key?) for one schema error."""
    path = tuple(err.absolute_path)
    kw = err.validator
    title = title_of(schema, path)
    value = err.instance
    shown = _shown(doc.raw, path, value)
    local = err.schema if isinstance(err.schema, dict) else {}
    if kw == "required":
        missing = next((k for k in err.validator_value if isinstance(value, dict) and k not in value), "")
        child = (*path, missing)
        node = subschema(schema, child)
        example = (node.get("examples") or [None])[0]
        hint = (
            t("msg.example", key=missing, example=json.dumps(example, ensure_ascii=False))
            if example is not None
            else ""
        )
        return t("msg.required", title=node.get("title", missing), key=missing) + hint, child, True
    if kw == "additionalProperties":
        allowed = sorted(local.get("properties", {}))
        extras = [k for k in value if k not in local.get("properties", {})] if isinstance(value, dict) else []
        key = extras[0] if extras else ""
        close = difflib.get_close_matches(str(key), allowed, n=1, cutoff=0.6)
        msg = t("msg.unknown_key", key=key)
        msg += t("msg.did_you_mean", suggestion=close[0]) if close else t("msg.allowed_keys", keys=", ".join(allowed))
        return msg, (*path, key), True
    if kw == "type":
        expected = err.validator_value if isinstance(err.validator_value, list) else [err.validator_value]
        names = t("msg.or").join(t(_TYPE_NAMES[e]) for e in expected if e in _TYPE_NAMES)
        msg = t("msg.type", title=title, expected=names, shown=shown)
        if "string" in expected and isinstance(value, (int, float, bool)) and not isinstance(value, str):
            msg += t("msg.type_quote", raw=doc.raw.get(path, str(value)))
        if value is None:
            msg = t("msg.empty_value", title=title)
        return msg, path, False
    if kw in ("pattern", "format"):
        custom = local.get("x-pesan") or subschema(schema, path).get("x-pesan")
        if custom:
            return t("msg.pattern_custom", custom=custom, shown=shown), path, False
        return t("msg.pattern", title=title, shown=shown), path, False
    if kw in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        lo, hi = local.get("minimum"), local.get("maximum")
        if lo is not None and hi is not None:
            return t("msg.range", title=title, min=_num(lo), max=_num(hi), shown=shown), path, False
        if kw == "minimum":
            return t("msg.minimum", title=title, min=_num(lo), shown=shown), path, False
        return t("msg.maximum", title=title, max=_num(hi), shown=shown), path, False
    if kw == "minLength":
        return t("msg.too_short", title=title, min=err.validator_value, n=len(value)), path, False
    if kw == "maxLength":
        return t("msg.too_long", title=title, max=err.validator_value, n=len(value)), path, False
    if kw == "enum":
        options = [str(o) for o in err.validator_value]
        msg = t("msg.enum", title=title, options=", ".join(options), shown=shown)
        close = difflib.get_close_matches(str(value), options, n=1, cutoff=0.6)
        if close:
            msg += t("msg.did_you_mean", suggestion=close[0])
        return msg, path, False
    if kw == "const":
        return t("msg.const", title=title, expected=err.validator_value, shown=shown), path, False
    if kw == "minItems":
        return t("msg.min_items", title=title, min=err.validator_value), path, False
    if kw == "maxItems":
        return t("msg.max_items", title=title, max=err.validator_value, n=len(value)), path, False
    if kw == "uniqueItems":
        return t("msg.unique_items", title=title), path, False
    if kw == "maxProperties":
        return t("msg.max_properties", title=title, max=err.validator_value, n=len(value)), path, False
    if kw == "dependentRequired":
        for key, needs in err.validator_value.items():
            if key in value:
                for need in needs:
                    if need not in value:
                        return t("msg.dependent_required", key=key, need=need), (*path, key), True
    if kw == "propertyNames":
        bad = next((k for k in value if not Draft202012Validator(local.get("propertyNames", {})).is_valid(k)), "")
        sub = local.get("propertyNames", {})
        return (
            t("msg.property_name", title=sub.get("title", title), key=bad, max=sub.get("maxLength", "")),
            (*path, bad),
            True,
        )
    return t("msg.schema_generic", title=title), path, False


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else str(value)


def _leaves(err: jsonschema.ValidationError):
    """Errors from allOf/if-then carry their own path; flatten the combinators we use."""
    if err.validator in ("allOf", "anyOf", "oneOf") and err.context:
        for sub in err.context:
            yield from _leaves(sub)
    else:
        yield err


def check(doc, kind: str, schema_dir: Path) -> list[Diagnostic]:
    """Validate one document against its schema; return every problem."""
    v = validator(str(schema_dir), kind)
    schema = load_schema(str(schema_dir), kind)
    out: list[Diagnostic] = []
    seen: set[tuple] = set()
    for top in v.iter_errors(doc.data):
        for err in _leaves(top):
            message, path, at_key = _message(err, schema, doc)
            line, col = doc.mark(path, key=at_key)
            key = (line, col, message)
            if key in seen:
                continue
            seen.add(key)
            out.append(Diagnostic(doc.source.display, line, col, message, dotted(path)))
    return out
