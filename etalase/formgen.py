"""The submission form (``/daftar/``), generated from the JSON Schemas: each schema property
becomes a ``FormField`` that the template renders as an input with the schema's title, help text,
required mark, pattern, length and range limits, and the schema's ``x-pesan`` as the message a
browser shows when the value does not fit. ``assets/js/daftar.js`` reads the rendered fields
back into the document the schema describes and writes it as YAML."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# Properties that get a richer widget than their schema type alone suggests.
WIDGETS = {
    "produk.kategori": "category",
    "produk.asal_wilayah": "regency",
    "ikm.wilayah.kabupaten_kota": "regency",
    "ikm.wilayah.kecamatan": "district",
    "ikm.program": "programmes",
    "produk.deskripsi": "markdown",
}
# Filled in by the form itself, never typed.
HIDDEN = {"produk.schema", "ikm.schema"}
LONG_TEXT = 300
# strings (ui.daftar.*) the form's script shows; passed to it as JSON, kept in the strings file
SCRIPT_MESSAGES = (
    "required", "pattern", "chars_min", "chars_max", "min", "max", "number", "problems", "ok", "copied",
    "url_too_long", "loading", "load_failed", "choose", "choose_province_first", "choose_regency_first",
    "invalid_list", "too_many", "issue_title",
)  # fmt: skip  # strings that may be longer than this get a textarea


@dataclass
class FormField:
    key: str  # the property name in its parent object ("" for array items of scalars)
    path: str  # "produk.harga.grosir[].nilai": stable, for ids and tests
    kind: str  # text textarea markdown number integer date select checkbox list const group repeat map
    title: str
    help: str = ""
    required: bool = False
    attrs: dict[str, Any] = field(default_factory=dict)  # HTML validation attributes
    options: list[tuple[str, str]] = field(default_factory=list)
    children: list[FormField] = field(default_factory=list)
    message: str = ""  # the schema's x-pesan: shown when the value does not fit
    value: Any = None  # for const
    rules: list[dict] = field(default_factory=list)  # conditional rules of a group (if/then)
    widget: str = ""

    @property
    def id(self) -> str:
        return "f-" + self.path.replace("[]", "-i").replace(".", "-").replace("_", "-")

    @property
    def label(self) -> str:
        return self.title[:1].upper() + self.title[1:]


def load_schema(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


class _Builder:
    def __init__(self, schema: dict) -> None:
        self.defs = schema.get("$defs", {})

    def resolve(self, node: dict) -> dict:
        """``{"$ref": "#/$defs/x", "title": …}`` → the definition with the local keys on top."""
        ref = node.get("$ref")
        if not ref:
            return node
        base = dict(self.defs[ref.rsplit("/", 1)[-1]])
        base.update({k: v for k, v in node.items() if k != "$ref"})
        return base

    def field(self, key: str, node: dict, path: str, required: bool) -> FormField:
        node = self.resolve(node)
        title = node.get("title", key)
        common = {
            "key": key,
            "path": path,
            "title": title,
            "help": node.get("description", ""),
            "required": required,
            "message": node.get("x-pesan", ""),
            "widget": WIDGETS.get(path.replace("[]", ""), ""),
        }
        kinds = node.get("type")
        kind = kinds[0] if isinstance(kinds, list) else kinds
        if path in HIDDEN or "const" in node:
            return FormField(kind="const", value=node.get("const"), **common)
        if "enum" in node:
            return FormField(kind="select", options=[(str(v), str(v)) for v in node["enum"]], **common)
        if kind == "object" and "properties" in node:
            needed = set(node.get("required", []))
            children = [self.field(k, v, f"{path}.{k}", k in needed) for k, v in node["properties"].items()]
            rules = self.rules(node)
            return FormField(kind="group", children=children, rules=rules, **common)
        if kind == "object":  # a free table: name → text (spesifikasi)
            names, values = node.get("propertyNames", {}), self.resolve(node.get("additionalProperties", {}))
            attrs = {"maxItems": node.get("maxProperties")}
            children = [
                FormField("", f"{path}[].nama", "text", names.get("title", "nama"), required=True,
                          attrs=self.string_attrs(names)),
                FormField("", f"{path}[].isi", "text", values.get("title", "isi"), required=True,
                          attrs=self.string_attrs(values)),
            ]  # fmt: skip
            return FormField(kind="map", children=children, attrs=attrs, **common)
        if kind == "array":
            items = self.resolve(node.get("items", {}))
            bounds = {"minItems": node.get("minItems"), "maxItems": node.get("maxItems")}
            if items.get("type") == "object":
                child = self.field(key, items, f"{path}[]", True)
                return FormField(kind="repeat", children=[child], attrs=bounds, **common)
            # a list of short strings: one comma-separated input, each item checked by the script
            item = FormField("", f"{path}[]", "text", items.get("title", title), attrs=self.string_attrs(items),
                             message=items.get("x-pesan", ""))  # fmt: skip
            return FormField(kind="list", children=[item], attrs=bounds, **common)
        if kind in ("number", "integer"):
            attrs = {"min": node.get("minimum"), "max": node.get("maximum"), "step": 1 if kind == "integer" else "any"}
            return FormField(kind=kind, attrs=attrs, **common)
        if kind == "boolean":
            return FormField(kind="checkbox", **common)
        if node.get("format") == "date":
            return FormField(kind="date", **common)
        attrs = self.string_attrs(node)
        long = (node.get("maxLength") or 0) > LONG_TEXT and "pattern" not in node
        return FormField(kind="textarea" if long else "text", attrs=attrs, **common)

    @staticmethod
    def string_attrs(node: dict) -> dict[str, Any]:
        return {
            "minlength": node.get("minLength"),
            "maxlength": node.get("maxLength"),
            "pattern": node.get("pattern", "").removeprefix("^").removesuffix("$") or None,
        }

    @staticmethod
    def rules(node: dict) -> list[dict]:
        """The schema's conditional rules, in the one shape our schemas use them: ``if`` some
        properties have given values, ``then`` more are required or have another pattern; and
        ``dependentRequired`` (filling one property requires others)."""
        out = []
        conditions = [node] if "if" in node else []
        conditions += [c for c in node.get("allOf", []) if "if" in c]
        for c in conditions:
            when = {}
            for k, v in c["if"].get("properties", {}).items():
                when[k] = [v["const"]] if "const" in v else list(v.get("enum", []))
            then = c["then"]
            patterns = {
                k: {"pattern": v["pattern"].removeprefix("^").removesuffix("$"), "message": v.get("x-pesan", "")}
                for k, v in then.get("properties", {}).items()
                if "pattern" in v
            }
            out.append({"when": when, "require": then.get("required", []), "patterns": patterns})
        for k, others in node.get("dependentRequired", {}).items():
            out.append({"filled": k, "require": others})
        return out


def schema_fields(schema: dict, name: str) -> list[FormField]:
    """Every top-level property of ``schema`` as a form field (``name`` prefixes the paths)."""
    builder = _Builder(schema)
    needed = set(schema.get("required", []))
    return [builder.field(k, v, f"{name}.{k}", k in needed) for k, v in schema["properties"].items()]


def rules_json(f: FormField) -> str:
    return json.dumps(f.rules, ensure_ascii=False, separators=(",", ":"))


def region_files(regions) -> dict[str, str]:
    """``data/wilayah/<PP>.json`` per province: its kabupaten/kota and their kecamatan, fetched by the
    form only when someone picks that province (the whole table is 60 KB gzip; one province 1–4 KB)."""
    out: dict[str, dict] = {}
    for r in regions.all():
        if r.level == "provinsi":
            out[r.code] = {"kabupaten_kota": [], "kecamatan": {}}
        elif r.level == "kabupaten_kota":
            out[r.province_code]["kabupaten_kota"].append([r.code, r.short_name])
        else:
            out[r.province_code]["kecamatan"].setdefault(r.regency_code, []).append([r.code, r.name])
    return {
        f"data/wilayah/{code}.json": json.dumps(doc, ensure_ascii=False, separators=(",", ":"))
        for code, doc in out.items()
    }
