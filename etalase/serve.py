"""serve: build, serve ``_site/`` on localhost, rebuild when sources change (watchfiles).

A rebuild with invalid content keeps serving the last good site and prints the problems."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path

import click

from etalase.config import SiteConfig
from etalase.diagnostics import format_report
from etalase.i18n import t


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files from the output folder, with the site's own 404 page."""

    def __init__(self, *args, directory: str, prefix: str, **kwargs) -> None:
        self.prefix = prefix
        super().__init__(*args, directory=directory, **kwargs)

    def translate_path(self, path: str) -> str:
        # serve the site under its base path, as it will be published
        if self.prefix != "/" and path.startswith(self.prefix):
            path = "/" + path[len(self.prefix) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args) -> None:
        pass


def _rebuild(cfg: SiteConfig) -> bool:
    from etalase.pipeline import build

    report = build(cfg)
    if not report.ok:
        click.echo(t("ui.cli.rebuild_failed"), err=True)
        click.echo(format_report(report.diagnostics, "text", None), err=True)
        return False
    click.echo(t("ui.cli.rebuilt", seconds=f"{report.seconds:.2f}"))
    return True


def run(cfg: SiteConfig, host: str, port: int, watch: bool = True) -> None:
    from urllib.parse import urlsplit

    _rebuild(cfg)
    cfg.output_dir.mkdir(parents=True, exist_ok=True)
    prefix = urlsplit(cfg.base_url).path or "/"
    handler = functools.partial(_Handler, directory=str(cfg.output_dir), prefix=prefix)
    server = http.server.ThreadingHTTPServer((host, port), handler)
    url = f"http://{host}:{server.server_address[1]}{prefix}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        if not watch:
            click.echo(t("ui.cli.serving", url=url))
            thread.join()
            return
        from watchfiles import watch as watch_changes

        roots = [
            p
            for p in (
                cfg.content_dir,
                cfg.templates_dir,
                cfg.assets_dir,
                cfg.data_dir,
                cfg.schema_dir,
                cfg.root / "site_config.yaml",
            )
            if p.exists()
        ]
        announced = False
        # yield_on_timeout: the first (empty) yield means the watcher is running, so no edit made
        # after the address is printed can be missed
        for changes in watch_changes(*roots, debounce=300, yield_on_timeout=True, rust_timeout=500):
            if not announced:
                click.echo(t("ui.cli.serving", url=url))
                announced = True
            if changes:
                _rebuild(cfg)
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
