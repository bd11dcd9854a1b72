"""Build the MkDocs site into a staging folder and swap it in only on success.

MkDocs cleans site/ before it builds and writes in place, so a failure half-way would lose the last good site.
This module (like plugin.py) is an adapter: the generator core never imports MkDocs.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from ..build import Generated
from ..errors import BriefingError, Location
from ..stages.write import DISK_ERRORS
from .pagecache import PageCache
from .plugin import BriefingPlugin
from .progress import Progress

_STAGING_PREFIX = ".site-staging-"
_OLD_PREFIX = ".site-previous-"
LOCK_NAME = ".briefing-build.lock"  # beside site/: one build of a site at a time


@contextmanager
def build_lock(site_dir: Path) -> Iterator[None]:
    """Hold the build lock of `site_dir` (an flock on LOCK_NAME beside it) for a whole build, or refuse at once if
    another build holds it: two builds at once would race in the docs folder and in the swap. The kernel drops the
    lock when its process ends, however it ends, so a killed build never blocks the next one."""
    lock = site_dir.parent / LOCK_NAME
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise _os_error(exc, site_dir) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "another process"
            raise BriefingError(
                Location(site_dir.name),
                f"another `briefing build` (process {holder}) is building this site; wait for it to finish",
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        _recover(site_dir)  # first, what a killed build left: the previous site back in place, no staging
        yield
    except OSError as exc:
        raise _os_error(exc, site_dir) from None
    finally:
        os.close(fd)  # releases the lock


def _os_error(exc: OSError, site_dir: Path) -> BriefingError | OSError:
    """A failure of the file system (no space, an I/O error, a read-only folder) as one line; site/ is unchanged.
    Any other OSError is a bug of ours, and stays one (the command reports it as an internal error)."""
    if exc.errno not in DISK_ERRORS:
        return exc
    where = exc.filename if isinstance(exc.filename, str) else str(site_dir)
    return BriefingError(Location(where), f"{exc.strerror or exc}; site build failed, previous site kept")


def build_site(
    config_file: Path,
    site_dir: Path,
    strict: bool = True,
    *,
    fresh: Generated | None = None,
    search: str | None = None,
    cache: PageCache | None = None,
    progress: Progress | None = None,
) -> int:
    """Build the site from `config_file` into `site_dir` atomically; return the number of HTML pages.

    `fresh`: what the caller has just generated, so the plugin need not run the generator again.
    `search`: 'auto', 'material' or 'pagefind' (see search.py); None keeps the plugin's setting.
    `cache`: the persistent cache of converted Markdown (pagecache.py); `progress`: where the stages are shown.
    """
    try:
        _recover(site_dir)
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=site_dir.parent))
    except OSError as exc:
        raise _os_error(exc, site_dir) from None
    try:
        config = load_config(config_file=str(config_file), site_dir=str(staging), strict=strict)
        plugin = config.plugins.get("briefing")
        if isinstance(plugin, BriefingPlugin):  # options reach the plugin on its instance, not the environment
            plugin.fresh, plugin.search_mode, plugin.cache = fresh, search, cache
            plugin.progress = progress or Progress()
        mkdocs_build(config)
    except MkDocsException as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise BriefingError(Location(config_file.name), f"site build failed, previous site kept: {exc}") from None
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise _os_error(exc, site_dir) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        _swap(staging, site_dir)
    except OSError as exc:  # site/ as it was (a kill between the renames: the next run puts it back)
        shutil.rmtree(staging, ignore_errors=True)
        raise _os_error(exc, site_dir) from None
    return sum(1 for _ in site_dir.rglob("*.html"))


def _swap(staging: Path, site_dir: Path) -> None:
    old = None
    if site_dir.exists():
        old = Path(tempfile.mkdtemp(prefix=_OLD_PREFIX, dir=site_dir.parent))
        old.rmdir()
        site_dir.rename(old)
        try:
            staging.rename(site_dir)
        except OSError:
            old.rename(site_dir)
            raise
    else:
        staging.rename(site_dir)
    if old:
        shutil.rmtree(old, ignore_errors=True)


def _recover(site_dir: Path) -> None:
    """After a kill between the two renames of a swap, put the previous site back; drop stale staging."""
    parent = site_dir.parent
    previous = sorted(parent.glob(_OLD_PREFIX + "*"))
    if not site_dir.exists() and previous:
        previous[-1].rename(site_dir)
    for leftover in [*parent.glob(_OLD_PREFIX + "*"), *parent.glob(_STAGING_PREFIX + "*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def show_mkdocs_log(verbose: bool) -> None:
    """Send MkDocs' own messages to stderr (the mkdocs command does this; a library call does not)."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_briefing", False) for h in logger.handlers):
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._briefing = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def serve_site(config_file: Path, dev_addr: str, *, dirty: bool = True) -> None:
    """Live preview with livereload. Dirty rebuilds (the default) render only the pages whose Markdown the
    generator rewrote, so an annotation edit reaches the browser in about a second at 1,000 briefs instead of a
    full rebuild (bench/README.md). Dirty builds warn that navigation may be stale, so they cannot be strict; the
    full build (`briefing build`, CI) stays the strict source of truth."""
    from mkdocs.commands.serve import serve

    serve(
        config_file=str(config_file),
        dev_addr=dev_addr,
        livereload=True,
        build_type="dirty" if dirty else None,
        strict=False if dirty else None,
    )
