"""`briefing import`: plain-text articles and saved web pages into briefs/<slug>.txt with a draft annotation.

An address (http:// or https://) is fetched first (drafting/fetch.py) and then read as a saved page is. The same
article imported twice (same address or same text) is refused, naming the brief that has it (drafting/imported.py).

A saved page is hostile input: it is parsed (never run), scripts and styles are dropped unread except JSON-LD
metadata, and sizes are capped. Nothing is written until every file of the run has been read and drafted, and an
existing article or annotation is replaced only with --force, after a backup (<name>.bak, .bak2, ...).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slugify import slugify

from ..errors import BriefingError, Location, Problem, ValidationFailed, display_path
from ..stages.load import SLUG
from ..stages.write import write_atomic
from ..templating import overrides_dir
from ..text import textio
from .draft import build_draft, load_registry, render
from .feed import Progress
from .fetch import TEXT_TYPES, fetch, is_address
from .imported import EARLIER, Imported
from .metadata import extract_metadata
from .webpage import MAX_PAGE_BYTES, Page, article_text, parse_page, read_page

MAX_SLUG = 60
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Planned:
    """One imported article, ready to write: its slug, article text and draft annotation."""

    source: str
    slug: str
    text: str
    annotation: str
    url: str | None = None  # the page's canonical address, for an imported page that has one


def make_slug(title: str | None, fallback: str) -> str:
    for candidate in (title, fallback):
        slug = slugify(candidate or "", max_length=MAX_SLUG, word_boundary=True, lowercase=True)
        if slug and SLUG.match(slug):
            return slug
    return "article"


def plan(
    paths: Sequence[Path | str],
    root: Path,
    briefs_dir: Path,
    force: bool,
    progress: Callable[[Path | str], None],
    timeout: float | None = None,
) -> list[Planned]:
    """Read (or fetch) and draft every file or address; raise ValidationFailed with every problem before anything
    is written."""
    batch = Batch(root, briefs_dir, force, timeout)
    problems: list[Problem] = []
    for path in paths:
        try:
            batch.add(path)
        except BriefingError as exc:
            problems.extend(exc.problems)
        progress(path)
    if problems:
        raise ValidationFailed(problems)
    return batch.planned


@dataclass(frozen=True)
class ImportReport:
    planned: list[Planned]
    backups: list[Path]  # the files --force replaced, kept as .bak


def import_sources(
    sources: Sequence[str],
    root: Path,
    briefs_dir: Path,
    force: bool = False,
    timeout: float | None = None,
    progress: Progress | None = None,
) -> ImportReport:
    """`briefing import` of files and addresses: each one read (or fetched) and drafted, then all written, or
    nothing written and ValidationFailed raised with every problem (a missing file before anything is read)."""
    paths = [s if is_address(s) and not Path(s).exists() else Path(s) for s in sources]
    missing = [p for p in paths if isinstance(p, Path) and not p.exists()]
    if missing:
        raise ValidationFailed([Problem(Location(str(p)), "no such file") for p in missing])
    progress = progress or Progress()
    progress.start(len(paths))
    planned = plan(paths, root, briefs_dir, force, lambda path: progress.advance(str(path)), timeout)
    return ImportReport(planned, write(planned, briefs_dir))


class Batch:
    """One import run: what briefs/ holds already and what this run has planned so far."""

    def __init__(self, root: Path, briefs_dir: Path, force: bool, timeout: float | None = None) -> None:
        self.root, self.briefs_dir, self.force, self.timeout = root, briefs_dir, force, timeout
        self.registry = load_registry(briefs_dir)
        self.seen = Imported.scan(briefs_dir, root)
        self.planned: list[Planned] = []

    def add(self, source: Path | str, hints: dict[str, str] | None = None) -> Planned:
        """Plan one file or address (`hints`: what a feed says of it, used where the page says nothing)."""
        where = source if isinstance(source, str) else display_path(source, self.root)
        taken = {p.slug for p in self.planned}
        item = _plan_one(source, where, self.briefs_dir, self.registry, self.force, taken, self.root, self, hints)
        self.planned.append(item)
        return item


def _plan_one(
    path: Path | str,
    where: str,
    briefs_dir: Path,
    registry: Any,
    force: bool,
    taken: set[str],
    root: Path,
    batch: Batch,
    hints: dict[str, str] | None = None,
) -> Planned:
    if isinstance(path, str):
        text, title, known, stem, urls = _fetch_one(path, where, batch.timeout)
    else:
        text, title, known, stem = _read_one(path, where)
        urls = [known.get("url")]
    known = {**(hints or {}), **{k: v for k, v in known.items() if v}}
    _check_limits(text, where)
    slug = make_slug(title, stem)
    if slug in taken:
        raise BriefingError(_at(where), f"gives the same slug '{slug}' as another file of this import")
    batch.seen.check(_at(where), urls, text, slug, force)
    for existing in (briefs_dir / f"{slug}.txt", briefs_dir / f"{slug}.yml"):
        if existing.exists() and not force:
            raise BriefingError(
                _at(where),
                f"{display_path(existing, root)} already exists; use --force to replace it "
                "(the old file is kept as a .bak backup)",
            )
    for url in [*urls, None]:
        batch.seen.add(url, text if url is None else None, f"{where}{EARLIER}", None)
    draft = build_draft(text, registry, {k: v for k, v in known.items() if v})
    annotation = render(draft, f"{slug}.txt", "import", overrides_dir(root))
    return Planned(where, slug, text, annotation, known.get("url"))


def _read_one(path: Path, where: str) -> tuple[str, str | None, dict[str, Any], str]:
    if path.is_symlink() or not path.is_file():
        raise BriefingError(_at(where), "is not a regular file; give the saved page or text file itself")
    known: dict[str, Any] = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise BriefingError(_at(where), f"page is {size:,} bytes, over the limit of {MAX_PAGE_BYTES:,}")
        text, title, known = _from_page(read_page(path.read_bytes(), where), where)
    else:
        text = textio.read_text(path, where, textio.MAX_ARTICLE_BYTES)
        if not text.strip():
            raise BriefingError(_at(where), "file is empty; nothing to import")
        title = extract_metadata(text).title
    return text, title, known, path.stem


def _fetch_one(url: str, where: str, timeout: float | None) -> tuple[str, str | None, dict[str, Any], str, list]:
    """An address: fetched, then read as a saved page (or a text file) is; its canonical address is the page's
    own (JSON-LD url, og:url, link rel=canonical), else the address it was finally read from."""
    fetched = fetch(url, timeout=timeout)
    if fetched.content_type in TEXT_TYPES:
        text = fetched.text()
        if not text.strip():
            raise BriefingError(_at(where), "is empty; nothing to import")
        title, known = extract_metadata(text).title, {"url": fetched.final_url}
    else:
        text, title, known = _from_page(parse_page(fetched.text(), fetched.final_url), where)
        known["url"] = known["url"] or fetched.final_url
    stem = fetched.final_url.rstrip("/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return text, title, known, stem, [known["url"], url, fetched.final_url]


def _from_page(page: Page, where: str) -> tuple[str, str | None, dict[str, Any]]:
    if not page.body:
        raise BriefingError(_at(where), "found no article text in this page; save the article page itself")
    known = {"title": page.title, "author": page.author, "published": page.published, "name": page.name}
    return article_text(page), page.title, {**known, "url": page.url}


def _at(where: str) -> Location:
    """Line 1 of a file; an address has no lines."""
    return Location(where, 0 if is_address(where) else 1)


def _check_limits(text: str, where: str) -> None:
    size = len(text.encode("utf-8"))
    if size > textio.MAX_ARTICLE_BYTES:
        raise BriefingError(_at(where), f"article text is {size:,} bytes, over {textio.MAX_ARTICLE_BYTES:,}")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > textio.MAX_LINE_CHARS:
        raise BriefingError(_at(where), f"a paragraph is {longest:,} characters, over {textio.MAX_LINE_CHARS:,}")


def write(planned: list[Planned], briefs_dir: Path) -> list[Path]:
    """Write every planned article and annotation atomically, backing up any file replaced; return the backups."""
    backups: list[Path] = []
    for item in planned:
        for path, content in (
            (briefs_dir / f"{item.slug}.txt", item.text),
            (briefs_dir / f"{item.slug}.yml", item.annotation),
        ):
            if path.exists():
                backups.append(backup(path))
            write_atomic(path, content.encode("utf-8"))
    return backups


def backup(path: Path) -> Path:
    """Copy `path` to <name>.bak (or .bak2, .bak3, ... if taken); never overwrites a backup."""
    number = 1
    while True:
        target = path.with_name(f"{path.name}.bak{number if number > 1 else ''}")
        if not target.exists():
            write_atomic(target, path.read_bytes())
            return target
        number += 1
