"""generator.stages.link: topic index, related briefs, metric groups and labels."""

from __future__ import annotations

import pytest

from generator.model import Brief, Figure, PartialDate, Source, Topic
from generator.stages import link as link_module
from generator.stages.link import link


def brief(slug: str, published: str | None, topics: tuple[str, ...] = (), figures: tuple[Figure, ...] = ()) -> Brief:
    date = PartialDate.parse(published) if published else None
    return Brief(slug, slug.title(), Source(published=date), "summary", "article", figures=figures, topics=topics)


REGISTRY = {
    "kim": Topic("kim", "Kim Jong Un", "Leader."),
    "kursk": Topic("kursk", "Kursk", "Region."),
    "unused": Topic("unused", "Unused", "No brief names it."),
}


def slugs(briefs: tuple[Brief, ...]) -> list[str]:
    return [b.slug for b in briefs]


# --- order and topic index -----------------------------------------------------------------------------------------


def test_briefs_are_ordered_newest_first() -> None:
    corpus = link([brief("a", "2023"), brief("b", None), brief("c", "2025-02"), brief("d", "2024-11-30")], {}, {})
    assert slugs(corpus.briefs) == ["c", "d", "a", "b"]


def test_briefs_by_topic_newest_first() -> None:
    briefs = [
        brief("old", "2023-01-01", ("kim",)),
        brief("undated", None, ("kim",)),
        brief("new", "2025-01-01", ("kim", "kursk")),
        brief("mid", "2024-06", ("kursk", "kim")),
    ]
    corpus = link(briefs, REGISTRY, {})
    assert slugs(corpus.briefs_by_topic["kim"]) == ["new", "mid", "old", "undated"]
    assert slugs(corpus.briefs_by_topic["kursk"]) == ["new", "mid"]
    assert list(corpus.briefs_by_topic) == ["kim", "kursk"]


def test_registered_topics_without_briefs_are_left_out() -> None:
    corpus = link([brief("a", "2024", ("kim",))], REGISTRY, {})
    assert list(corpus.topics) == ["kim"]
    assert corpus.topics["kim"] is REGISTRY["kim"]


def test_unregistered_topic_gets_a_topic_page() -> None:
    corpus = link([brief("a", "2024", ("kim", "new-thing"))], REGISTRY, {"new-thing": "New Thing"})
    assert corpus.topics["new-thing"] == Topic("new-thing", "New Thing")
    assert slugs(corpus.briefs_by_topic["new-thing"]) == ["a"]
    assert list(corpus.topics) == ["kim", "new-thing"]


def test_registry_wins_over_an_unregistered_name_with_the_same_slug() -> None:
    corpus = link([brief("a", "2024", ("kim",))], REGISTRY, {"kim": "kim"})
    assert corpus.topics["kim"].name == "Kim Jong Un"
    assert corpus.topics["kim"].description == "Leader."


# --- related briefs ------------------------------------------------------------------------------------------------


def test_related_ranked_by_shared_topics_then_newest() -> None:
    briefs = [
        brief("me", "2024", ("a", "b", "c")),
        brief("one-new", "2025", ("a",)),
        brief("two-old", "2020", ("a", "b")),
        brief("three", "2019", ("a", "b", "c")),
        brief("one-old", "2018", ("c",)),
        brief("none", "2026", ("z",)),
    ]
    corpus = link(briefs, {}, {})
    assert slugs(corpus.related["me"]) == ["three", "two-old", "one-new", "one-old"]


def test_related_excludes_self_and_unrelated() -> None:
    corpus = link([brief("a", "2024", ("x", "y")), brief("b", "2024", ("z",)), brief("c", None, ())], {}, {})
    assert corpus.related == {"a": (), "b": (), "c": ()}


def test_related_is_symmetric_for_a_pair() -> None:
    corpus = link([brief("a", "2024", ("x",)), brief("b", "2023", ("x",))], {}, {})
    assert slugs(corpus.related["a"]) == ["b"]
    assert slugs(corpus.related["b"]) == ["a"]


def test_related_is_capped(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(link_module, "MAX_RELATED", 3)
    briefs = [brief(f"b{i}", f"{2000 + i}", ("x",)) for i in range(6)]
    corpus = link(briefs, {}, {})
    assert slugs(corpus.related["b0"]) == ["b5", "b4", "b3"]


def test_related_default_cap() -> None:
    briefs = [brief(f"b{i:02d}", f"{2000 + i}", ("x",)) for i in range(12)]
    assert len(link(briefs, {}, {}).related["b00"]) == link_module.MAX_RELATED == 8


# --- metrics -------------------------------------------------------------------------------------------------------


def test_metric_groups_in_brief_order() -> None:
    briefs = [
        brief("old", "2023", figures=(Figure("10,000", "troops sent", "troops"), Figure("5", "no metric"))),
        brief("new", "2025", figures=(Figure("12,000", "troops deployed", "troops"),)),
        brief("mid", "2024", figures=(Figure("1,000", "casualties", "losses"), Figure("11,000", "troops", "troops"))),
    ]
    corpus = link(briefs, {}, {})
    assert list(corpus.metrics) == ["losses", "troops"]
    troops = corpus.metrics["troops"]
    assert [(r.brief.slug, r.figure.value) for r in troops] == [("new", "12,000"), ("mid", "11,000"), ("old", "10,000")]
    assert [r.brief.slug for r in corpus.metrics["losses"]] == ["mid"]


def test_metric_label_is_the_most_common() -> None:
    briefs = [
        brief("a", "2025", figures=(Figure("1", "troops deployed", "t"),)),
        brief("b", "2024", figures=(Figure("2", "soldiers sent", "t"),)),
        brief("c", "2023", figures=(Figure("3", "soldiers sent", "t"),)),
    ]
    assert link(briefs, {}, {}).metric_labels == {"t": "soldiers sent"}


def test_metric_label_tie_goes_to_the_first_brief() -> None:
    briefs = [
        brief("a", "2023", figures=(Figure("1", "older label", "t"),)),
        brief("b", "2025", figures=(Figure("2", "newer label", "t"),)),
    ]
    assert link(briefs, {}, {}).metric_labels == {"t": "newer label"}


def test_no_metrics_without_metric_ids() -> None:
    corpus = link([brief("a", "2024", figures=(Figure("1", "x"),))], {}, {})
    assert corpus.metrics == {}
    assert corpus.metric_labels == {}


# --- topic co-occurrence (the topic map) ---------------------------------------------------------------------------


def test_cooccurrence_counts_briefs_naming_both_topics() -> None:
    briefs = [brief("a", "2024", ("x", "y", "z")), brief("b", "2024", ("y", "x")), brief("c", None, ("z",))]
    assert link(briefs, {}, {}).cooccurrence == {("x", "y"): 2, ("x", "z"): 1, ("y", "z"): 1}


def test_cooccurrence_is_empty_without_shared_topics() -> None:
    assert link([brief("a", "2024", ("x",)), brief("b", "2024", ("y",))], {}, {}).cooccurrence == {}
