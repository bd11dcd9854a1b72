"""The benchmark: synthetic corpora of several sizes, every stage measured side by side in one run.

    python -m bench.run                     # 100, 1,000 and 10,000 briefs (make bench)
    python -m bench.run --sizes 20 --repeats 1 --no-browser --no-serve --out /tmp/r   # the smoke test

For each size it writes the corpus (bench/work/, cached by size and seed), then measures, repeats times and
interleaved so that machine noise hits every variant alike:

- the generator alone in a fresh process: cold (empty docs folder), warm after a one-annotation edit (in the same
  process, as a preview server has it), and a no-change run in a new process;
- `mkdocs build` of the generated Markdown alone (the briefing plugin left out), with Material's search;
- the whole `briefing build`, with Material's search and with Pagefind: time, peak memory, size of the site;
- `zensical build` of the same Markdown, when Zensical is installed (--zensical BIN);
- in headless Chromium: what a reader's first search downloads and how long it takes, and the rank of the right
  page for known queries, for both engines;
- edit-to-reload: a live-preview server, a browser on a brief, an annotation edited, seconds until the page shows
  the edit (`briefing serve`, which rebuilds only the changed pages, and, up to 1,000 briefs, `briefing serve
  --full`, which rebuilds the whole site on every edit).

Results: bench/results/<size>.json, bench/results/latest.json and a Markdown table bench/results/latest.md.
Numbers are medians over the repeats; ratios are taken between variants of the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from . import corpus

REPO = Path(__file__).resolve().parents[1]
WORK = REPO / "bench" / "work"
BIN = Path(sys.executable).parent
EDITED_BRIEF = 1  # the brief whose annotation every edit touches (the second one)
NOTES = [
    "Both cores: a one-off build (`briefing build`, the cold generator run here) loads, validates and renders on a "
    "process pool of one worker per core (generator/parallel.py); a preview server's runs stay in one process, "
    "where its memo lets them redo only what an edit changed. Pagefind indexes on every core; MkDocs and "
    "Zensical's Python side run on one.",
]


def _run(command: list[str], cwd: Path, env: dict | None = None, timeout: float = 3600) -> dict:
    """Run a command; wall time, peak resident memory (largest process in its tree) and output."""
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    try:
        stdout, stderr = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    seconds = time.perf_counter() - started
    # wait4 has reaped the child already; getrusage(RUSAGE_CHILDREN) keeps the largest maxrss of any child so far,
    # so measure each command in a fresh helper process instead (see _measured)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{stderr[-3000:]}")
    return {"seconds": seconds, "stdout": stdout, "stderr": stderr}


def _measured(command: list[str], cwd: Path, env: dict | None = None) -> dict:
    """Like _run, but through a helper that reports the command's own peak memory (ru_maxrss of its tree)."""
    helper = (
        "import resource, subprocess, sys, time, json\n"
        "t = time.perf_counter()\n"
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "t = time.perf_counter() - t\n"
        "r = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "sys.stderr.write(p.stderr)\n"
        "print(json.dumps({'seconds': t, 'maxrss_kb': r.ru_maxrss, 'rc': p.returncode, 'out': p.stdout[-2000:]}))\n"
    )
    result = _run([sys.executable, "-c", helper, *command], cwd, env)
    data = json.loads(result["stdout"].strip().splitlines()[-1])
    if data["rc"] != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({data['rc']}):\n{result['stderr'][-3000:]}")
    return {"seconds": data["seconds"], "peak_mb": data["maxrss_kb"] / 1024, "stdout": data["out"]}


def _folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def _clean_generated(project: Path) -> None:
    docs = project / "site_src"
    for child in docs.iterdir():
        if child.name == "overrides":
            continue
        shutil.rmtree(child) if child.is_dir() else child.unlink()


THEME_COPY = "briefing-theme"


def theme_parts(source: Path) -> Path:
    """The briefing's theme parts: package data since the theme moved into generator/mkdocs/theme/; a --code snapshot
    from before keeps them in site_src/overrides/."""
    packaged = source / "generator" / "mkdocs" / "theme"
    return packaged if packaged.is_dir() else source / "site_src" / "overrides"


