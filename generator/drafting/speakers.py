"""Who said a quotation: 'said X' or 'X explained' after it, 'X said' or 'according to X' before it, a pronoun
for the previous speaker, or the speaker of the quotation it continues."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import AUXILIARIES, PARTICIPLES, PRONOUNS, SPEECH_VERBS
from .names import (
    Person,
    appositive_after,
    clean_token,
    is_person_name,
    join_role,
    mentions,
    name_runs,
    resolve,
    role_before,
    split_title,
)
from .text import Article, Quoted

_WORDS = re.compile(r"[A-Za-z][\w'’-]*\.?|[^\sA-Za-z]+")
_LEAD = " \u00a0,—–-…:"
# What may follow "X said" after a quotation: nothing, a new clause, or a short adverbial ("on Monday").
_TRAILER = re.compile(
    r"^(?:$|[,;:—–(]|(?:on|in|at|to|during|last|this|earlier|later|yesterday|today|tonight|recently|afterwards|after|"
    r"before|when|while|as|through|via|of|about|from|with|adding|before|once|again|also|then|now|told|according)\b)",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"(?:^|[;:(]|,?\s(?:and|but|while|whereas|because|although|though|after|as|when|so)\s|,\s)")
_ACCORDING = re.compile(r"\b[Aa]ccording to (.+?)(?:,|$)")
_SUBJECT_ROLE_NOUN = re.compile(r"^(?:the|a|an)\s+([a-z][a-z-]+(?:\s+[a-z][a-z-]+)?)$")
# The one being told: "told POLITICO", "told reporters", "told the BBC", "told him".
_OBJECT = re.compile(r"^(?:(?:the|a|an|his|her|their|its)\s+)?[\w'’.&-]+(?:\s+[A-Z][\w'’.&-]*)*")
_PERSON_NOUN = re.compile(
    r"^the\s+(?:[a-z-]+\s+)?(?:\d+-year-old|teenager|youngster|veteran|striker|midfielder|defender|goalkeeper|"
    r"forward|winger|manager|coach|player|captain|minister|president|official|spokesman|spokeswoman|spokesperson|"
    r"analyst|economist|scientist|researcher|professor|author|writer|chief|executive|boss|founder|chairman|"
    r"chairwoman|director|leader|senator|governor|mayor|lawmaker|diplomat|general|commander|officer|soldier|"
    r"defector|woman|man|mother|father|actor|actress|singer|star|champion|driver|rider|pilot|doctor|lawyer)$"
)
INHERIT = "\x00inherit"


@dataclass(frozen=True)
class Attribution:
    speaker: str
    role: str | None
    how: str  # after, before, according, inherited, continued, pronoun


@dataclass
class _State:
    article: Article
    people: list[Person]
    mentions: list[tuple[int, Person]]
    last: Attribution | None = None
    last_sentence: int = -10


def attribute(article: Article, quotes: list[Quoted], people: list[Person]) -> list[Attribution | None]:
    """The speaker of every quotation, in order; None where no rule finds one."""
    inside = [(q.start, q.end) for q in quotes]
    outside = [(o, p) for o, p in mentions(article.text, people) if not any(s <= o < e for s, e in inside)]
    state = _State(article, people, outside)
    found: list[Attribution | None] = []
    for index, quote in enumerate(quotes):
        sentence = article.sentence_of(quote.open)
        bounds = article.sentences[sentence]
        previous = quotes[index - 1] if index else None
        same_sentence = previous is not None and article.sentence_of(previous.open) == sentence
        following = quotes[index + 1] if index + 1 < len(quotes) else None
        post_end = following.open if following and following.open < bounds.end else bounds.end
        pre_start = previous.close + 1 if same_sentence and previous else bounds.start
        result = _after(article.text, quote.close + 1, post_end, state)
        if result is None:
            result = _before(article.text, pre_start, quote.open, state)
        if result is not None and result.speaker == INHERIT:
            result = found[-1] if same_sentence and found else state.last
            result = Attribution(result.speaker, result.role, "inherited") if result else None
        if result is None and same_sentence and found and found[-1]:
            result = Attribution(found[-1].speaker, found[-1].role, "inherited")
        if result is None and state.last and _continues(article, quote, sentence, state, previous):
            result = Attribution(state.last.speaker, state.last.role, "continued")
        found.append(result)
        if result is not None:
            state.last, state.last_sentence = result, sentence
    return found


def _continues(article: Article, quote: Quoted, sentence: int, state: _State, previous: Quoted | None) -> bool:
    """A quotation with no attribution of its own continues the previous speaker's words when it opens its
    sentence right after the sentence (or paragraph) that quoted them."""
    opens_sentence = not article.text[article.sentences[sentence].start : quote.open].strip(_LEAD + "\"“”'‘’")
    if not opens_sentence or state.last_sentence < sentence - 2:
        return False
    if previous is not None and previous.runs_on and previous.paragraph == quote.paragraph - 1:
        return True
    return state.last_sentence >= sentence - 1 or article.sentence_text(sentence - 1).rstrip().endswith(":")


def _after(text: str, start: int, end: int, state: _State) -> Attribution | None:
    """'..., X said.' / '..., said X, role.' / '..., X told POLITICO.' right after the quotation."""
    rest = text[start:end].lstrip(_LEAD)
    offset = end - len(text[start:end].lstrip(_LEAD)) if rest else end
    rest = rest.rstrip(" .\u00a0")
    if not rest or not rest[0].isalpha():
        return None
    words = rest.split()
    first = words[0].lower().strip(",")
    if first in SPEECH_VERBS and first not in PARTICIPLES and len(words) > 1:
        np = re.split(r"\s(?:on|in|at|during|after|before|adding|as|when|while|via|through)\s|;|\s[—–]", rest)[0]
        return _speaker(np[len(words[0]) :].strip(" ,"), offset + len(words[0]), state, "after")
    according = _ACCORDING.match(rest)
    if according:
        return _speaker(according.group(1), offset, state, "according")
    for match in re.finditer(r"[A-Za-z]+", rest):
        word = match.group(0).lower()
        if word not in SPEECH_VERBS or word in PARTICIPLES:
            continue
        subject = _strip_auxiliaries(rest[: match.start()])
        trailer = rest[match.end() :].strip()
        if word in ("told", "tells"):
            trailer = _OBJECT.sub("", trailer, count=1).strip()
        if not subject or len(subject.split()) > 16 or not _TRAILER.match(trailer):
            return None
        return _speaker(subject, offset, state, "after")
    return None


def _before(text: str, start: int, end: int, state: _State) -> Attribution | None:
    """'X said, "..."' / 'X explained that ... "..."' / 'according to X, ... "..."' before the quotation."""
    pre = text[start:end]
    verbs = [m for m in re.finditer(r"[A-Za-z]+", pre) if m.group(0) in SPEECH_VERBS and not _passive(pre, m.start())]
    according = list(_ACCORDING.finditer(pre))
    if according and (not verbs or according[-1].start() > verbs[-1].start()):
        return _speaker(according[-1].group(1), start + according[-1].start(1), state, "according")
    if not verbs:
        colon = pre.rstrip().endswith(":") and pre.rstrip(" :").split()
        if colon and len(colon) <= 4:
            return _speaker(pre.rstrip(" :"), start, state, "before")
        return None
    verb = verbs[-1]
    if verb.group(0) in PARTICIPLES:  # "X said, adding that ...": the participle has X's subject
        finite = [m for m in verbs if m.group(0) not in PARTICIPLES]
        if not finite:
            return Attribution(INHERIT, None, "inherited")
        return _before(text, start, start + finite[-1].end(), state) or Attribution(INHERIT, None, "inherited")
    subject = _subject(_strip_auxiliaries(pre[: verb.start()]))
    subject = re.sub(r"^(?:which|who|that|whom)\s+", "", subject)
    earlier = [m for m in verbs[:-1] if m.group(0) not in PARTICIPLES]
    if subject.lower() in PRONOUNS and earlier:  # "X said it had offered ..., which it called '...'": X
        found = _before(text, start, start + earlier[-1].end(), state)
        if found is not None and found.speaker != INHERIT:
            return found
    if not subject:
        return None
    return _speaker(subject, start + pre.find(subject), state, "before")


def _passive(text: str, at: int) -> bool:
    """'is called', 'was described', 'so-called': naming, not someone speaking."""
    before = text[max(0, at - 12) : at].lower()
    return bool(re.search(r"(?:\b(?:is|are|was|were|be|been|being|often|commonly|sometimes)\s+|so-)$", before))


def _strip_auxiliaries(text: str) -> str:
    words = text.rstrip().split(" ")
    while words and words[-1].lower() in AUXILIARIES:
        words.pop()
    return " ".join(words).rstrip()


def _subject(text: str) -> str:
    """The noun phrase right before the verb: 'Lee, a fellow defector,' -> 'Lee, a fellow defector'."""
    text = text.rstrip()
    appositive = ""
    if text.endswith(","):
        head, _, tail = text[:-1].rpartition(", ")
        if head and tail and not tail[:1].isupper():
            text, appositive = head, f", {tail}"
        else:
            text = text[:-1]
    starts = [m.end() for m in _BOUNDARY.finditer(text)]
    clause = text[starts[-1] if starts else 0 :].strip()
    if clause.lower().startswith("that "):
        clause = clause[5:]
    return (clause + appositive) if clause else ""


def _speaker(np: str, offset: int, state: _State, how: str) -> Attribution | None:
    np = np.strip(" ,.\u00a0")
    if not np or len(np.split()) > 24:
        return None
    head, _, tail = np.partition(", ")
    if head.lower() in PRONOUNS:
        return _pronoun(head.lower(), state, offset)
    if tail and head[:1].islower():  # "the college's president, Dr Alan Reeve": the name follows its role
        named = _speaker(tail, offset, state, how)
        if named is not None and is_person_name(named.speaker):
            return Attribution(named.speaker, named.role or head, how)
    for start, end, run in name_runs(head):
        title, name = split_title(run)
        if is_person_name(name):
            before = " ".join(part for part in (role_before(head, start), title) if part)
            role = join_role(before, appositive_after(np, end)) or _known_role(name, state, offset)
            return Attribution(name, role or None, how)
    bare = clean_token(split_title(head)[1]) if head[:1].isupper() else ""
    if bare and len(bare.split()) == 1 and is_person_name(bare, min_tokens=1):
        person = resolve(bare, state.people, offset)
        role = tail if tail and not tail[:1].isupper() else None
        if person:
            return Attribution(person.name, person.role or role, how)
        return Attribution(bare, role, how)
    role_noun = _SUBJECT_ROLE_NOUN.match(head)
    if role_noun:
        for person in reversed([p for p in state.people if p.offset < offset and p.role]):
            if role_noun.group(1).split()[-1] in (person.role or "").lower().split():
                return Attribution(person.name, person.role, how)
        if _PERSON_NOUN.search(head):  # "the teenager", "the 34-year-old": the person just written about
            subject = _recent_subject(state, offset)
            if subject is not None:
                return Attribution(subject.name, subject.role, "pronoun")
    if len(head.split()) > 8 or not any(ch.isalpha() for ch in head):
        return None
    return Attribution(head, tail or None, how)


def _pronoun(word: str, state: _State, offset: int) -> Attribution | None:
    """'he' or 'she' is the person the nearest sentence before is about (its first person named); 'they' or
    'it' is the previous speaker."""
    if word in ("he", "she"):
        subject = _recent_subject(state, offset)
        if subject is not None:
            return Attribution(subject.name, subject.role, "pronoun")
    if state.last is not None:
        return Attribution(state.last.speaker, state.last.role, "pronoun")
    return None


def _recent_subject(state: _State, offset: int) -> Person | None:
    current = state.article.sentence_of(offset)
    for index in range(current, max(-1, current - 4), -1):
        sentence = state.article.sentences[index]
        named = [p for o, p in state.mentions if sentence.start <= o < min(sentence.end, offset)]
        if named:
            return named[0]
    return None


def _known_role(name: str, state: _State, offset: int) -> str:
    person = resolve(name, state.people)
    return person.role or "" if person else ""
