"""compliance's toolsets, prompts and resources (the mechanisms: shared/toolsets.py, shared/prompts.py)."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from typing import Any

from shared.prompts import extras
from shared.tools import ToolKit, authenticated_principal
from shared.toolsets import declare


def _as_caller(fn: Callable[..., Any], *args: Any) -> Any:
    """Call a domain read as the authenticated caller, so another caller's records stay "not found"."""
    if "principal" in inspect.signature(fn).parameters:
        return fn(*args, principal=authenticated_principal())
    return fn(*args)


def register(kit: ToolKit) -> None:
    from servers.compliance import attestations, checking
    from servers.compliance.models import CheckResult

    declare(
        kit,
        {
            "checks": ["check", "policies", "attest", "verify_attestation", "attestations"],
            "audit": ["audit_trail", "anchor_audit", "rotate_keys"],
        },
        default=["checks", "audit", "memory"],
    )
    ex = extras(kit)

    def frameworks(prefix: str) -> Iterable[str]:
        return [f.name for f in kit.tools["policies"]().frameworks]

    def attestation_ids(prefix: str) -> Iterable[str]:
        return [a.id for a in kit.tools["attestations"](include_expired=True, limit=500).attestations]

    def result_ids(prefix: str) -> Iterable[str]:
        return [a.result_id for a in kit.tools["attestations"](include_expired=True, limit=500).attestations]

    @ex.prompt(title="Check and attest", complete={"framework": frameworks})
    def check_and_attest(framework: str, target: str = "cluster") -> str:
        """Check manifests, the cluster or the suite against a framework, explain every failure with its
        remediation, and sign an attestation only when it passes."""
        return (
            f"Check `{target}` against `{framework}` with compliance:\n"
            f"1. Call `check` with target={target!r} and framework={framework!r}.\n"
            "2. If it fails: list the findings grouped by object, each with its remediation, most severe first. "
            "Do not attest.\n"
            "3. If it passes: call `attest` with the check's result id and give me the attestation id and "
            "when it expires."
        )

    ex.resource_from_tool(
        "compliance://attestations",
        "attestations",
        title="Attestations",
        description="The attestations issued, newest first (envelopes via compliance://attestations/{id})",
    )

    @ex.resource(
        "compliance://attestations/{attestation_id}",
        title="Attestation envelope",
        description="One attestation's signed DSSE envelope (JSON), as `verify_attestation` takes it",
        complete={"attestation_id": attestation_ids},
    )
    def attestation(attestation_id: str) -> str:
        return _as_caller(attestations.get_attestation, kit.suite, attestation_id)

    @ex.resource(
        "compliance://checks/{result_id}",
        title="Check result",
        description="A kept `check` result: verdict, counts and findings",
        complete={"result_id": result_ids},
    )
    def check_result(result_id: str) -> object:
        return CheckResult.of(_as_caller(checking.stored_result, kit.suite, result_id))
