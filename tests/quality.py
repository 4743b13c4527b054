"""The independent checkers of `make check-site`, as functions that return problems (empty when
the site is clean), so the same code checks the sample catalog and a deliberately broken fixture.

The checkers are other people's tools: the W3C Nu HTML Checker (npm ``vnu-jar``, run with the
machine's Java), axe-core and Lighthouse (npm, run in Debian's Chromium), the sitemaps.org XSD
(through xmlschema) and feedparser. The Makefile installs the npm ones into ``.cache/checkers``
from ``tools/checkers/package-lock.json``; Chromium comes from Debian (``.ci/run``)."""

from __future__ import annotations

import functools
import gzip
import html
import http.server
import io
import json
import os
import re
import subprocess
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CHECKERS = REPO / ".cache/checkers/node_modules"
VNU = CHECKERS / "vnu-jar/build/dist/vnu.jar"
AXE = CHECKERS / "axe-core/axe.min.js"
LIGHTHOUSE = CHECKERS / "lighthouse/cli/index.js"
SITEMAP_XSD = REPO / "tests/fixtures/xsd/sitemap-0.9.xsd"
SITEINDEX_XSD = REPO / "tests/fixtures/xsd/siteindex-0.9.xsd"
CHROMIUM = "/usr/bin/chromium"
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def require_checkers() -> None:
    missing = [p for p in (VNU, AXE, LIGHTHOUSE) if not p.is_file()]
    assert not missing, f"checkers missing: {missing}; `make test` or `make check-site` installs them"


# ---- W3C Nu HTML Checker -----------------------------------------------------------------
def vnu(folder: Path) -> list[str]:
    """Every error of vnu.jar on every HTML file under ``folder``."""
    proc = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU),
            "--errors-only",
            "--format",
            "json",
            "--skip-non-html",
            "--exit-zero-always",
            str(folder),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    report = json.loads(proc.stderr or proc.stdout)
    return [
        f"{Path(m.get('url', '')).as_posix().split(str(folder))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
        for m in report["messages"]
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


# ---- serving, as GitHub Pages does --------------------------------------------------------
COMPRESSED = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".csv")


