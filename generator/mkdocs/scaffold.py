"""`briefing init`: a new briefing project, the way `mkdocs new` starts a site: the site configuration (the same
mkdocs.yml this repository builds with, under the new site's name), an empty topic registry and the overrides
folder. Nothing is replaced: an existing file stops the command before anything is written."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from ..errors import BriefingError, Location, Problem, ValidationFailed, display_path
from ..stages.write import write_atomic

DEFAULT_DESCRIPTION = "Structured briefs of news articles, with every quote and figure traced to its source."
DEFAULT_URL = "https://example.github.io/briefing/"


@dataclass(frozen=True)
class SiteSettings:
    name: str
    url: str = DEFAULT_URL
    description: str = DEFAULT_DESCRIPTION


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("generator", "mkdocs/templates"),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        autoescape=False,  # YAML, not HTML: every value goes through yaml_string
    )
    env.filters["yaml_string"] = lambda value: json.dumps(str(value), ensure_ascii=False)  # JSON strings are YAML
    return env


def site_config(settings: SiteSettings) -> str:
    """mkdocs.yml for a briefing called `settings.name`."""
    return _environment().get_template("mkdocs.yml.j2").render(**vars(settings))


def project_files(settings: SiteSettings) -> dict[str, str]:
    """What a new project holds, by path relative to its folder."""
    readme = resources.files("generator") / "mkdocs" / "templates" / "overrides-README.md"
    return {
        "mkdocs.yml": site_config(settings),
        "briefs/topics.yml": _environment().get_template("topics.yml.j2").render(),
        "site_src/overrides/README.md": readme.read_text("utf-8"),
    }


def init_project(root: Path, settings: SiteSettings) -> list[Path]:
    """Write a new project into `root`; return the files written. Refuses, writing nothing, if any exists."""
    files = {root / name: text for name, text in project_files(settings).items()}
    existing = [path for path in files if path.exists()]
    if existing:
        raise ValidationFailed(
            [Problem(Location(display_path(p, root)), "already exists; init never replaces a file") for p in existing]
        )
    if not settings.name.strip():
        raise BriefingError(Location("mkdocs.yml"), "the site needs a name: --name 'My briefing'")
    for path, text in files.items():
        write_atomic(path, text.encode("utf-8"))
    return list(files)
