"""Pages in real Chromium at a cheap phone's size: photos load as WebP variants chosen by width,
no image is broken, the Content-Security-Policy blocks nothing the site itself needs."""

from __future__ import annotations

from pathlib import Path

import pytest

PHONE = {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


@pytest.fixture()
def phone(browser):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda msg: page.problems.append(msg.text) if msg.type in ("error", "warning") else None)
    page.on("pageerror", lambda err: page.problems.append(str(err)))
    yield page
    context.close()


def _scroll_to_end(page) -> None:
    page.evaluate("""async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 300) { window.scrollTo(0, y); await new Promise(r => setTimeout(r, 30)); }
    }""")
    page.wait_for_load_state("networkidle")


def test_product_page_loads_webp_variants_on_a_phone(sample_site: Path, serve_dir, phone) -> None:
    base = serve_dir(sample_site)
    phone.goto(base + "produk/karya-tani-metro/perontok-padi-kt-800/", wait_until="networkidle")
    _scroll_to_end(phone)
    images = phone.evaluate("""() => [...document.querySelectorAll('picture img')].map(i => ({
        src: i.currentSrc, ok: i.complete && i.naturalWidth > 0, alt: i.alt, inCard: !!i.closest('.card')}))""")
    assert images, "no pictures on the product page"
    assert all(i["ok"] for i in images), images
    gallery = [i for i in images if not i["inCard"]]
    # 360 CSS px × 2 = 720 device px: the browser picks the 1024 w WebP, not the 1600 one
    assert gallery[0]["src"].endswith("-1024.webp"), gallery[0]
    assert gallery[0]["alt"]
    cards = [i for i in images if i["inCard"]]
    # a card is ~158 CSS px wide at 360 px: 316 device px, so the 320 w WebP is enough
    assert cards and all(i["src"].endswith("-320.webp") for i in cards), cards
    assert phone.problems == []  # no CSP violation, no broken resource, no script error


def test_listing_cards_stay_small_on_a_phone(sample_site: Path, serve_dir, phone) -> None:
    base = serve_dir(sample_site)
    sizes: dict[str, int] = {}
    phone.on(
        "response", lambda r: sizes.__setitem__(r.url, len(r.body())) if r.request.resource_type == "image" else None
    )
    phone.goto(base + "produk/", wait_until="networkidle")
    _scroll_to_end(phone)
    photos = {u: n for u, n in sizes.items() if "/media/" in u}
    assert photos and all(u.endswith(".webp") for u in photos)
    assert max(photos.values()) <= 30 * 1024, max(photos.items(), key=lambda kv: kv[1])
    assert phone.problems == []
