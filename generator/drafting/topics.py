"""Topics: registry entries (names and aliases from briefs/topics.yml) the article mentions, and new people,
organisations, places and military units named in it as suggestions for the registry."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .lexicon import ORG_WORDS, PLACES, UNIT_WORDS
from .names import Person, name_runs, split_title

MAX_TOPICS = 12
MAX_SUGGESTIONS = 10


@dataclass(frozen=True)
class RegistryTopic:
    name: str
    kind: str | None
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class Suggestion:
    name: str
    kind: str
    mentions: int


def _forms(topic: RegistryTopic) -> list[str]:
    forms = [topic.name, *topic.aliases]
    if topic.kind == "place":  # "North Korean" names North Korea, "Ukrainian" Ukraine
        forms += [f + "n" for f in forms if f.endswith("a")] + [f[:-1] + "ian" for f in forms if f.endswith("e")]
    if topic.kind == "person" and len(topic.name.split()) > 1 and len(topic.name.split()[-1]) >= 4:
        forms.append(topic.name.split()[-1])
    return [f for f in forms if f.strip()]


def _count(text: str, form: str, kind: str | None) -> int:
    flags = re.IGNORECASE if kind == "theme" and not form.isupper() else 0
    return len(re.findall(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text, flags))


def match_registry(text: str, registry: list[RegistryTopic]) -> list[tuple[str, int]]:
    """Registry topics mentioned in the text, most mentioned first: (canonical name, mentions)."""
    found = []
    for topic in registry:
        count = sum(_count(text, form, topic.kind) for form in dict.fromkeys(_forms(topic)))
        if count:
            found.append((topic.name, count))
    return sorted(found, key=lambda item: (-item[1], item[0]))[:MAX_TOPICS]


def suggest(text: str, people: list[Person], registry: list[RegistryTopic]) -> list[Suggestion]:
    """Named people, organisations, units and places that no registry name or alias covers."""
    known = {form.casefold() for topic in registry for form in _forms(topic)}
    counts: Counter[tuple[str, str]] = Counter()
    for person in people:
        if person.name.casefold() not in known and person.name.split()[-1].casefold() not in known:
            counts[(person.name, "person")] += len(re.findall(re.escape(person.name.split()[-1]), text))
    for _start, _end, run in name_runs(text):
        name = " ".join(w for w in run.split() if w not in ("The", "A", "An")).rstrip(".,")
        name = re.sub(r"['’]s$", "", name)
        kind = _kind(name)
        if kind and name.casefold() not in known and len(name) <= 100:
            counts[(name, kind)] += 1
    suggestions = [Suggestion(name, kind, n) for (name, kind), n in counts.items()]
    suggestions.sort(key=lambda s: (-s.mentions, s.name))
    return suggestions[:MAX_SUGGESTIONS]


def _kind(name: str) -> str | None:
    words = name.split()
    if not words or (not split_title(name)[1] and len(words) == 1 and name not in PLACES):
        return None
    if name in PLACES:
        return "place"
    if len(words) >= 2 and words[-1] in UNIT_WORDS and not words[0].isupper():
        return "unit"
    if len(words) >= 2 and any(w in ORG_WORDS for w in words):
        return "organisation"
    if len(words) == 1 and name.isupper() and 2 <= len(name) <= 6:
        return "organisation"  # NATO, GUR, KPA
    return None
