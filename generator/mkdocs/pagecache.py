"""A persistent cache of MkDocs' Markdown conversion, so a `briefing build` after a small edit converts only the
pages whose Markdown (or whatever else shapes their HTML) changed.

Python-Markdown's `convert` is most of a clean build (97 s of 121 s profiled at 1,000 briefs, issue 16). This cache
replaces exactly one step of MkDocs' page pipeline, `Page.render`, and nothing around it: every plugin event
(on_pre_page, on_page_markdown, on_page_content, on_page_context, on_post_page, on_env), the theme's templates, the
navigation, tags, sitemap, 404, Material's search index and Pagefind still run for every page, on the same
`page.content` and `page.toc` a conversion would give. So whatever spans pages stays what a clean build makes.

An entry is keyed on the Markdown MkDocs is about to convert (after every plugin's on_page_markdown, so what the
tags plugin or ours insert is in the key), the page's source path, URL and inclusion, the Markdown settings of
mkdocs.yml (extensions and their configs, use_directory_urls, link validation), the log level (it decides which
link messages and records Page.render makes) and the versions of everything that converts. A page's HTML also depends
on the other files its links point at (their URLs, whether they exist or are excluded): each entry records the
lookups its conversion made and is used only if every one of them answers the same today, so adding a brief does not
invalidate the pages that never link to it.

What `Page.render` sets, and an entry restores (mkdocs 1.6, mkdocs/structure/pages.py): content, toc,
_title_from_render, present_anchor_ids, links_to_anchors. A conversion that logged anything (a broken link's
warning, an info message) is not stored, so its messages, and a strict build's failure, come every time.

Layout: `.briefing-cache/format.json` (the format this code reads), `.briefing-cache/pages/<aa>/<key>` one file per
entry: a header line (JSON: format, key, sha256 of the body) and the body (JSON). Entries are written atomically
(a temporary file renamed into place). A damaged entry (bad header or body hash) or a folder of another format is
ignored, with one line saying so, and rebuilt; entries a full build did not use are pruned after it.

Not tracked, so the cache is off when mkdocs.yml uses them: Markdown extensions that read other files while
converting (pymdownx.snippets, markdown-include).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from mkdocs.structure.toc import AnchorLink, get_toc

FORMAT = 1
DIR_NAME = ".briefing-cache"
_FORMAT_FILE = "format.json"
_PAGES = "pages"
_TOOL = "briefing page cache"
# what converts a page: a new version of any may convert the same Markdown differently
_PACKAGES = ("briefing", "mkdocs", "mkdocs-material", "markdown", "pymdown-extensions")
# extensions that read files other than the page while converting: the key cannot see those files
_READS_FILES = ("pymdownx.snippets", "markdown_include", "mdx_include")
_RENDER_LOGGER = "mkdocs.structure.pages"  # where Page.render's link messages go


@dataclass
class Stats:
    hits: int = 0
    converted: int = 0
    damaged: int = 0
    pruned: int = 0
    # one line each for the person building (not MkDocs warnings: those fail a strict build)
    notes: list[str] = field(default_factory=list)


@dataclass
class PageCache:
    """One build's use of the cache folder `root`. `read=False` (briefing build --clean) converts every page but
    still stores what it converted, so the next build starts warm."""

    root: Path
    read: bool = True
    stats: Stats = field(default_factory=Stats)
    _used: set[str] = field(default_factory=set)
    _settings: str | None = None
    _off: bool = False

    @classmethod
    def open(cls, root: Path, *, read: bool = True) -> PageCache:
        """The cache in `root`; a folder of another format (or not ours) is reported in one line and started anew."""
        cache = cls(root, read)
        try:
            cache._check_format()
        except OSError as exc:
            cache.stats.notes.append(f"build cache {root} not usable ({exc.strerror or exc}): building without it")
            cache._off = True
        return cache

    def _check_format(self) -> None:
        marker = self.root / _FORMAT_FILE
        expected = {"tool": _TOOL, "format": FORMAT}
        try:
            found = json.loads(marker.read_text("utf-8"))
        except FileNotFoundError:
            found = None if not self.root.exists() or not any(self.root.iterdir()) else "unmarked"
        except (OSError, UnicodeDecodeError, ValueError):
            found = "unreadable"
        if found == expected:
            return
        if found is not None:
            what = f"format {found.get('format')!r}" if isinstance(found, dict) else found
            self.stats.notes.append(
                f"ignored the build cache {self.root.name}/ ({what}, not format {FORMAT}); rebuilt it"
            )
            shutil.rmtree(self.root / _PAGES, ignore_errors=True)
        (self.root / _PAGES).mkdir(parents=True, exist_ok=True)
        _write_atomic(marker, (json.dumps(expected) + "\n").encode())
        tag = self.root / "CACHEDIR.TAG"  # backup tools skip a folder with this tag (bford.info/cachedir)
        if not tag.exists():
            _write_atomic(tag, b"Signature: 8a477f597d28d172789f06886806bc55\n# briefing's build cache\n")

    def wrap(self, page: Any, config: Any) -> None:
        """Make `page.render` go through the cache (call before MkDocs renders it, e.g. from on_pre_page)."""
        if self._off or getattr(page, "_briefing_cached", False):
            return
        if self._settings is None:
            self._settings = _settings(config)
            if self._settings == "":
                self._off = True
                names = ", ".join(e for e in _extension_names(config) if e in _READS_FILES)
                self.stats.notes.append(f"build cache off: {names} reads other files while converting")
                return
        original = page.render
        page.render = functools.partial(self._render, page, original)
        page._briefing_cached = True

    def _render(self, page: Any, original: Callable[[Any, Any], None], config: Any, files: Any) -> None:
        level = logging.getLogger(_RENDER_LOGGER).getEffectiveLevel()
        file = page.file
        key = _sha256(
            "\0".join((self._settings or "", str(level), file.src_uri, file.url, file.inclusion.name, page.markdown))
        )
        self._used.add(key)
        if self.read and self._restore(page, key, files, level):
            self.stats.hits += 1
            return
        recording = _RecordingFiles(files)
        with _capture(_RENDER_LOGGER) as logged:
            original(config, recording)
        self.stats.converted += 1
        if logged:  # its messages must come again next time (and fail a strict build again)
            return
        self._store(page, key, recording.lookups)

    def _path(self, key: str) -> Path:
        return self.root / _PAGES / key[:2] / key

    def _restore(self, page: Any, key: str, files: Any, level: int) -> bool:
        try:
            data = self._path(key).read_bytes()
        except FileNotFoundError:
            return False
        except OSError:
            self.stats.damaged += 1
            return False
        entry = _parse(data, key)
        if entry is None:
            self.stats.damaged += 1
            return False
        if any(_lookup(files, path) != found for path, found in entry["lookups"]):
            return False  # a file this page links to appeared, went or moved: convert it again
        page.content = entry["content"]
        page.toc = get_toc(entry["toc"])
        page._title_from_render = entry["title"]
        page.present_anchor_ids = set(entry["anchors"])
        if level > logging.DEBUG:  # as Page.render does
            page.links_to_anchors = {
                files.get_file_from_path(path): links for path, links in entry["links_to_anchors"].items()
            }
        return True

    def _store(self, page: Any, key: str, lookups: dict[str, Any]) -> None:
        links = getattr(page, "links_to_anchors", None) or {}
        body = json.dumps(
            {
                "content": page.content,
                "toc": [_token(link) for link in page.toc],
                "title": page._title_from_render,
                "anchors": sorted(page.present_anchor_ids or ()),
                "links_to_anchors": {target.src_uri: anchors for target, anchors in links.items()},
                "lookups": sorted(lookups.items()),
            },
            ensure_ascii=False,
        ).encode()
        header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()}).encode()
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _write_atomic(path, header + b"\n" + body)
        except OSError as exc:  # a full disk costs the next build time, never this build
            self.stats.notes.append(f"build cache not saved ({exc.strerror or exc}): the next build converts again")
            self._off = True

    def finish(self, *, prune: bool) -> Stats:
        """After the build: one line for damaged entries; with `prune` (a full build), drop every entry it did not
        use, so the folder holds one build's worth."""
        if self.stats.damaged:
            self.stats.notes.append(
                f"ignored {self.stats.damaged} damaged entries of the build cache {self.root.name}/; converted anew"
            )
        if prune and not self._off:
            for entry in _entries(self.root / _PAGES):
                if entry.name not in self._used:
                    with contextlib.suppress(OSError):
                        entry.unlink()
                        self.stats.pruned += 1
        return self.stats