def prepare(size: int, seed: int, source: Path = REPO, work: Path = WORK) -> tuple[Path, dict]:
    """The corpus project for `size` briefs (rebuilt only if the seed or generator code of bench changed)."""
    folder = work / f"n{size}"
    project = folder / "project"
    stamp = folder / "corpus.json"
    version = {"size": size, "seed": seed, "corpus": (REPO / "bench" / "corpus.py").stat().st_mtime_ns}
    if stamp.exists() and json.loads(stamp.read_text())["version"] == version and (project / "briefs").is_dir():
        info = json.loads(stamp.read_text())["info"]
    else:
        info = corpus.write_corpus(project, size, REPO, seed)
        info.pop("slugs")
        stamp.write_text(json.dumps({"version": version, "info": info}))
    # keep the project's site config and the briefing's theme parts current with the repository's
    shutil.copy(source / "mkdocs.yml", project / "mkdocs.yml")
    shutil.rmtree(project / THEME_COPY, ignore_errors=True)
    shutil.copytree(theme_parts(source), project / THEME_COPY)
    shutil.rmtree(project / "site_src" / "overrides", ignore_errors=True)
    if (source / "site_src" / "overrides").is_dir():  # a snapshot whose mkdocs.yml names it as custom_dir
        shutil.copytree(source / "site_src" / "overrides", project / "site_src" / "overrides")
    config = yaml.safe_load((source / "mkdocs.yml").read_text("utf-8"))
    # the same site without the briefing plugin: MkDocs alone over the generated Markdown, with the theme parts the
    # plugin would have added
    config["plugins"] = [p for p in config["plugins"] if p != "briefing"]
    config["theme"]["custom_dir"] = THEME_COPY
    (project / "mkdocs.nogen.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), "utf-8")
    return project, info


def _annotation(project: Path) -> Path:
    return sorted(p for p in (project / "briefs").glob("*.yml") if p.name != "topics.yml")[EDITED_BRIEF]


def measure_generator(project: Path, env: dict, nochange: bool = True) -> dict:
    _clean_generated(project)
    command = [sys.executable, "-m", "bench.stage", str(project), str(_annotation(project))]
    fresh = _run(command, project, env)  # cwd=project: the generator comes from PYTHONPATH, not from cwd
    data = json.loads(fresh["stdout"])
    if nochange:
        again = _run(command, project, env)
        data["nochange_s"] = json.loads(again["stdout"])["cold_s"]
    return data


def measure_mkdocs(project: Path, env: dict, out: Path) -> dict:
    result = _measured([str(BIN / "mkdocs"), "build", "-q", "-f", "mkdocs.nogen.yml", "-d", str(out)], project, env)
    size, files = _folder_size(out)
    index = out / "search" / "search_index.json"
    return {
        "seconds": result["seconds"],
        "peak_mb": result["peak_mb"],
        "site_bytes": size,
        "site_files": files,
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
    }


def measure_briefing(project: Path, env: dict, out: Path, search: str) -> dict:
    _clean_generated(project)  # a full build from a fresh clone: nothing generated yet
    command = [str(BIN / "briefing"), "build", "--site-dir", str(out), "--search", search]
    result = _measured(command, project, env)
    size, files = _folder_size(out)
    index = out / "search" / "search_index.json"
    bundle = _folder_size(out / "pagefind")[0] if (out / "pagefind").exists() else 0
    return {
        "seconds": result["seconds"],
        "peak_mb": result["peak_mb"],
        "site_bytes": size,
        "site_files": files,
        "html_pages": sum(1 for _ in out.rglob("*.html")),
        "search_index_bytes": index.stat().st_size if index.exists() else 0,
        "pagefind_bundle_bytes": bundle,
    }


def measure_pagefind_alone(site: Path) -> float:
    from generator.mkdocs.search import index_site

    scratch = Path(tempfile.mkdtemp(prefix="pf-", dir=site.parent))
    try:
        shutil.copytree(site, scratch / "site", ignore=shutil.ignore_patterns("pagefind"))
        return index_site(scratch / "site").seconds
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def measure_zensical(project: Path, zensical: Path, out: Path) -> dict:
    """`zensical build` over the same generated Markdown (it reads mkdocs.yml; plugins it cannot run are left out)."""
    config = yaml.safe_load((project / "mkdocs.nogen.yml").read_text("utf-8"))
    out = project / "site-zensical"  # Zensical wants its site_dir inside the project
    config["site_dir"] = out.name
    # Zensical's template engine (MiniJinja) has no dict.get(): the tags partial needs a subscript instead
    overrides = project / THEME_COPY
    zensical_overrides = project / "zensical-overrides"
    shutil.rmtree(zensical_overrides, ignore_errors=True)
    shutil.copytree(overrides, zensical_overrides)
    tags = zensical_overrides / "partials" / "tags.html"
    if tags.exists():
        tags.write_text(re.sub(r"\.get\(tag\.name\)", "[tag.name]", tags.read_text("utf-8")), "utf-8")
    config["theme"]["custom_dir"] = str(zensical_overrides)
    (project / "mkdocs.zensical.yml").write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False))
    try:
        result = _measured([str(zensical), "build", "-f", "mkdocs.zensical.yml", "--clean"], project)
    except RuntimeError as exc:
        return {"error": str(exc)[-1500:]}
    size, files = _folder_size(out) if out.exists() else (0, 0)
    return {
        "seconds": result["seconds"],
        "peak_mb": result["peak_mb"],
        "site_bytes": size,
        "site_files": files,
        "html_pages": sum(1 for _ in out.rglob("*.html")) if out.exists() else 0,
    }


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_serve(project: Path, env: dict, command: list[str], edits: int, timeout: float) -> dict:
    """Start a preview server, wait for it, then time `edits` annotation edits until the browser shows each."""
    import urllib.request

    from . import browser

    _clean_generated(project)
    port = _free_port()
    log = open(project.parent / "serve.log", "w")  # noqa: SIM115 - closed below
    server = subprocess.Popen(
        [*command, f"127.0.0.1:{port}"],
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env={**os.environ, **env},
        start_new_session=True,
    )
    slug = _annotation(project).stem
    url = f"http://127.0.0.1:{port}{browser.PREFIX}briefs/{slug}/"
    started = time.perf_counter()
    try:
        while True:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.perf_counter() - started > timeout:
                raise RuntimeError(f"preview server did not come up: see {project.parent / 'serve.log'}")
            time.sleep(0.5)
        startup = time.perf_counter() - started
        time.sleep(3)  # let follow-up rebuilds (the generator's writes) settle
        seconds = []
        with browser.chromium() as chromium:
            for number in range(edits):
                marker = f"Edit{number}x{int(time.time())}"
                seconds.append(browser.edit_to_reload(chromium, url, _annotation(project), marker, timeout))
                time.sleep(4)  # the follow-up rebuild triggered by the written pages, and background indexing
        return {"startup_s": startup, "edit_to_reload_s": seconds, "median_s": statistics.median(seconds)}
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        log.close()


