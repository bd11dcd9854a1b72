"""Audit the locked packages for known vulnerabilities, and never report a pass that was not made.

    python tools/audit.py [--requirements FILE] [--service pypi|osv] [--strict]

pip-audit reports "No known vulnerabilities found" and exits 0 even when it could not look a single package up
(the advisory service unreachable, or answering 404): it counts those as skipped. This wrapper reads its JSON
report instead and tells three outcomes apart:

- a locked version has a known advisory: each is listed with its id and the fixed versions; exit 1;
- every package was looked up and none has an advisory: exit 0;
- some or all packages could not be looked up: a warning that says the audit did not run for them; exit 0
  (so a network outage does not block a build), or 3 with --strict.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
VULNERABLE, NOT_RUN = 1, 3


@dataclass
class Verdict:
    """What one pip-audit report says, in words a maintainer can act on."""

    checked: int = 0
    advisories: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def exit_code(self, strict: bool) -> int:
        if self.advisories:
            return VULNERABLE
        return NOT_RUN if (self.skipped and strict) else 0

    def lines(self, service: str) -> list[str]:
        total = self.checked + len(self.skipped)
        out = [f"VULNERABLE: {advisory}" for advisory in self.advisories]
        if self.skipped:
            out.append(
                f"WARNING: the vulnerability audit did NOT run for {len(self.skipped)} of {total} packages: "
                f"the advisory service ({service}) could not tell us about them. This is not a pass."
            )
            out += [f"  not audited: {reason}" for reason in self.skipped[:5]]
            if len(self.skipped) > 5:
                out.append(f"  ... and {len(self.skipped) - 5} more")
        if self.advisories:
            out.append(
                f"{len(self.advisories)} known vulnerabilit{'y' if len(self.advisories) == 1 else 'ies'}; "
                "upgrade the package (make upgrade) or pin a fixed version, then make test"
            )
        elif not self.skipped:
            out.append(f"audit: {self.checked} packages checked against {service}: no known vulnerabilities")
        return out


def read_report(report: dict[str, Any]) -> Verdict:
    """Turn pip-audit's JSON report (`-f json`) into a Verdict."""
    verdict = Verdict()
    for dependency in report.get("dependencies", []):
        if "skip_reason" in dependency:
            verdict.skipped.append(str(dependency["skip_reason"]))
            continue
        verdict.checked += 1
        for vuln in dependency.get("vulns", []):
            aliases = ", ".join(vuln.get("aliases") or [])
            fixed = ", ".join(vuln.get("fix_versions") or []) or "no fixed release yet"
            verdict.advisories.append(
                f"{dependency['name']}=={dependency['version']}: {vuln['id']}"
                + (f" ({aliases})" if aliases else "")
                + f"; fixed in {fixed}"
            )
    return verdict


def locked_requirements(target: Path) -> None:
    """Every locked package, runtime and development, with its hashes (the project itself left out)."""
    uv = os.environ.get("UV", str(ROOT / ".tools" / "bin" / "uv"))
    subprocess.run(
        [
            uv,
            *[
                "export",
                "--locked",
                "--quiet",
                "--format",
                "requirements-txt",
                "--no-emit-project",
                "--all-groups",
                "-o",
            ],
            target,
        ],
        cwd=ROOT,
        check=True,
    )


def run_pip_audit(requirements: Path, service: str) -> tuple[dict[str, Any] | None, str]:
    """pip-audit's JSON report, or None and its error output when it produced none (a crash, no network)."""
    options = ["--no-deps", "--disable-pip", "--progress-spinner", "off", "--format", "json", "--timeout", "20"]
    command = [sys.executable, "-m", "pip_audit", "-r", str(requirements), "--vulnerability-service", service, *options]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    try:
        return json.loads(done.stdout), done.stderr
    except json.JSONDecodeError:
        return None, (done.stderr or done.stdout).strip()


def audit(requirements: Path, service: str, strict: bool) -> int:
    report, errors = run_pip_audit(requirements, service)
    if report is None:
        last = errors.splitlines()[-1] if errors else "no output"
        print(
            f"WARNING: the vulnerability audit did NOT run: pip-audit could not reach {service} ({last}). "
            "This is not a pass.",
            file=sys.stderr,
        )
        return NOT_RUN if strict else 0
    verdict = read_report(report)
    stream = sys.stderr if (verdict.advisories or verdict.skipped) else sys.stdout
    for line in verdict.lines(service):
        print(line, file=stream)
    return verdict.exit_code(strict)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requirements", type=Path, help="audit this pinned requirements file, not uv.lock")
    parser.add_argument("--service", choices=["pypi", "osv"], default="pypi", help="advisory database")
    parser.add_argument("--strict", action="store_true", help="exit 3 when the audit could not run")
    args = parser.parse_args(argv)
    if args.requirements:
        return audit(args.requirements, args.service, args.strict)
    with tempfile.TemporaryDirectory() as folder:
        requirements = Path(folder) / "requirements.txt"
        locked_requirements(requirements)
        return audit(requirements, args.service, args.strict)


if __name__ == "__main__":
    sys.exit(main())
