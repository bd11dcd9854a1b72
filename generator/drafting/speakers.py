"""Who said a quotation: 'said X' or 'X explained' after it, 'X said' or 'according to X' before it, a pronoun
for the previous speaker, or the speaker of the quotation it continues."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from .descriptions import FEMALE, MALE, MORE_SPEECH_VERBS
from .lexicon import AUXILIARIES, FUNCTION_WORDS, PARTICIPLES, PRONOUNS, TITLES
from .lexicon import SPEECH_VERBS as _BASE_SPEECH_VERBS
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

SPEECH_VERBS = _BASE_SPEECH_VERBS | MORE_SPEECH_VERBS
PARTICIPLES = PARTICIPLES | frozenset(w for w in MORE_SPEECH_VERBS if w.endswith("ing"))
_CONJUNCTIONS = frozenset(["and", "but", "then", "and then", "but then", "also", "and also", "or"])
_WORDS = re.compile(r"[A-Za-z][\w'’-]*\.?|[^\sA-Za-z]+")
_LEAD = " \u00a0,—–-…:"
# What may follow "X said" after a quotation: nothing, a new clause, or a short adverbial ("on Monday").
_TRAILER = re.compile(
    r"^(?:$|[,;:—–(]|(?:on|in|at|to|during|last|this|earlier|later|yesterday|today|tonight|recently|afterwards|after|"
    r"before|when|while|as|through|via|of|about|from|with|adding|before|once|again|also|then|now|told|according)\b)",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"(?:^|[;:(]|,?\s(?:and|but|while|whereas|because|although|though|after|as|when|so)\s|,\s)")
_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|[Ii]n the words of|[Qq]uoting) (.+?)(?:,|$)")
# "the post by an unknown author", "Cornyn's statement", "PC World's recent analysis of its traffic": who wrote it.
_BY_AUTHOR = re.compile(
    r"^(?:the|a|an)\s+(?:[a-z]+\s+)?(?:post|statement|message|letter|report|note|tweet|blog|email|analysis|study)\s+"
    r"(?:by|from)\s+(.+)$"
)
_DOCUMENT_OF = re.compile(
    r"^(.+?)['’]s?\s+(?:[a-z]+\s+)?(?:statement|analysis|report|letter|post|blog|website|message|tweet|"
    r"press release|announcement|study|survey|account)\b"
)
_SUBJECT_ROLE_NOUN = re.compile(
    r"^(?:the|a|an)\s+((?:[A-Z][\w'’-]*\s+)?[a-z0-9][a-z0-9-]+(?:\s+[a-z][a-z-]+)?)$", re.IGNORECASE
)
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
    how: str  # after, before, according, inherited, continued, pronoun, description, lead-in, turn, topic
    confidence: str = "high"  # high, medium, low


# How sure each rule is: a name next to a speech verb is high; a chain back to an earlier name is medium;
# a guess from the sentence before is low. An anonymous source kept as written is medium (for review).
CONFIDENCE = {
    "after": "high",
    "before": "high",
    "according": "high",
    "inherited": "high",
    "lead-in": "high",
    "continued": "medium",
    "pronoun": "medium",
    "description": "medium",
    "turn": "medium",
    "orator": "medium",
    "topic": "low",
}


def _rated(found: Attribution, how: str | None = None) -> Attribution:
    how = how or found.how
    confidence = CONFIDENCE.get(how, "medium")
    if found.confidence == "low" or (found.confidence == "medium" and confidence == "high"):
        confidence = found.confidence
    return Attribution(found.speaker, found.role, how, confidence)


@dataclass
class _State:
    article: Article
    people: list[Person]
    mentions: list[tuple[int, Person]]
    last: Attribution | None = None
    last_sentence: int = -10
    quote_start: int = 0
    genders: dict[str, str] = field(default_factory=dict)


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
        state.quote_start = quote.open
        result = _after(article.text, quote.close + 1, post_end, state)
        if result is None or result.speaker == INHERIT:
            result = _before(article.text, pre_start, quote.open, state) or result
        if result is None and not same_sentence:
            result = _lead_in(article, quote, sentence, state)
        if result is not None and result.speaker == INHERIT:
            earlier = found[-1] if same_sentence and found else state.last
            result = _rated(earlier, "inherited") if earlier else None
        if result is None and same_sentence and found and found[-1]:
            result = _rated(found[-1], "inherited")
        if result is None and state.last and _continues(article, quote, sentence, state, previous):
            result = _rated(state.last, "continued")
        if result is None:
            result = _turn(article, quote.open, state)
        if result is None and _opens_sentence(article, quote, sentence):
            result = _topic(article, sentence, state)
        if result is not None:
            result = _rated(result)
        found.append(result)
        if result is not None:
            state.last, state.last_sentence = result, sentence
    return found


def _opens_sentence(article: Article, quote: Quoted, sentence: int) -> bool:
    return not article.text[article.sentences[sentence].start : quote.open].strip(_LEAD + "\"“”'‘’")


def _lead_in(article: Article, quote: Quoted, sentence: int, state: _State) -> Attribution | None:
    """'Rathbun stated,' or 'Jeremy Browne said:' closing the sentence (or paragraph) before the quotation."""
    if sentence == 0 or not _opens_sentence(article, quote, sentence):
        return None
    before = article.sentences[sentence - 1]
    lead = article.text[before.start : before.end].rstrip()
    if not lead.endswith((":", ",")):
        return None
    found = _before(article.text, before.start, before.start + len(lead), state)
    if found is None or found.speaker == INHERIT:
        return found
    return Attribution(found.speaker, found.role, "lead-in", found.confidence)


_TURN = re.compile(
    r"^(?:(?:THE|MR\.?|MS\.?|MRS\.?|DR\.?)\s+)?([A-Z][A-Z .'’-]{1,40}|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}):(?:\s|$)"
)


def _turn(article: Article, offset: int, state: _State) -> Attribution | None:
    """A transcript or Q&A turn ('THE PRESIDENT: Well, ... I was going to say “good afternoon”'): the label's
    person speaks every quotation inside the turn that has no attribution of its own."""
    labels = [m for a, b in article.paragraphs if (m := _TURN.match(article.text[a:b])) and _is_label(m.group(1))]
    if len(labels) < 2:
        return None  # one "Name:" line is a byline or a heading, not a transcript
    for start, end in reversed(article.paragraphs):
        if start > offset:
            continue
        match = _TURN.match(article.text[start:end])
        match = match if match and _is_label(match.group(1)) else None
        if not match:
            if start < offset - 6000:
                return None
            continue
        label = match.group(0).rstrip(": ").strip()
        if label.upper() in ("Q", "QUESTION", "A", "ANSWER"):
            return None
        key = match.group(1).strip().lower()
        for person in reversed([p for p in state.people if p.offset < start]):
            role = (person.role or "").lower()
            if key in person.name.lower().split() or (key and re.search(rf"\b{re.escape(key)}\b", role)):
                return Attribution(person.name, person.role, "turn")
        for mention, person in reversed([(o, p) for o, p in state.mentions if o < start]):
            if key and re.search(
                rf"\b{re.escape(key)}\b[^.;:]{{0,40}}$", article.text[max(0, mention - 60) : mention], re.I
            ):
                return Attribution(person.name, person.role, "turn")  # "the President of the United States, Joe Biden"
        return Attribution(label.title() if label.isupper() else label, None, "turn", "low")
    return None


def _is_label(label: str) -> bool:
    return label.strip().lower() not in (
        "by",
        "note",
        "source",
        "sources",
        "update",
        "photo",
        "editor's note",
        "contact",
    )


def _topic(article: Article, sentence: int, state: _State) -> Attribution | None:
    """A quotation standing alone after a sentence about someone ('Heald noted the findings show ...'):
    the speaker of that sentence's speech verb, or the person it is about. A guess, marked low."""
    if sentence == 0:
        return None
    bounds = article.sentences[sentence - 1]
    if bounds.paragraph < article.sentences[sentence].paragraph - 1:
        return None
    text = article.text
    for match in re.finditer(r"[A-Za-z]+", text[bounds.start : bounds.end]):
        word = match.group(0)
        if word in SPEECH_VERBS and word not in PARTICIPLES and not _passive(text[bounds.start :], match.start()):
            found = _before(text, bounds.start, bounds.start + match.end(), state)
            if found is not None and found.speaker != INHERIT and _looks_like_speaker(found.speaker):
                return Attribution(found.speaker, found.role, "topic", "low")
            break
    subject = _recent_subject(state, bounds.end - 1)
    if subject is not None:
        return Attribution(subject.name, subject.role, "topic", "low")
    return None


