"""The whole generator, load -> validate -> link -> render -> write, with no MkDocs import."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import Problem, ValidationFailed
from .link import link
from .load import load_corpus
from .model import Brief, Corpus
from .render import render_site
from .validate import metric_labels, topic_collisions, unregistered_topics, validate_brief, validate_topics
from .write import WriteReport, write_pages


@dataclass(frozen=True)
class Project:
    """Where a briefing lives: editors' briefs/, the MkDocs docs folder, and template overrides."""

    root: Path
    briefs_dir: Path
    docs_dir: Path

    @classmethod
    def at(cls, root: Path, docs_dir: Path | None = None) -> Project:
        root = root.resolve()
        return cls(root, root / "briefs", (docs_dir or root / "site_src").resolve())

    @property
    def overrides(self) -> Path:
        return self.docs_dir.parent / "site_src" / "overrides" / "templates"


@dataclass(frozen=True)
class Generated:
    corpus: Corpus
    pages: dict[str, str]
    report: WriteReport | None
    warnings: list[Problem]


def check(project: Project) -> tuple[Corpus, list[Problem]]:
    """Load and validate everything; raise ValidationFailed with every error of every file."""
    raw = load_corpus(project.root, project.briefs_dir)
    registry, lookup, problems = validate_topics(raw.topics)
    problems += [*raw.problems, *topic_collisions(raw.briefs, lookup)]
    briefs: list[Brief] = []
    for entry in raw.briefs:
        brief, brief_problems = validate_brief(entry, lookup, registry)
        problems += brief_problems
        briefs += [brief] if brief else []
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    return link(briefs, registry, unregistered_topics(briefs, raw.briefs, registry), metric_labels(raw.topics)), sorted(
        p for p in problems if p.severity == "warning"
    )


def generate(project: Project, write: bool = True) -> Generated:
    """Check, render every page, and write the ones that changed into the docs folder."""
    corpus, warnings = check(project)
    pages = render_site(corpus, project.overrides)
    report = write_pages(project.docs_dir, pages) if write else None
    return Generated(corpus, pages, report, warnings)
