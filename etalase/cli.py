"""The command line: ``python build.py build|validate|serve|new``. Plain ``python build.py`` builds."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

import click

from etalase import __version__, allocator, progress
from etalase.config import SiteConfig, load_config
from etalase.diagnostics import ERROR, WARNING, ContentError, format_report, format_summary
from etalase.i18n import t

CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _config(
    ctx: click.Context, content: Path | None = None, out: Path | None = None, base_url: str | None = None
) -> SiteConfig:
    cfg = load_config(ctx.obj["config"])
    return cfg.with_overrides(base_url=base_url, output_dir=out, content_dir=content)


def _counts(diags) -> tuple[int, int, int]:
    errors = sum(d.severity == ERROR for d in diags)
    warnings = sum(d.severity == WARNING for d in diags)
    return errors, warnings, len({d.path for d in diags})


content_option = click.option(
    "--content",
    type=click.Path(file_okay=False, path_type=Path),
    help="Content folder to use instead of the one in site_config.yaml (e.g. a test catalog).",
)
strict_option = click.option("--strict", is_flag=True, help="Treat warnings as errors.")


@click.group(
    context_settings=CONTEXT,
    invoke_without_command=True,
    epilog="""\b
Examples:
  python build.py                      # same as: python build.py build
  python build.py validate             # check content/ only
  python build.py validate --format github
  python build.py new                  # add an IKM (producer) or a product
  python build.py serve                # preview on http://127.0.0.1:8000/
""",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default="site_config.yaml",
    show_default=True,
    help="Site configuration file.",
)
@click.option("--debug", is_flag=True, help="Show Python tracebacks for internal errors.")
@click.version_option(__version__, prog_name="etalase")
@click.pass_context
def cli(ctx: click.Context, config_path: Path, debug: bool) -> None:
    """Etalase: build the "Bangga Buatan Indonesia" product catalog site from content/."""
    ctx.ensure_object(dict)
    ctx.obj["config"] = config_path
    ctx.obj["debug"] = debug
    allocator.tune()  # large freed blocks go back to the system (etalase/allocator.py)
    if ctx.invoked_subcommand is None:
        ctx.invoke(build)


@cli.command(
    context_settings=CONTEXT,
    epilog="""\b
Examples:
  python build.py build
  python build.py build --base-url https://dinas.github.io/katalog/
  python build.py build --out /tmp/situs --strict
""",
)
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: _site/).")
@click.option("--base-url", help="Public address of the site, e.g. https://contoh.github.io/etalase/ .")
@content_option
@strict_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("-v", "--verbose", is_flag=True, help="Also print the time each pipeline step took.")
@click.option(
    "--force", is_flag=True, help="Build even when nothing changed since the last build (which is otherwise skipped)."
)
@click.option("-j", "--jobs", type=click.IntRange(1, 256), help="Processes for photo work (default: all cores).")
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Build cache folder (default: .etalase-cache/; safe to delete).",
)
@click.pass_context
def build(
    ctx: click.Context,
    out: Path | None = None,
    base_url: str | None = None,
    content: Path | None = None,
    strict: bool = False,
    quiet: bool = False,
    verbose: bool = False,
    jobs: int | None = None,
    cache_dir: Path | None = None,
    force: bool = False,
) -> None:
    """Validate content/ and write the whole site to _site/ (only if everything is valid)."""
    from etalase.pipeline import build as run_build
    from etalase.pipeline import summary

    cfg = _config(ctx, content, out, base_url).with_overrides(jobs=jobs, cache_dir=cache_dir)
    report = run_build(cfg, strict=strict, force=force, progress=progress.wanted(quiet))
    errors, warnings, files = _counts(report.diagnostics)
    if not report.ok:
        text = format_report(
            report.diagnostics, "text", t("msg.summary_errors", errors=errors, warnings=warnings, files=files)
        )
        raise ContentError(text + "\n" + t("msg.build_failed"))
    if report.diagnostics and not quiet:
        click.echo(format_report(report.diagnostics, "text", None), err=True)
    if verbose:
        for step, seconds in report.timings.items():
            click.echo(f"  {step:<14} {seconds:7.2f} s")
    if not quiet:
        click.echo(summary(report))


@cli.command(
    context_settings=CONTEXT,
    epilog="""\b