def _parse(data: bytes, key: str) -> dict[str, Any] | None:
    """The entry in `data` if it is whole and of this format and key, else None."""
    head, newline, body = data.partition(b"\n")
    try:
        header = json.loads(head)
        if (
            not newline
            or not isinstance(header, dict)
            or header.get("format") != FORMAT
            or header.get("key") != key
            or header.get("sha256") != hashlib.sha256(body).hexdigest()
        ):
            return None
        entry = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        return None
    return entry if isinstance(entry, dict) else None


def _entries(pages: Path) -> Iterator[Path]:
    try:
        shards = list(pages.iterdir())
    except OSError:
        return
    for shard in shards:
        with contextlib.suppress(OSError):
            yield from shard.iterdir()  # with any temporary file a killed build left


class _RecordingFiles:
    """The build's Files, noting what each lookup of a page's conversion found: that is what its links depend on."""

    def __init__(self, files: Any) -> None:
        self._files = files
        self.lookups: dict[str, Any] = {}

    def get_file_from_path(self, path: str) -> Any:
        self.lookups[path] = _found(found := self._files.get_file_from_path(path))
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._files, name)

    def __iter__(self) -> Iterator[Any]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)


def _found(file: Any) -> list[Any] | None:
    return None if file is None else [file.url, file.inclusion.is_excluded()]


