"""Deterministic synthetic corpora for the benchmark: N articles of realistic length, fully annotated.

Every brief i is drawn from its own seeded random stream, so the corpus of 1,000 briefs is the first 1,000 briefs
of the corpus of 10,000, and the same seed always gives byte-identical files. Shapes follow the real corpus:

- articles of 450-1,000 words (the seed articles have 470-1,015), one paragraph a line, words drawn from a
  Zipf-distributed vocabulary of 12,000 made-up words plus English function words, so the number of distinct words
  grows with the corpus the way real text does (Heaps' law) and search indexes grow realistically;
- 5-15 key figures, each written into the article; 70% carry a metric id shared with other briefs;
- 3-8 quotes with speaker and role, each written into the article as a quotation;
- 3-8 topics from a registry of 500 topics (40% with aliases; annotations use an alias a quarter of the time),
  drawn with Zipf-Mandelbrot weights 1/(rank+10): the most common topic is in about 10% of briefs, as a
  briefing's main subjects are.

`known_queries()` names searches whose right answer is known, for the search-quality comparison.
"""

from __future__ import annotations

import bisect
import itertools
import json
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

SEED = 20250101
TOPIC_POOL = 500
METRIC_POOL = 1500
VOCABULARY = 12_000
_KINDS = ("person", "organisation", "place", "unit", "theme")
_FUNCTION = [
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "is",
    "was",
    "for",
    "on",
    "with",
    "as",
    "by",
    "at",
    "from",
    "it",
    "be",
    "has",
    "have",
    "were",
    "are",
    "this",
    "which",
    "an",
    "their",
    "its",
    "but",
    "not",
    "or",
    "after",
    "more",
    "than",
    "said",
    "also",
    "been",
    "had",
    "who",
    "would",
    "over",
    "into",
    "about",
    "new",
    "two",
    "year",
    "they",
    "some",
    "other",
]
_ONSETS = [
    "b",
    "br",
    "c",
    "ch",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "j",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "pr",
    "r",
    "s",
    "sh",
    "st",
    "t",
    "tr",
    "v",
    "w",
    "z",
]
_VOWELS = ["a", "e", "i", "o", "u", "a", "e", "i", "o", "ai", "ou", "ea"]
_CODAS = ["", "", "n", "r", "s", "l", "m", "nd", "rt", "st", "k", "x"]
_OUTLETS = 60
_PEOPLE = 3000
_ROLES = (
    "defence minister",
    "army spokesman",
    "analyst at a research institute",
    "former intelligence officer",
    "regional governor",
    "foreign ministry spokeswoman",
    "professor of international relations",
    "military historian",
    "member of parliament",
    "aid worker",
)


def _word(rng: random.Random, syllables: int) -> str:
    return "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)) + rng.choice(_CODAS)


@dataclass(frozen=True)
class Pools:
    """Everything shared between briefs: vocabulary, topics, metrics, people and outlets."""

    words: list[str]
    cumulative: list[float]
    topics: list[dict]
    topic_cumulative: list[float]
    metrics: list[tuple[str, str]]
    metric_cumulative: list[float]
    people: list[str]
    outlets: list[str]


def _zipf(count: int, offset: float = 0.0, exponent: float = 1.0) -> list[float]:
    return list(itertools.accumulate(1.0 / (rank + offset) ** exponent for rank in range(1, count + 1)))


def _unique_words(rng: random.Random, count: int, low: int, high: int, taken: set[str]) -> list[str]:
    words: list[str] = []
    while len(words) < count:
        word = _word(rng, rng.randint(low, high))
        if len(word) > 2 and word not in taken:
            taken.add(word)
            words.append(word)
    return words


def make_pools(seed: int = SEED) -> Pools:
    rng = random.Random(f"{seed}-pools")
    taken = set(_FUNCTION)
    words = _unique_words(rng, VOCABULARY, 1, 4, taken)
    names = [w.capitalize() for w in _unique_words(rng, 2 * TOPIC_POOL + 400, 2, 3, taken)]
    topics = []
    for index in range(TOPIC_POOL):
        name = f"{names[2 * index]} {names[2 * index + 1]}" if index % 3 else names[2 * index]
        entry = {"name": name, "kind": _KINDS[index % len(_KINDS)]}
        if rng.random() < 0.4:
            entry["aliases"] = [f"{name} {rng.choice(('Group', 'Region', 'Accord', 'Forces', 'Council'))}"]
        entry["description"] = " ".join(rng.choices(words[:2000], k=rng.randint(8, 16))).capitalize() + "."
        topics.append(entry)
    surnames = names[2 * TOPIC_POOL :]
    firsts = [w.capitalize() for w in _unique_words(rng, 300, 1, 2, taken)]
    people = [f"{rng.choice(firsts)} {rng.choice(surnames)}" for _ in range(_PEOPLE)]
    outlets = [f"The {rng.choice(surnames)} {rng.choice(('Times', 'Post', 'Herald', 'Review', 'Monitor'))}"]
    kinds = ("News", "Daily", "Report", "Wire", "Journal")
    outlets += [f"{rng.choice(surnames)} {rng.choice(kinds)}" for _ in range(99)]
    metrics = [
        (f"metric-{index:04d}", " ".join(rng.choices(words[:3000], k=rng.randint(3, 6))).capitalize())
        for index in range(METRIC_POOL)
    ]
    return Pools(
        words,
        _zipf(VOCABULARY, offset=2.7),
        topics,
        _zipf(TOPIC_POOL, offset=10),
        metrics,
        _zipf(METRIC_POOL, offset=20),
        people,
        sorted(set(outlets))[:_OUTLETS],
    )


