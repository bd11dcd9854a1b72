"""Markdown tables of benchmark results, for bench/results/latest.md and the README.

python -m bench.table [bench/results/latest.json]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path


def _s(value: float | None) -> str:
    if value is None or value != value:  # NaN
        return "—"
    return f"{value:.2f} s" if value < 10 else f"{value:.0f} s"


def _mb(value: float | None) -> str:
    if not value:
        return "—"
    megabytes = value / 1e6
    return f"{megabytes:.2f} MB" if megabytes < 10 else f"{megabytes:.0f} MB"


def _kb(value: float | None) -> str:
    return "—" if value is None else f"{value / 1e3:.0f} KB"


def _x(value: float | None) -> str:
    return "—" if value is None or value != value else f"{value:.2f}x"


def _pct(value: float | None) -> str:
    return "—" if value is None or value != value else f"{100 * value:.1f}%"


def markdown(results: dict) -> str:
    sizes = results["sizes"]
    header = "| | " + " | ".join(f"{r['size']:,} briefs" for r in sizes) + " |"
    rule = "|---|" + "---|" * len(sizes)

    def row(label: str, cell) -> str:  # type: ignore[no-untyped-def]
        cells = []
        for result in sizes:
            try:
                cells.append(cell(result))
            except (KeyError, TypeError, IndexError, ValueError):
                cells.append("—")
        return f"| {label} | " + " | ".join(cells) + " |"

    def s(result: dict) -> dict:
        return result["summary"]

    def search(result: dict, engine: str) -> dict:
        return result["search"][engine]

    def quality(result: dict, engine: str) -> str:
        q = search(result, engine)["quality"]
        return f"{q['top1']}/{q['total']} first, {q['top5']}/{q['total']} in top 5"

    def serve(result: dict, kind: str) -> str:
        return _s(result["serve"][kind]["median_s"])

    lines = [
        header,
        rule,
        row("pages generated / HTML pages built", lambda r: f"{s(r)['pages']:,} / {s(r)['html_pages']:,}"),
        row("runs (median of)", lambda r: str(r["repeats"])),
        row("generator, cold (new process, empty docs)", lambda r: _s(s(r)["generator_cold_s"])),
        row("generator, warm after a one-annotation edit", lambda r: _s(s(r)["generator_warm_s"])),
        row("pages rewritten by that edit", lambda r: str(s(r)["edit_pages_written"])),
        row("`mkdocs build` of the generated Markdown", lambda r: _s(s(r)["mkdocs_s"])),
        row("`briefing build --search material`", lambda r: _s(s(r)["briefing_material_s"])),
        row("  ratio to `mkdocs build`", lambda r: _x(s(r)["briefing_material_over_mkdocs"])),
        row("  generator's share of it", lambda r: _pct(s(r)["generator_share_of_build"])),
        row("`briefing build --search pagefind`", lambda r: _s(s(r)["briefing_pagefind_s"])),
        row("  ratio to `mkdocs build`", lambda r: _x(s(r)["briefing_pagefind_over_mkdocs"])),
        row("  of which Pagefind indexing", lambda r: _s(s(r)["pagefind_index_s"])),
        row("`zensical build` of the same Markdown", lambda r: _s(s(r).get("zensical_s"))),
        row("  ratio to `mkdocs build`", lambda r: _x(s(r).get("zensical_over_mkdocs"))),
        row(
            "peak memory, `briefing build` (Material / Pagefind)",
            lambda r: f"{s(r)['briefing_material_peak_mb']:.0f} / {s(r)['briefing_pagefind_peak_mb']:.0f} MB",
        ),
        row(
            "built site (Material / Pagefind)",
            lambda r: f"{_mb(s(r)['site_material_bytes'])} / {_mb(s(r)['site_pagefind_bytes'])}",
        ),
        row("Material's search index", lambda r: _mb(s(r)["material_index_bytes"])),
        row("Pagefind's bundle (all chunks)", lambda r: _mb(s(r)["pagefind_bundle_bytes"])),
        row("first search downloads, Material", lambda r: _mb(search(r, "material")["search_bytes"])),
        row("first search downloads, Pagefind", lambda r: _kb(search(r, "pagefind")["search_bytes"])),
        row("time to first result, Material", lambda r: _s(search(r, "material")["first_search_s"])),
        row("time to first result, Pagefind", lambda r: _s(search(r, "pagefind")["first_search_s"])),
        row("known queries, Material", lambda r: quality(r, "material")),
        row("known queries, Pagefind", lambda r: quality(r, "pagefind")),
        row("edit-to-reload, `briefing serve` (changed pages)", lambda r: serve(r, "dirty")),
        row("edit-to-reload, `briefing serve --full`", lambda r: serve(r, "full")),
    ]
    m = results["machine"]
    lines += [
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB; {m['system']}; Python {m['python']}, "
        f"MkDocs {m['mkdocs']}, Material {m['mkdocs-material']}, Pagefind {m['pagefind']}. "
        f"Run {results['started']} to {results.get('finished', '?')}; load average at start "
        f"{', '.join(f'{x:.1f}' for x in m['load_average'])} (a shared machine: compare ratios, not seconds).",
    ]
    if results.get("notes"):
        lines.append("")
    lines += [f"- {note}" for note in results.get("notes", [])]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).parent / "results" / "latest.json"
    print(markdown(json.loads(path.read_text())), end="")