def _looks_like_speaker(name: str) -> bool:
    return bool(name) and len(name.split()) <= 8 and name.lower() not in _CONJUNCTIONS


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
        np = re.split(
            r"\s(?:on|in|at|during|after|before|adding|as|when|while|via|through|to|which|who)\s|;|\s[—–]", rest
        )[0]
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
        if re.match(r"(?:and|but|while|whereas)\s+\S", subject, re.IGNORECASE) and not trailer.strip(" ,:"):
            return None  # "‘A,’ and that, as his daughter said, ‘B’": a new clause that attributes the next quote
        if not subject or len(subject.split()) > 16 or not _TRAILER.match(trailer):
            return None
        return _speaker(subject, offset, state, "after")
    return None


def _before(text: str, start: int, end: int, state: _State) -> Attribution | None:
    """'X said, "..."' / 'X explained that ... "..."' / 'according to X, ... "..."' before the quotation."""
    pre = text[start:end]
    verbs = [
        m
        for m in re.finditer(r"[A-Za-z]+", pre)
        if m.group(0) in SPEECH_VERBS and not _passive(pre, m.start()) and not _noun_use(pre, m.start())
    ]
    according = list(_ACCORDING.finditer(pre))
    if according and (not verbs or according[-1].start() > verbs[-1].start()):
        source = according[-1].group(1)
        rest = pre[according[-1].start(1) :].strip(" ,\u00a0")
        if rest.count(",") <= 3 and len(rest.split()) <= 12:
            source = rest  # "in the words of the Crown prosecutor, Mark Tedeschi, QC,"
        return _speaker(source, start + according[-1].start(1), state, "according")
    if not verbs:
        colon = pre.rstrip().endswith(":") and pre.rstrip(" :").split()
        if colon and len(colon) <= 4:
            candidate = pre.rstrip(" :").strip()
            if candidate[:1].isupper() or candidate.split()[0].lower() in ("the", "a", "an"):
                return _speaker(candidate, start, state, "before")
            return Attribution(INHERIT, None, "inherited")  # "... is forthcoming: “...”" continues its sentence
        return None
    verb = verbs[-1]
    if verb.group(0) in PARTICIPLES:  # "X said, adding that ...": the participle has X's subject
        direct = _participle_subject(pre[: verb.start()])
        if direct:  # "with Boswell stating:", "a message stating,", "with one poster writing"
            return _speaker(direct, start + pre.rfind(direct, 0, verb.start()), state, "before")
        finite = [m for m in verbs if m.group(0) not in PARTICIPLES]
        if not finite:
            opening = _clause_subject(pre)  # "The Senator from Alaska, in explaining ..., writing:"
            if opening:
                return _speaker(opening, start, state, "before")
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


