"""Shared helpers: tiny inline projects, CLI runs, and the sample catalog built once."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PIL import Image

REPO = Path(__file__).resolve().parent.parent
FIXED_EPOCH = "1795305600"  # 2026-11-22 00:00 UTC: "today" for every test build


def tiny_jpeg(width: int = 640, height: int = 480, colour: tuple[int, int, int] = (180, 90, 40)) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buf, "JPEG", quality=70)
    return buf.getvalue()


def site_config(content: str = "content", extra: str = "") -> str:
    return (
        textwrap.dedent(f"""\
        judul: Katalog Uji
        tagline: Produk lokal untuk pengujian
        deskripsi: Katalog kecil untuk pengujian Etalase, dengan beberapa produk contoh.
        base_url: https://katalog.example.id/
        bahasa: id
        per_halaman: 24
        kontak_koreksi:
          email: koreksi@example.id
        direktori:
          konten: {content}
          templat: {REPO / "templates"}
          aset: {REPO / "assets"}
          data: {REPO / "data"}
          keluaran: _site
        """)
        + extra
    )


def write_project(root: Path, files: dict[str, str | bytes], config: str | None = None) -> Path:
    """Create a project at ``root``: site_config.yaml plus ``files`` (paths relative to root)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "site_config.yaml").write_text(config if config is not None else site_config(), encoding="utf-8")
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def run_cli(project: Path, *args: str, timeout: int = 120) -> subprocess.CompletedProcess:
    """``python build.py --config <project>/site_config.yaml …`` as a user would run it."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--config", str(project / "site_config.yaml"), *args],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
    )


@pytest.fixture(autouse=True)
def _fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", FIXED_EPOCH)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's sample catalog, built once into a temporary folder."""
    out = tmp_path_factory.mktemp("sample") / "_site"
    env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH}
    proc = subprocess.run(
        [sys.executable, "build.py", "build", "--out", str(out)],
        cwd=REPO,
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    assert proc.returncode == 0, proc.stderr
    return out


@pytest.fixture()
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the repository's project (content and config) to break on purpose."""
    root = tmp_path / "proyek"
    shutil.copytree(REPO / "content", root / "content")
    (root / "site_config.yaml").write_text(site_config(), encoding="utf-8")
    return root


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright (never a downloaded browser; .ci/run installs it)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture(scope="session")
def serve_dir():
    """Serve a folder on 127.0.0.1 at a base path; returns a function(folder, prefix) -> URL."""
    import functools
    import http.server
    import threading

    servers = []

    def start(folder: Path, prefix: str = "/") -> str:
        class Handler(http.server.SimpleHTTPRequestHandler):
            def translate_path(self, path: str) -> str:
                if prefix != "/" and path.startswith(prefix):
                    path = "/" + path[len(prefix) :]
                return super().translate_path(path)

            def log_message(self, *args) -> None:
                pass

        class Server(http.server.ThreadingHTTPServer):
            def handle_error(self, request, client_address) -> None:
                # a page that navigates away closes its connections mid-file: not a failure
                if not isinstance(sys.exc_info()[1], ConnectionError):
                    super().handle_error(request, client_address)

        server = Server(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}{prefix}"

    yield start
    for server in servers:
        server.shutdown()


def sample_products(folders: set[str] | None = None) -> dict[str, dict]:
    """The sample catalog's listed (non-archived) products read straight from their files, keyed
    by site path (``produk/<ikm>/<slug>/``): an oracle independent of the generator's model."""
    import yaml

    out = {}
    for path in sorted((REPO / "content/products").glob("*/*.*")):
        if path.name == "ikm.yaml" or path.suffix not in (".yaml", ".md"):
            continue
        if folders is not None and path.parent.name not in folders:
            continue
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text.split("---")[1] if path.suffix == ".md" else text)
        if data.get("status") != "arsip":
            out[f"produk/{path.parent.name}/{path.stem}/"] = data
    return out
