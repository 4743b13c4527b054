#!/usr/bin/env python3
"""Benchmark ``python build.py build`` on synthetic catalogs.

Usage::

    python tools/bench.py [--products N ...] [--runs R] [--seed S] [--keep] [--record docs/benchmarks.md]

For each N (default 10,000) the script generates a catalog with ``tools/gen_catalog.py`` into a
temporary folder (timed and reported, but not part of the build figures), then runs the build R
times (default 3) as a child process from the repository root::

    <python> build.py build --content <tmp>/content --out <tmp>/_site

Every run starts without ``<tmp>/_site``, so each one is a full build. Per run it measures wall
time, CPU time (user + system) and peak resident memory of the build, taken from ``os.wait4`` on
that child. CPU time includes any worker processes the build started and waited for; peak RSS
is that of the largest single process in the build, not the sum over workers.

It prints a Markdown table (median and min–max over the runs). With ``--record FILE`` it also
replaces the part of FILE between ``<!-- bench:build:start -->`` and ``<!-- bench:build:end -->``
with the table, the command, the date and the machine (the markers are appended if missing).

Standard library only; ``os.wait4`` makes it Linux/macOS only. Run it with the project's Python
(``.venv/bin/python tools/bench.py``) since the same interpreter runs the generator and the build.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
GENERATOR = REPO_ROOT / "tools" / "gen_catalog.py"
START_MARKER = "<!-- bench:build:start -->"
END_MARKER = "<!-- bench:build:end -->"
TAIL_LINES = 40


class BenchError(Exception):
    """A step failed; the message is printed and the script exits 1."""


@dataclass(frozen=True)
class RunResult:
    """Resource use of one child process."""

    wall_s: float
    cpu_s: float
    peak_rss_mib: float
    returncode: int
    stdout: str
    stderr: str


@dataclass(frozen=True)
class Measurement:
    """All build runs for one catalog size."""

    products: int
    ikm: int
    photos: int
    generate_s: float
    runs: tuple[RunResult, ...]
    summary: str  # the build's own last stdout line, e.g. its page/photo counts


# --------------------------------------------------------------------------------------------
# Running and measuring
# --------------------------------------------------------------------------------------------


def _maxrss_mib(ru_maxrss: int) -> float:
    """``ru_maxrss`` is KiB on Linux but bytes on macOS."""
    return ru_maxrss / 2**20 if sys.platform == "darwin" else ru_maxrss / 1024


def run_measured(cmd: Sequence[str], cwd: Path) -> RunResult:
    """Run ``cmd`` and measure exactly that child with ``os.wait4``.

    Output goes to temporary files rather than pipes: nothing reads a pipe while we block in
    ``wait4``, so a chatty child could otherwise fill it and never exit.
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        proc = subprocess.Popen(list(cmd), cwd=cwd, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        # We reaped the child ourselves; tell Popen so it never waits for it again.
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode("utf-8", "replace")
        stderr = err.read().decode("utf-8", "replace")
    return RunResult(
        wall, usage.ru_utime + usage.ru_stime, _maxrss_mib(usage.ru_maxrss), proc.returncode, stdout, stderr
    )


def generate_placeholder_catalog(products: int, out: Path, seed: int) -> RunResult:
    """``tools/gen_catalog.py`` with one placeholder photo per IKM (the benchmarks of everything
    but photo work); raises ``BenchError`` when the generator fails."""
    gen = run_measured(
        [
            sys.executable,
            str(GENERATOR),
            "--products",
            str(products),
            "--out",
            str(out),
            "--seed",
            str(seed),
            "--photos-per-ikm",
            "1",
            "--placeholder-photos",
        ],
        REPO_ROOT,
    )
    if gen.returncode != 0:
        raise BenchError(f"generator failed (exit {gen.returncode}):\n{tail(gen.stderr)}")
    return gen


def tail(text: str, lines: int = TAIL_LINES) -> str:
    return "\n".join(text.rstrip("\n").splitlines()[-lines:])


def generate_catalog(products: int, workdir: Path, seed: int) -> float:
    """Write the synthetic catalog into ``workdir/content``; returns wall seconds."""
    cmd = [sys.executable, str(GENERATOR), "--products", str(products), "--out", str(workdir), "--seed", str(seed)]
    result = run_measured(cmd, REPO_ROOT)
    if result.returncode != 0:
        raise BenchError(f"generator failed (exit {result.returncode}):\n{tail(result.stderr or result.stdout)}")
    return result.wall_s


def count_catalog(content: Path) -> tuple[int, int]:
    """(IKM folders, photo files) of a generated catalog."""
    products = content / "products"
    ikm = sum(1 for p in products.iterdir() if p.is_dir())
    photos = sum(1 for _ in products.glob("*/foto/*.jpg"))
    return ikm, photos


def build_command(workdir: Path) -> list[str]:
    return [sys.executable, "build.py", "build", "--content", f"{workdir}/content", "--out", f"{workdir}/_site"]


def _log(message: str) -> None:
    print(message, flush=True)  # progress shows up at once even when stdout is a pipe


def bench_size(products: int, runs: int, seed: int, keep: bool, log: Callable[[str], None] = _log) -> Measurement:
    """Generate one catalog, build it ``runs`` times, and clean up unless ``keep``."""
    workdir = Path(tempfile.mkdtemp(prefix=f"etalase-bench-{products}-"))
    try:
        log(f"== {products:,} products ({workdir})")
        generate_s = generate_catalog(products, workdir, seed)
        ikm, photos = count_catalog(workdir / "content")
        log(f"generated {ikm:,} IKMs, {photos:,} photos in {generate_s:.1f} s")
        results = []
        for i in range(1, runs + 1):
            shutil.rmtree(workdir / "_site", ignore_errors=True)  # every run is a full build
            result = run_measured(build_command(workdir), REPO_ROOT)
            if result.returncode != 0:
                detail = tail(result.stderr) or tail(result.stdout)
                raise BenchError(f"build failed (exit {result.returncode}) on run {i}:\n{detail}")
            log(
                f"run {i}/{runs}: {result.wall_s:.2f} s wall, {result.cpu_s:.2f} s CPU, "
                f"{result.peak_rss_mib:.0f} MiB peak RSS"
            )
            results.append(result)
        summary = tail(results[0].stdout, 1)
        return Measurement(products, ikm, photos, generate_s, tuple(results), summary)
    finally:
        if keep:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)


