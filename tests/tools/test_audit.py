"""tools/audit.py: a known advisory fails and is named; an audit that could not run never reads as a pass."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import audit  # noqa: E402

# The shape of `pip-audit -f json` (pip-audit 2.x): audited packages carry `vulns`, the others `skip_reason`.
VULNERABLE = {
    "dependencies": [
        {"name": "click", "version": "8.3.0", "vulns": []},
        {
            "name": "jinja2",
            "version": "3.1.2",
            "vulns": [
                {"id": "GHSA-h5c8-rqwp-cp95", "fix_versions": ["3.1.3"], "aliases": ["CVE-2024-22195"]},
                {"id": "PYSEC-2024-0001", "fix_versions": [], "aliases": []},
            ],
        },
    ],
    "fixes": [],
}
UNREACHABLE = {
    "dependencies": [
        {"name": "jinja2", "skip_reason": "Dependency not found on PyPI and could not be audited: jinja2 (3.1.2)"},
        {"name": "click", "version": "8.3.0", "vulns": []},
    ]
}
CLEAN = {"dependencies": [{"name": "click", "version": "8.3.0", "vulns": []}]}


def test_a_known_advisory_fails_and_names_it() -> None:
    verdict = audit.read_report(VULNERABLE)
    assert verdict.exit_code(strict=False) == audit.VULNERABLE
    text = "\n".join(verdict.lines("pypi"))
    assert "jinja2==3.1.2: GHSA-h5c8-rqwp-cp95 (CVE-2024-22195); fixed in 3.1.3" in text
    assert "PYSEC-2024-0001; fixed in no fixed release yet" in text
    assert "no known vulnerabilities" not in text


def test_packages_that_could_not_be_looked_up_are_a_warning_not_a_pass() -> None:
    verdict = audit.read_report(UNREACHABLE)
    text = "\n".join(verdict.lines("pypi"))
    assert "did NOT run for 1 of 2 packages" in text
    assert "not a pass" in text
    assert "no known vulnerabilities" not in text
    assert verdict.exit_code(strict=False) == 0
    assert verdict.exit_code(strict=True) == audit.NOT_RUN


def test_a_clean_report_says_how_many_were_checked() -> None:
    verdict = audit.read_report(CLEAN)
    assert verdict.exit_code(strict=True) == 0
    assert verdict.lines("pypi") == ["audit: 1 packages checked against pypi: no known vulnerabilities"]


def test_real_pip_audit_on_a_vulnerable_pin_never_reports_a_pass(tmp_path: Path) -> None:
    """Online, jinja2 3.1.2's advisories are named and the exit code is 1; offline (as in this sandbox, where
    PyPI's per-version JSON API and OSV are unreachable) the audit says it did not run. Never a silent pass."""
    requirements = tmp_path / "requirements.txt"
    requirements.write_text("jinja2==3.1.2\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "audit.py"), "--requirements", str(requirements)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    output = done.stdout + done.stderr
    if done.returncode == audit.VULNERABLE:
        assert "jinja2==3.1.2: " in output
        assert "CVE-2024-22195" in output or "GHSA-h5c8-rqwp-cp95" in output
    else:
        assert done.returncode == 0, output
        assert "did NOT run" in output
    assert "no known vulnerabilities" not in output


@pytest.mark.parametrize("strict, code", [(False, 0), (True, audit.NOT_RUN)])
def test_pip_audit_that_cannot_start_is_reported_as_not_run(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], strict: bool, code: int
) -> None:
    monkeypatch.setattr(audit, "run_pip_audit", lambda requirements, service: (None, "ConnectionError: no route"))
    assert audit.audit(Path("requirements.txt"), "osv", strict) == code
    assert "did NOT run: pip-audit could not reach osv (ConnectionError: no route)" in capsys.readouterr().err
