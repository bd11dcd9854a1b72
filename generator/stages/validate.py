"""Stage 2: schema, provenance and cross-brief checks; valid entries become Briefs and Topics."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from slugify import slugify

from ..errors import Location, Problem
from ..model import Brief, Drafted, Figure, PartialDate, Quote, Source, Topic
from ..text import characters, provenance
from ..text.yamlio import Document
from . import schema
from .eventcheck import check_events
from .load import RawBrief

# Invisible or direction-changing characters make two names look alike or text read backwards (text/characters.py).
_NAME_FIELDS = {"speaker", "name", "author", "topics", "aliases", "metric"}


# Cyrillic and Greek letters that a reader cannot tell from Latin ones (after NFKC; from Unicode's confusables.txt).
# Transliteration (in slugify) maps some of them to other letters (Cyrillic "у" to "u"), so both keys are compared.
_CONFUSABLE = str.maketrans(
    "аеорсухіјѕԁһԛԝӏɑοαικνρτυχεηзАВЕКМНОРСТХІЈЅԜΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
    "aeopcyxijsdhqwlaoaikvptuxenzABEKMHOPCTXIJSWABEZHIKMNOPTYX",
)
_QUOTES = str.maketrans("", "", "'\"")


@lru_cache(maxsize=65536)  # the same few hundred names come back in every brief and every run
def topic_slug(name: str) -> str:
    return slugify(name)


@lru_cache(maxsize=65536)
def lookalike_keys(name: str) -> tuple[str, ...]:
    """Keys that two names share when a reader would take them for one: the page name, and a skeleton that folds
    case, accents, punctuation, dash and space variants, compatibility forms and Latin look-alike letters."""
    skeleton = topic_slug(provenance.normalise(name).translate(_CONFUSABLE).translate(_QUOTES))
    return tuple(dict.fromkeys(key for key in (topic_slug(name), skeleton) if key))


def validate_topics(doc: Document | None) -> tuple[dict[str, Topic], dict[str, str], list[Problem]]:
    """The topic registry: topics by slug, a lookup from every casefolded name and alias to its slug."""
    if doc is None:
        return {}, {}, []
    problems = [*schema.check(doc, "topics"), *_text_problems(doc)]
    if problems:
        return {}, {}, problems
    topics: dict[str, Topic] = {}
    lookup: dict[str, str] = {}
    seen: dict[str, tuple[str, str, Location]] = {}  # look-alike key -> first name with it, its topic's name, where
    for index, entry in enumerate(doc.data["topics"]):
        where = doc.location(("topics", index))
        topic = Topic(
            topic_slug(entry["name"]),
            entry["name"],
            entry["description"],
            entry.get("kind"),
            tuple(entry.get("aliases") or ()),
        )
        problems.extend(_register(topic, where, topics, lookup, seen))
    return topics, lookup, problems


def metric_labels(doc: Document | None) -> dict[str, str]:
    """Headings for shared metrics from topics.yml (call after validate_topics found no problem)."""
    if doc is None or not isinstance(doc.data, dict):
        return {}
    return {entry["id"]: _clean(entry["label"]) for entry in doc.data.get("metrics") or ()}


def _register(
    topic: Topic,
    where: Location,
    topics: dict[str, Topic],
    lookup: dict[str, str],
    seen: dict[str, tuple[str, str, Location]],
) -> list[Problem]:
    """Add one topic; report every name or alias of it that is, or looks like, a name of another topic."""
    if not topic.slug:
        return [Problem(where, f"topic name {topic.name!r} has no letters or digits to make a page name from")]
    problems = []
    same_page = topic.slug in topics
    if same_page:
        problems.append(
            Problem(
                where,
                f"topic {topic.name!r} has the same page name '{topic.slug}' as "
                f"{topics[topic.slug].name!r}; rename one or make it an alias",
            )
        )
    for name in (topic.name, *topic.aliases):
        key = name.casefold()
        if key in lookup and lookup[key] != topic.slug:
            problems.append(
                Problem(
                    where,
                    f"{name!r} already names topic {topics[lookup[key]].name!r}; an alias may belong to one topic only",
                )
            )
        elif key not in lookup and not (same_page and name == topic.name):  # that one is reported above
            problems.extend(_lookalike(name, topic.name, where, seen))
        lookup.setdefault(key, topic.slug)
    topics.setdefault(topic.slug, topic)
    return problems


def _lookalike(name: str, topic: str, where: Location, seen: dict[str, tuple[str, str, Location]]) -> list[Problem]:
    """A problem when `name` looks like a name of another entry of the registry (each name reported once)."""
    problems = []
    for look in lookalike_keys(name):
        other = seen.setdefault(look, (name, topic, where))
        if other[2] != where and not problems:
            problems.append(
                Problem(
                    where,
                    f"{name!r} looks like {other[0]!r} of topic {other[1]!r} ({other[2]}); "
                    "readers would take them for one: write it the same way, or rename one",
                )
            )
    return problems


def validate_brief(
    raw: RawBrief, lookup: dict[str, str], topics: dict[str, Topic]
) -> tuple[Brief | None, list[Problem]]:
    """Check one annotation completely; return the Brief only when it has no errors."""
    doc = raw.annotation
    # Every check that can still run does, so an editor meets every error of the file in one run: a schema error
    # does not stop the checks against the article (they skip only the entries the error is in).
    problems = [*schema.check(doc, "annotation"), *_text_problems(doc), *raw.article_problems]
    if not isinstance(doc.data, dict):
        return None, problems
    data: dict[str, Any] = doc.data
    source, source_problems = _source(doc)
    problems += source_problems
    article = provenance.normalise(raw.article_text)
    if not raw.article_problems:
        problems += _figure_problems(doc, article)
        problems += _quote_problems(doc, article)
    topic_slugs, topic_problems = _resolve_topics(doc, lookup, topics)
    problems += topic_problems
    events, event_problems = check_events(
        doc,
        article,
        source.published,
        topic_slugs,
        lambda name: lookup.get(name.casefold()) or topic_slug(name),
        _not_found,
    )
    problems += [] if raw.article_problems else event_problems  # without its text, every sentence is "not found"
    if any(p.severity == "error" for p in problems):
        return None, problems
    brief = Brief(
        slug=raw.slug,
        title=_clean(data["title"]),
        source=source,
        summary=_clean(data["summary"]),
        article_text=raw.article_text,
        status=data.get("status", "published"),
        figures=tuple(
            Figure(_clean(f["value"]), _clean(f["label"]), f.get("metric"), _drafted(doc, ("key_figures", n), f))
            for n, f in enumerate(data.get("key_figures") or ())
        ),
        quotes=tuple(
            Quote(
                _clean(q["text"]), _clean(q["speaker"]), _clean(q.get("role")) or None, _drafted(doc, ("quotes", n), q)
            )
            for n, q in enumerate(data.get("quotes") or ())
        ),
        topics=topic_slugs,
        events=events,
        extras=tuple(
            (name, _clean(str(data[name])) if data.get(name) is not None else None) for name in schema.plain_fields()
        ),
    )
    return brief, problems


def _drafted(doc: Document, path: tuple[str, int], item: dict[str, Any]) -> Drafted | None:
    """The item's `drafted:` entry (the schema has checked its shape) with the line it stands on."""
    entry = item.get("drafted")
    if not isinstance(entry, dict):
        return None
    span = entry.get("span")
    start_end = (int(span[0]), int(span[1])) if isinstance(span, list) and len(span) == 2 else None
    line = doc.line((*path, "drafted"))
    return Drafted(str(entry["rule"]), str(entry["confidence"]), start_end, doc.where, line)


