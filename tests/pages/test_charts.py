"""generator.pages.charts and .svg: what each kind of value looks like, and markup that only our code makes."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.model import Brief, Figure, FigureReport, PartialDate, Source
from generator.pages import charts, svg


def report(value: str, title: str = "A brief", outlet: str | None = "Outlet") -> FigureReport:
    brief = Brief(
        slug=title.lower().replace(" ", "-"),
        title=title,
        source=Source(name=outlet, published=PartialDate(2025, 1)),
        summary="s",
        article_text=value,
    )
    return FigureReport(brief, Figure(value, "troops", "m"))


def chart(*values: str) -> BeautifulSoup:
    made = charts.metric_chart("Troops", [report(v, f"Brief {i}") for i, v in enumerate(values)])
    assert made is not None
    return BeautifulSoup(str(made), "html.parser")


def test_one_report_or_nothing_to_draw_gives_no_chart() -> None:
    assert charts.metric_chart("Troops", [report("10,000")]) is None
    assert charts.metric_chart("Troops", [report("many"), report("a lot")]) is None


def test_each_source_is_a_row_moved_into_place() -> None:
    soup = chart("10,000", "12,000")
    rows = soup.select("g.bf-row")
    assert [r["transform"] for r in rows] == ["translate(0 26)", "translate(0 92)"]
    assert [r.select_one(".bf-source").text for r in rows] == ["Brief 0", "Brief 1"]
    assert rows[0].select_one(".bf-meta").text == "Outlet · January 2025"


@pytest.mark.parametrize(
    ("value", "shape"),
    [
        ("10,000", "circle.bf-dot"),
        ("about 10,000", "circle.bf-hollow"),
        ("10,000 and 12,000", "line.bf-range"),
        ("1,000-3,000", "line.bf-range"),
        ("at least 11,000", "line.bf-open"),
        ("over 100", "path.bf-arrow"),
        ("thousands", "line.bf-dashed"),
    ],
)
def test_each_kind_of_value_has_its_shape(value: str, shape: str) -> None:
    row = chart("5,000", value).select("g.bf-row")[1]
    assert row.select_one(shape) is not None, row
    assert row.select_one(".bf-value").text == value


def test_a_value_in_another_unit_is_listed_not_drawn() -> None:
    row = chart("10,000", "20,000", "$2000").select("g.bf-row")[2]
    assert row.select_one(".bf-undrawn").text == "$2000 (another unit)"


def test_a_chart_says_in_words_what_it_shows() -> None:
    svg_element = chart("10,000", "12,000").select_one("svg")
    assert svg_element["role"] == "img"
    assert svg_element["aria-label"] == "Chart of Troops: 2 sources report 10,000; 12,000"


def test_editor_text_in_a_chart_is_text() -> None:
    made = str(charts.metric_chart("<b>x</b>", [report("10", "<script>alert(1)</script>"), report("12")]))
    soup = BeautifulSoup(made, "html.parser")
    assert soup.find("script") is None and soup.find("b") is None
    assert "<script>alert(1)</script>" in soup.select_one(".bf-source").text


def test_the_same_reports_give_the_same_bytes() -> None:
    reports = [report("10,000", "One"), report("at least 11,000", "Two")]
    assert charts.metric_chart("T", reports) == charts.metric_chart("T", list(reports))


def test_tag_escapes_values_and_refuses_names_it_does_not_know() -> None:
    assert svg.tag("text", {"x": 1.25, "y": 3, "class": 'a"b'}, "<i>") == (
        '<text x="1.2" y="3" class="a&quot;b">&lt;i&gt;</text>'
    )
    with pytest.raises(ValueError, match="not an element or attribute name"):
        svg.tag("text", {"onload=alert(1) x": 1})


def test_numbers_are_short_and_never_negative_zero() -> None:
    assert [svg.number(v) for v in (1.0, 2.25, -0.01, 352.5)] == ["1", "2.2", "0", "352.5"]