def _participle_subject(text: str) -> str:
    """The noun phrase a participle hangs on without a comma: 'with Boswell stating' -> 'Boswell'."""
    if not text or text.rstrip() != text[:-1] or text.rstrip().endswith(","):
        return ""
    if re.search(r"\b(?:while|whilst|when|after|before|by|in|on|without|also|then|again)$", text.rstrip(), re.I):
        return ""  # "whilst promising": the clause's subject speaks
    phrase = r"((?:(?:a|an|the|one|some)\s+)?[\w'’.-]+(?:\s+[\w'’.-]+){0,3})\s*$"
    match = re.search(rf"\b(?:with|and|as|while|whilst|by)\s+{phrase}", text) or re.search(rf"(?:^|,\s+){phrase}", text)
    match = match or re.search(r"\b((?:a|an|the|one|some)\s+[\w'’.-]+(?:\s+[\w'’.-]+){0,2})\s*$", text)
    if not match:
        return ""
    phrase = match.group(1)
    if phrase.split()[0].lower() not in ("a", "an", "the", "one", "some") and not phrase[:1].isupper():
        return ""
    return phrase if len(phrase.split()) <= 5 and phrase.lower() not in PRONOUNS else ""


def _clause_subject(text: str) -> str:
    """The noun phrase that opens the sentence, up to its first comma: 'The Senator from Alaska'."""
    segments = [part.strip() for part in text.lstrip(_LEAD + "\"“”'‘’").split(",")]
    openers = ("In", "On", "At", "After", "Before", "During", "When", "As", "While", "Whilst", "Yesterday", "Today")
    while len(segments) > 1 and segments[0].split()[:1] and segments[0].split()[0] in openers:
        segments = segments[1:]  # "During Prime Minister's Questions Wednesday, Sunak defended ..."
    head = segments[0] if segments else ""
    match = re.match(
        r"(?:(?:The|A|An)\s+)?(?:[A-Z][\w'’.-]*\s*)+(?:(?:of|from|for)\s+(?:the\s+)?(?:[A-Z][\w'’.-]*\s*)+)*", head
    )
    if not match or match.group(0).strip().split()[0] in ("In", "On", "At", "After", "Before", "During", "When", "As"):
        return ""
    return match.group(0).strip()