def _lookup(files: Any, path: str) -> list[Any] | None:
    return _found(files.get_file_from_path(path))


def _token(link: AnchorLink) -> dict[str, Any]:
    return {"level": link.level, "id": link.id, "name": link.title, "children": [_token(c) for c in link.children]}


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _capture(name: str) -> Iterator[list[logging.LogRecord]]:
    handler = _Capture()
    logger = logging.getLogger(name)
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def _extension_names(config: Any) -> list[str]:
    return [e if isinstance(e, str) else type(e).__module__ for e in config.markdown_extensions]


def _settings(config: Any) -> str:
    """Everything of the build, the same for every page, that changes how Markdown converts; '' when an extension
    makes conversion depend on files the cache cannot see."""
    if any(name in _READS_FILES for name in _extension_names(config)):
        return ""
    settings = {
        "format": FORMAT,
        "python": sys.version,
        "versions": {name: _version(name) for name in _PACKAGES},
        "extensions": _extension_names(config),
        "configs": config.mdx_configs,
        "use_directory_urls": config.use_directory_urls,
        "validation": config.validation,
    }
    return _sha256(json.dumps(settings, sort_keys=True, default=_stable))


def _stable(value: Any) -> Any:
    """A JSON form of config values: functions and classes (e.g. `!!python/name:` in mkdocs.yml) by their name."""
    if isinstance(value, dict) or hasattr(value, "items"):
        return dict(value.items())
    if hasattr(value, "__qualname__"):
        return f"{getattr(value, '__module__', '')}.{value.__qualname__}"
    if isinstance(value, set | frozenset | tuple):
        return sorted(map(repr, value))
    return repr(value)


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "none"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
