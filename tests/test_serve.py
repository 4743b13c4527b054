"""``python build.py serve`` as a maintainer uses it: pages served locally, rebuilt on change,
invalid content reported without taking the last good site down."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from tests.conftest import FIXED_EPOCH, REPO, write_project
from tests.test_content_errors import PRODUCT, base_files, edit

P = "content/products/contoh/keripik.yaml"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode("utf-8")


def _wait_for(predicate, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.2)
    return False


def _serve(project: Path) -> subprocess.Popen:
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--config", str(project / "site_config.yaml"), "serve", "--port", "0"],
        cwd=project,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
    )


def _address(proc: subprocess.Popen) -> str:
    for line in proc.stdout:
        match = re.search(r"(http://127\.0\.0\.1:\d+/)", line)
        if match:
            return match.group(1)
    raise AssertionError("serve did not print its address")


def test_serve_rebuilds_on_change_and_keeps_last_good_site(tmp_path: Path) -> None:
    project = write_project(tmp_path / "p", base_files())
    proc = _serve(project)
    try:
        url = _address(proc)
        status, html = _get(url + "produk/contoh/keripik/")
        assert status == 200 and "Keripik Pisang Coklat" in html
        status, html = _get(url + "tidak-ada/")
        assert status == 404 and "Halaman tidak ditemukan" in html

        (project / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
        assert _wait_for(lambda: "Keripik Pisang Keju" in _get(url + "produk/contoh/keripik/")[1])
        # the fast path shows the edit first; the last good build is the one written to disk
        built = project / "_site/produk/contoh/keripik/index.html"
        assert _wait_for(lambda: "Keripik Pisang Keju" in built.read_text(encoding="utf-8"))

        (project / P).write_text(edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"), encoding="utf-8")
        time.sleep(2)
        status, html = _get(url + "produk/contoh/keripik/")
        assert status == 200 and "Keripik Pisang Keju" in html  # the last good build stays up
    finally:
        proc.terminate()
        output, _ = proc.communicate(timeout=10)
    assert "nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]" in output


def test_open_pages_reload_after_a_rebuild_and_show_problems(tmp_path: Path, browser) -> None:
    """In Chromium: an edit reloads the open page by itself; invalid content shows its problems
    over the page (the last good page stays); fixing it takes them away and reloads."""
    project = write_project(tmp_path / "p", base_files())
    proc = _serve(project)
    page = browser.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    try:
        url = _address(proc)
        page.goto(url + "produk/contoh/keripik/")
        assert "Keripik Pisang Coklat" in page.inner_text("h1")
        page.wait_for_function("() => document.documentElement.dataset.etalaseLive")
        (project / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1').textContent.includes('Keju')", timeout=30_000)

        (project / P).write_text(edit(PRODUCT, "  nilai: 48.2", "  nilai: 120"), encoding="utf-8")
        overlay = page.locator("#etalase-galat")
        overlay.wait_for(timeout=30_000)
        assert "nilai TKDN harus antara 0 dan 100 (tertulis 120) [tkdn.nilai]" in overlay.inner_text()
        assert overlay.get_attribute("role") == "alert"
        assert "Keju" in page.inner_text("h1")  # the last good page stays underneath

        (project / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Madu"), encoding="utf-8")
        page.wait_for_function("() => document.querySelector('h1').textContent.includes('Madu')", timeout=30_000)
        assert page.locator("#etalase-galat").count() == 0
        assert not [e for e in errors if "Content Security Policy" in e], errors
        built = (project / "_site/produk/contoh/keripik/index.html").read_text(encoding="utf-8")
        assert "__etalase" not in built  # only the preview server adds the reload script
    finally:
        page.close()
        proc.terminate()
        output, _ = proc.communicate(timeout=10)
    assert "Berubah: content/products/contoh/keripik.yaml" in output
    assert re.search(r"Dibangun ulang dalam [\d.]+ detik \(\d+ berkas ditulis\)", output)


def test_an_edit_shows_first_in_the_open_tabs_and_each_reloads_once(tmp_path: Path, browser) -> None:
    """In Chromium, two tabs: one on the edited product, one on the listing. Both pages come from
    the fast path (the product's first, then the listing, because a tab is open on it) before the
    full rebuild, and neither tab is reloaded a second time by the full rebuild, which made the
    same pages."""
    from tests.test_pagecache import _project

    project = _project(tmp_path / "p")
    proc = _serve(project)
    product, listing = browser.new_page(), browser.new_page()
    loads: dict[str, int] = {"product": 0, "listing": 0}
    product.on("load", lambda _page: loads.update(product=loads["product"] + 1))
    listing.on("load", lambda _page: loads.update(listing=loads["listing"] + 1))
    try:
        url = _address(proc)
        product.goto(url + "produk/contoh/keripik/")
        listing.goto(url + "produk/")
        for tab in (product, listing):
            tab.wait_for_function("() => document.documentElement.dataset.etalaseLive")
        assert "Keripik Pisang Keju" not in listing.inner_text("main")
        (project / P).write_text(edit(PRODUCT, "Keripik Pisang Coklat", "Keripik Pisang Keju"), encoding="utf-8")
        product.wait_for_function("() => document.querySelector('h1').textContent.includes('Keju')", timeout=30_000)
        listing.wait_for_function("() => document.querySelector('main').textContent.includes('Keju')", timeout=30_000)
        built = project / "_site/produk/index.html"
        assert _wait_for(lambda: "Keripik Pisang Keju" in built.read_text(encoding="utf-8"))  # the full rebuild
        product.wait_for_timeout(1000)  # time for a second reload, if one were coming
        assert loads == {"product": 2, "listing": 2}, loads  # opened, then reloaded once
    finally:
        product.close()
        listing.close()
        proc.terminate()
        output, _ = proc.communicate(timeout=10)
    assert "Pratinjau cepat: produk/contoh/keripik/ tampil dalam" in output  # its own page first
    assert "Pratinjau cepat: produk/ tampil dalam" in output  # then the listing open in a tab
    assert output.index("Pratinjau cepat") < output.rindex("Dibangun ulang dalam")