# --------------------------------------------------------------------------------------------
# Reporting
# --------------------------------------------------------------------------------------------


def spread(values: Sequence[float], fmt: str) -> str:
    """``median (min–max)``, or just the value for a single run."""
    median = format(statistics.median(values), fmt)
    if len(values) == 1:
        return median
    return f"{median} ({format(min(values), fmt)}–{format(max(values), fmt)})"


def markdown_table(measurements: Sequence[Measurement]) -> str:
    header = (
        "| Products | IKMs | Photos | Generate (s) | Build wall (s) | Build CPU (s) | Peak RSS (MiB) "
        "| Products/s | CPU ms/product |\n"
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    )
    rows = []
    for m in measurements:
        walls = [r.wall_s for r in m.runs]
        cpus = [r.cpu_s for r in m.runs]
        rows.append(
            f"| {m.products:,} | {m.ikm:,} | {m.photos:,} | {m.generate_s:.1f} "
            f"| {spread(walls, '.2f')} | {spread(cpus, '.2f')} "
            f"| {spread([r.peak_rss_mib for r in m.runs], '.0f')} "
            f"| {spread([m.products / w for w in walls], ',.0f')} "
            f"| {spread([1000 * c / m.products for c in cpus], '.2f')} |"
        )
    return header + "\n" + "\n".join(rows)


def _cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine_description() -> str:
    try:
        cpus = len(os.sched_getaffinity(0))  # what `nproc` reports
    except AttributeError:
        cpus = os.cpu_count() or 1
    return (
        f"{cpus} CPUs (nproc), {_cpu_model()}; {platform.system()} {platform.release()} {platform.machine()}; "
        f"Python {platform.python_version()} ({platform.python_implementation()})"
    )