def _pick(rng: random.Random, items: list, cumulative: list[float]) -> object:
    return items[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


def _sample(rng: random.Random, items: list, cumulative: list[float], count: int) -> list:
    chosen: list = []
    while len(chosen) < count:
        item = _pick(rng, items, cumulative)
        if item not in chosen:
            chosen.append(item)
    return chosen


def _sentence(rng: random.Random, pools: Pools, low: int = 8, high: int = 24) -> str:
    words = [
        rng.choice(_FUNCTION) if rng.random() < 0.45 else str(_pick(rng, pools.words, pools.cumulative))
        for _ in range(rng.randint(low, high))
    ]
    return " ".join(words).capitalize() + "."


def _figure_value(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.45:
        return f"{rng.randint(11, 95_000):,}"
    if kind < 0.6:
        return f"{rng.randint(2, 60)}.{rng.randint(1, 9)} million"
    if kind < 0.75:
        return f"{rng.randint(2, 97)}%"
    if kind < 0.9:
        low = rng.randint(1, 40) * 100
        return f"{low:,}-{low + rng.randint(1, 40) * 100:,}"
    return f"${rng.randint(2, 900)} million"


def make_brief(index: int, pools: Pools, seed: int = SEED) -> tuple[str, dict, str]:
    """(slug, annotation, article text) of brief number `index`."""
    rng = random.Random(f"{seed}-brief-{index}")
    title_words = [str(_pick(rng, pools.words, pools.cumulative)) for _ in range(rng.randint(6, 11))]
    title = " ".join(title_words).capitalize()
    slug = re.sub(r"[^a-z0-9]+", "-", " ".join(title_words[:4]).lower()).strip("-") + f"-{index}"
    topics = _sample(rng, pools.topics, pools.topic_cumulative, rng.randint(3, 8))
    people = rng.sample(pools.people, rng.randint(3, 8))
    figures = []
    for _ in range(rng.randint(5, 15)):
        figure = {"value": _figure_value(rng), "label": " ".join(rng.choices(pools.words[:4000], k=rng.randint(3, 8)))}
        if rng.random() < 0.7:
            metric, label = _pick(rng, pools.metrics, pools.metric_cumulative)  # type: ignore[misc]
            figure["metric"] = metric
            figure["label"] = label.lower() + " " + figure["label"]
        figures.append(figure)
    quotes = [
        {"text": _sentence(rng, pools, 6, 22).rstrip("."), "speaker": person, "role": rng.choice(_ROLES)}
        for person in people
    ]
    # the article: paragraphs of plain sentences with topic names, figures and quotes woven in
    inserts = [f"{t['name']} {_sentence(rng, pools, 5, 12).lower()}" for t in topics]
    inserts += [f"Officials put it at {f['value']} {f['label']}." for f in figures]
    inserts += [f'"{q["text"]}," said {q["speaker"]}, {q["role"]}.' for q in quotes]
    target_words = rng.randint(450, 1000)
    sentences = [_sentence(rng, pools) for _ in range(max(4, (target_words - 13 * len(inserts)) // 15))]
    for insert in inserts:
        sentences.insert(rng.randrange(len(sentences) + 1), insert)
    paragraphs, position = [], 0
    while position < len(sentences):
        size = rng.randint(3, 7)
        paragraphs.append(" ".join(sentences[position : position + size]))
        position += size
    article = "\n".join(paragraphs) + "\n"
    names = [t["name"] if not t.get("aliases") or rng.random() < 0.75 else t["aliases"][0] for t in topics]
    annotation = {
        "title": title,
        "status": "published" if rng.random() < 0.95 else "draft",
        "source": {
            "name": rng.choice(pools.outlets),
            "author": rng.choice(pools.people),
            "published": f"{rng.randint(2015, 2025)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
            "url": f"https://news.example.org/{slug}",
        },
        "summary": " ".join(_sentence(rng, pools, 12, 26) for _ in range(rng.randint(2, 4))),
        "key_figures": figures,
        "quotes": quotes,
        "topics": names,
    }
    return slug, annotation, article


def annotation_yaml(annotation: dict) -> str:
    """YAML as an editor writes it; every scalar double-quoted (JSON strings are valid YAML)."""
    lines = ["# yaml-language-server: $schema=../generator/schemas/annotation.schema.json"]

    def scalar(value: str) -> str:
        return json.dumps(value, ensure_ascii=False)

    lines.append(f"title: {scalar(annotation['title'])}")
    lines.append(f"status: {annotation['status']}")
    lines.append("source:")
    lines += [f"  {key}: {scalar(value)}" for key, value in annotation["source"].items()]
    lines.append(f"summary: {scalar(annotation['summary'])}")
    lines.append("key_figures:")
    for figure in annotation["key_figures"]:
        lines.append(f"  - value: {scalar(figure['value'])}")
        lines.append(f"    label: {scalar(figure['label'])}")
        if "metric" in figure:
            lines.append(f"    metric: {figure['metric']}")
    lines.append("quotes:")
    for quote in annotation["quotes"]:
        lines.append(f"  - text: {scalar(quote['text'])}")
        lines.append(f"    speaker: {scalar(quote['speaker'])}")
        lines.append(f"    role: {scalar(quote['role'])}")
    lines.append("topics: [" + ", ".join(scalar(name) for name in annotation["topics"]) + "]")
    return "\n".join(lines) + "\n"


def topics_yaml(pools: Pools, used_metrics: set[str]) -> str:
    doc = {
        "topics": pools.topics,
        "metrics": [{"id": m, "label": label} for m, label in pools.metrics if m in used_metrics][::2],
    }
    return yaml.safe_dump(doc, sort_keys=False, allow_unicode=True, width=200)


def write_corpus(project: Path, count: int, repo: Path, seed: int = SEED) -> dict:
    """A project folder like a clone's (briefs/ and mkdocs.yml) with `count` synthetic briefs."""
    pools = make_pools(seed)
    briefs = project / "briefs"
    if project.exists():
        shutil.rmtree(project)
    briefs.mkdir(parents=True)
    (project / "site_src").mkdir()  # MkDocs checks its docs_dir exists before the plugin generates into it
    shutil.copy(repo / "mkdocs.yml", project / "mkdocs.yml")
    used_metrics: set[str] = set()
    words = 0
    slugs = []
    for index in range(count):
        slug, annotation, article = make_brief(index, pools, seed)
        used_metrics |= {f["metric"] for f in annotation["key_figures"] if "metric" in f}
        (briefs / f"{slug}.txt").write_text(article, "utf-8")
        (briefs / f"{slug}.yml").write_text(annotation_yaml(annotation), "utf-8")
        words += len(article.split())
        slugs.append(slug)
    (briefs / "topics.yml").write_text(topics_yaml(pools, used_metrics), "utf-8")
    return {"briefs": count, "seed": seed, "article_words_mean": round(words / max(count, 1)), "slugs": slugs}


def known_queries(count: int, seed: int = SEED) -> list[dict]:
    """Searches whose right answer is known: the page a reader wants among the first results.

    - a title: three words of one brief's title -> that brief;
    - a quote: six consecutive words of one quote -> the brief it is from;
    - a speaker: a person's full name -> any brief that quotes them;
    - a topic: a topic's name -> its topic page.
    """
    pools = make_pools(seed)
    queries = []
    for index in sorted({count // 7, count // 2, count - 1}):
        slug, annotation, _ = make_brief(index, pools, seed)
        title = annotation["title"].split()
        queries.append({"kind": "title", "query": " ".join(title[1:4]), "expect": f"briefs/{slug}/"})
        quote = annotation["quotes"][0]["text"].split()
        queries.append({"kind": "quote", "query": " ".join(quote[:6]), "expect": f"briefs/{slug}/"})
        speaker = annotation["quotes"][1]["speaker"]
        quoting = [
            f"briefs/{other}/"
            for other, other_annotation, _ in (make_brief(i, pools, seed) for i in range(count))
            if any(q["speaker"] == speaker for q in other_annotation["quotes"])
        ]
        queries.append({"kind": "speaker", "query": speaker, "expect": quoting})
    _, annotation, _ = make_brief(count // 3, pools, seed)
    topic = next(t for t in pools.topics if t["name"] in annotation["topics"])
    from generator.stages.validate import topic_slug

    queries.append({"kind": "topic", "query": topic["name"], "expect": f"topics/{topic_slug(topic['name'])}/"})
    return queries


if __name__ == "__main__":  # pragma: no cover - manual use: python -m bench.corpus 100 /tmp/corpus
    import sys

    info = write_corpus(Path(sys.argv[2]), int(sys.argv[1]), Path(__file__).resolve().parents[1])
    print(json.dumps({k: v for k, v in info.items() if k != "slugs"}))