Examples:
  python build.py validate
  python build.py validate --format github     # annotations in a pull request
  python build.py validate --format github --summary "$GITHUB_STEP_SUMMARY"
  python build.py validate --format json > masalah.json
""",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="How to print problems.",
)
@click.option(
    "--summary",
    "summary_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Also append every problem as a Markdown table (with how to fix it) to this file, "
    'e.g. "$GITHUB_STEP_SUMMARY".',
)
@content_option
@strict_option
@click.pass_context
def validate(ctx: click.Context, fmt: str, summary_file: Path | None, content: Path | None, strict: bool) -> None:
    """Check every entry in content/ and report all problems (exit 1 if any error)."""
    from etalase.pipeline import check_content

    cfg = _config(ctx, content)
    report = check_content(cfg, strict=strict)
    errors, warnings, files = _counts(report.diagnostics)
    c = report.checked
    if report.ok:
        closing = t(
            "msg.summary_ok",
            ikm=len(c.ikm),
            products=len(c.products),
            programs=len(c.programmes),
            pages=len(c.pages),
            warnings=warnings,
        )
    else:
        closing = t("msg.summary_errors", errors=errors, warnings=warnings, files=files)
    text = format_report(report.diagnostics, fmt, closing if fmt != "json" else None)
    if summary_file is not None:
        with open(summary_file, "a", encoding="utf-8") as fh:
            fh.write(format_summary(report.diagnostics, closing))
    if text:
        click.echo(text, err=fmt == "text" and not report.ok)
    if not report.ok:
        ctx.exit(1)


@cli.command(
    context_settings=CONTEXT,
    epilog="""\b
Examples:
  python build.py serve
  python build.py serve --port 8080
""",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535))
@click.option("--no-watch", is_flag=True, help="Build once and serve, without rebuilding on changes.")
@content_option
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="Output folder to build into and serve (default: _site/).",
)
@click.option(
    "--cache-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Build cache folder (default: .etalase-cache/; safe to delete).",
)
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    no_watch: bool,
    content: Path | None,
    out: Path | None = None,
    cache_dir: Path | None = None,
) -> None:
    """Build, serve _site/ locally and rebuild when content, templates or assets change."""
    from etalase.serve import run

    cfg = _config(ctx, content, out).with_overrides(cache_dir=cache_dir)
    run(cfg, host, port, watch=not no_watch)


@cli.command(
    context_settings=CONTEXT,
    epilog="""\b
Examples:
  python build.py new            # asks what to create
  python build.py new ikm        # a new producer folder with ikm.yaml
  python build.py new produk     # a new product in an existing IKM folder
""",
)
@click.argument("what", required=False, type=click.Choice(["ikm", "produk"]))
@content_option
@click.pass_context
def new(ctx: click.Context, what: str | None, content: Path | None) -> None:
    """Create a new IKM folder or a new product file by answering a few questions."""
    from etalase.scaffold import run

    cfg = _config(ctx, content)
    run(cfg, what)


def main() -> None:
    """Entry point: click handles user errors; anything else is a bug, shown briefly."""
    debug = "--debug" in sys.argv
    try:
        cli.main(prog_name="python build.py", standalone_mode=True)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo(t("ui.cli.interrupted"), err=True)
        sys.exit(130)
    except Exception as exc:
        if debug:
            traceback.print_exc()
        else:
            click.echo(t("ui.cli.internal_error", detail=f"{type(exc).__name__}: {exc}"), err=True)
        sys.exit(3)
