"""Stage 1: read briefs/ into raw entries: article text and annotation documents with their line maps."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import BriefingError, Location, Problem, ValidationFailed, display_path
from ..text import textio, yamlio

T = TypeVar("T")

TOPICS_FILE = "topics.yml"
DRAFT_SUFFIX = ".draft.yml"
# A brief's file name is its page name: lowercase ASCII keeps it unique regardless of case or Unicode tricks.
SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@dataclass(frozen=True)
class RawBrief:
    slug: str
    annotation: yamlio.Document
    article_where: str
    article_text: str
    # why the article could not be read (then article_text is empty): the annotation's own checks still run
    article_problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class RawCorpus:
    briefs: tuple[RawBrief, ...]
    topics: yamlio.Document | None
    problems: tuple[Problem, ...]


def annotation_paths(briefs_dir: Path) -> list[Path]:
    """The editor's annotations, in a stable order; drafts and the topic registry are not briefs."""
    return sorted(p for p in briefs_dir.glob("*.yml") if p.name != TOPICS_FILE and not p.name.endswith(DRAFT_SUFFIX))


def load_corpus(root: Path, briefs_dir: Path) -> RawCorpus:
    """Read every annotation and article; a file that fails is reported and the others go on."""
    briefs: list[RawBrief] = []
    problems: list[Problem] = []
    for path in annotation_paths(briefs_dir):
        loaded = load_one(root, briefs_dir, path)
        if isinstance(loaded, RawBrief):
            briefs.append(loaded)
            problems.extend(loaded.article_problems)
        else:
            problems.extend(loaded)
    problems.extend(orphan_articles(root, briefs_dir))
    topics, topic_problems = load_topics(root, briefs_dir)
    return RawCorpus(tuple(briefs), topics, (*problems, *topic_problems))


def load_one(root: Path, briefs_dir: Path, path: Path) -> RawBrief | tuple[Problem, ...]:
    """One annotation with its article, or the problems that stopped it loading. An annotation whose article cannot
    be read is returned with the article's problems, so that its own checks still run in the same run."""
    return _try(_load_brief_or_annotation, root, briefs_dir, path)


class ArticleUnreadable(BriefingError):
    """The annotation loaded but its article did not: carries the annotation for the checks that need no article."""

    def __init__(self, error: BriefingError, brief: RawBrief) -> None:
        super().__init__(error.location, error.message)
        self.error = error
        self.brief = brief

    @property
    def problems(self) -> list[Problem]:
        return self.error.problems


def _load_brief_or_annotation(root: Path, briefs_dir: Path, path: Path) -> RawBrief:
    try:
        return load_brief(root, briefs_dir, path)
    except ArticleUnreadable as exc:
        return exc.brief


def load_topics(root: Path, briefs_dir: Path) -> tuple[yamlio.Document | None, list[Problem]]:
    """The topic registry briefs/topics.yml, if there is one (a missing one is a warning)."""
    topics_path = briefs_dir / TOPICS_FILE
    where = display_path(topics_path, root)
    if not topics_path.exists():
        return None, [Problem(Location(where), "topic registry is missing; create it with a 'topics:' list", "warning")]
    loaded = _try(_load_yaml, topics_path, where)
    return (loaded, []) if isinstance(loaded, yamlio.Document) else (None, list(loaded))


def _try(load: Callable[..., T], *args: Any) -> T | tuple[Problem, ...]:
    try:
        return load(*args)
    except BriefingError as exc:
        return tuple(exc.problems)


def file_key(annotation: Path) -> tuple[object, ...] | object:
    """The bytes of an annotation and of its article, and whether the article is a link: what loading depends
    on. Files too big to be loaded get a key that never matches, so their error is reported every run."""
    key: list[object] = []
    for path in (annotation, annotation.with_suffix(".txt")):
        try:
            if path.stat().st_size > textio.MAX_ARTICLE_BYTES:
                return object()
            key += [path.read_bytes(), path.is_symlink()]
        except OSError:
            key += [None, None]
    return tuple(key)


def load_brief(root: Path, briefs_dir: Path, path: Path) -> RawBrief:
    """Read one annotation and the article beside it."""
    where = display_path(path, root)
    slug = path.stem
    if not SLUG.match(slug):
        raise BriefingError(
            Location(where, 1),
            "file name must be lowercase letters, digits and single hyphens "
            "(it becomes the page address); rename the .yml and its .txt",
        )
    document = _load_yaml(path, where)
    article = path.with_suffix(".txt")
    article_where = display_path(article, root)
    try:
        if not article.exists():
            raise BriefingError(Location(where, 1), f"no article for this annotation; put its text in {article_where}")
        _check_inside(article, briefs_dir, article_where)
        text = textio.read_text(article, article_where, textio.MAX_ARTICLE_BYTES)
        if not text.strip():
            raise BriefingError(Location(article_where, 1), "article is empty; paste the article text into it")
    except BriefingError as exc:
        raise ArticleUnreadable(exc, RawBrief(slug, document, article_where, "", tuple(exc.problems))) from None
    return RawBrief(slug, document, article_where, text)


def _load_yaml(path: Path, where: str) -> yamlio.Document:
    try:
        text = textio.read_text(path, where, textio.MAX_ANNOTATION_BYTES)
    except BriefingError as exc:
        # a line too long to be real is often a bracket bomb: say so, beside the line-length error
        deep = yamlio.nesting_problem(_decoded_or_empty(path, where), where)
        if deep is None:
            raise
        raise ValidationFailed([deep, *exc.problems]) from None
    return yamlio.load(text, where)


def _decoded_or_empty(path: Path, where: str) -> str:
    try:
        if path.is_symlink() or path.stat().st_size > textio.MAX_ANNOTATION_BYTES:
            return ""
        return textio.decode(path.read_bytes(), where)
    except (OSError, BriefingError):
        return ""


def _check_inside(path: Path, briefs_dir: Path, where: str) -> None:
    if path.is_symlink() or not path.resolve().is_relative_to(briefs_dir.resolve()):
        raise BriefingError(
            Location(where, 1), "article is a symbolic link or lies outside briefs/; copy the real file into briefs/"
        )


def orphan_articles(root: Path, briefs_dir: Path) -> list[Problem]:
    return [
        Problem(
            Location(display_path(txt, root)),
            f"article has no annotation; write {txt.with_suffix('.yml').name} (or run `briefing draft`)",
            "warning",
        )
        for txt in sorted(briefs_dir.glob("*.txt"))
        if not txt.with_suffix(".yml").exists()
    ]
