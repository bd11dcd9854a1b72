"""mkdocs.scaffold (`briefing init`): a new project builds; this repository's config is the template's output."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.errors import BriefingError
from generator.mkdocs.scaffold import SiteSettings, init_project, project_files, site_config

from ..conftest import REPO, run


def repo_settings() -> SiteSettings:
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text("utf-8").split("\ntheme:")[0])
    return SiteSettings(config["site_name"], config["site_url"], config["site_description"])


def test_this_repositorys_files_are_what_init_writes() -> None:
    for name, text in project_files(repo_settings()).items():
        if name != "briefs/topics.yml":  # the corpus's registry is the editors', not the empty one
            assert (REPO / name).read_text("utf-8") == text, f"{name} drifted from generator/mkdocs/templates/"


def test_names_with_quotes_and_colons_stay_one_yaml_string() -> None:
    name = 'Ports: "strikes" & # not a comment'
    config = yaml.safe_load(site_config(SiteSettings(name, "https://x.example/")).split("\ntheme:")[0])
    assert config["site_name"] == name


def test_init_refuses_to_replace_anything_and_writes_nothing(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text("site_name: mine\n", "utf-8")
    with pytest.raises(BriefingError) as info:
        init_project(tmp_path, SiteSettings("New"))
    assert [str(p) for p in info.value.problems] == ["mkdocs.yml: already exists; init never replaces a file"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mkdocs.yml"]
    assert (tmp_path / "mkdocs.yml").read_text("utf-8") == "site_name: mine\n"


def test_a_new_project_with_one_article_builds(tmp_path: Path) -> None:
    project = tmp_path / "new"
    done = run(["briefing", "init", "--root", str(project), "--name", "Port strikes"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "wrote mkdocs.yml" in done.stdout
    article = REPO / "tests" / "fixtures" / "html" / "port-strike-news.html"
    assert run(["briefing", "import", str(article)], cwd=project).returncode == 0
    built = run(["briefing", "build"], cwd=project)
    assert built.returncode == 0, built.stderr
    assert "Port strikes" in (project / "site" / "index.html").read_text("utf-8")
    assert (project / "site" / "assets" / "stylesheets" / "briefing.css").is_file()  # the packaged theme parts
