#!/usr/bin/env python3
"""Write .github/ISSUE_TEMPLATE/produk-baru.yml, the GitHub issue form for a new product, from
the field list in etalase/intake.py (labels and help texts in Indonesian) and the data tables
(category and province dropdowns). Run it after changing either; a test fails when they drift."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from etalase.i18n import t  # noqa: E402
from etalase.intake import FIELDS, category_options, province_options  # noqa: E402

TARGET = ROOT / ".github/ISSUE_TEMPLATE/produk-baru.yml"


def form() -> dict:
    body: list[dict] = [
        {
            "type": "markdown",
            "attributes": {
                "value": "Terima kasih sudah mendaftarkan produk Anda. Isi kolom bertanda bintang; kolom lain boleh "
                "dikosongkan. **Semua isian akan tampil untuk umum** di situs katalog dan di data terbukanya. "
                "Pengelola memeriksa isian ini lalu memberi label `siap-diproses`; sistem kemudian menyusun berkas "
                "dan membuka pull request, atau menulis komentar berisi hal yang perlu diperbaiki."
            },
        }
    ]
    for f in FIELDS:
        attributes = {"label": f.label, "description": f.help} if f.help else {"label": f.label}
        if f.kind == "dropdown":
            options = {"kategori": category_options, "provinsi": province_options}.get(f.id)
            attributes["options"] = options(ROOT / "data") if options else list(f.options)
        if f.kind == "checkboxes":
            option = {"label": t("msg.intake.persetujuan_option"), "required": True}
            attributes = {"label": f.label, "description": f.help, "options": [option]}
        item = {"type": f.kind, "id": f.id, "attributes": attributes}
        if f.kind != "checkboxes":
            item["validations"] = {"required": f.required}
        body.append(item)
    return {
        "name": "Produk baru",
        "description": "Daftarkan produk IKM/UMKM ke katalog tanpa menyunting berkas.",
        "title": "Produk baru: ",
        "labels": ["produk-baru"],
        "body": body,
    }


def main() -> None:
    text = "# Dibuat oleh tools/make_issue_form.py; jangan disunting langsung.\n" + yaml.safe_dump(
        form(), allow_unicode=True, sort_keys=False, width=100
    )
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
