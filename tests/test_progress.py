"""Progress bars: drawn on a terminal for steps past the delay (the last test), never in CI, in a
pipe, with -q or on a dumb terminal."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXED_EPOCH, REPO, run_cli, write_project
from test_content_errors import base_files

from etalase.progress import Progress, wanted


def run_in_terminal(project: Path, *args: str, **env: str) -> tuple[int, str]:
    """Run the CLI with stdout and stderr on a pseudo-terminal, as in a maintainer's shell."""
    master, slave = pty.openpty()
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "TERM": "xterm", **env}
    if "CI" not in env:  # the suite itself may run in CI
        full_env.pop("CI", None)
    proc = subprocess.Popen(
        [sys.executable, str(REPO / "build.py"), "--config", str(project / "site_config.yaml"), *args],
        cwd=project,
        stdin=subprocess.DEVNULL,
        stdout=slave,
        stderr=slave,
        env=full_env,
    )
    os.close(slave)
    out = b""
    while True:
        ready, _, _ = select.select([master], [], [], 120)
        if not ready:
            proc.kill()
            break
        try:
            chunk = os.read(master, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        out += chunk
    os.close(master)
    return proc.wait(timeout=60), out.decode("utf-8", "replace")


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = write_project(tmp_path / "p", base_files())
    assert run_cli(root, "build").returncode == 0  # photos cached, so the runs below are quick
    return root


def test_a_terminal_sees_the_bars_and_then_the_summary(project: Path) -> None:
    code, out = run_in_terminal(project, "build", "--force", ETALASE_PROGRESS_AFTER="0")
    assert code == 0, out
    assert "Memeriksa entri [" in out and "Menulis halaman [" in out
    assert "100%" in out
    # each bar is cleared before the summary line, which stands alone
    last = out.replace("\r\n", "\n").split("\n")
    summary = next(line for line in last if "Selesai:" in line)
    assert summary.split("\r")[-1].startswith("Selesai:")
    assert "Menulis halaman" not in summary.split("\r")[-1]


@pytest.mark.parametrize(
    "args, env",
    [
        (("build", "--force"), {"CI": "true", "ETALASE_PROGRESS_AFTER": "0"}),
        (("build", "--force", "-q"), {"ETALASE_PROGRESS_AFTER": "0"}),
        (("build", "--force"), {"TERM": "dumb", "ETALASE_PROGRESS_AFTER": "0"}),
    ],
)
def test_no_bars_in_ci_when_quiet_or_on_a_dumb_terminal(
    project: Path, args: tuple[str, ...], env: dict[str, str]
) -> None:
    code, out = run_in_terminal(project, *args, **env)
    assert code == 0, out
    assert "Memeriksa entri" not in out and "Menulis halaman" not in out, out
    assert "Selesai:" in out or "-q" in args


def test_no_bars_when_stderr_is_a_pipe(project: Path) -> None:
    proc = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--config", str(project / "site_config.yaml"), "build", "--force"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "SOURCE_DATE_EPOCH": FIXED_EPOCH, "ETALASE_PROGRESS_AFTER": "0"},
    )
    assert proc.returncode == 0 and "Menulis halaman" not in proc.stderr + proc.stdout


def test_bar_draws_only_past_its_delay(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ETALASE_PROGRESS_AFTER", "3600")
    quiet = io.StringIO()
    assert list(Progress("Langkah", 3, True, quiet).wrap("abc")) == ["a", "b", "c"]
    assert quiet.getvalue() == ""
    monkeypatch.setenv("ETALASE_PROGRESS_AFTER", "0")
    loud = io.StringIO()
    assert list(Progress("Langkah", 3, True, loud).wrap("abc")) == ["a", "b", "c"]
    text = loud.getvalue()
    assert text.startswith("\rLangkah [") and "3/3" in text and text.endswith("\r")
    assert not wanted(stream=io.StringIO())  # not a terminal
