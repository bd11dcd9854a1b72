"""Site search that stays light at any corpus size: Material's built-in index or a chunked Pagefind index.

Material's search downloads one JSON index of every page before the first query; it grows with the corpus (about
31 KB per brief here, because topic pages repeat their briefs' quotes and figures: 31 MB at 1,000 briefs). Pagefind
splits its index into chunks and a reader's query downloads only the chunks for its words (921 KB for the first
search at 10,000 briefs; see bench/results/latest.md). Both are static files: they work offline and from GitHub Pages.

The choice (`auto` unless `briefing build --search ...` or the BRIEFING_SEARCH environment variable says):
Material's search below PAGEFIND_FROM briefs, where its index is small and its result list is the richer one;
Pagefind from there on. This module is an adapter like staging.py: the generator core never imports it.

With Pagefind, the MkDocs plugin (generator/mkdocs/plugin.py) calls `configure` before pages render, which
detaches Material's indexing (about a fifth of the MkDocs build) and tells the theme partial
generator/mkdocs/theme/partials/search.html to show Pagefind's UI in Material's search dialog; then `post_build`
indexes the built site with the pagefind binary (from the `pagefind[bin]` package) and writes its bundle into
site/pagefind/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import addresses
from ..errors import BriefingError, Location

SEARCH_ENV = "BRIEFING_SEARCH"
MODES = ("auto", "material", "pagefind")
PAGEFIND_FROM = 200  # briefs; below this Material's whole index is under about 6 MB and loads in well under 1 s
EXTRA_KEY = "briefing_search"  # config.extra key the search partial reads
BUNDLE = "pagefind"  # the folder in site/ that Pagefind writes
# What Pagefind indexes: each brief, topic page and the figures page, by its article, without permalink pilcrows.
# The home page (every summary again, so it would match every query) is left out.
_GLOB = addresses.SEARCH_GLOB
_ROOT_SELECTOR = "article.md-content__inner"
_EXCLUDE = (".headerlink", ".md-source-file")
_MATERIAL_SEARCH = ("material/search", "search")
# A brief's summary section, by the anchor its "## Summary" heading gets (generator/pages/templates/brief.md.j2)
SUMMARY_ANCHOR = "#summary"
BRIEFS_FOLDER = addresses.BRIEFS_DIR + "/"


@dataclass(frozen=True)
class Indexed:
    seconds: float
    bundle_bytes: int
    files: int


def resolve(mode: str | None, briefs: int) -> str:
    """The search engine to build with: 'material' or 'pagefind'."""
    mode = (mode or os.environ.get(SEARCH_ENV) or "auto").strip().lower()
    if mode not in MODES:
        raise BriefingError(Location(SEARCH_ENV), f"search must be one of {', '.join(MODES)}, not {mode!r}")
    if mode == "auto":
        return "pagefind" if briefs >= PAGEFIND_FROM else "material"
    return mode


def configure(config: Any, mode: str | None, briefs: int) -> str:
    """Decide the engine for this build and set MkDocs up for it (call from a plugin before pages render)."""
    engine = resolve(mode, briefs)
    config.extra[EXTRA_KEY] = engine
    if engine == "pagefind":
        _detach_material_indexing(config)
    else:
        _lead_with_summaries(config)
    return engine


def _material_search(config: Any) -> Any:
    plugins = config.plugins
    return next((plugins[name] for name in _MATERIAL_SEARCH if name in plugins), None)


def _detach_material_indexing(config: Any) -> None:
    """Keep Material's search plugin registered (the header shows its search button only then) but stop it from
    indexing every page and writing search_index.json: Pagefind replaces both."""
    plugins = config.plugins
    search = _material_search(config)
    if search is None:
        return
    for event in ("page_context", "post_build"):
        plugins.events[event] = [m for m in plugins.events[event] if getattr(m, "__self__", None) is not search]


def _lead_with_summaries(config: Any) -> None:
    """Material's result for a page shows the text of its first section; on a brief that is the source line
    ("Outlet not stated · date not stated · Permalink"), and the summary is the section after it. Just before
    Material writes its index, each brief's page entry takes its summary's text in place of that line (and the
    summary's own entry goes: its words are the page's now)."""
    search = _material_search(config)
    if search is None:
        return
    events = config.plugins.events["post_build"]
    if any(getattr(m, "__name__", "") == "_summary_entries" for m in events):
        return
    writes = next((i for i, m in enumerate(events) if getattr(m, "__self__", None) is search), None)
    if writes is None:
        return

    def _summary_entries(*, config: Any) -> None:
        search.search_index.entries = lead_with_summaries(search.search_index.entries)

    events.insert(writes, _summary_entries)


def lead_with_summaries(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Search index entries with each brief's page entry holding its summary section's text."""
    summaries = {
        entry["location"][: -len(SUMMARY_ANCHOR)]: entry
        for entry in entries
        if entry["location"].startswith(BRIEFS_FOLDER) and entry["location"].endswith(SUMMARY_ANCHOR)
    }
    moved = {id(summary) for summary in summaries.values()}
    return [
        {**entry, "text": summaries[entry["location"]]["text"]} if entry["location"] in summaries else entry
        for entry in entries
        if id(entry) not in moved
    ]


