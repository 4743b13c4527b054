"""Issue → pull request: the "Produk baru" issue's answers become content files, or a comment.

The answers are read by :mod:`etalase.issuebody`. Here the photos are fetched (GitHub's
attachment hosts only, redirects included; size-capped; JPEG, PNG or WebP by their bytes), the
files are created (never over an existing file), and the whole content is validated by the same
validator as every pull request. If anything is wrong nothing stays written, and the result
carries an Indonesian comment for the issue listing every problem, where it is and how to fix it.

    python -m etalase.intake --body-file body.md --root . --issue 12 --result result.json

Exit codes: 0 a result was written (``ok`` tells which kind), 2 usage or configuration error,
3 an internal error (a result asking the IKM to wait for the maintainers is still written).
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import os
import re
import sys
import urllib.request
from collections.abc import Callable
from pathlib import Path

from etalase.diagnostics import ERROR, Diagnostic, UsageProblem, _cell, split_fix
from etalase.i18n import t
from etalase.issuebody import BY_ID, FIELDS, Intake, allowed_host, allowed_photo, build_intake, parse_body, to_yaml
from etalase.rules import SLUG_RE

MAX_BODY = 70_000  # characters; GitHub keeps at most 65,536 in an issue body
MAX_COMMENT = 60_000
MAGIC = ((b"\xff\xd8\xff", "jpg"), (b"\x89PNG\r\n\x1a\n", "png"))


class PhotoError(Exception):
    """A photo that cannot be used; ``key`` names its message in ``msg.intake``."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


Fetch = Callable[[str, int], bytes]


class _GitHubOnly(urllib.request.HTTPRedirectHandler):
    max_redirections = 5

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if not allowed_host(newurl):
            raise PhotoError("photo_redirect")
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limit: int) -> bytes:
    """GET ``url``: redirects only to GitHub's attachment hosts over https, at most ``limit``
    bytes. Raises :class:`PhotoError`."""
    opener = urllib.request.build_opener(_GitHubOnly)
    request = urllib.request.Request(url, headers={"User-Agent": "etalase-intake", "Accept": "image/*"})
    try:
        with opener.open(request, timeout=30) as resp:
            length = resp.headers.get("Content-Length", "")
            if length.isdigit() and int(length) > limit:
                raise PhotoError("photo_big")
            data = resp.read(limit + 1)
    except PhotoError:
        raise
    except (OSError, ValueError, http.client.HTTPException) as exc:  # URLError, HTTPError, timeouts
        raise PhotoError("photo_fetch") from exc
    if len(data) > limit:
        raise PhotoError("photo_big")
    return data


def photo_kind(data: bytes) -> str:
    for magic, kind in MAGIC:
        if data.startswith(magic):
            return kind
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp"
    return ""


class _Files:
    """Files and folders this run created, so that a failed run leaves nothing behind."""

    def __init__(self, root: Path, products: Path) -> None:
        self.root = root
        self.inside = products.resolve()
        self.files: list[Path] = []
        self.dirs: list[Path] = []

    def create(self, rel: str, data: bytes) -> None:
        path = self.root / rel
        if not path.resolve().is_relative_to(self.inside):  # slugs only; checked once more
            raise ValueError(rel)
        missing = [p for p in reversed(path.parents) if not p.exists()]
        path.parent.mkdir(parents=True, exist_ok=True)
        self.dirs += missing
        with open(path, "xb") as fh:  # never over an existing file
            self.files.append(path)
            fh.write(data)

    def remove(self) -> None:
        for path in self.files:
            path.unlink(missing_ok=True)
        for folder in reversed(self.dirs):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        self.files, self.dirs = [], []

    def rel(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.files)


def _clashes(intake: Intake, root: Path) -> list[str]:
    out = [t("msg.intake.exists", path=rel) for rel in intake.docs if (root / rel).exists()]
    for photo in intake.photos:
        stem = root / photo.stem
        if stem.parent.is_dir() and any(p.name.startswith(stem.name + ".") for p in stem.parent.iterdir()):
            out.append(t("msg.intake.exists", path=photo.stem + ".*"))
    return out