def _passive(text: str, at: int) -> bool:
    """'is called', 'was described', 'so-called': naming, not someone speaking."""
    before = text[max(0, at - 20) : at].lower()
    auxiliary = r"\b(?:is|are|was|were|be|been|being|often|commonly|sometimes)\s+(?:\w+ly\s+|then\s+)?"
    return bool(re.search(rf"(?:{auxiliary}|so-)$", before))


def _strip_auxiliaries(text: str) -> str:
    words = text.rstrip().split(" ")
    while words and words[-1].lower() in AUXILIARIES:
        words.pop()
    return " ".join(words).rstrip()


def _subject(text: str) -> str:
    """The noun phrase right before the verb: 'Lee, a fellow defector,' -> 'Lee, a fellow defector'."""
    text = text.rstrip()
    listed = _titled_appositive(text)
    if listed:
        return listed
    appositive = ""
    if text.endswith(","):
        head, _, tail = text[:-1].rpartition(", ")
        if head and tail and not tail[:1].isupper():
            text, appositive = head, f", {tail}"
        else:
            text = text[:-1]
    starts = [m.end() for m in _BOUNDARY.finditer(text) if not _joins_a_name(text, m)]
    clause = text[starts[-1] if starts else 0 :].strip()
    if clause.lower().startswith("that "):
        clause = clause[5:]
    if len(starts) >= 2 and clause[:1].isupper() and not is_person_name(split_title(clause)[1]):
        named = text[starts[-2] : starts[-1]].strip(" ,")
        if is_person_name(split_title(named)[1]):  # "Hernan Dario Gomez, Panama coach,"
            clause, appositive = named, f", {clause}{appositive}"
    clause = re.sub(r"^(?:and|but|so|then)\s+", "", clause, flags=re.IGNORECASE)
    clause = re.sub(r"\s+(?:(?:was|were|is|am|are)\s+)?(?:going|about|trying)\s+to$", "", clause)
    return (clause + appositive) if clause else ""


_APPOSITIVE_OPENERS = frozenset(["responsible", "also", "in", "who", "the", "a", "an", "former", "chief", "head"])
MAX_APPOSITIVE_WORDS = 40


def _titled_appositive(text: str) -> str:
    """'Valdis Dombrovskis, Vice-President for the Euro and Social Dialogue, also in charge of Financial
    Stability, Financial Services and Capital Markets Union,': the name that opens the clause, then its titles.
    The commas inside a list of portfolios would otherwise make the last portfolio the speaker."""
    if not text.endswith(","):
        return ""
    segments = text[:-1].split(", ")
    if len(segments) < 3:
        return ""  # one appositive: _subject's own rule
    for index, head in enumerate(segments[:-1]):
        clause = re.split(r"(?:^|[.;:!?]\s*|\bthat\s+)(?=[A-Z])", head.strip())[-1].strip()
        rest = ", ".join(segments[index + 1 :])
        if len(rest.split()) > MAX_APPOSITIVE_WORDS or re.search(_FINITE, rest):
            continue
        if is_person_name(split_title(clause)[1]) and _opens_title(segments[index + 1]):
            return f"{clause}, {rest}"
    return ""