def serve(folder: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    """Serve ``folder`` on 127.0.0.1 with gzip for text, a cache lifetime and ``404.html`` for
    missing paths (what GitHub Pages does), so Lighthouse sees what visitors get."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def send_head(self):
            path = Path(self.translate_path(self.path))
            if path.is_dir():
                if not self.path.split("?")[0].endswith("/"):
                    return super().send_head()  # the redirect to the slash
                path = path / "index.html"
            status = 200
            if not path.is_file():
                path, status = folder / "404.html", 404
            body = path.read_bytes()
            ctype = self.guess_type(str(path))
            encoded = "gzip" in self.headers.get("Accept-Encoding", "") and path.suffix in COMPRESSED
            if encoded:
                body = gzip.compress(body, 6)
            self.send_response(status)
            self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")
            if encoded:
                self.send_header("Content-Encoding", "gzip")
            self.end_headers()
            return io.BytesIO(body)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}/", server


# ---- axe-core ----------------------------------------------------------------------------
def axe(browser, url: str, viewport: dict | None = None, colour_scheme: str = "light") -> list[str]:
    """WCAG 2.1 A and AA violations axe-core finds on the page at ``url`` after it has settled."""
    # the CSP forbids injected scripts, as it should; the checker is allowed past it
    context = browser.new_context(
        bypass_csp=True, viewport=viewport or {"width": 360, "height": 780}, color_scheme=colour_scheme
    )
    page = context.new_page()
    try:
        page.goto(url, wait_until="networkidle")
        page.add_script_tag(path=str(AXE))
        result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG)
    finally:
        context.close()
    return [
        f"{url}: {v['id']} ({v['impact']}): {v['help']} — {', '.join(n['target'][0] for n in v['nodes'][:3])}"
        for v in result["violations"]
    ]


# ---- Lighthouse --------------------------------------------------------------------------
def lighthouse(url: str, out: Path) -> dict[str, float]:
    """Lighthouse's mobile run (its default: a phone-sized screen, simulated slow 4G and CPU)
    on ``url``: the four category scores, 0–1, and the failing audits in ``out``."""
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    proc = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage",
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=240,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = json.loads(out.read_text(encoding="utf-8"))
    return {k: c["score"] for k, c in report["categories"].items()}


def lighthouse_failures(out: Path, category: str) -> list[str]:
    report = json.loads(out.read_text(encoding="utf-8"))
    audits = report["audits"]
    return [
        f"{ref['id']}: {audits[ref['id']]['title']}"
        for ref in report["categories"][category]["auditRefs"]
        if ref["weight"] and audits[ref["id"]]["score"] is not None and audits[ref["id"]]["score"] < 1
    ]


# ---- sitemap and feeds -------------------------------------------------------------------
def sitemap_problems(path: Path) -> list[str]:
    """``sitemap.xml`` against the sitemaps.org schemas: a sitemap, or a sitemap index and then
    every sitemap it names (which must be files of the same site)."""
    import xml.etree.ElementTree as ET

    import xmlschema

    index = ET.parse(path).getroot().tag.endswith("}sitemapindex")
    schema = xmlschema.XMLSchema(str(SITEINDEX_XSD if index else SITEMAP_XSD))
    problems = [f"{path.name}: {e.reason} at {e.path}" for e in schema.iter_errors(str(path))]
    if index and not problems:
        ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
        for loc in ET.parse(path).getroot().findall("s:sitemap/s:loc", ns):
            part = path.parent / (loc.text or "").rsplit("/", 1)[-1]
            if not part.is_file() or ET.parse(part).getroot().tag.endswith("}sitemapindex"):
                problems.append(f"{path.name}: {loc.text} is not a sitemap of this site")
            else:
                problems += sitemap_problems(part)
    return problems


JSONFEED_SCHEMA = REPO / "tests/fixtures/xsd/jsonfeed-1.1.schema.json"


def feed_problems(folder: Path) -> list[str]:
    """Atom feeds through feedparser (which reads no JSON Feed), JSON feeds against the JSON Feed
    1.1 rules written out as a schema."""
    import feedparser
    import jsonschema

    problems = []
    validator = jsonschema.Draft202012Validator(json.loads(JSONFEED_SCHEMA.read_text(encoding="utf-8")))
    for path in sorted(folder.rglob("feed.json")):
        rel = path.relative_to(folder).as_posix()
        try:
            data = json.loads(path.read_bytes())
        except ValueError as e:
            problems.append(f"{rel}: {e}")
            continue
        problems += [f"{rel}: {e.json_path}: {e.message}" for e in validator.iter_errors(data)]
    for path in sorted(folder.rglob("feed.xml")):
        parsed = feedparser.parse(path.read_bytes())
        rel = path.relative_to(folder).as_posix()
        if parsed.bozo:
            problems.append(f"{rel}: {parsed.bozo_exception}")
        elif not parsed.feed.get("title"):
            problems.append(f"{rel}: no title")
        for entry in parsed.entries:
            if not entry.get("title") or not entry.get("link"):
                problems.append(f"{rel}: an entry without title or link")
    return problems


# ---- what we publish: CSP, referrer, links --------------------------------------------------
_TAG = re.compile(r"<(a|link|script|img|source|iframe|form)\b([^>]*)>", re.I)
_ATTR = re.compile(r'([a-z-]+)="([^"]*)"', re.I)
_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def hardening_problems(folder: Path, origin: str) -> list[str]:
    """Every HTML page: a strict CSP meta (own origin only, no inline or eval), a referrer
    policy, scripts only from files (JSON data blocks aside), no style attributes, nothing loaded
    over plain http, every link to another site with rel=noopener, no script-bearing URL in any
    href or src."""
    problems = []
    for path in sorted(folder.rglob("*.html")):
        rel = path.relative_to(folder).as_posix()
        text = path.read_text(encoding="utf-8")
        csp = _CSP.search(text)
        if not csp:
            problems.append(f"{rel}: no Content-Security-Policy meta")
        else:
            policy = dict(d.strip().split(" ", 1) for d in csp.group(1).split(";") if d.strip())
            if policy.get("default-src") != "'self'" or policy.get("script-src") != "'self'":
                problems.append(f"{rel}: CSP not limited to our origin: {csp.group(1)}")
            if "unsafe" in csp.group(1) or "*" in csp.group(1):
                problems.append(f"{rel}: CSP allows unsafe sources: {csp.group(1)}")
        if '<meta name="referrer"' not in text:
            problems.append(f"{rel}: no referrer policy")
        if re.search(r"<[a-z][^>]*\sstyle=", text, re.I) or re.search(r"<[a-z][^>]*\son[a-z]+=", text, re.I):
            problems.append(f"{rel}: inline style or event-handler attribute")
        for tag, attrs in _TAG.findall(text):
            a = {k.lower(): html.unescape(v) for k, v in _ATTR.findall(attrs)}
            tag = tag.lower()
            if tag == "script" and "src" not in a and a.get("type") not in ("application/ld+json", "application/json"):
                problems.append(f"{rel}: inline <script>")
            for key in ("href", "src", "action", "srcset"):
                value = re.sub(r"[\s\x00-\x1f]", "", a.get(key, "")).lower()
                if value.startswith(("javascript:", "vbscript:", "data:text", "data:application")):
                    problems.append(f"{rel}: {tag}[{key}] carries a script URL: {a[key][:60]}")
                if value.startswith("http:") and tag != "a":
                    problems.append(f"{rel}: {tag}[{key}] over plain http: {a[key][:60]}")
            href = a.get("href", "")
            external = tag == "a" and href.startswith(("http://", "https://")) and not href.startswith(origin)
            if external and "noopener" not in a.get("rel", "").split():
                problems.append(f"{rel}: external link without rel=noopener: {href[:60]}")
    return problems