def _plain(value: Any) -> str | None:
    return None if value is None else _clean(str(value))


def _clean(text: str | None) -> str:
    return " ".join((text or "").split())


def _text_problems(doc: Document) -> list[Problem]:
    problems = []
    for path, value in _strings(doc.data, ()):
        names = {str(p) for p in path} & _NAME_FIELDS
        if characters.CONTROL.search(value):
            problems.append(Problem(doc.location(path), "contains a control character; delete it"))
        elif characters.BIDI.search(value):
            problems.append(
                Problem(
                    doc.location(path),
                    "contains a text-direction override character (U+202A-202E/U+2066-2069); delete it",
                )
            )
        elif names and characters.INVISIBLE.search(value):
            problems.append(Problem(doc.location(path), "contains an invisible zero-width character; delete it"))
    return problems


def _strings(value: Any, path: tuple[Any, ...]) -> list[tuple[tuple[Any, ...], str]]:
    if isinstance(value, dict):
        return [item for key, child in value.items() for item in _strings(child, (*path, key))]
    if isinstance(value, list):
        return [item for index, child in enumerate(value) for item in _strings(child, (*path, index))]
    return [(path, value)] if isinstance(value, str) else []


def _source(doc: Document) -> tuple[Source, list[Problem]]:
    data = doc.data.get("source")
    data = {k: v for k, v in data.items() if isinstance(v, str)} if isinstance(data, dict) else {}
    published = None
    problems = []
    if data.get("published"):
        try:
            published = PartialDate.parse(data["published"])
        except ValueError:
            problems.append(
                Problem(
                    doc.location(("source", "published")),
                    f"source.published {data['published']!r} is not a real date; check day and month",
                )
            )
    source = Source(_clean(data.get("name")) or None, data.get("url"), _clean(data.get("author")) or None, published)
    return source, problems


def _figure_problems(doc: Document, article: str) -> list[Problem]:
    problems = []
    for index, figure in enumerate(_entries(doc.data.get("key_figures"))):
        if not isinstance(figure.get("value"), str):
            continue  # the schema error says what is wrong with it
        if not provenance.contains_figure(article, figure["value"]):
            problems.append(
                Problem(
                    doc.location(("key_figures", index, "value")), _not_found("figure value", figure["value"], article)
                )
            )
    return problems