_FINITE = r"\b(?:said|says|told|is|was|were|are|has|had|have|will|would)\b"


def _opens_title(segment: str) -> bool:
    """'Vice-President for ...', 'Commissioner for ...', 'responsible for ...': what a title list opens with."""
    first = segment.strip().split(" ", 1)[0]
    return (
        first in TITLES
        or all(part in TITLES for part in first.split("-") if part)
        or first.lower() in _APPOSITIVE_OPENERS
    )


def _joins_a_name(text: str, boundary: re.Match[str]) -> bool:
    """'The Globe and Mail': an 'and' between capitalised words is part of a name."""
    if boundary.group(0).strip(" ,") != "and" or "," in boundary.group(0):
        return False
    before = text[: boundary.start()].rsplit(None, 1)[-1:] or [""]
    return before[0][:1].isupper() and text[boundary.end() : boundary.end() + 1].isupper()


def _noun_use(text: str, at: int) -> bool:
    """'a blog post', 'his statement': the word is a noun here, not a verb."""
    return bool(re.search(r"\b(?:a|an|the|his|her|their|its|blog|this|that)\s+$", text[max(0, at - 12) : at], re.I))


def _speaker(np: str, offset: int, state: _State, how: str) -> Attribution | None:
    np = np.strip(" ,.\u00a0")
    if not np or (len(np.split()) > 24 and not is_person_name(split_title(np.partition(", ")[0])[1])):
        return None
    if np.lower() in _CONJUNCTIONS:  # "..., and said it was “...”": the subject said before
        return Attribution(INHERIT, None, "inherited")
    np = re.sub(r"^(?:and|but|then|so)\s+", "", np)
    author = _BY_AUTHOR.match(np) or _DOCUMENT_OF.match(np)
    if author and author.group(1).lower() not in PRONOUNS:
        np = author.group(1)  # "the post by an unknown author", "Cornyn's statement"
    head, _, tail = np.partition(", ")
    head = _expand_acronym(head, state)
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
            titles = tail if end == len(head) and _opens_title(tail) else ""
            role = join_role(before, appositive_after(np, end)) or titles
            role = role or _known_role(name, state, offset)
            return Attribution(name, role or None, how)
    bare = clean_token(split_title(head)[1]) if head[:1].isupper() else ""
    if bare and len(bare.split()) == 1 and is_person_name(bare, min_tokens=1):
        person = resolve(bare, state.people, offset)
        role = tail if tail and not tail[:1].isupper() else None
        person = person or _similar_surname(bare, state, offset)
        if person:
            return Attribution(person.name, person.role or role, how)
        return Attribution(bare, role, how)
    if head.split() and all(word in TITLES for word in head.split()):
        titled = _titled_person(head, state, offset)  # "Minister hails ..." in a headline
        if titled is not None:
            return Attribution(titled.name, titled.role, "description", "medium")
    role_noun = _SUBJECT_ROLE_NOUN.match(head)
    if role_noun:
        for person in reversed([p for p in state.people if p.offset < offset and p.role]):
            if role_noun.group(1).split()[-1].lower() in (person.role or "").lower().split():
                # "the minister" back to "Health minister Jane Doe": a chain to an earlier name, for review
                return Attribution(person.name, person.role, "description", "medium")
        if _PERSON_NOUN.search(head):  # "the teenager", "the 34-year-old": the person just written about
            subject = _recent_subject(state, offset, _gender_of_words(head))
            if subject is not None:
                return Attribution(subject.name, subject.role, "description")
    if len(head.split()) > 8:  # "North Korea's main news agency Korean Central News Agency (KCNA)"
        runs = [run for _s, _e, run in name_runs(re.sub(r"\s*\([A-Z]{2,6}\)", "", head)) if len(run.split()) >= 2]
        head = clean_token(runs[-1]) if runs else head
    if len(head.split()) > 8 or not any(ch.isalpha() for ch in head):
        return None
    anonymous = head.split()[0].lower() in ("a", "an", "one", "some", "another", "several")
    # "The poster", "The city" opening a sentence are descriptions like "the poster" inside one: for review.
    described = re.sub(r"^(?:The|the)\s+", "", head)[:1].islower() or all(w in TITLES for w in head.split())
    described = described or (head.split()[0] in ("The", "the") and head.split()[-1][:1].islower())
    return Attribution(head, tail or None, how, "medium" if anonymous or described else "high")