def invocation(argv: Sequence[str]) -> str:
    """The command as a reader would retype it from the repository root."""
    script = Path(argv[0]).resolve() if argv else Path(__file__).resolve()
    try:
        shown = str(script.relative_to(REPO_ROOT))
    except ValueError:
        shown = str(script)
    return shlex.join(["python", shown, *argv[1:]])


def record_block(table: str, command: str, runs: int, today: datetime.date, machine: str) -> str:
    """The Markdown placed between the markers."""
    return (
        f"{table}\n\n"
        f"- Command: `{command}`\n"
        f"- Date: {today.isoformat()}\n"
        f"- Machine: {machine}\n"
        f"- Method: `python build.py build --content <tmp>/content --out <tmp>/_site` from a fresh output "
        f"folder, {runs} run(s) per size, median (min–max); catalog generation is timed separately and "
        f"not included. Peak RSS is the largest single process of the build."
    )


def replace_section(text: str, block: str, markers: tuple[str, str] = (START_MARKER, END_MARKER)) -> str:
    """Put ``block`` between the markers in ``text``; append the markers if they are absent.

    ``markers`` is the (start, end) pair; other benchmarks (``tools/bench_photos.py``) pass their own.
    """
    start_marker, end_marker = markers
    start, end = text.find(start_marker), text.find(end_marker)
    if start == -1 and end == -1:
        prefix = text if not text or text.endswith("\n") else text + "\n"
        separator = "\n" if prefix else ""
        return f"{prefix}{separator}{start_marker}\n{block}\n{end_marker}\n"
    if start == -1 or end == -1 or end < start:
        raise BenchError(f"markers {start_marker} and {end_marker} must both appear, in that order")
    return f"{text[:start]}{start_marker}\n{block}\n{text[end:]}"


def record(path: Path, block: str, markers: tuple[str, str] = (START_MARKER, END_MARKER)) -> None:
    """Rewrite ``path`` with ``block`` between the markers (creating the file if needed)."""
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(replace_section(text, block, markers), encoding="utf-8")


def save_record(prog: str, path: Path, block: str, markers: tuple[str, str] = (START_MARKER, END_MARKER)) -> int:
    """``record`` for a benchmark's ``main``: the exit code, with the reason on stderr."""
    try:
        record(path, block, markers)
    except BenchError as exc:
        print(f"{prog}: {path}: {exc}", file=sys.stderr)
        return 1
    print(f"\nrecorded in {path}")
    return 0


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Benchmark `python build.py build` on synthetic catalogs.")
    parser.add_argument(
        "--products",
        type=int,
        nargs="+",
        default=[10_000],
        metavar="N",
        help="catalog sizes to benchmark (default: 10000)",
    )
    parser.add_argument("--runs", type=int, default=3, metavar="R", help="builds per size (default: 3)")
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default: 1)")
    parser.add_argument("--keep", action="store_true", help="keep the generated catalogs and sites")
    parser.add_argument(
        "--record",
        type=Path,
        metavar="FILE",
        help="write the results between the bench:build markers in this Markdown file",
    )
    args = parser.parse_args(argv)
    if args.runs < 1 or any(n < 1 for n in args.products):
        parser.error("--runs and --products must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv if argv is None else argv)
    args = parse_args(argv[1:])
    if not (REPO_ROOT / "build.py").is_file():
        print(f"bench: no build.py in {REPO_ROOT}", file=sys.stderr)
        return 1
    try:
        measurements = [bench_size(n, args.runs, args.seed, args.keep) for n in args.products]
    except BenchError as exc:
        print(f"bench: {exc}", file=sys.stderr)
        return 1
    table = markdown_table(measurements)
    print()
    print(table)
    for m in measurements:
        if m.summary:
            print(f"\nbuild output ({m.products:,} products): {m.summary}")
    if args.record:
        block = record_block(table, invocation(argv), args.runs, datetime.date.today(), machine_description())
        return save_record("bench", args.record, block)
    return 0


if __name__ == "__main__":
    sys.exit(main())
