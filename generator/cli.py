"""The `briefing` command: a thin layer over the library, with clear errors and no tracebacks."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .build import Generated, Project, check, generate
from .errors import BriefingError, Problem

_ROOT = click.option(
    "--root",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="The project folder (holds briefs/ and mkdocs.yml).",
)


def _reports_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Print BriefingErrors as `file:line: message` lines and exit 1."""

    @wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except BriefingError as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            count = len(exc.problems)
            click.echo(f"{count} error{'s' if count != 1 else ''}; nothing was written.", err=True)
            sys.exit(1)
        except Exception as exc:  # a bug of ours, not the editor's: one line, and the way to the details
            if os.environ.get("BRIEFING_DEBUG"):
                raise
            click.echo(f"internal error: {type(exc).__name__}: {exc}", err=True)
            click.echo("briefs/ and site/ are unchanged. Rerun with BRIEFING_DEBUG=1 for the traceback.", err=True)
            sys.exit(2)

    return wrapper


def _print_warnings(warnings: list[Problem]) -> None:
    for warning in warnings:
        click.echo(str(warning), err=True)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="briefing")
def main() -> None:
    """Turn annotated articles in briefs/ into a searchable briefing site.

    \b
    Example:
      briefing check        # validate every annotation
      briefing build        # generate pages and build site/
      briefing serve        # live preview at http://127.0.0.1:8000
    """
    # Material's end-of-life banner is for site maintainers, not for editors running a preview.
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


@main.command("check")
@_ROOT
@_reports_errors
def check_command(root: Path) -> None:
    """Validate every annotation against its article; write nothing.

    Reports every error of every file as `briefs/<file>.yml:<line>: message`
    and exits 1 if there is any.

    \b
    Example:
      briefing check
    """
    corpus, warnings = check(Project.at(root))
    _print_warnings(warnings)
    click.echo(
        f"OK: {len(corpus.briefs)} briefs, {len(corpus.topics)} topics, "
        f"{sum(len(b.quotes) for b in corpus.briefs)} quotes and "
        f"{sum(len(b.figures) for b in corpus.briefs)} figures checked against their articles."
    )


@main.command("build")
@_ROOT
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to build the site (default: site/ in the project).",
)
@click.option("--strict/--no-strict", default=True, show_default=True, help="Fail on any MkDocs warning.")
@click.option("-v", "--verbose", is_flag=True, help="Show MkDocs' own progress messages.")
@_reports_errors
def build_command(root: Path, site_dir: Path | None, strict: bool, verbose: bool) -> None:
    """Generate the Markdown pages, then build the site into site/.

    The previous site stays in place unless the whole build succeeds.

    \b
    Example:
      briefing build
      briefing build --site-dir /tmp/preview
    """
    from .site import build_site, show_mkdocs_log

    project = Project.at(root)
    started = time.perf_counter()
    result = generate(project)
    _print_warnings(result.warnings)
    _print_generated(result)
    show_mkdocs_log(verbose)
    target = (site_dir or project.root / "site").resolve()
    pages = build_site(project.root / "mkdocs.yml", target, strict=strict)
    click.echo(f"Built {pages} HTML pages into {target} in {time.perf_counter() - started:.1f} s.")


def _print_generated(result: Generated) -> None:
    corpus, report = result.corpus, result.report
    assert report is not None
    click.echo(
        f"Generated {len(result.pages)} pages from {len(corpus.briefs)} briefs: "
        f"{len(corpus.topics)} topic pages, {len(corpus.metrics)} compared metrics "
        f"({len(report.written)} written, {len(report.unchanged)} unchanged, {len(report.removed)} removed)."
    )


@main.command("serve")
@_ROOT
@click.option("-a", "--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
@_reports_errors
def serve_command(root: Path, dev_addr: str) -> None:
    """Preview the site live: edits to briefs/ rebuild and reload the browser.

    \b
    Example:
      briefing serve --dev-addr 127.0.0.1:8001
    """
    from mkdocs.commands.serve import serve

    from .site import show_mkdocs_log

    project = Project.at(root)
    _print_warnings(generate(project).warnings)  # report errors here, clearly, before the server starts
    show_mkdocs_log(verbose=True)
    serve(config_file=str(project.root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True)


@main.command("schema")
@click.argument("kind", type=click.Choice(["annotation", "topics"]), default="annotation")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help="Write to this file instead of standard output.",
)
def schema_command(kind: str, output: Path | None) -> None:
    """Print the JSON Schema of annotations (or of topics.yml) for editors' tools.

    \b
    Example:
      briefing schema annotation -o annotation.schema.json
    """
    import json

    from .schema import schema

    text = json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}")
    else:
        click.echo(text, nl=False)
