"""What `briefing build` and `briefing serve` do, as one call each: generate the pages, then hand them to MkDocs.
The command line only prints; `on_generated` lets it show the generator's warnings and counts before MkDocs' own
messages start."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..build import Generated, Project, generate
from ..memo import Memo
from . import pagecache, plugin, search
from .plugin import memo_for
from .progress import Progress
from .staging import build_lock, build_site, serve_site, show_mkdocs_log

Report = Callable[[Generated], None]


def _quiet(result: Generated) -> None:
    pass


@dataclass(frozen=True)
class Built:
    pages: int
    target: Path
    seconds: float
    cache: pagecache.Stats | None = None


def build_project(
    project: Project,
    site_dir: Path | None = None,
    *,
    strict: bool = True,
    verbose: bool = False,
    search: str | None = None,
    on_generated: Report = _quiet,
    clean: bool = False,
    progress: Progress | None = None,
) -> Built:
    """Generate, then build the site into `site_dir` (default site/) atomically, one build of a site at a time.

    Pages whose Markdown conversion is in the build cache (.briefing-cache/, pagecache.py) are not converted again;
    `clean` converts every page (and refreshes the cache)."""
    started = time.perf_counter()
    progress = progress or Progress()
    target = (site_dir or project.root / "site").resolve()
    try:
        with build_lock(target):  # a second build of the same site refuses, naming the first
            result = _generate(project, progress)
            on_generated(result)
            show_mkdocs_log(verbose)
            cache = pagecache.PageCache.open(project.root / pagecache.DIR_NAME, read=not clean)
            pages = build_site(
                project.root / "mkdocs.yml",
                target,
                strict=strict,
                fresh=result,
                search=search,
                cache=cache,
                progress=progress,
            )
            progress.done(_search_summary(target))
    finally:
        progress.close()
    return Built(pages, target, time.perf_counter() - started, cache.stats)


def _generate(project: Project, progress: Progress, memo: Memo | None = None) -> Generated:
    progress.start("Generating Markdown")
    result = generate(project, memo=memo)
    written = len(result.report.written) if result.report else 0
    progress.done(f"{len(result.pages)} pages from {len(result.corpus.briefs)} briefs, {written} written")
    return result


def _search_summary(site: Path) -> str:
    index = site / "search" / "search_index.json"
    if index.exists():
        return f"search_index.json, {index.stat().st_size / 1e6:.1f} MB"
    bundle = site / search.BUNDLE
    files = [path for path in bundle.rglob("*") if path.is_file()]
    return f"{len(files)} files, {sum(path.stat().st_size for path in files) / 1e6:.1f} MB"


def serve_project(
    project: Project,
    dev_addr: str,
    *,
    full: bool = False,
    on_generated: Report = lambda r: None,
    progress: Progress | None = None,
) -> None:
    """Generate once (so errors show before the server starts; its first build reuses this run), then preview, with
    the review pages a preview has and a published site does not. `progress` shows this and the first build."""
    progress = progress or Progress()
    project = replace(project, site=replace(project.site, review=True))  # as the server's plugin sees it
    try:
        on_generated(_generate(project, progress, memo_for(project)))
    except BaseException:
        progress.close()
        raise
    show_mkdocs_log(verbose=True)
    plugin.first_build_progress[:] = [progress]
    serve_site(project.root / "mkdocs.yml", dev_addr, dirty=not full)