def measure_search(material_site: Path, pagefind_site: Path, queries: list[dict], repeats: int) -> dict:
    from . import browser

    result: dict = {}
    with browser.chromium() as chromium:
        for engine, site in (("material", material_site), ("pagefind", pagefind_site)):
            with browser.serve_site(site) as base:
                firsts = [browser.first_search(chromium, base, engine, queries[0]["query"]) for _ in range(repeats)]
                quality = browser.result_quality(chromium, base, engine, queries)
            result[engine] = {
                "first_search_s": statistics.median(f["seconds_to_first_result"] for f in firsts),
                "first_search_runs_s": [f["seconds_to_first_result"] for f in firsts],
                "search_bytes": statistics.median(f["search_bytes"] for f in firsts),
                "page_bytes": statistics.median(f["page_bytes"] for f in firsts),
                "search_requests": firsts[0]["search_requests"],
                "problems": firsts[0]["problems"],
                "quality": quality,
            }
    return result


def _median(rows: list[dict], key: str) -> float:
    values = [row[key] for row in rows if key in row]
    return statistics.median(values) if values else float("nan")


def bench_size(size: int, args: argparse.Namespace) -> dict:
    # a --code snapshot brings its own mkdocs.yml and theme overrides, matching its generator
    source = Path(args.code) if args.code and (Path(args.code) / "mkdocs.yml").exists() else REPO
    project, info = prepare(size, args.seed, source.resolve(), args.work)
    # the generator measured: --code (a snapshot) or this tree; bench itself is importable either way
    env = {"PYTHONPATH": os.pathsep.join([*([str(Path(args.code).resolve())] if args.code else []), str(REPO)])}
    env["NO_MKDOCS_2_WARNING"] = "1"
    repeats = args.repeats if size < args.heavy_from else args.heavy_repeats
    sites = project.parent / "sites"
    sites.mkdir(exist_ok=True)
    rows: dict[str, list[dict]] = {"generator": [], "mkdocs": [], "briefing_material": [], "briefing_pagefind": []}
    for number in range(repeats):
        log(f"{size}: run {number + 1}/{repeats}: generator")
        rows["generator"].append(measure_generator(project, env, nochange=size < args.heavy_from))
        log(f"{size}: run {number + 1}/{repeats}: mkdocs build")
        rows["mkdocs"].append(measure_mkdocs(project, env, sites / "mkdocs"))
        log(f"{size}: run {number + 1}/{repeats}: briefing build --search material")
        rows["briefing_material"].append(measure_briefing(project, env, sites / "material", "material"))
        log(f"{size}: run {number + 1}/{repeats}: briefing build --search pagefind")
        rows["briefing_pagefind"].append(measure_briefing(project, env, sites / "pagefind", "pagefind"))
    result: dict = {"size": size, "repeats": repeats, "corpus": info, "runs": rows}
    gen, mk = rows["generator"], rows["mkdocs"]
    bm, bp = rows["briefing_material"], rows["briefing_pagefind"]
    summary = {
        "generator_cold_s": _median(gen, "cold_s"),
        "generator_warm_s": _median(gen, "warm_s"),
        "generator_nochange_s": _median(gen, "nochange_s"),
        "generator_import_s": _median(gen, "import_s"),
        "pages": gen[0]["pages"],
        "edit_pages_written": gen[0]["warm_written"],
        "edit_written_examples": gen[0]["warm_written_pages"],
        "mkdocs_s": _median(mk, "seconds"),
        "mkdocs_peak_mb": _median(mk, "peak_mb"),
        "briefing_material_s": _median(bm, "seconds"),
        "briefing_material_peak_mb": _median(bm, "peak_mb"),
        "briefing_pagefind_s": _median(bp, "seconds"),
        "briefing_pagefind_peak_mb": _median(bp, "peak_mb"),
        "site_material_bytes": bm[0]["site_bytes"],
        "site_pagefind_bytes": bp[0]["site_bytes"],
        "material_index_bytes": bm[0]["search_index_bytes"],
        "pagefind_bundle_bytes": bp[0]["pagefind_bundle_bytes"],
        "html_pages": bm[0]["html_pages"],
    }
    summary["generator_share_of_build"] = summary["generator_cold_s"] / summary["briefing_material_s"]
    summary["briefing_material_over_mkdocs"] = summary["briefing_material_s"] / summary["mkdocs_s"]
    summary["briefing_pagefind_over_mkdocs"] = summary["briefing_pagefind_s"] / summary["mkdocs_s"]
    log(f"{size}: pagefind indexing alone")
    summary["pagefind_index_s"] = measure_pagefind_alone(sites / "pagefind")
    out_file = args.out / f"{size}.json"
    result["summary"] = summary
    out_file.write_text(json.dumps(result, indent=1) + "\n")
    if args.zensical and size <= args.zensical_max:
        log(f"{size}: zensical build")
        zensical = measure_zensical(project, Path(args.zensical).resolve(), sites / "zensical")
        result["zensical"] = zensical
        if "seconds" in zensical:
            summary["zensical_s"] = zensical["seconds"]
            summary["zensical_over_mkdocs"] = zensical["seconds"] / summary["mkdocs_s"]
    if args.browser:
        log(f"{size}: search in Chromium")
        queries = corpus.known_queries(size, args.seed)
        try:
            result["search"] = measure_search(sites / "material", sites / "pagefind", queries, args.search_repeats)
        except Exception as exc:  # a browser failure must not lose the build numbers
            result["search_error"] = repr(exc)[-2000:]
            log(f"{size}: search measurement failed: {exc!r}"[:500])
        out_file.write_text(json.dumps(result, indent=1) + "\n")
    if args.serve:
        timeout = 3600.0
        serve: dict = {}
        # `briefing serve` rebuilds only the pages an edit changed; `--full` rebuilds the whole site each time
        variants = [("dirty", [str(BIN / "briefing"), "serve", "--dev-addr"])]
        if size <= args.full_serve_max:
            variants.append(("full", [str(BIN / "briefing"), "serve", "--full", "--dev-addr"]))
        for name, command in variants:
            log(f"{size}: edit-to-reload, {name}")
            try:
                serve[name] = measure_serve(project, env, command, args.edits, timeout)
            except Exception as exc:
                serve[name] = {"error": repr(exc)[-2000:]}
                log(f"{size}: serve measurement failed: {exc!r}"[:500])
            result["serve"] = serve
            out_file.write_text(json.dumps(result, indent=1) + "\n")
    return result


