"""Policies as data: frameworks, checks and controls read from YAML files.

The package ships `policies/` beside this module; a user directory (HDR_COMPLIANCE_POLICY_DIR)
adds more. Every `*.yaml` file holds one document that is either a mapping or a list of
mappings, each with one of the keys `framework:`, `check:` (a manifest check run by
`engine.py`) or `control:` (an evidence control run by `controls.py`). A user file with the
same id as a shipped one replaces it. Files are parsed with PyYAML's safe loader only.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from shared.errors import BadInput, NotFound

PACKAGE_POLICY_DIR = Path(__file__).resolve().parent / "policies"
USER_POLICY_ENV = "HDR_COMPLIANCE_POLICY_DIR"
_VERSION = re.compile(r"^v1\.(0|[1-9][0-9]{0,2})$")


def parse_version(text: str) -> int:
    """`v1.N` -> N. Raises BadInput for anything else."""
    match = _VERSION.match(text or "")
    if not match:
        raise BadInput(f"Version {text[:40]!r} is not of the form v1.N.", 'Send "latest" or e.g. "v1.30".')
    return int(match.group(1))


@dataclass(frozen=True)
class Framework:
    name: str
    title: str
    target: str  # "pods" (manifests, cluster) or "suite" (evidence)
    versioned: bool
    reference: str
    oldest: int = 0
    latest: int = 0

    def resolve_version(self, version: str) -> str:
        """The concrete version a request means ("latest" -> e.g. "v1.37"); BadInput otherwise."""
        if not self.versioned:
            if version not in ("latest", ""):
                raise BadInput(
                    f"Framework {self.name} has no versions, so {version[:40]!r} is not one.",
                    'Send version "latest" (or leave it out).',
                )
            return "latest"
        if version in ("latest", ""):
            return f"v1.{self.latest}"
        minor = parse_version(version)
        if not self.oldest <= minor <= self.latest:
            raise BadInput(
                f"Framework {self.name} has versions v1.{self.oldest} to v1.{self.latest}; "
                f"v1.{minor} is not one of them.",
                'Send "latest" or a version in that range.',
            )
        return f"v1.{minor}"


@dataclass(frozen=True)
class CheckVersion:
    since: int  # minor version from which these rules apply (0 for unversioned)
    rules: tuple[dict[str, Any], ...]
    unless: tuple[dict[str, Any], ...] = ()


@dataclass(frozen=True)
class Check:
    id: str
    frameworks: tuple[str, ...]
    title: str
    severity: str
    remediation: str
    versions: tuple[CheckVersion, ...]
    overrides: tuple[str, ...] = ()
    source: str = ""
    applies_to: tuple[str, ...] = ()  # kinds of non-pod objects it looks at; () = pods and pod templates

    def at(self, minor: int) -> CheckVersion | None:
        """The rules in force at Kubernetes 1.`minor`, or None if the check did not exist yet."""
        chosen = None
        for v in self.versions:
            if v.since <= minor:
                chosen = v
        return chosen


@dataclass(frozen=True)
class Control:
    id: str
    frameworks: tuple[str, ...]
    reference: str
    title: str
    severity: str
    test: str
    params: dict[str, Any]
    remediation: str
    source: str = ""


@dataclass
class PolicySet:
    frameworks: dict[str, Framework] = field(default_factory=dict)
    checks: dict[str, Check] = field(default_factory=dict)
    controls: dict[str, Control] = field(default_factory=dict)

    def framework(self, name: str) -> Framework:
        found = self.frameworks.get(name)
        if found is None:
            raise NotFound(
                f"Unknown framework {name[:60]!r}.",
                f"Send one of: {', '.join(sorted(self.frameworks))} (see the policies tool).",
            )
        return found

    def checks_for(self, framework: str, minor: int) -> list[tuple[Check, CheckVersion]]:
        """The checks of `framework` in force at 1.`minor`, with overridden checks removed."""
        active = [
            (c, v)
            for c in self.checks.values()
            if framework in c.frameworks
            if (v := c.at(minor)) is not None
        ]
        overridden = {o for c, _ in active for o in c.overrides}
        return sorted(((c, v) for c, v in active if c.id not in overridden), key=lambda cv: cv[0].id)

    def controls_for(self, framework: str) -> list[Control]:
        return sorted((c for c in self.controls.values() if framework in c.frameworks), key=lambda c: c.id)


def _version_of(value: Any, source: str) -> int:
    if value in ("any", None):
        return 0
    try:
        return parse_version(str(value))
    except BadInput:
        raise BadInput(f"Policy {source}: version {value!r} is not v1.N or 'any'.") from None


def _entry(doc: dict[str, Any], source: str, into: PolicySet) -> None:
    if "framework" in doc:
        versioned = bool(doc.get("versioned", False))
        into.frameworks[doc["framework"]] = Framework(
            name=str(doc["framework"]),
            title=str(doc.get("title", "")),
            target=str(doc.get("target", "pods")),
            versioned=versioned,
            reference=str(doc.get("reference", "")),
            oldest=_version_of(doc.get("oldest"), source) if versioned else 0,
            latest=_version_of(doc.get("latest"), source) if versioned else 0,
        )
    elif "check" in doc:
        versions = tuple(
            sorted(
                (
                    CheckVersion(
                        since=_version_of(v.get("since"), source),
                        rules=tuple(v.get("rules") or ()),
                        unless=tuple(v.get("unless") or ()),
                    )
                    for v in doc.get("versions") or ()
                ),
                key=lambda v: v.since,
            )
        )
        if not versions:
            raise BadInput(f"Policy {source}: check {doc['check']!r} has no versions.")
        into.checks[str(doc["check"])] = Check(
            id=str(doc["check"]),
            frameworks=tuple(doc.get("frameworks") or ()),
            title=str(doc.get("title", "")),
            severity=str(doc.get("severity", "medium")),
            remediation=str(doc.get("remediation", "")),
            versions=versions,
            overrides=tuple(doc.get("overrides") or ()),
            source=source,
            applies_to=tuple(str(k) for k in doc.get("applies_to") or ()),
        )
    elif "control" in doc:
        into.controls[str(doc["control"])] = Control(
            id=str(doc["control"]),
            frameworks=tuple(doc.get("frameworks") or ()),
            reference=str(doc.get("reference", "")),
            title=str(doc.get("title", "")),
            severity=str(doc.get("severity", "medium")),
            test=str(doc.get("test", "")),
            params=dict(doc.get("params") or {}),
            remediation=str(doc.get("remediation", "")),
            source=source,
        )
    else:
        raise BadInput(f"Policy {source}: an entry has none of framework/check/control.")


def load_policies(*directories: Path) -> PolicySet:
    """Read every *.yaml under the directories, later directories overriding earlier ones.
    Raises BadInput naming the file for a malformed policy."""
    import yaml

    from servers.compliance.engine import compile_check  # validates rules at load time

    policies = PolicySet()
    for directory in directories:
        for path in sorted(directory.rglob("*.yaml")):
            try:
                docs = yaml.load(
                    path.read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)
                )
            except yaml.YAMLError as exc:
                raise BadInput(f"Policy file {path} is not valid YAML: {_yaml_problem(exc)}.") from None
            for doc in docs if isinstance(docs, list) else [docs]:
                if not isinstance(doc, dict):
                    raise BadInput(f"Policy file {path}: each entry must be a mapping.")
                _entry(doc, str(path), policies)
    for check in policies.checks.values():
        compile_check(check)
    return policies


def _yaml_problem(exc: Exception) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or "syntax error"
    return f"{problem} at line {mark.line + 1}, column {mark.column + 1}" if mark else str(problem)


_cache: dict[tuple[str, ...], PolicySet] = {}
_cache_lock = threading.Lock()


def current_policies() -> PolicySet:
    """The shipped policies plus the user's directory (if HDR_COMPLIANCE_POLICY_DIR is set), cached."""
    dirs = [PACKAGE_POLICY_DIR]
    user = os.environ.get(USER_POLICY_ENV)
    if user:
        user_dir = Path(user).expanduser()
        if not user_dir.is_dir():
            raise BadInput(
                f"{USER_POLICY_ENV}={user_dir} is not a directory.",
                "Point it at a directory of policy *.yaml files, or unset it.",
            )
        dirs.append(user_dir)
    key = tuple(str(d) for d in dirs)
    with _cache_lock:
        if key not in _cache:
            _cache[key] = load_policies(*dirs)
        return _cache[key]
