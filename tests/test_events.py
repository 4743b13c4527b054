"""Business-matching events: the page groups participants' products by category, prints as an A4
catalogue in Chromium, and every QR code decodes back to its product's address."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from etalase.config import load_config
from etalase.pipeline import check_content
from tests.conftest import REPO, sample_products, write_project
from tests.printing import decode_pdf, print_pdf
from tests.test_content_errors import base_files

EVENT = "acara/temu-bisnis-p3dn-lampung-2026/"


def _participant_products() -> set[str]:
    event = yaml.safe_load((REPO / "content/events/temu-bisnis-p3dn-lampung-2026.yaml").read_text("utf-8"))
    return set(sample_products(set(event["peserta"])))


def test_event_page_lists_participants_products_by_category(sample_site: Path) -> None:
    html = (sample_site / EVENT / "index.html").read_text(encoding="utf-8")
    assert set(re.findall(r'<h4><a href="/(produk/[^"]+)">', html)) == _participant_products()
    categories = re.findall(r"<h3>([^<]+)</h3>", html)
    assert categories == sorted(categories) and len(categories) > 2
    assert "Kebutuhan pembeli" in html and "Snack box dan nasi kotak" in html


def test_event_prints_as_an_a4_catalogue_with_working_qr_codes(sample_site: Path, serve_dir, browser) -> None:
    base = "https://katalog.example.id/"
    pages, codes = decode_pdf(print_pdf(browser, serve_dir(sample_site) + EVENT))
    products = _participant_products()
    # two products a row, about five rows a page, plus the heading and the buyers' needs
    assert 2 <= pages <= len(products) // 6 + 3, (pages, len(products))
    assert sorted(c.removeprefix(base) for c in codes) == sorted(products)  # every product once, on paper


def test_unknown_participant_is_reported_on_its_line(tmp_path: Path) -> None:
    files = base_files()
    files["content/events/temu.yaml"] = (
        "schema: 1\nnama: Temu Bisnis Contoh\nmulai: 2026-12-08\nselesai: 2026-12-01\ntempat: Aula Contoh\n"
        "penyelenggara: Dinas Contoh\npeserta: [contoh, kontoh]\ndiperbarui: 2026-11-01\n"
    )
    root = write_project(tmp_path / "p", files)
    found = [d.format_text() for d in sorted(check_content(load_config(root / "site_config.yaml")).diagnostics)]
    assert found == [
        "content/events/temu.yaml:4:10: error: tanggal selesai (2026-12-01) tidak boleh sebelum tanggal mulai (2026-12-08) [selesai]",
        "content/events/temu.yaml:7:19: error: IKM peserta `kontoh` tidak ada; mungkin maksudnya `contoh`?; tulis nama folder IKM di content/products/ [peserta[1]]",
    ]
