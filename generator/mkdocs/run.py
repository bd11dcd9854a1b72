"""What `briefing build` and `briefing serve` do, as one call each: generate the pages, then hand them to MkDocs.
The command line only prints; `on_generated` lets it show the generator's warnings and counts before MkDocs' own
messages start."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from ..build import Generated, Project, generate
from .plugin import memo_for
from .staging import build_lock, build_site, serve_site, show_mkdocs_log

Report = Callable[[Generated], None]


def _quiet(result: Generated) -> None:
    pass


@dataclass(frozen=True)
class Built:
    pages: int
    target: Path
    seconds: float


def build_project(
    project: Project,
    site_dir: Path | None = None,
    *,
    strict: bool = True,
    verbose: bool = False,
    search: str | None = None,
    on_generated: Report = _quiet,
) -> Built:
    """Generate, then build the site into `site_dir` (default site/) atomically, one build of a site at a time."""
    started = time.perf_counter()
    target = (site_dir or project.root / "site").resolve()
    with build_lock(target):  # a second build of the same site refuses, naming the first
        result = generate(project)
        on_generated(result)
        show_mkdocs_log(verbose)
        pages = build_site(project.root / "mkdocs.yml", target, strict=strict, fresh=result, search=search)
    return Built(pages, target, time.perf_counter() - started)


def serve_project(
    project: Project, dev_addr: str, *, full: bool = False, on_generated: Report = lambda r: None
) -> None:
    """Generate once (so errors show before the server starts; its first build reuses this run), then preview, with
    the review pages a preview has and a published site does not."""
    project = replace(project, site=replace(project.site, review=True))  # as the server's plugin sees it
    on_generated(generate(project, memo=memo_for(project)))
    show_mkdocs_log(verbose=True)
    serve_site(project.root / "mkdocs.yml", dev_addr, dirty=not full)
