"""Score the drafter against hand-made gold annotations: quote and figure precision/recall, speaker accuracy.

    python -m generator.drafting.score [--gold tests/gold] [--json test-artifacts/draft-scores.json] [-v]

Matching rules (tests/gold/README.md): a drafted quote matches a gold quote when their texts are equal after
folding typography and case and stripping punctuation and spaces at both ends; its speaker is right when the
names are equal after dropping "the" and titles, or the words of one are all in the other ("Kirby" and "John
Kirby"). A drafted figure matches a gold figure when their values are equal after folding typography and case
and dropping the qualifier ("about", "at least", "or more"...). Each gold item matches at most one drafted item.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import BriefingError, Location
from ..text import textio, yamlio
from .matching import figure_key, quote_key, same_speaker
from .pipeline import extract


@dataclass
class Tally:
    """Counts for one article or a whole set; rates are computed from them."""

    quotes_drafted: int = 0
    quotes_gold: int = 0
    quotes_matched: int = 0
    speakers_right: int = 0
    speakers_high: int = 0  # matched quotes whose speaker the drafter marked high-confidence
    speakers_high_right: int = 0
    figures_drafted: int = 0
    figures_gold: int = 0
    figures_matched: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        for name in ("quotes_drafted", "quotes_gold", "quotes_matched", "speakers_right", "speakers_high"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("speakers_high_right",):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("figures_drafted", "figures_gold", "figures_matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)

    def rates(self) -> dict[str, float]:
        return {
            "quote_precision": _ratio(self.quotes_matched, self.quotes_drafted),
            "quote_recall": _ratio(self.quotes_matched, self.quotes_gold),
            "speaker_accuracy": _ratio(self.speakers_right, self.quotes_matched),
            "high_speaker_accuracy": _ratio(self.speakers_high_right, self.speakers_high),
            "high_speaker_share": _ratio(self.speakers_high, self.quotes_matched),
            "figure_precision": _ratio(self.figures_matched, self.figures_drafted),
            "figure_recall": _ratio(self.figures_matched, self.figures_gold),
        }


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 1.0


def load_gold(path: Path) -> dict[str, Any]:
    where = path.as_posix()
    doc = yamlio.load(textio.read_text(path, where, textio.MAX_ANNOTATION_BYTES), where)
    data = doc.data
    if not isinstance(data, dict) or "article" not in data:
        raise BriefingError(Location(where, 1), "a gold file needs 'article:', 'figures:' and 'quotes:'")
    return data


def score_article(gold_path: Path) -> tuple[str, Tally]:
    gold = load_gold(gold_path)
    article = (gold_path.parent / gold["article"]).resolve()
    text = textio.read_text(article, article.name, textio.MAX_ARTICLE_BYTES)
    draft = extract(text)
    tally = Tally()
    name = gold_path.name.removesuffix(".gold.yml")
    gold_quotes = [(quote_key(q["text"]), q["speaker"]) for q in gold.get("quotes") or ()]
    tally.quotes_gold, tally.quotes_drafted = len(gold_quotes), len(draft.quotes)
    unmatched = list(gold_quotes)
    for quote in draft.quotes:
        hit = next((g for g in unmatched if g[0] == quote_key(quote.text)), None)
        if hit is None:
            tally.misses.append(f"{name}: extra quote {quote.text[:60]!r}")
            continue
        unmatched.remove(hit)
        tally.quotes_matched += 1
        high = getattr(quote, "confidence", "") == "high"
        tally.speakers_high += high
        if same_speaker(quote.speaker, hit[1]):
            tally.speakers_right += 1
            tally.speakers_high_right += high
        else:
            tally.misses.append(f"{name}: speaker {quote.speaker!r} for {hit[1]!r} ({quote.text[:40]!r})")
    tally.misses += [f"{name}: missed quote {g[0][:60]!r}" for g in unmatched]
    gold_figures = [figure_key(_figure_value(item)) for item in gold.get("figures") or ()]
    bare = {figure_key(item) for item in gold.get("figures") or () if isinstance(item, str)}
    tally.figures_gold, tally.figures_drafted = len(gold_figures), len(draft.figures)
    left = list(gold_figures)
    for figure in draft.figures:
        key = figure_key(figure.value)
        if key not in left:  # a gold value written bare (tests/gold) matches the drafted value with its unit
            key = next((g for g in left if g in bare and re.match(rf"{re.escape(g)}(?:[\s-]|$)", key)), key)
        if key in left:
            left.remove(key)
            tally.figures_matched += 1
        else:
            tally.misses.append(f"{name}: extra figure {figure.value!r}")
    tally.misses += [f"{name}: missed figure {key!r}" for key in left]
    return gold.get("set", "other"), tally


def _figure_value(item: str | dict[str, str]) -> str:
    """A gold figure is its value as written, or a mapping of value, unit and label (tests/eval/)."""
    return item if isinstance(item, str) else item["value"]


def score(gold_dir: Path) -> dict[str, dict[str, Tally]]:
    """Tallies by set ('seed', 'own', ...) and article name; the set's total is under '*'."""
    sets: dict[str, dict[str, Tally]] = {}
    for path in sorted(gold_dir.glob("*.gold.yml")):
        set_name, tally = score_article(path)
        articles = sets.setdefault(set_name, {"*": Tally()})
        articles[path.name.removesuffix(".gold.yml")] = tally
        articles["*"].add(tally)
    return sets


def table(sets: dict[str, dict[str, Tally]]) -> str:
    header = (
        f"{'set / article':44} {'quote P':>8} {'quote R':>8} {'speaker':>8} {'high sp':>8} {'high n':>7} "
        f"{'fig P':>7} {'fig R':>7}"
    )
    lines = [header, "-" * len(header)]
    for set_name, articles in sorted(sets.items()):
        for name, tally in sorted(articles.items(), key=lambda item: (item[0] != "*", item[0])):
            r = tally.rates()
            label = f"{set_name} (all)" if name == "*" else f"  {name}"
            lines.append(
                f"{label:44} {r['quote_precision']:8.2f} {r['quote_recall']:8.2f} {r['speaker_accuracy']:8.2f} "
                f"{r['high_speaker_accuracy']:8.2f} {f'{tally.speakers_high}/{tally.quotes_matched}':>7} "
                f"{r['figure_precision']:7.2f} {r['figure_recall']:7.2f}"
            )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m generator.drafting.score", description=__doc__.split("\n")[0])
    parser.add_argument(
        "--gold", type=Path, action="append", help="folder of *.gold.yml files (repeatable; default tests/gold)"
    )
    parser.add_argument("--json", type=Path, default=Path("test-artifacts/draft-scores.json"), help="write here")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and extra item")
    args = parser.parse_args(argv)
    try:
        sets: dict[str, dict[str, Tally]] = {}
        for folder in args.gold or [Path("tests/gold")]:
            sets.update(score(folder))
    except BriefingError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(table(sets))
    if args.verbose:
        for articles in sets.values():
            for miss in articles["*"].misses:
                print(miss)
    numbers = {
        set_name: {name: {**tally.rates(), **_counts(tally)} for name, tally in articles.items()}
        for set_name, articles in sets.items()
    }
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(numbers, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    print(f"Wrote {args.json}")
    return 0


def _counts(tally: Tally) -> dict[str, Any]:
    return {key: value for key, value in asdict(tally).items() if key != "misses"}


if __name__ == "__main__":
    sys.exit(main())
