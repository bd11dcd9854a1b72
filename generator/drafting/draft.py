"""Assemble a draft annotation from the extractors and render it as YAML that loads back through yamlio,
passes the schema and every provenance check. Same text in, byte-identical draft out."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, StrictUndefined

from ..stages.load import load_topics
from ..stages.schema import max_length
from ..stages.validate import validate_topics
from ..templating import override_files, search_path
from ..text import textio
from ..text.characters import strip_refused
from .figures import DraftFigure
from .matching import figure_key, figure_listed, quote_key
from .metadata import extract_metadata
from .pipeline import extract
from .quotes import DraftQuote
from .summary import extract_summary
from .topics import RegistryTopic, Suggestion, match_registry, suggest

# The schema's limits, read from it: a longer value is cut at a word (labels, roles) or left out (quotes, values).
LIMITS = {
    "title": max_length("annotation", "title"),
    "summary": max_length("annotation", "summary"),
    "quote": max_length("annotation", "quotes", "text"),
    "speaker": max_length("annotation", "quotes", "speaker"),
    "role": max_length("annotation", "quotes", "role"),
    "value": max_length("annotation", "key_figures", "value"),
    "label": max_length("annotation", "key_figures", "label"),
    **{key: max_length("annotation", "source", key) for key in ("name", "author", "url")},
}
MAX_ITEMS = 300  # the drafter's own bound on quotes and figures (the schema sets none)
FALLBACK_TOPIC = "Unsorted"
_NOT_PRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")
_SOURCE_KEYS = ("name", "author", "published", "url")


@dataclass(frozen=True)
class Draft:
    title: str
    summary: str
    source: dict[str, str] = field(default_factory=dict)
    figures: tuple[DraftFigure, ...] = ()
    quotes: tuple[DraftQuote, ...] = ()
    topics: tuple[str, ...] = ()
    suggestions: tuple[Suggestion, ...] = ()
    notes: tuple[str, ...] = ()


def build_draft(text: str, registry: list[RegistryTopic], known: dict[str, str] | None = None) -> Draft:
    """The draft annotation of one article; `known` holds what an imported page's metadata already says
    (title, name, author, published, url) and wins over what the text suggests."""
    known = {key: strip_refused(value) for key, value in (known or {}).items() if value}
    found = extract(text)
    meta = extract_metadata(text)
    notes = []
    title = known.get("title") or (strip_refused(meta.title) if meta.title else None)
    if not title:
        first = next((line.strip() for line in text.split("\n") if line.strip()), "Untitled")
        title = _cut(strip_refused(first), 100)
        notes.append("the article has no headline: the title is its opening words; write a real one")
    source = {"author": strip_refused(meta.author or ""), "published": meta.published, **known}
    source = {key: _cut(" ".join(source[key].split()), LIMITS.get(key, 200)) for key in _SOURCE_KEYS if source.get(key)}
    topics = [name for name, _count in match_registry(text, registry)]
    author = source.get("author", "")
    suggestions = [s for s in suggest(text, list(found.people), registry) if s.name not in author]
    if not topics:
        topics = [s.name for s in suggestions[:3]] or [FALLBACK_TOPIC]
        notes.append("no topic of briefs/topics.yml is mentioned: add the topics below to it, or pick others")
    quotes = [q for q in found.quotes if len(q.text) <= LIMITS["quote"]][:MAX_ITEMS]
    quotes = [_fit_quote(q) for q in quotes]
    figures = [
        replace(f, label=_cut(f.label, LIMITS["label"])) for f in found.figures if len(f.value) <= LIMITS["value"]
    ][:MAX_ITEMS]
    if any(not q.attributed for q in quotes):
        notes.append("some quotes have no speaker (UNKNOWN): write who said them")
    summary = _cut(strip_refused(extract_summary(found.article, title)), LIMITS["summary"])
    return Draft(
        title=_cut(" ".join(title.split()), LIMITS["title"]),
        summary=summary,
        source=source,
        figures=tuple(figures),
        quotes=tuple(quotes),
        topics=tuple(topics),
        suggestions=tuple(suggestions),
        notes=tuple(notes),
    )


def _fit_quote(quote: DraftQuote) -> DraftQuote:
    speaker = quote.speaker if len(quote.speaker) <= LIMITS["speaker"] else "UNKNOWN"
    role = _cut(quote.role, LIMITS["role"]) if quote.role else None
    return replace(quote, speaker=speaker, role=role, attributed=quote.attributed and speaker == quote.speaker)


def _cut(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar: JSON escapes plus \\uXXXX for what YAML does not allow raw."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _NOT_PRINTABLE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", quoted)


def comment(value: str) -> str:
    """Text safe inside a YAML comment: one line, printable."""
    return _NOT_PRINTABLE.sub(" ", " ".join(str(value).split()))


@lru_cache(maxsize=8)
def _environment(overrides: Path | None, _stamps: object = None) -> Environment:
    """The drafter's environment: YAML out, no Markdown escaping; templates through the site's search path, so a
    draft.yml.j2 in site_src/overrides/templates/ replaces the package's (`_stamps` renews it when one changes)."""
    env = Environment(
        loader=search_path(overrides),
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters["q"] = yaml_string
    env.filters["comment"] = comment
    return env


def render(draft: Draft, article: str, command: str = "draft", overrides: Path | None = None) -> str:
    """The draft as annotation YAML (`overrides`: the project's template overrides folder); if it would pass the
    annotation size limit, items are dropped from the end."""
    figures, quotes = list(draft.figures), list(draft.quotes)
    notes = list(draft.notes)
    template = _environment(overrides, override_files(overrides)).get_template("draft.yml.j2")
    while True:
        text = template.render(
            command=command,
            article=article,
            notes=notes,
            title=draft.title,
            source=draft.source,
            summary=draft.summary,
            figures=figures,
            quotes=quotes,
            topics=draft.topics,
            suggestions=draft.suggestions,
        )
        if len(text.encode("utf-8")) <= textio.MAX_ANNOTATION_BYTES or not (figures or quotes):
            return text
        if "the draft was too long" not in " ".join(notes):
            notes.append("the draft was too long for one annotation: the last quotes and figures were left out")
        (quotes if len(quotes) >= len(figures) else figures).pop()


def load_registry(briefs_dir: Path) -> list[RegistryTopic]:
    """briefs/topics.yml, read and checked as the site reads it; a broken registry gives no topics (`briefing check`
    says why)."""
    document, _problems = load_topics(briefs_dir.parent, briefs_dir)
    topics, _lookup, _errors = validate_topics(document)
    return [RegistryTopic(topic.name, topic.kind, topic.aliases) for topic in topics.values()]


def new_items(draft: Draft, editor: Any) -> list[str]:
    """What the draft has that the editor's annotation (loaded YAML data) lacks, one line each."""
    data = editor if isinstance(editor, dict) else {}
    have_quotes = {quote_key(str(q.get("text", ""))) for q in _entries(data.get("quotes"))}
    have_figures = {figure_key(str(f.get("value", ""))) for f in _entries(data.get("key_figures"))}
    topics = data.get("topics")
    have_topics = {str(t).casefold() for t in (topics if isinstance(topics, list) else [])}
    lines = [f"+ figure {f.value!r}: {f.label}" for f in draft.figures if not figure_listed(f.value, have_figures)]
    lines += [f"+ quote ({q.speaker}): {q.text!r}" for q in draft.quotes if quote_key(q.text) not in have_quotes]
    lines += [f"+ topic {t!r}" for t in draft.topics if t.casefold() not in have_topics]
    return lines


def _entries(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []
