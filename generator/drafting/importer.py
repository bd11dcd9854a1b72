"""`briefing import`: plain-text articles and saved web pages into briefs/<slug>.txt with a draft annotation.

A saved page is hostile input: it is parsed (never run), scripts and styles are dropped unread except JSON-LD
metadata, and sizes are capped. Nothing is written until every file of the run has been read and drafted, and an
existing article or annotation is replaced only with --force, after a backup (<name>.bak, .bak2, ...).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from slugify import slugify

from ..errors import BriefingError, Location, Problem, ValidationFailed, display_path
from ..stages.load import SLUG
from ..stages.write import write_atomic
from ..text import textio
from .draft import build_draft, load_registry, render
from .metadata import extract_metadata
from .webpage import MAX_PAGE_BYTES, article_text, read_page

MAX_SLUG = 60
HTML_SUFFIXES = (".html", ".htm", ".xhtml")


@dataclass(frozen=True)
class Planned:
    """One imported article, ready to write: its slug, article text and draft annotation."""

    source: str
    slug: str
    text: str
    annotation: str


def make_slug(title: str | None, fallback: str) -> str:
    for candidate in (title, fallback):
        slug = slugify(candidate or "", max_length=MAX_SLUG, word_boundary=True, lowercase=True)
        if slug and SLUG.match(slug):
            return slug
    return "article"


def plan(
    paths: list[Path], root: Path, briefs_dir: Path, force: bool, progress: Callable[[Path], None]
) -> list[Planned]:
    """Read and draft every file; raise ValidationFailed with every problem before anything is written."""
    registry = load_registry(briefs_dir)
    planned: list[Planned] = []
    problems: list[Problem] = []
    for path in paths:
        where = display_path(path, root)
        try:
            planned.append(_plan_one(path, where, briefs_dir, registry, force, {p.slug for p in planned}, root))
        except BriefingError as exc:
            problems.extend(exc.problems)
        progress(path)
    if problems:
        raise ValidationFailed(problems)
    return planned


def _plan_one(
    path: Path, where: str, briefs_dir: Path, registry: Any, force: bool, taken: set[str], root: Path
) -> Planned:
    if path.is_symlink() or not path.is_file():
        raise BriefingError(Location(where, 1), "is not a regular file; give the saved page or text file itself")
    known: dict[str, str] = {}
    if path.suffix.lower() in HTML_SUFFIXES:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            raise BriefingError(Location(where, 1), f"page is {size:,} bytes, over the limit of {MAX_PAGE_BYTES:,}")
        page = read_page(path.read_bytes(), where)
        if not page.body:
            raise BriefingError(Location(where, 1), "found no article text in this page; save the article page itself")
        text = article_text(page)
        known = {"title": page.title, "author": page.author, "published": page.published, "name": page.name}
        known = {**known, "url": page.url}
        title = page.title
    else:
        text = textio.read_text(path, where, textio.MAX_ARTICLE_BYTES)
        if not text.strip():
            raise BriefingError(Location(where, 1), "file is empty; nothing to import")
        title = extract_metadata(text).title
    _check_limits(text, where)
    slug = make_slug(title, path.stem)
    if slug in taken:
        raise BriefingError(Location(where, 1), f"gives the same slug '{slug}' as another file of this import")
    for existing in (briefs_dir / f"{slug}.txt", briefs_dir / f"{slug}.yml"):
        if existing.exists() and not force:
            raise BriefingError(
                Location(where, 1),
                f"{display_path(existing, root)} already exists; use --force to replace it "
                "(the old file is kept as a .bak backup)",
            )
    annotation = render(build_draft(text, registry, {k: v for k, v in known.items() if v}), f"{slug}.txt", "import")
    return Planned(where, slug, text, annotation)


def _check_limits(text: str, where: str) -> None:
    size = len(text.encode("utf-8"))
    if size > textio.MAX_ARTICLE_BYTES:
        raise BriefingError(Location(where, 1), f"article text is {size:,} bytes, over {textio.MAX_ARTICLE_BYTES:,}")
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > textio.MAX_LINE_CHARS:
        raise BriefingError(
            Location(where, 1), f"a paragraph is {longest:,} characters, over {textio.MAX_LINE_CHARS:,}"
        )


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