def _fetch_photos(intake: Intake, files: _Files, get: Fetch, limit: int) -> list[str]:
    problems = []
    label = BY_ID["gambar"].label
    for n, photo in enumerate(intake.photos, 1):
        try:
            if not allowed_photo(photo.url):  # refused when read already; never fetched
                raise PhotoError("photo_fetch")
            data = get(photo.url, limit)
            if len(data) > limit:
                raise PhotoError("photo_big")
            kind = photo_kind(data)
            if not kind:
                raise PhotoError("photo_type")
        except PhotoError as exc:
            problems.append(t(f"msg.intake.{exc.key}", n=n, field=label, limit=limit // 1048576))
            continue
        photo.image["berkas"] += f".{kind}"
        files.create(f"{photo.stem}.{kind}", data)
    return problems


def run(body: str, root: Path, issue: int, get: Fetch | None = None, today: dt.date | None = None) -> dict:
    """The whole intake: read, check, fetch (with ``get``, default :func:`fetch`), write,
    validate. Returns the result document; when it is not ``ok`` nothing this run wrote is left."""
    from etalase.config import load_config
    from etalase.pipeline import check_content
    from etalase.regions import load_regions

    root = root.resolve()
    cfg = load_config(root / "site_config.yaml")
    products = cfg.content_dir / "products"
    existing = {p.name for p in products.iterdir() if (p / "ikm.yaml").is_file()} if products.is_dir() else set()
    if len(body) > MAX_BODY:
        intake = Intake(problems=[t("msg.intake.too_long", max=MAX_BODY)])
    else:
        regions = load_regions(cfg.data_dir / "wilayah.csv")
        content = cfg.content_dir.resolve().relative_to(root).as_posix()
        intake = build_intake(parse_body(body), existing, regions, today or cfg.today, content)
    problems = list(intake.problems)
    diags: list[Diagnostic] = []
    files = _Files(root, products)
    done = False
    try:
        if not problems:
            problems += _clashes(intake, root)
        if not problems:
            problems += _fetch_photos(intake, files, get or fetch, cfg.images.max_bytes)
        if not problems:
            for rel, (doc, schema) in intake.docs.items():
                files.create(rel, to_yaml(doc, schema).encode("utf-8"))
            report = check_content(cfg)
            mine = set(files.rel())
            diags = sorted(d for d in report.diagnostics if d.severity == ERROR and d.path in mine)
            if not report.ok and not diags:  # the catalog was already broken elsewhere
                problems.append(t("msg.intake.catalog_broken"))
        done = not problems and not diags
    finally:
        written = files.rel()
        if not done:
            files.remove()
    return result(intake, issue, written if done else [], problems, diags)


def result(intake: Intake, issue: int, files: list[str], problems: list[str], diags: list[Diagnostic]) -> dict:
    ok = bool(files)
    ikm = intake.ikm if SLUG_RE.match(intake.ikm) else "ikm"
    product = intake.product if SLUG_RE.match(intake.product) else "produk"
    name = " ".join(intake.name.split())[:80] or product
    listing = "\n".join(f"- `{f}`" for f in files)
    return {
        "ok": ok,
        "issue": issue,
        "ikm": ikm,
        "product": product,
        "new_ikm": intake.new_ikm,
        "files": files,
        "photos": [{"url": p.url, "file": p.image["berkas"]} for p in intake.photos] if ok else [],
        "branch": f"produk/{ikm}/{product}-issue-{issue}",
        "title": t("msg.intake.pr_title", name=name, issue=issue),
        "body": t("msg.intake.pr_body", issue=issue, files=listing) if ok else "",
        "comment": "" if ok else comment(problems, diags),
        "problems": problems + [d.format_text() for d in diags],
    }


def field_of(path: str) -> str:
    """The form field behind a validator field path (``tkdn.nilai`` → ``tkdn_nilai``,
    ``kontak.whatsapp`` → ``whatsapp``, ``gambar[0].berkas`` → ``gambar``), or ``""``."""
    parts = [p for p in re.sub(r"\[\d+\]", "", path).split(".") if p]
    if not parts:
        return ""
    for candidate in ("_".join(parts), "_".join(parts[:2]), parts[-1], parts[0]):
        if candidate in BY_ID:
            return candidate
    return next((f.id for f in FIELDS if f.id.startswith(parts[0] + "_")), "")


def comment(problems: list[str], diags: list[Diagnostic]) -> str:
    """The issue comment: every problem, the form field it belongs to, where and how to fix it."""
    items = [f"- {_cell(p)}" for p in problems]
    for d in diags:
        problem, fix = split_fix(d.message)
        fid = field_of(d.field)
        label = BY_ID[fid].label if fid else d.field or d.path.rsplit("/", 1)[-1]
        where = d.path if not d.line else f"{d.path}:{d.line}"
        fix = fix or t("msg.intake.fix_field", field=label)
        items.append(t("msg.intake.comment_item", field=label, where=where, problem=_cell(problem), fix=_cell(fix)))
    head = t("msg.intake.comment", n=len(items))
    text = "\n".join([head, "", *items, "", t("msg.intake.comment_end")])
    if len(text) > MAX_COMMENT:
        cut = text[:MAX_COMMENT].rsplit("\n", 1)[0]
        text = cut + "\n- …\n\n" + t("msg.intake.comment_end")
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etalase.intake", description=__doc__.split("\n\n")[0])
    parser.add_argument("--body-file", type=Path, required=True, help="the issue body (Markdown)")
    parser.add_argument("--root", type=Path, default=Path("."), help="the project (site_config.yaml)")
    parser.add_argument("--issue", type=int, default=0, help="the issue number")
    parser.add_argument("--result", type=Path, default=Path("result.json"), help="where to write the result")
    args = parser.parse_args(argv)
    try:
        body = args.body_file.read_bytes().decode("utf-8", errors="replace")
    except OSError as exc:
        print(t("msg.intake.cli_unreadable", path=args.body_file, error=exc.strerror), file=sys.stderr)
        return 2
    code = 0
    try:
        outcome = run(body, args.root.resolve(), args.issue)
    except UsageProblem as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except Exception as exc:  # a bug, not bad input: one line for the log, a kind word for the IKM
        if os.environ.get("ETALASE_DEBUG"):
            raise
        print(t("msg.intake.cli_internal", error=f"{type(exc).__name__}: {exc}"), file=sys.stderr)
        outcome = result(Intake(), args.issue, [], [t("msg.intake.internal")], [])
        code = 3
    try:
        args.result.write_text(json.dumps(outcome, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        print(t("msg.intake.cli_unreadable", path=args.result, error=exc.strerror), file=sys.stderr)
        return 2
    ok = outcome["ok"]
    print(
        t("msg.intake.cli_ok", n=len(outcome["files"]))
        if ok
        else t("msg.intake.cli_problems", n=len(outcome["problems"]))
    )
    return code


if __name__ == "__main__":
    sys.exit(main())