def _titled_person(title: str, state: _State, offset: int) -> Person | None:
    """The person whose role holds a bare title ('Minister', 'Spokeswoman'): the latest named before the
    quotation, else (a headline names no one yet) the first named after it."""
    word = title.split()[-1].lower()
    holders = [p for p in state.people if word in (p.role or "").lower().replace("-", " ").split()]
    before = [p for p in holders if p.offset < offset]
    return before[-1] if before else (holders[0] if holders else None)


def _pronoun(word: str, state: _State, offset: int) -> Attribution | None:
    """'he' or 'she' is the latest person of that gender: the previous speaker if the pronoun fits them, else
    the person the nearest sentence before is about; 'they' or 'it' is the previous speaker (an organisation or
    a group), or the organisation named last."""
    if word in ("he", "she"):
        gender = "m" if word == "he" else "f"
        subject = _recent_subject(state, offset, gender)
        if subject is not None:
            return Attribution(subject.name, subject.role, "pronoun")
        titled = _titled_surname(state, offset, gender)
        if titled:
            return Attribution(titled, None, "pronoun")
        last = state.last
        if last is not None and _gender(last.speaker, state) in (gender, ""):
            return Attribution(last.speaker, last.role, "pronoun", "low")
        return None
    if word in ("i", "we"):
        return _turn(state.article, offset, state) or _orator(state, offset)
    if state.last is not None:
        return Attribution(state.last.speaker, state.last.role, "pronoun")
    if word == "it":
        body = _body_before(state, offset)
        if body:
            return Attribution(body, None, "pronoun", "medium")
    return None


def _body_before(state: _State, offset: int) -> str:
    """'The ministry denied the report. “...,” it said': the organisation or thing that opens one of the two
    sentences before, when no one has spoken yet."""
    current = state.article.sentence_of(offset)
    for index in range(current - 1, max(-1, current - 3), -1):
        sentence = state.article.sentence_text(index).strip()
        match = _BODY.match(sentence)
        if match and not is_person_name(match.group(1)) and _opens_body(match.group(1)):
            return match.group(1)
    return ""


def _opens_body(phrase: str) -> bool:
    first = phrase.split()[0]
    return first == "The" or first not in FUNCTION_WORDS  # not "In", "After", "It", "He" ...


_BODY = re.compile(r"(The\s+(?:[A-Z][\w'’.-]*\s+)*[a-z][a-z-]+|(?:[A-Z][\w'’.&-]*\s+)*[A-Z][\w'’.&-]*)\s")


_DELIVERED = re.compile(
    r"((?:[A-Z][\w.'’-]*\s+){1,5}?)(?:delivered|gave|made)\s+(?:(?:his|her|the|a|an)\s+)?(?:[a-z]+\s+)?"
    r"(?:remarks|speech|address|statement|testimony)\b"
    r"|^(?:Remarks|Speech|Address|Statement|Testimony)\s+(?:of|by)\s+((?:[A-Z][\w.'’-]*\s*){1,5})"
)


def _orator(state: _State, offset: int) -> Attribution | None:
    """'I said, ‘Only if ...’' in a speech: the one who gives it, as its introduction names them ('Speaker Nancy
    Pelosi delivered remarks ...', 'Remarks by President Biden'). Marked for review: a speech may quote others."""
    text = state.article.text
    for start, end in state.article.paragraphs[:3]:
        if start > offset:
            break
        match = _DELIVERED.search(text[start:end])
        if match:
            np = (match.group(1) or match.group(2) or "").strip()
            found = _speaker(np, start, state, "orator") if np else None
            if found is not None and found.speaker != INHERIT and is_person_name(found.speaker):
                return Attribution(found.speaker, found.role, "orator", "medium")
    return None