def machine() -> dict:
    import importlib.metadata as meta

    cpu = ""
    if Path("/proc/cpuinfo").exists():
        lines = Path("/proc/cpuinfo").read_text().splitlines()
        cpu = next((line.split(":", 1)[1].strip() for line in lines if "model name" in line), "")
    memory = 0
    if Path("/proc/meminfo").exists():
        lines = Path("/proc/meminfo").read_text().splitlines()
        memory = int(next(line.split()[1] for line in lines if line.startswith("MemTotal")))

    def version(name: str) -> str:
        try:
            return meta.version(name)
        except meta.PackageNotFoundError:
            return "not installed"

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": round(memory / 1024 / 1024, 1),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "pagefind": version("pagefind_bin"),
        "pyyaml": version("pyyaml"),
        "load_average": os.getloadavg(),
    }


def log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def combine(out: Path, started: str | None = None, notes: list[str] | None = None) -> dict:
    """latest.json and latest.md from the per-size files in `out` (after a run was split or partly re-measured)."""
    sizes = sorted((json.loads(p.read_text()) for p in out.glob("[0-9]*.json")), key=lambda r: r["size"])
    previous = json.loads((out / "latest.json").read_text()) if (out / "latest.json").exists() else {}
    results = {
        "machine": previous.get("machine") or machine(),
        "started": started or previous.get("started") or time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "finished": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "sizes": sizes,
        "notes": notes if notes is not None else previous.get("notes", []),
    }
    from .table import markdown

    (out / "latest.json").write_text(json.dumps(results, indent=1) + "\n")
    (out / "latest.md").write_text(markdown(results))
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--repeats", type=int, default=3, help="runs per variant (medians are reported)")
    parser.add_argument("--heavy-from", type=int, default=5000, help="sizes from here use --heavy-repeats")
    parser.add_argument("--heavy-repeats", type=int, default=1)
    parser.add_argument("--search-repeats", type=int, default=3)
    parser.add_argument("--edits", type=int, default=3, help="edits timed per preview server")
    parser.add_argument("--full-serve-max", type=int, default=1000, help="largest size to time full-rebuild serve")
    parser.add_argument("--seed", type=int, default=corpus.SEED)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "results")
    parser.add_argument("--work", type=Path, default=WORK, help="where corpora and built sites go (git-ignored)")
    parser.add_argument(
        "--code",
        default=None,
        help="a folder with the generator/ to measure (and its mkdocs.yml and theme parts); default: this tree",
    )
    parser.add_argument("--zensical", default=None, help="the zensical command, to compare its build")
    parser.add_argument("--zensical-max", type=int, default=1000, help="largest size to build with Zensical")
    parser.add_argument("--no-browser", dest="browser", action="store_false")
    parser.add_argument("--no-serve", dest="serve", action="store_false")
    args = parser.parse_args(argv)
    if args.code:
        sys.path.insert(0, args.code)
    args.out.mkdir(parents=True, exist_ok=True)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results = {"machine": machine(), "started": started, "sizes": [], "notes": NOTES}
    for size in args.sizes:
        result = bench_size(size, args)
        (args.out / f"{size}.json").write_text(json.dumps(result, indent=1) + "\n")
        results["sizes"].append(result)
        log(f"{size}: done: {json.dumps(result['summary'])}")
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    (args.out / "latest.json").write_text(json.dumps(results, indent=1) + "\n")
    from .table import markdown

    (args.out / "latest.md").write_text(markdown(results))
    print(markdown(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
