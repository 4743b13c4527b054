"""The scope check of a pull request: which files it touches and how big they are, told as GitHub
warnings in Indonesian (never a failure: maintainers decide).

Run by .github/workflows/validate.yml as
``python -m etalase.review --base-sha BASE --head-sha HEAD --association ASSOC``: the changed files
are ``git diff BASE...HEAD`` (what the pull request changes, not what the base branch gained
since), and every file added in any of its commits is measured, so a big photo added and deleted
again is still flagged before it lands in the history. ``--changed FILE`` (the NUL-separated
output of ``git diff --name-only -z``) checks a list of files in the working tree instead.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path, PurePosixPath

from etalase.config import load_config
from etalase.diagnostics import WARNING, Diagnostic
from etalase.i18n import t

TRUSTED = {"OWNER", "MEMBER", "COLLABORATOR"}  # GitHub's author_association with write access
PHOTO_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".heic", ".heif", ".tif", ".tiff", ".bmp", ".avif"}
MB = 1048576


def _warn(path: str, message: str) -> Diagnostic:
    return Diagnostic(path, 0, 0, message, severity=WARNING)


def scope(changed: list[str], association: str) -> list[Diagnostic]:
    """Warnings for a contributor without write access whose change is wider than one IKM."""
    if association.upper() in TRUSTED:
        return []
    paths = sorted({p for p in changed if p})
    out = []
    folders = sorted({p.split("/")[2] for p in paths if p.startswith("content/products/") and p.count("/") >= 3})
    if len(folders) > 1:
        out.append(_warn("content/products", t("msg.review.many_ikm", n=len(folders), folders=", ".join(folders))))
    out += [_warn(p, t("msg.review.outside_content")) for p in paths if not p.startswith("content/")]
    return out


def sizes(big: dict[str, int], present: set[str], max_bytes: int) -> list[Diagnostic]:
    """Warnings for files above the photo size limit; ``present`` are those in the final tree."""
    out = []
    for path, size in sorted(big.items()):
        if size <= max_bytes:
            continue
        mb, limit = f"{size / MB:.1f}", f"{max_bytes / MB:.0f}"
        if path not in present:
            key = "msg.review.in_history"
        elif PurePosixPath(path).suffix.lower() in PHOTO_SUFFIXES:
            key = "msg.review.photo_too_big"
        else:
            key = "msg.review.file_too_big"
        out.append(_warn(path, t(key, mb=mb, limit=limit)))
    return out


def review(changed: list[str], association: str, root: Path, max_bytes: int) -> list[Diagnostic]:
    """Scope and size warnings for a list of changed files, measured in the working tree at ``root``."""
    present = {p for p in changed if p and (root / p).is_file()}
    return scope(changed, association) + sizes({p: (root / p).stat().st_size for p in present}, present, max_bytes)


def _git(root: Path, *args: str, stdin: bytes | None = None) -> bytes:
    return subprocess.run(["git", *args], cwd=root, input=stdin, capture_output=True, check=True).stdout


def review_commits(base: str, head: str, association: str, root: Path, max_bytes: int) -> list[Diagnostic]:
    """Scope and size warnings for the commits ``base..head`` of the repository at ``root``."""
    changed = _git(root, "diff", "--name-only", "--no-renames", "-z", f"{base}...{head}").decode("utf-8", "replace")
    present = set(_git(root, "ls-tree", "-r", "-z", "--name-only", head).decode("utf-8", "replace").split("\0"))
    # every object the pull request adds, with the path it was added at
    objects: dict[str, str] = {}
    for line in _git(root, "rev-list", "--objects", f"{base}..{head}").decode("utf-8", "replace").splitlines():
        sha, _, path = line.partition(" ")
        if path:
            objects.setdefault(sha, path)
    big: dict[str, int] = {}
    if objects:
        batch = "".join(f"{sha}\n" for sha in objects).encode()
        checked = _git(root, "cat-file", "--batch-check=%(objectname) %(objecttype) %(objectsize)", stdin=batch)
        for line in checked.splitlines():
            sha, kind, size = line.decode().split(" ")
            if kind == "blob":
                path = objects[sha]
                big[path] = max(big.get(path, 0), int(size))
    return scope(changed.split("\0"), association) + sizes(big, present, max_bytes)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m etalase.review",
        description="Warn (GitHub ::warning lines, exit 0) about a pull request's scope and big files.",
    )
    parser.add_argument("--base-sha", help="the pull request's base commit")
    parser.add_argument("--head-sha", help="the pull request's head commit")
    parser.add_argument("--changed", type=Path, help="instead: a NUL-separated list of changed files")
    parser.add_argument("--association", default="NONE", help="the pull request author's author_association")
    parser.add_argument("--config", type=Path, default=Path("site_config.yaml"))
    args = parser.parse_args(argv)
    if bool(args.base_sha) != bool(args.head_sha) or bool(args.base_sha) == bool(args.changed):
        parser.error("give --base-sha and --head-sha, or --changed")
    cfg = load_config(args.config)
    if args.changed:
        listing = args.changed.read_bytes().decode("utf-8", errors="replace").split("\0")
        found = review(listing, args.association, cfg.root, cfg.images.max_bytes)
    else:
        found = review_commits(args.base_sha, args.head_sha, args.association, cfg.root, cfg.images.max_bytes)
    for d in found:
        print(d.format_github())
    return 0


if __name__ == "__main__":
    sys.exit(main())
