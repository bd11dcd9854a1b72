"""The `briefing` command: a thin layer over the library, with clear errors and no tracebacks."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any

import click

from .build import Generated, Project
from .errors import BriefingError, Problem, display_path

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
@click.version_option(package_name="briefing", message="%(prog)s %(version)s")
def main() -> None:
    """Turn annotated articles in briefs/ into a searchable briefing site.

    \b
    Example:
      briefing check        # validate every annotation
      briefing build        # generate pages and build site/
      briefing serve        # live preview at http://127.0.0.1:8000/<path of site_url>/
    """


@main.command("check")
@_ROOT
@_reports_errors
def check_command(root: Path) -> None:
    """Validate every annotation against its article; write nothing.

    Reports every error of every file as `briefs/<file>.yml:<line>: message`
    and exits 1 if there is any. Warns of each drafted quote and figure not yet
    reviewed (see `briefing review`) and of each quote whose speaker the article
    does not name within two paragraphs of it.

    \b
    Example:
      briefing check
    """
    from .drafting.review import check_annotations

    corpus, warnings = check_annotations(Project.at(root))
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
@click.option(
    "--clean",
    is_flag=True,
    help="Convert every page's Markdown again, not reusing the build cache in .briefing-cache/ (it refreshes it).",
)
@click.option(
    "--search",
    type=click.Choice(["auto", "material", "pagefind"]),
    default=None,
    help="Site search: Material's single index, Pagefind's chunked one, or auto (Pagefind from 200 briefs).",
)
@_reports_errors
def build_command(
    root: Path, site_dir: Path | None, strict: bool, verbose: bool, clean: bool, search: str | None
) -> None:
    """Generate the Markdown pages, then build the site into site/.

    The previous site stays in place unless the whole build succeeds. Pages whose Markdown and settings did not
    change since the last build come from the build cache in .briefing-cache/ instead of being converted again; the
    site is the same as a clean build's. On a terminal, progress bars show each stage; elsewhere, one line per stage.

    \b
    Example:
      briefing build
      briefing build --clean
      briefing build --site-dir /tmp/preview
      briefing build --search pagefind
    """
    from .mkdocs.progress import for_stream
    from .mkdocs.run import build_project

    def report(result: Generated) -> None:
        _print_warnings(result.warnings)
        _print_generated(result)

    built = build_project(
        Project.at(root),
        site_dir,
        strict=strict,
        verbose=verbose,
        search=search,
        on_generated=report,
        clean=clean,
        progress=for_stream(sys.stderr),
    )
    for note in built.cache.notes if built.cache else ():
        click.echo(note, err=True)
    click.echo(f"Built {built.pages} HTML pages into {built.target} in {built.seconds:.1f} s.")


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
@click.option(
    "--full",
    is_flag=True,
    help="Rebuild every page on each edit (slow on a big briefing; the default rebuilds only changed pages).",
)
@_reports_errors
def serve_command(root: Path, dev_addr: str, full: bool) -> None:
    """Preview the site live: edits to briefs/ rebuild and reload the browser.

    An edit regenerates only the Markdown it changed, and MkDocs rebuilds only those pages (a "dirty" build), so
    the browser shows it in about a second even with thousands of briefs. The navigation and search of pages not
    rebuilt may lag behind until the next full build; `briefing build` is always complete.

    \b
    Example:
      briefing serve --dev-addr 127.0.0.1:8001
    """
    from .mkdocs.progress import for_stream
    from .mkdocs.run import serve_project

    serve_project(
        Project.at(root),
        dev_addr,
        full=full,
        on_generated=lambda result: _print_warnings(result.warnings),
        progress=for_stream(sys.stderr),
    )


@main.command("init")
@_ROOT
@click.option("--name", required=True, help="The site's name (mkdocs.yml site_name).")
@click.option("--url", default=None, help="Where it will be published, e.g. https://<user>.github.io/<repo>/.")
@_reports_errors
def init_command(root: Path, name: str, url: str | None) -> None:
    """Start a new briefing: mkdocs.yml, an empty briefs/topics.yml and site_src/overrides/.

    Never replaces a file. Then add articles with `briefing import`, and build with `briefing build`.

    \b
    Example:
      briefing init --root my-briefing --name "Port strikes: a briefing"
    """
    from .mkdocs.scaffold import DEFAULT_URL, SiteSettings, init_project

    written = init_project(root.resolve(), SiteSettings(name, url or DEFAULT_URL))
    for path in written:
        click.echo(f"wrote {display_path(path, root.resolve())}")
    click.echo("Next: briefing import ARTICLE... (into briefs/), then briefing build.")


@main.command("review")
@_ROOT
@click.argument("slug")
@click.option("--line", type=click.IntRange(min=1), default=None, help="Only the quote or figure that spans this line.")
@_reports_errors
def review_command(root: Path, slug: str, line: int | None) -> None:
    """Mark a draft's quotes and figures as reviewed: each `drafted:` line becomes `reviewed: true`.

    Check each item against the article first; `briefing check` lists the items not yet reviewed, with the line
    to give --line. Nothing else in the file changes.

    \b
    Example:
      briefing review dockers-walk-out-as-port-talks-collapse
      briefing review dockers-walk-out-as-port-talks-collapse --line 42
    """
    from .drafting.review import review

    result = review(Project.at(root), slug, line)
    where = display_path(result.path, Project.at(root).root)
    click.echo(f"{where}: {result.marked} item{'s' if result.marked != 1 else ''} marked reviewed; {result.left} left")


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

    from .stages.schema import schema

    text = json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n"
    if output:
        output.write_text(text, encoding="utf-8")
        click.echo(f"Wrote {output}")
    else:
        click.echo(text, nl=False)


@main.command("import")
@_ROOT
@click.argument("sources", nargs=-1, metavar="[PATH_OR_URL]...")
@click.option("--feed", "feed_url", metavar="URL", help="Import every entry of this RSS or Atom feed not imported yet.")
@click.option("--limit", type=click.IntRange(min=1), metavar="N", help="With --feed: import at most N new entries.")
@click.option(
    "--timeout",
    type=click.FloatRange(min=0, min_open=True),
    metavar="SECONDS",
    help="How long to wait for each address (default 30, or $BRIEFING_FETCH_TIMEOUT).",
)
@click.option("--force", is_flag=True, help="Replace an existing article and annotation (the old files become .bak).")
@_reports_errors
def import_command(
    root: Path, sources: tuple[str, ...], feed_url: str | None, limit: int | None, timeout: float | None, force: bool
) -> None:
    """Import articles (plain text, saved web pages, web addresses or a feed) into briefs/ with a draft annotation.

    Each file becomes briefs/<slug>.txt, the slug made from its headline, and
    briefs/<slug>.yml, a draft annotation (status: draft) to check and correct.
    From a saved .html page only the article is kept: headline, author and
    date from its metadata, and the body text without navigation, share
    buttons, newsletter boxes or further-reading lists. Nothing is written
    unless every file imports; an existing file is never replaced without
    --force.

    An http(s) address is fetched (at most 5 redirects, 10 MB, one timeout)
    and imported as a saved page is, keeping its canonical address and date.
    An article already in briefs/ (same address or same text) is refused.

    With --feed, every entry of an RSS or Atom feed whose link is not in
    briefs/ yet is fetched and imported; the report says what was new,
    skipped and failed (and why). A failed entry does not stop the others;
    the command then exits 1.

    \b
    Example:
      briefing import ~/Downloads/article.html notes/interview.txt
      briefing import --force ~/Downloads/*.html
      briefing import https://news.example/2025/04/port-strike
      briefing import --feed https://news.example/rss.xml --limit 10
    """
    if feed_url:
        if sources:
            raise click.UsageError("give either --feed URL or files and addresses, not both")
        return _import_feed(Project.at(root), feed_url, force, limit, timeout)
    if not sources:
        raise click.UsageError("give the files or addresses to import, or --feed URL")
    if limit is not None:
        raise click.UsageError("--limit goes with --feed")
    from .drafting.importer import import_sources

    project = Project.at(root)
    bar = _ProgressBar()
    try:
        report = import_sources(sources, project.root, project.briefs_dir, force, timeout, bar)
    finally:
        bar.close()
    planned = report.planned
    for item in planned:
        click.echo(f"{item.source} -> briefs/{item.slug}.txt, briefs/{item.slug}.yml (draft)")
    for path in report.backups:
        click.echo(f"kept the replaced file as {display_path(path, project.root)}")
    click.echo(
        f"Imported {len(planned)} article{'s' if len(planned) != 1 else ''}; check each draft, then `briefing check`."
    )


class _ProgressBar:
    """A progress bar on standard error while articles import (drafting's Progress, told by the library)."""

    bar: Any = None

    def start(self, total: int) -> None:
        self.bar = click.progressbar(length=total, label="Importing", file=sys.stderr)
        self.bar.__enter__()

    def advance(self, url: str) -> None:
        self.bar.update(1)

    def close(self) -> None:
        if self.bar:
            self.bar.__exit__(None, None, None)


def _import_feed(project: Project, url: str, force: bool, limit: int | None, timeout: float | None) -> None:
    from .drafting.feed import describe, import_feed

    bar = _ProgressBar() if sys.stderr.isatty() else None
    try:
        report = import_feed(
            url, project.root, project.briefs_dir, force=force, limit=limit, timeout=timeout, progress=bar
        )
    finally:
        if bar:
            bar.close()
    for line in describe(report):
        click.echo(line)
    for path in report.backups:
        click.echo(f"kept the replaced file as {display_path(path, project.root)}")
    if report.failed:
        sys.exit(1)


@main.command("draft")
@_ROOT
@click.argument("slugs", nargs=-1)
@click.option("--all", "every", is_flag=True, help="Draft every article in briefs/.")
@click.option("--show-new", is_flag=True, help="List what the draft has that your annotation does not.")
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the draft instead of writing it.")
@_reports_errors
def draft_command(root: Path, slugs: tuple[str, ...], every: bool, show_new: bool, to_stdout: bool) -> None:
    """Draft the annotation of an article into briefs/<slug>.draft.yml.

    Finds every figure, quote (with its speaker) and topic in briefs/<slug>.txt
    and writes them, with a summary and status: draft, beside your
    annotation. Your briefs/<slug>.yml is never touched; when there is none
    yet, the draft becomes briefs/<slug>.yml.

    \b
    Example:
      briefing draft nk-troops-defecting
      briefing draft nk-troops-defecting --show-new
      briefing draft --all
    """
    from .drafting.redraft import redraft

    project = Project.at(root)
    for item in redraft(project.root, project.briefs_dir, slugs, every, show_new, write=not to_stdout):
        if item.written is None:
            click.echo(item.text, nl=False)
            continue
        counts = f"{len(item.draft.figures)} figures, {len(item.draft.quotes)} quotes, {len(item.draft.topics)} topics"
        click.echo(f"Wrote {item.written}: {counts}.")
        if item.against is not None:
            click.echo(f"New against {item.against}: {len(item.new)}" + (":" if item.new else "."))
            for line in item.new:
                click.echo(f"  {line}")
