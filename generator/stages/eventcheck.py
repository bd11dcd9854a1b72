"""Stage 2 for events: the checks validate.py runs on an annotation's `events` (kept apart to keep modules small)."""

from __future__ import annotations

from collections.abc import Callable

from ..errors import Location, Problem
from ..model import Event, PartialDate
from ..text import provenance
from ..text.yamlio import Document
from .events import dates_in, is_after


def check_events(
    doc: Document,
    article: str,
    published: PartialDate | None,
    brief_topics: tuple[str, ...],
    resolve: Callable[[str], str],
    not_found: Callable[[str, str, str], str],
) -> tuple[tuple[Event, ...], list[Problem]]:
    """Each event's date is real, its sentence is in the (normalised) article, its topics are the brief's; warn when
    the sentence states a different date or the event comes after the article. `resolve` gives a topic name's slug;
    `not_found` words the error for a sentence that is not in the article, with the closest passage."""
    events: list[Event] = []
    problems: list[Problem] = []
    entries = doc.data.get("events")
    for index, entry in enumerate(entries if isinstance(entries, list) else ()):
        if not _usable(entry):
            continue  # a schema error is reported for it; the other events are still checked
        where = ("events", index)
        found = len(problems)
        try:
            date = PartialDate.parse(entry["date"])
        except ValueError:
            problems.append(
                Problem(doc.location((*where, "date")), f"event date {entry['date']!r} is not a real date; check it")
            )
        if not provenance.contains_quote(article, entry["sentence"]):
            problems.append(
                Problem(doc.location((*where, "sentence")), not_found("event sentence", entry["sentence"], article))
            )
        slugs: list[str] = []
        for t_index, name in enumerate(entry.get("topics") or ()):
            slug = resolve(name)
            if slug not in brief_topics:
                problems.append(
                    Problem(
                        doc.location((*where, "topics", t_index)),
                        f"event topic {name!r} is not one of this brief's topics; use one of them or add it to topics",
                    )
                )
            elif slug not in slugs:
                slugs.append(slug)
        if len(problems) > found:
            continue
        problems += _date_warnings(doc.location((*where, "date")), date, entry["sentence"], published)
        events.append(Event(date, _flat(entry["what"]), _flat(entry["sentence"]), tuple(slugs)))
    return tuple(events), problems


def _usable(entry: object) -> bool:
    if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("date", "what", "sentence")):
        return False
    topics = entry.get("topics")
    return topics is None or (isinstance(topics, list) and all(isinstance(t, str) for t in topics))


def _date_warnings(where: Location, date: PartialDate, sentence: str, published: PartialDate | None) -> list[Problem]:
    problems = []
    mentions = dates_in(sentence, published)
    stated = [m.date for m in mentions if m.date]
    if (
        stated
        and len(stated) == len(mentions)
        and not any(not is_after(date, s) and not is_after(s, date) for s in stated)
    ):
        said = ", ".join(s.human() for s in stated)
        problems.append(
            Problem(
                where, f"event date {date.human()} is not the date its sentence states ({said}); check it", "warning"
            )
        )
    if published and is_after(date, published):
        problems.append(
            Problem(
                where, f"event date {date.human()} is after the article's own date ({published.human()})", "warning"
            )
        )
    return problems


def _flat(text: str) -> str:
    return " ".join(text.split())
