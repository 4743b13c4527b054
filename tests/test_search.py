"""/cari/ in real Chromium: queries, spelling variants, suggestions, every filter against counts
computed here from the sample files (not from the generator), shared URLs, the back button,
keyboard-only use and the page without JavaScript."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest
import yaml
from conftest import FIXED_EPOCH, REPO, sample_products

TODAY = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()
PRICE_BANDS = {
    "0-25000": (0, 25_000),
    "25000-100000": (25_000, 100_000),
    "100000-500000": (100_000, 500_000),
    "500000-2000000": (500_000, 2_000_000),
    "2000000-": (2_000_000, float("inf")),
}


def _valid(until) -> bool:
    return not until or dt.date.fromisoformat(str(until)) >= TODAY


def _oracle() -> list[dict]:
    """One flat record per listed sample product, read from the files."""
    ikms = {
        p.parent.name: yaml.safe_load(p.read_text(encoding="utf-8"))
        for p in (REPO / "content/products").glob("*/ikm.yaml")
    }
    out = []
    for path, d in sample_products().items():
        ikm = ikms[path.split("/")[1]]
        region = d.get("asal_wilayah") or ikm["wilayah"]["kabupaten_kota"]
        tk = d.get("tkdn")
        tkdn = tk["nilai"] if tk and _valid(tk.get("berlaku_hingga")) else None
        bmp = (tk.get("bmp") or 0) if tk else 0
        price = d.get("harga") or None
        certs = {
            ("bpom" if c["jenis"].startswith("bpom") else c["jenis"])
            for c in d.get("sertifikasi") or []
            if _valid(c.get("berlaku_hingga"))
        }
        out.append(
            {
                "path": path,
                "name": d["nama"],
                "kategori": d["kategori"],
                "kab": region[:5],
                "prov": region[:2],
                "tkdn": tkdn,
                "pdn": tkdn is not None and tkdn >= 25 and tkdn + bmp >= 40,
                "sert": certs,
                "price": (price.get("nilai") or price.get("min")) if price else None,
                "avail": d.get("ketersediaan", ""),
                "ekatalog": bool(d.get("ekatalog_tautan")) or bool((ikm.get("ekatalog") or {}).get("terdaftar")),
            }
        )
    return out


PRODUCTS = _oracle()

FILTERS = {
    "kategori=makanan": lambda p: p["kategori"].startswith("makanan/"),
    "kategori=makanan/keripik-kerupuk": lambda p: p["kategori"] == "makanan/keripik-kerupuk",
    "wilayah=18": lambda p: p["prov"] == "18",
    "wilayah=18.72": lambda p: p["kab"] == "18.72",
    "tkdn=40": lambda p: p["tkdn"] is not None and p["tkdn"] >= 40,
    "tkdn=80": lambda p: p["tkdn"] is not None and p["tkdn"] >= 80,
    "tkdn=pdn": lambda p: p["pdn"],
    "sertifikasi=halal": lambda p: "halal" in p["sert"],
    "sertifikasi=bpom": lambda p: "bpom" in p["sert"],
    "harga=0-25000": lambda p: p["price"] is not None and p["price"] < 25_000,
    "harga=100000-500000": lambda p: p["price"] is not None and 100_000 <= p["price"] < 500_000,
    "ketersediaan=pre-order": lambda p: p["avail"] == "pre-order",
    "ekatalog=1": lambda p: p["ekatalog"],
}


@pytest.fixture(scope="module")
def base(sample_site: Path, serve_dir) -> str:
    return serve_dir(sample_site)


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1000, "height": 900})
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    yield pg
    context.close()
    assert not errors, errors


def open_search(page, base: str, query: str = "") -> None:
    page.goto(base + "cari/" + (f"?{query}" if query else ""))
    wait_results(page)


def wait_results(page) -> None:
    page.wait_for_function(
        "() => document.getElementById('cari-status').textContent !== '' && !document.getElementById('cari').hasAttribute('aria-busy')"
    )


def total(page) -> int:
    text = page.inner_text("#cari-status")
    m = re.search(r"dari (\d+) produk", text)
    return int(m.group(1)) if m else 0


def result_paths(page) -> list[str]:
    return [h.split("/", 3)[3] for h in page.eval_on_selector_all("#hasil h3 a", "els => els.map(a => a.href)")]


def all_result_paths(page, base: str, query: str) -> list[str]:
    open_search(page, base, query)
    pages = -(-total(page) // 20)
    out = result_paths(page)
    for n in range(2, pages + 1):
        open_search(page, base, f"{query}&halaman={n}")
        out += result_paths(page)
    return out


def test_a_word_finds_the_products_named_with_it_first(page, base: str) -> None:
    open_search(page, base, "q=kopi")
    named = {p["path"] for p in PRODUCTS if "kopi" in p["name"].lower()}
    paths = result_paths(page)
    assert set(paths[: len(named)]) == named, "products named Kopi rank before those that only mention it"
    assert page.inner_text("#h-hasil") == "Hasil pencarian untuk “kopi”"
    marks = page.locator("#hasil mark").all_inner_texts()
    assert marks and {m.lower() for m in marks} == {"kopi"}


def test_spelling_variants_find_the_same_products(page, base: str) -> None:
    keripik = set(all_result_paths(page, base, "q=keripik"))
    assert {p["path"] for p in PRODUCTS if "keripik" in p["name"].lower()} <= keripik
    assert set(all_result_paths(page, base, "q=kripik")) == keripik
    assert set(all_result_paths(page, base, "q=KRIPIK")) == keripik
    # the marks show the word as the entry writes it
    open_search(page, base, "q=kripik")
    assert "Keripik" in page.locator("#hasil mark").all_inner_texts()


def test_a_typo_suggests_the_word_and_still_shows_results(page, base: str) -> None:
    open_search(page, base, "q=keripk")
    assert page.is_visible("#cari-saran")
    link = page.locator("#cari-saran a")
    assert link.inner_text() == "keripik"
    assert total(page) > 0
    link.click()
    wait_results(page)
    assert page.input_value("#q-page") == "keripik"
    assert not page.is_visible("#cari-saran")
    assert "q=keripik" in page.url


def test_words_of_a_query_must_all_match(page, base: str) -> None:
    open_search(page, base, "q=keripik+pisang")
    names = [n.lower() for n in page.locator("#hasil h3").all_inner_texts()]
    assert names and all("pisang" in n for n in names[:2])
    open_search(page, base, "q=keripik+zzzzzzzz")
    assert total(page) == 0
    assert page.inner_text("#cari-status").startswith("Tidak ada produk yang cocok")


def test_stemmed_and_prefix_words_match(page, base: str) -> None:
    open_search(page, base, "q=anyaman")
    with_stem = total(page)
    open_search(page, base, "q=anyam")
    assert total(page) >= with_stem > 0
    open_search(page, base, "q=kop")  # a word still being typed
    assert {p["path"] for p in PRODUCTS if "kopi" in p["name"].lower()} <= set(result_paths(page)) | set(
        all_result_paths(page, base, "q=kop")
    )


@pytest.mark.parametrize("query", sorted(FILTERS))
def test_each_filter_narrows_to_the_counted_products(page, base: str, query: str) -> None:
    expected = {p["path"] for p in PRODUCTS if FILTERS[query](p)}
    assert expected, f"the sample catalog should have products for {query}"
    assert len(expected) < len(PRODUCTS)
    assert set(all_result_paths(page, base, query)) == expected


def test_option_counts_match_counts_from_the_files(page, base: str) -> None:
    open_search(page, base, "q=")
    page.wait_for_function(
        "() => document.querySelector('#f-kategori option[value=makanan]').textContent.includes('(')"
    )
    for top in {p["kategori"].split("/")[0] for p in PRODUCTS}:
        n = sum(p["kategori"].startswith(top + "/") for p in PRODUCTS)
        assert page.inner_text(f"#f-kategori option[value='{top}']").endswith(f"({n})")
    for prov in {p["prov"] for p in PRODUCTS}:
        n = sum(p["prov"] == prov for p in PRODUCTS)
        assert page.inner_text(f"#f-wilayah option[value='{prov}']").endswith(f"({n})")
    # the TKDN column loads when its filter is about to be used; then its options count too
    page.focus("#f-tkdn")
    page.wait_for_function("() => /\\(\\d+\\)$/.test(document.querySelector('#f-tkdn option[value=pdn]').textContent)")
    assert page.inner_text("#f-tkdn option[value='pdn']").endswith(f"({sum(p['pdn'] for p in PRODUCTS)})")
    n40 = sum(p["tkdn"] is not None and p["tkdn"] >= 40 for p in PRODUCTS)
    assert page.inner_text("#f-tkdn option[value='40']").endswith(f"({n40})")


def test_counts_of_one_filter_follow_the_others(page, base: str) -> None:
    """Faceted counts: with a province chosen, each category counts only that province's products,
    and the province list still counts every province (so a buyer can switch)."""
    open_search(page, base, "wilayah=18")
    page.wait_for_function(
        "() => document.querySelector('#f-kategori option[value=makanan]').textContent.includes('(')"
    )
    n = sum(p["prov"] == "18" and p["kategori"].startswith("makanan/") for p in PRODUCTS)
    assert page.inner_text("#f-kategori option[value='makanan']").endswith(f"({n})")
    other = next(p["prov"] for p in PRODUCTS if p["prov"] != "18")
    assert page.inner_text(f"#f-wilayah option[value='{other}']").endswith(
        f"({sum(p['prov'] == other for p in PRODUCTS)})"
    )
    # the province's kab/kota appear with their counts
    n_metro = sum(p["kab"] == "18.72" for p in PRODUCTS)
    assert page.inner_text("#f-kab option[value='18.72']").endswith(f"({n_metro})")


def test_choosing_filters_in_the_page_updates_the_url_and_results(page, base: str) -> None:
    open_search(page, base)
    page.select_option("#f-kategori", "makanan")
    page.wait_for_url(re.compile(r"kategori=makanan"))
    wait_results(page)
    assert total(page) == sum(FILTERS["kategori=makanan"](p) for p in PRODUCTS)
    page.select_option("#f-sub", "makanan/keripik-kerupuk")
    page.wait_for_url(re.compile(r"kategori=makanan%2Fkeripik-kerupuk"))
    wait_results(page)
    assert total(page) == sum(FILTERS["kategori=makanan/keripik-kerupuk"](p) for p in PRODUCTS)
    page.select_option("#f-urut", "harga-naik")
    page.wait_for_url(re.compile(r"urut=harga-naik"))
    wait_results(page)
    prices = {p["path"]: p["price"] for p in PRODUCTS}
    shown = [prices[x] for x in result_paths(page)]
    known = [x for x in shown if x is not None]
    assert known == sorted(known) and shown[: len(known)] == known, "cheapest first, products without price last"
    # the same URL opened fresh shows the same results and controls
    url, before = page.url, result_paths(page)
    page.goto("about:blank")
    page.goto(url)
    wait_results(page)
    assert result_paths(page) == before
    assert page.input_value("#f-kategori") == "makanan"
    assert page.input_value("#f-sub") == "makanan/keripik-kerupuk"
    assert page.input_value("#f-urut") == "harga-naik"


def test_back_button_restores_the_previous_results(page, base: str) -> None:
    open_search(page, base, "q=kopi")
    first = result_paths(page)
    page.fill("#q-page", "batik")
    page.press("#q-page", "Enter")
    page.wait_for_url(re.compile(r"q=batik"))
    wait_results(page)
    assert result_paths(page) != first
    page.go_back()
    page.wait_for_url(re.compile(r"q=kopi"))
    wait_results(page)
    assert page.input_value("#q-page") == "kopi"
    assert result_paths(page) == first


def history_length(page) -> int:
    return page.evaluate("history.length")


def shown(page, url: str) -> None:
    """Wait until the address matches ``url`` (a regular expression) and its results are shown."""
    page.wait_for_url(re.compile(url))
    wait_results(page)


def test_typing_adds_one_history_entry_and_back_returns_before_it(page, base: str) -> None:
    """Typing with pauses shows results at each pause; it adds one entry to the history (the
    pauses and the Enter that ends it update that entry), so Back returns to the search before it
    (typing used to overwrite that search's entry when a pause came before the Enter)."""
    open_search(page, base, "q=kopi")
    first, entries = result_paths(page), history_length(page)
    box = page.locator("#q-page")
    box.fill("")
    box.press_sequentially("bat")
    shown(page, r"q=bat$")  # the first pause
    box.press_sequentially("ik")
    shown(page, r"q=batik$")  # the second pause
    box.press("Enter")
    wait_results(page)
    assert history_length(page) == entries + 1
    page.go_back()
    shown(page, r"q=kopi$")
    assert page.input_value("#q-page") == "kopi" and result_paths(page) == first
    page.go_forward()
    shown(page, r"q=batik$")
    assert page.input_value("#q-page") == "batik"
    # a filter ends the typing: the next words typed get an entry of their own
    page.select_option("#f-kategori", index=1)
    page.wait_for_url(re.compile(r"kategori="))
    box.fill("kain")
    shown(page, r"q=kain")
    assert history_length(page) == entries + 3
    page.go_back()
    shown(page, r"q=batik&kategori=")
    box.press("Enter")  # on the search already shown: adds nothing
    wait_results(page)
    assert history_length(page) == entries + 3


def test_a_filter_chosen_while_typing_takes_the_words(page, base: str) -> None:
    """A filter chosen before the typing pause runs out searches for the words typed so far, in
    one entry of its own; the next words typed then get their own entry after it."""
    page.clock.install()
    open_search(page, base, "q=kopi")
    entries = history_length(page)
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)
    page.locator("#q-page").fill("keripik")
    page.select_option("#f-kategori", "makanan")
    page.wait_for_url(re.compile(r"q=keripik&kategori=makanan$"))
    page.clock.run_for(1000)  # the typing pause, had it been left running
    wait_results(page)
    assert history_length(page) == entries + 1
    page.locator("#q-page").fill("sambal")
    page.clock.run_for(1000)
    shown(page, r"q=sambal&kategori=makanan$")
    assert history_length(page) == entries + 2
    page.go_back()
    shown(page, r"q=keripik&kategori=makanan$")
    assert page.input_value("#q-page") == "keripik"


