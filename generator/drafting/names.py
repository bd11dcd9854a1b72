"""Names of people in running text: capitalised runs, the title or role around them, and who a surname means."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    DEMONYMS,
    FUNCTION_WORDS,
    MONTHS,
    NOT_PERSON,
    ORG_WORDS,
    PLACES,
    SPEECH_VERBS,
    TITLES,
    WEEKDAYS,
    words,
)

_TOKEN = r"(?:[A-Z](?:[\w'’]|\.(?=[A-Za-z]))*(?:-[A-Za-z][\w'’]*)*\.?)"
_PARTICLE = r"(?:de|da|di|del|van|von|der|den|du|la|le|bin|al|el|ibn|dos|das|ter)"
RUN = re.compile(rf"{_TOKEN}(?:[ \u00a0]+(?:{_PARTICLE}[ \u00a0]+)?{_TOKEN})*")
_POSSESSIVE = re.compile(r"['’]s?$")
# Words that end a role read backwards from a name: "said", "like", "by", punctuation.
_ROLE_STOP = (
    words(
        "the a an by to of and or with like as that from for in on at than among including such whom who which when "
        "while but if because about against after before between during into through under over via"
    )
    | SPEECH_VERBS
)
_ROLE_END = ',.;:!?”")]'
_APPOSITIVE = re.compile(
    r",\s+((?:a|an|the|former|then|now|once|who|[0-9]|[A-Z][a-z]+ (?:at|of|for|with) )(?:[^,.;:“”\"]|\.(?=\w)){2,160}?)"
    r"(?:,|\.(?=\s|$)|$|\s*[—–])"
)
_NOT_NAME = PLACES | ORG_WORDS | MONTHS | WEEKDAYS | FUNCTION_WORDS | DEMONYMS | TITLES | NOT_PERSON


@dataclass(frozen=True)
class Person:
    name: str
    role: str | None
    offset: int  # first mention

    @property
    def tokens(self) -> list[str]:
        return self.name.split()


def clean_token(token: str) -> str:
    if token.endswith(("s'", "s’")) and len(token) > 3:
        return token[:-1]  # "Thomas' sister"
    return _POSSESSIVE.sub("", token) if token.endswith(("'s", "’s")) else token


def name_runs(text: str) -> list[tuple[int, int, str]]:
    """Capitalised runs, cut after a token with a full stop that is not an abbreviation ('Defense. U.S')."""
    found = []
    for match in RUN.finditer(text):
        start = match.start()
        for token in re.finditer(r"\S+", match.group(0)):
            word = token.group(0)
            if word.endswith(".") and not _is_abbreviation(word):
                end = match.start() + token.end()
                found.append((start, end, text[start:end]))
                start = end + 1
        if start < match.end():
            found.append((start, match.end(), text[start : match.end()]))
    return [(s, e, t.strip()) for s, e, t in found if t.strip()]


def _is_abbreviation(word: str) -> bool:
    bare = word[:-1]
    return len(bare) <= 1 or "." in bare or (len(bare) <= 4 and (word in TITLES or word in MONTHS))


def split_title(run: str) -> tuple[str, str]:
    """'Ukrainian President Volodymyr Zelensky' -> ('Ukrainian President', 'Volodymyr Zelensky')."""
    tokens = [clean_token(t) for t in run.split()]
    if tokens and len(tokens[-1]) > 2 and tokens[-1].endswith("."):
        tokens[-1] = tokens[-1][:-1]  # a sentence's full stop, not an abbreviation
    cut = 0
    for index, token in enumerate(tokens):
        if _is_role_token(token):
            cut = index + 1
    title = [t for t in tokens[:cut] if t not in FUNCTION_WORDS]
    return " ".join(title), " ".join(tokens[cut:])


def _is_role_token(token: str) -> bool:
    bare = token.rstrip(".")
    return (
        token in TITLES
        or bare in TITLES
        or token in DEMONYMS
        or token in ORG_WORDS
        or token in FUNCTION_WORDS
        or (len(bare) >= 2 and bare.replace(".", "").isupper())
    )


def is_person_name(name: str, min_tokens: int = 2) -> bool:
    tokens = name.split()
    if not min_tokens <= len(tokens) <= 4 or name in PLACES:
        return False
    if any(t in _NOT_NAME or t.rstrip(".") in _NOT_NAME or t[:-1] in DEMONYMS for t in tokens):
        return False
    if any(" ".join(tokens[i : i + 2]) in PLACES for i in range(len(tokens) - 1)):
        return False
    return all(t[0].isupper() and not (len(t) > 1 and t.isupper()) for t in tokens if t[0].isalpha())


def role_before(text: str, start: int, floor: int = 0) -> str:
    """Role words written before a name: 'Pentagon deputy press secretary' in '... secretary Sabrina Singh'."""
    low = max(floor, start - 200, text.rfind("\n", 0, start) + 1)
    head = text[low:start]
    if not head or not head[-1].isspace():
        return ""
    parts = head.split()
    if low > floor and parts and not text[low - 1].isspace():
        parts = parts[1:]  # a word cut by the window
    words: list[str] = []
    for word in reversed(parts):
        if len(words) >= 8 or word.lower() in _ROLE_STOP or not word[0].isalpha() or word[-1] in _ROLE_END:
            break
        words.insert(0, word)
    return " ".join(words)


def join_role(before: str, appositive: str) -> str:
    if before in TITLES or before.rstrip(".") in TITLES:
        before = ""  # an honorific ("Dr", "Professor") says less than the appositive
    return ", ".join(part for part in (before, appositive) if part)


def appositive_after(text: str, end: int) -> str:
    """', a North Korea expert from the Stimson Center in Washington,' after a name, without the commas."""
    match = _APPOSITIVE.match(text, end)
    if not match:
        return ""
    role = match.group(1).strip()
    if any(word in SPEECH_VERBS for word in role.lower().split()):
        return ""
    return role


def find_people(text: str) -> list[Person]:
    """Every person named with at least two name words, in order of first mention, with the first role given."""
    found: dict[str, Person] = {}
    for start, end, run in name_runs(text):
        title, name = split_title(run)
        if not is_person_name(name):
            continue
        name_start = start + run.rfind(name.split()[0])
        role = join_role(f"{role_before(text, start)} {title}".strip(), appositive_after(text, end))
        known = found.get(name)
        if known is None:
            found[name] = Person(name, role or None, name_start)
        elif not known.role and role:
            found[name] = Person(name, role, known.offset)
    return sorted(found.values(), key=lambda p: p.offset)


def resolve(name: str, people: list[Person], before: int | None = None) -> Person | None:
    """The person a short name ('Kirby', 'Ahn', 'Mr Kirby') refers to: the latest earlier full name that fits."""
    tokens = split_title(name)[1].split() or name.split()
    if not tokens:
        return None
    candidates = [p for p in people if before is None or p.offset < before] or people
    for person in reversed(candidates):
        if person.tokens == tokens:
            return person
    if len(tokens) == 1:
        for person in reversed(candidates):
            if tokens[0] in (person.tokens[0], person.tokens[-1]):
                return person
    return None


def mentions(text: str, people: list[Person]) -> list[tuple[int, Person]]:
    """Every mention of a known person, by full name or by one of its words ('Kirby', 'Ahn'), in text order."""
    found = []
    for start, _end, run in name_runs(text):
        name = split_title(run)[1]
        if not name:
            continue
        person = next((p for p in people if p.name == name), None)
        if person is None and len(name.split()) == 1:
            person = resolve(name, people, start)
        if person is not None:
            found.append((start, person))
    return found
