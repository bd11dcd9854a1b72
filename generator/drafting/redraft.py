"""`briefing draft`: draft the annotation of articles already in briefs/, beside the editor's own annotation."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import BriefingError, Location, Problem, ValidationFailed, display_path
from ..stages.load import DRAFT_SUFFIX, SLUG
from ..stages.write import write_atomic
from ..templating import overrides_dir
from ..text import textio, yamlio
from .draft import Draft, build_draft, load_registry, new_items, render


@dataclass(frozen=True)
class Redrafted:
    """One article's draft: its YAML, where it was written (None: not written) and, when asked, what it has that
    the editor's annotation lacks (`against`: that annotation, as the editor sees its path)."""

    slug: str
    draft: Draft
    text: str
    written: str | None = None
    against: str | None = None
    new: tuple[str, ...] = ()


def redraft(
    root: Path, briefs_dir: Path, slugs: Sequence[str], every: bool = False, show_new: bool = False, write: bool = True
) -> list[Redrafted]:
    """Draft each article (every one with `every`) into briefs/<slug>.draft.yml, or briefs/<slug>.yml when there is
    no annotation yet; with `write` False, only return the drafts. Raise ValidationFailed, writing nothing, when
    an article is missing or unreadable."""
    if every:
        slugs = sorted(p.stem for p in briefs_dir.glob("*.txt"))
    if not slugs:
        raise BriefingError(Location("briefs/"), "name the article to draft (its slug), or use --all")
    drafts = _draft_all(root, briefs_dir, slugs)
    if not write:
        return drafts
    return [_write(root, briefs_dir, item, show_new) for item in drafts]


def _draft_all(root: Path, briefs_dir: Path, slugs: Sequence[str]) -> list[Redrafted]:
    registry = load_registry(briefs_dir)
    problems: list[Problem] = []
    drafts = []
    for slug in slugs:
        article = briefs_dir / f"{slug}.txt"
        where = display_path(article, root)
        if not SLUG.match(slug) or not article.is_file():
            problems.append(Problem(Location(where), "no such article; give the slug of a briefs/<slug>.txt file"))
            continue
        try:
            text = textio.read_text(article, where, textio.MAX_ARTICLE_BYTES)
        except BriefingError as exc:
            problems.extend(exc.problems)
            continue
        draft = build_draft(text, registry)
        drafts.append(Redrafted(slug, draft, render(draft, article.name, overrides=overrides_dir(root))))
    if problems:
        raise ValidationFailed(problems)
    return drafts


def _write(root: Path, briefs_dir: Path, item: Redrafted, show_new: bool) -> Redrafted:
    editor = briefs_dir / f"{item.slug}.yml"
    target = briefs_dir / (f"{item.slug}{DRAFT_SUFFIX}" if editor.exists() else f"{item.slug}.yml")
    write_atomic(target, item.text.encode("utf-8"))
    written = display_path(target, root)
    if not (show_new and editor.exists() and target != editor):
        return Redrafted(item.slug, item.draft, item.text, written)
    where = display_path(editor, root)
    current = yamlio.load(textio.read_text(editor, where, textio.MAX_ANNOTATION_BYTES), where).data
    return Redrafted(item.slug, item.draft, item.text, written, where, tuple(new_items(item.draft, current)))