def _titled_surname(state: _State, offset: int, gender: str) -> str:
    """'Ms Okafor' named alone (no first name) in the last sentences, of the pronoun's gender."""
    current = state.article.sentence_of(offset)
    low = state.article.sentences[max(0, current - 3)].start
    found = ""
    for match in re.finditer(
        r"\b(Mr|Ms|Mrs|Miss|Sir|Dame|Lord|Lady)\.?\s+([A-Z][\w'’-]+)", state.article.text[low:offset]
    ):
        if _gender_of_words(match.group(1)) == gender:
            found = match.group(2)
    return found


def _is_named(speaker: str) -> bool:
    return speaker[:1].isupper() and speaker.split()[0].lower() not in ("a", "an", "the", "one", "some")


def _recent_subject(state: _State, offset: int, gender: str = "", exact: bool = False) -> Person | None:
    current = state.article.sentence_of(offset)
    allowed = (gender,) if exact else (gender, "")
    for index in range(current, max(-1, current - 4), -1):
        sentence = state.article.sentences[index]
        named = [p for o, p in state.mentions if sentence.start <= o < min(sentence.end, offset)]
        named = [p for p in named if not gender or _gender(p.name, state) in allowed]
        if named:
            return named[0]
    return None


def _gender(name: str, state: _State) -> str:
    """'m', 'f' or '' from the person's title or role ('Ms', 'spokeswoman') or the first he/she written after
    a mention of them, before anyone else is named."""
    if name in state.genders:
        return state.genders[name]
    text = state.article.text
    votes = {"m": 0, "f": 0}
    person = next((p for p in state.people if p.name == name), None)
    for word in re.findall(r"[A-Za-z]+", (person.role or "") if person else ""):
        found = _gender_of_words(word)
        if found:
            votes[found] += 2
    surname = name.split()[-1] if name.split() else name
    if surname and surname[:1].isupper():
        for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
            title = re.search(
                r"\b(Mr|Mrs|Ms|Miss|Sir|Dame|Lord|Lady)\.?\s+(?:[A-Z][\w'’-]+\s+)?$", text[: match.start()][-30:]
            )
            if title:
                votes[_gender_of_words(title.group(1))] += 2
            after = text[match.end() : match.end() + 200]
            pronoun = next(
                (
                    found
                    for found in re.finditer(r"\b(he|his|him|she|her)\b", after, re.IGNORECASE)
                    if not _quoted(state, match.end() + found.start())  # "she" in his own words is someone else
                ),
                None,
            )
            if pronoun and not re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", after[: pronoun.start()]):
                votes[_gender_of_words(pronoun.group(1))] += 1
    gender = "m" if votes["m"] > votes["f"] else "f" if votes["f"] > votes["m"] else ""
    state.genders[name] = gender
    return gender


def _quoted(state: _State, offset: int) -> bool:
    return any(q.start <= offset < q.end for q in state.article.quotes)


def _gender_of_words(text: str) -> str:
    words = set(text.lower().replace(".", "").split())
    if words & MALE:
        return "m"
    if words & FEMALE:
        return "f"
    return ""


def _similar_surname(bare: str, state: _State, offset: int) -> Person | None:
    """A surname misspelt in the article ('Ms Bauchtman' for Lydia Buchtmann): the earlier person whose
    surname is nearly the same."""
    best, score = None, 0.0
    for person in state.people:
        if person.offset >= offset or len(person.tokens) < 2:
            continue
        ratio = difflib.SequenceMatcher(None, bare.lower(), person.tokens[-1].lower()).ratio()
        if ratio > score:
            best, score = person, ratio
    return best if score >= 0.8 else None


def _expand_acronym(head: str, state: _State) -> str:
    """'KCNA' -> 'Korean Central News Agency' when the article wrote 'Korean Central News Agency (KCNA)'."""
    if not re.fullmatch(r"[A-Z]{2,6}", head):
        return head
    match = re.search(
        rf"((?:[A-Z][\w'’-]*\s+(?:(?:of|for|and|the|on)\s+)?)+[A-Z][\w'’-]*)\s+\({head}\)", state.article.text
    )
    if not match:
        return head
    words = match.group(1).split()
    initials = [w for w in words if w[:1].isupper()]
    return " ".join(words[len(words) - len(words[-len(head) :]) :]) if len(initials) >= len(head) else head


def _known_role(name: str, state: _State, offset: int) -> str:
    person = resolve(name, state.people)
    return person.role or "" if person else ""