def _quote_problems(doc: Document, article: str) -> list[Problem]:
    problems = []
    for index, quote in enumerate(_entries(doc.data.get("quotes"))):
        if not isinstance(quote.get("text"), str):
            continue
        if not provenance.contains_quote(article, quote["text"]):
            speaker = quote.get("speaker")
            problems.append(
                Problem(
                    doc.location(("quotes", index, "text")),
                    _not_found("quote", quote["text"], article, speaker if isinstance(speaker, str) else None),
                )
            )
    return problems


def _entries(value: Any) -> list[dict[str, Any]]:
    """The mappings of a list field, each at its own index; anything else (a schema error) becomes an empty one."""
    return [entry if isinstance(entry, dict) else {} for entry in value] if isinstance(value, list) else []


def _not_found(what: str, needle: str, article: str, speaker: str | None = None) -> str:
    message = f'{what} not found in article: "{_shorten(needle)}"'
    if speaker and _clean(speaker):
        message += f" (speaker: {_shorten(speaker, 60)})"
    passage, score = provenance.closest_passage(article, needle)
    if score >= 50:
        message += f'; closest: "{_shorten(passage)}" ({score}% similar)'
    return message + "; copy the exact words from the article"


def _shorten(text: str, limit: int = 100) -> str:
    flat = _clean(text)
    return flat if len(flat) <= limit else flat[: limit - 3].rstrip() + "..."


def _resolve_topics(
    doc: Document, lookup: dict[str, str], topics: dict[str, Topic]
) -> tuple[tuple[str, ...], list[Problem]]:
    slugs: list[str] = []
    problems = []
    registered = {look: key for key in lookup for look in lookalike_keys(key)}  # look-alike key -> casefolded name
    names = doc.data.get("topics")
    for index, name in enumerate(names if isinstance(names, list) else ()):
        if not isinstance(name, str):
            continue
        slug = lookup.get(name.casefold()) or topic_slug(name)
        where = doc.location(("topics", index))
        if not slug:
            problems.append(Problem(where, f"topic {name!r} has no letters or digits; rename it"))
            continue
        if name.casefold() not in lookup:
            if slug in topics:
                problems.append(
                    Problem(
                        where,
                        f"topic {name!r} is not in topics.yml but has the same page name "
                        f"as {topics[slug].name!r}; use that name or add an alias",
                    )
                )
                continue
            alike = next((registered[look] for look in lookalike_keys(name) if look in registered), None)
            if alike is not None:
                problems.append(
                    Problem(
                        where,
                        f"topic {name!r} is not in topics.yml but looks like {alike!r}, a name of topic "
                        f"{topics[lookup[alike]].name!r}; use that name or add an alias",
                    )
                )
                continue
            problems.append(
                Problem(
                    where, f"topic {name!r} is not in briefs/topics.yml; add it there with a description", "warning"
                )
            )
        if slug not in slugs:
            slugs.append(slug)
    return tuple(slugs), problems


def topic_collisions(raws: tuple[RawBrief, ...], lookup: dict[str, str]) -> list[Problem]:
    """Differently written topics outside topics.yml that would share one page: reported, never merged."""
    first: dict[str, tuple[str, Location]] = {}
    problems = []
    for raw in raws:
        data = raw.annotation.data
        names = data.get("topics") if isinstance(data, dict) else None
        for index, name in enumerate(names if isinstance(names, list) else ()):
            if not isinstance(name, str) or name.casefold() in lookup or not topic_slug(name):
                continue
            where = raw.annotation.location(("topics", index))
            for seen in [first.setdefault(look, (name, where)) for look in lookalike_keys(name)]:
                if seen[0] == name:
                    continue
                if topic_slug(seen[0]) == topic_slug(name):
                    share = f"would share the page '{topic_slug(name)}'"
                else:
                    share = "look alike but would get a page each"
                problems.append(
                    Problem(
                        where,
                        f"topic {name!r} and {seen[0]!r} ({seen[1]}) {share}; "
                        "write them the same way or add one to topics.yml",
                    )
                )
                break
    return problems


def unregistered_topics(briefs: list[Brief], raws: tuple[RawBrief, ...], registry: dict[str, Topic]) -> dict[str, str]:
    """Topics used by valid briefs but missing from topics.yml: page name -> the name as first written."""
    used = {slug for brief in briefs for slug in brief.topics if slug not in registry}
    names: dict[str, str] = {}
    for raw in raws:
        for name in raw.annotation.data.get("topics") or () if isinstance(raw.annotation.data, dict) else ():
            if isinstance(name, str) and topic_slug(name) in used:
                names.setdefault(topic_slug(name), _clean(name))
    return names