def post_build(config: Any, serving: bool = False) -> Indexed | None:
    """After MkDocs wrote the site: index it with Pagefind when this build uses Pagefind. While serving, the first
    build indexes at once (search works from the start) and later rebuilds index in the background."""
    if config.extra.get(EXTRA_KEY) != "pagefind":
        return None
    site_dir = Path(config.site_dir)
    if serving and (site_dir / BUNDLE / "pagefind-entry.json").exists():
        _background.submit(site_dir)
        return None
    return index_site(site_dir)


def pagefind_executable() -> Path:
    try:
        from pagefind_bin import get_executable  # type: ignore[import-not-found]

        return Path(get_executable())
    except (ImportError, FileNotFoundError):
        found = shutil.which("pagefind") or shutil.which("pagefind_extended")
        if found:
            return Path(found)
    raise BriefingError(
        Location("search"),
        "Pagefind is not installed; run `.venv/bin/pip install 'pagefind[bin]'` (or build with --search material)",
    )


def index_site(site_dir: Path, background: bool = False) -> Indexed:
    """Run the pagefind binary over a built site; its bundle (index chunks, UI) lands in site_dir/pagefind/.

    In the background (a preview server), it runs at the lowest CPU priority: the next edit's rebuild comes first."""
    started = time.perf_counter()
    command = [
        str(pagefind_executable()),
        "--site",
        str(site_dir),
        "--output-subdir",
        BUNDLE,
        "--root-selector",
        _ROOT_SELECTOR,
        "--exclude-selectors",
        ",".join(_EXCLUDE),
        "--glob",
        _GLOB,
        "--silent",
    ]
    nice = shutil.which("nice") if background else None  # not preexec_fn: the preview server has threads
    command = [nice, "-n", "19", *command] if nice else command
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip().splitlines()
        raise BriefingError(
            Location("pagefind"), f"search indexing failed: {detail[-1] if detail else result.returncode}"
        )
    bundle = site_dir / BUNDLE
    files = [p for p in bundle.rglob("*") if p.is_file()]
    return Indexed(time.perf_counter() - started, sum(p.stat().st_size for p in files), len(files))


class _BackgroundIndexer:
    """While serving, index after each rebuild without delaying the browser's reload: one run at a time, and one
    more queued when a rebuild lands during a run. Search results lag the pages by the indexing time."""

    def __init__(self) -> None:
        import threading

        self._lock = threading.Lock()
        self._pending: Path | None = None
        self._thread: threading.Thread | None = None

    def submit(self, site_dir: Path) -> None:
        import threading

        with self._lock:
            self._pending = site_dir
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        import logging

        while True:
            with self._lock:
                site_dir, self._pending = self._pending, None
                if site_dir is None:
                    return
            try:
                index_site(site_dir, background=True)
            except BriefingError as exc:
                logging.getLogger("mkdocs.plugins.briefing").warning(str(exc))


_background = _BackgroundIndexer()