def test_empty_state_offers_to_remove_a_filter(page, base: str) -> None:
    open_search(page, base, "q=kopi&kategori=makanan")
    assert total(page) == 0 and page.is_visible("#cari-kosong")
    button = page.locator("#cari-kosong button")
    assert button.count() == 1
    assert re.search(r"Kategori \((\d+) produk\)", button.inner_text())
    button.click()
    wait_results(page)
    assert "kategori" not in page.url and total(page) > 0


def test_pages_of_results(page, base: str) -> None:
    open_search(page, base)
    assert total(page) == len(PRODUCTS)
    assert page.locator("#hasil > li").count() == 20
    page.click("#cari-halaman a[rel=next]")
    page.wait_for_url(re.compile(r"halaman=2"))
    wait_results(page)
    assert page.inner_text("#cari-status").startswith("Menampilkan 21–40 dari")
    assert page.evaluate("document.activeElement.id") == "h-hasil", "focus moves to the results"


def test_typing_gives_results_and_announces_them(page, base: str) -> None:
    open_search(page, base)
    assert page.get_attribute("#cari-status", "role") == "status"
    page.locator("#q-page").press_sequentially("batik", delay=30)
    page.wait_for_url(re.compile(r"q=batik"))
    wait_results(page)
    assert "batik" in page.locator("#hasil h3").first.inner_text().lower()
    assert re.match(r"Menampilkan 1–\d+ dari \d+ produk", page.inner_text("#cari-status"))


