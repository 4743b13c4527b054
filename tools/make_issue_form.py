#!/usr/bin/env python3
"""Write the GitHub issue form for a new product and its chooser settings:

- .github/ISSUE_TEMPLATE/produk-baru.yml from the field list in etalase/issuebody.py (labels and
  help in etalase/strings/id.yaml), the dropdowns from data/kategori.yaml, data/wilayah.csv and
  the enums of schema/produk.schema.json;
- .github/ISSUE_TEMPLATE/config.yml: no blank issues; links to the web form /daftar/ on the
  published site (GitHub Pages of `repositori` in site_config.yaml, which pages.yml publishes)
  and to the IKM guide in the repository.

Run it after changing any of those; tests/test_intake.py fails when the files drift.

    python tools/make_issue_form.py [--check]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etalase.i18n import t  # noqa: E402
from etalase.issuebody import FIELDS, options  # noqa: E402

FORM = ROOT / ".github/ISSUE_TEMPLATE/produk-baru.yml"
CONFIG = ROOT / ".github/ISSUE_TEMPLATE/config.yml"
HEADER = "# Dibuat oleh tools/make_issue_form.py; jangan disunting langsung.\n"


def form() -> dict:
    body: list[dict] = [{"type": "markdown", "attributes": {"value": t("msg.intake.form_intro")}}]
    for f in FIELDS:
        attributes: dict = {"label": f.label}
        if f.help:
            attributes["description"] = f.help
        if f.kind == "dropdown":
            attributes["options"] = options(f, ROOT / "data")
        if f.kind == "checkboxes":
            attributes["options"] = [{"label": t("msg.intake.persetujuan_option"), "required": True}]
        item: dict = {"type": f.kind, "id": f.id, "attributes": attributes}
        if f.kind != "checkboxes":
            item["validations"] = {"required": f.required}
        body.append(item)
    return {
        "name": t("msg.intake.form_name"),
        "description": t("msg.intake.form_description"),
        "title": t("msg.intake.form_title"),
        "labels": ["produk-baru"],
        "body": body,
    }


def config() -> dict:
    site = yaml.safe_load((ROOT / "site_config.yaml").read_text(encoding="utf-8"))
    owner, repo = site["repositori"].split("/")
    return {
        "blank_issues_enabled": False,
        "contact_links": [
            {
                "name": t("msg.intake.link_form"),
                "url": f"https://{owner.lower()}.github.io/{repo}/daftar/",
                "about": t("msg.intake.link_form_about"),
            },
            {
                "name": t("msg.intake.link_guide"),
                "url": f"https://github.com/{owner}/{repo}/blob/main/docs/panduan-ikm.md",
                "about": t("msg.intake.link_guide_about"),
            },
        ],
    }


def render(doc: dict) -> str:
    return HEADER + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)


def main(argv: list[str]) -> int:
    stale = []
    for path, doc in ((FORM, form()), (CONFIG, config())):
        text = render(doc)
        if "--check" in argv:
            if not path.is_file() or path.read_text(encoding="utf-8") != text:
                stale.append(path.relative_to(ROOT).as_posix())
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    if stale:
        print("out of date (run tools/make_issue_form.py): " + ", ".join(stale), file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
