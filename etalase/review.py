"""The scope check of a pull request: which files it touches, told as GitHub warnings in
Indonesian (never a failure: maintainers decide). Run by .github/workflows/validate.yml as
``python -m etalase.review --changed FILE --association ASSOC`` with FILE the NUL-separated output
of ``git diff --name-only -z``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from etalase.config import load_config
from etalase.diagnostics import WARNING, Diagnostic
from etalase.i18n import t

TRUSTED = {"OWNER", "MEMBER", "COLLABORATOR"}  # GitHub's author_association with write access
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".tif", ".tiff", ".bmp"}


def review(changed: list[str], association: str, root: Path, max_bytes: int) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    paths = sorted({p for p in changed if p})
    if association.upper() not in TRUSTED:
        folders = sorted({p.split("/")[2] for p in paths if p.startswith("content/products/") and p.count("/") >= 3})
        if len(folders) > 1:
            out.append(
                Diagnostic(
                    "content/products",
                    0,
                    0,
                    t("msg.review.many_ikm", n=len(folders), folders=", ".join(folders)),
                    severity=WARNING,
                )
            )
        for p in paths:
            if not p.startswith("content/"):
                out.append(Diagnostic(p, 0, 0, t("msg.review.outside_content"), severity=WARNING))
    for p in paths:
        file = root / p
        if Path(p).suffix.lower() in PHOTO_SUFFIXES and file.is_file():
            size = file.stat().st_size
            if size > max_bytes:
                out.append(
                    Diagnostic(
                        p, 0, 0,
                        t("msg.review.photo_too_big", mb=f"{size / 1048576:.1f}", limit=f"{max_bytes / 1048576:.0f}"),
                        severity=WARNING,
                    )
                )  # fmt: skip
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m etalase.review", description=__doc__)
    parser.add_argument("--changed", type=Path, required=True, help="NUL-separated list of changed files")
    parser.add_argument("--association", default="NONE", help="the pull request author's author_association")
    parser.add_argument("--config", type=Path, default=Path("site_config.yaml"))
    args = parser.parse_args(argv)
    cfg = load_config(args.config)
    raw = args.changed.read_bytes().decode("utf-8", errors="replace")
    for d in review(raw.split("\0"), args.association, cfg.root, cfg.images.max_bytes):
        print(d.format_github())
    return 0


if __name__ == "__main__":
    sys.exit(main())