def test_keyboard_only(page, base: str) -> None:
    page.goto(base + "cari/")
    wait_results(page)
    page.focus("#q-page")
    page.keyboard.type("keripik")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"q=keripik"))
    wait_results(page)
    before = total(page)
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "f-kategori"
    page.keyboard.press("ArrowDown")  # a closed select changes with the arrow keys
    page.wait_for_url(re.compile(r"kategori="))
    wait_results(page)
    first_top = page.eval_on_selector("#f-kategori", "s => s.options[1].value")
    assert page.input_value("#f-kategori") == first_top
    assert 0 < total(page) < before
    # tab on to the first result and open it
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("!!document.activeElement.closest('#hasil')"):
            break
    href = page.evaluate("document.activeElement.href")
    assert "/produk/" in href
    page.keyboard.press("Enter")
    page.wait_for_url(href)


FACETS = re.compile(r"/cari/indeks/facet\.json")


def open_with_facets_held(page, base: str):
    """Open the search page as on a slow connection: its first results are shown and the facet
    counts it then asks for are held back; returns the held request."""
    held: list = []
    page.route(FACETS, lambda route: held.append(route))
    page.goto(base + "cari/")
    wait_results(page)
    for _ in range(100):  # the first search asks for the facets once its results are shown
        if held:
            return held[0]
        page.wait_for_timeout(50)
    raise AssertionError("the search page did not ask for facet.json")


def release(page, route) -> None:
    """Let a held facet request through and wait until the page has its whole response."""
    with page.expect_response(FACETS) as response:
        route.continue_()
    response.value.finished()


def test_a_query_typed_while_the_facets_load_is_kept(page, base: str) -> None:
    """On a slow connection the facet counts arrive after the first results; what someone typed
    and searched for meanwhile stays in the box (the first search used to put its own empty
    query back when the facets came, and the next filter then dropped the words)."""
    facets = open_with_facets_held(page, base)
    page.fill("#q-page", "keripik")
    page.press("#q-page", "Enter")
    page.wait_for_url(re.compile(r"q=keripik"))
    release(page, facets)
    wait_results(page)
    page.wait_for_function("() => document.querySelector('#f-kategori').options.length > 1")
    page.wait_for_timeout(200)  # the first search's last step, once the facets are there
    assert page.input_value("#q-page") == "keripik"
    page.select_option("#f-kategori", index=1)
    page.wait_for_url(re.compile(r"kategori="))
    assert "q=keripik" in page.url


def test_words_being_typed_when_the_facets_arrive_are_kept(page, base: str) -> None:
    """The facets may arrive while someone is still typing, before the pause that starts their
    search: the box keeps what is typed (the first search used to put its empty query back, so
    "batik" became "k" and the results were for "k")."""
    page.clock.install()
    facets = open_with_facets_held(page, base)
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)  # the typing pause will not run out
    page.locator("#q-page").press_sequentially("bati")
    release(page, facets)
    page.wait_for_timeout(300)  # the first search's last step, once the facets are there
    page.locator("#q-page").press_sequentially("k")
    assert page.input_value("#q-page") == "batik"
    page.clock.run_for(1000)
    page.wait_for_url(re.compile(r"q=batik"))
    wait_results(page)
    assert "batik" in page.locator("#hasil h3").first.inner_text().lower()


def test_header_box_on_every_page_searches(page, base: str) -> None:
    page.goto(base + "kategori/makanan/")
    page.fill("#q-header", "sambal")
    page.press("#q-header", "Enter")
    page.wait_for_url(re.compile(r"/cari/\?q=sambal"))
    wait_results(page)
    assert page.input_value("#q-page") == "sambal" and total(page) > 0


def test_without_javascript_the_page_points_to_the_listings(browser, base: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "cari/?" + urlencode({"q": "kopi"}))
    assert page.is_visible("#h-nojs")
    assert not page.is_visible("#cari-app")
    assert page.locator("#cari-nojs a[href*='kategori/']").count() > 3
    assert page.locator("#cari-nojs a[href*='wilayah/']").count() >= 1
    context.close()


def test_the_client_stays_small() -> None:
    import gzip

    size = sum(len(gzip.compress((REPO / "assets/js" / f).read_bytes(), 9)) for f in ("cari.js", "stem.js"))
    assert size <= 10 * 1024, f"search client is {size} bytes gzip; the budget is 10 KB"
