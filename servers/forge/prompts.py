"""forge's toolsets, prompts and resources (the mechanisms: shared/toolsets.py, shared/prompts.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from shared.ownership import current_principal
from shared.prompts import Extras, extras
from shared.tools import ToolKit
from shared.toolsets import declare

if TYPE_CHECKING:  # the ledger imports numpy: loaded on first read, not at start
    from servers.forge.proposals import ProposalList, ProposalView


def register(kit: ToolKit) -> None:
    declare(
        kit,
        {"core": ["analyze", "optimize", "rollback", "snapshots", "decisions", "cost_report"]},
        default=["core", "memory"],
    )
    ex = extras(kit)
    _prompts(kit, ex)
    _proposal_resources(ex)
    _tool_resources(kit, ex)


def _prompts(kit: ToolKit, ex: Extras) -> None:
    """The workflows forge offers as prompts, with completions for their arguments."""

    def namespaces(prefix: str) -> Iterable[str]:
        from servers.forge.server import forge
        from shared.cluster import WORKLOAD_KINDS

        return sorted(
            {
                o["metadata"].get("namespace") or "default"
                for o in forge().cluster.list_objects(WORKLOAD_KINDS)
            }
        )

    def proposal_ids(prefix: str) -> Iterable[str]:
        return [d.proposal_id for d in kit.tools["decisions"]().decisions if d.proposal_id]

    @ex.prompt(title="Right-size a namespace", complete={"namespace": namespaces})
    def right_size_namespace(namespace: str) -> str:
        """Find waste and risk in one namespace, review the proposed changes, and apply the safe ones
        only after you agree (dry run first, a snapshot to roll back to)."""
        return (
            f"Right-size the workloads of namespace `{namespace}` with forge, safely:\n"
            f'1. Call `analyze` with namespace="{namespace}". Summarise the opportunities by severity and the '
            "estimated monthly savings; name any OOM-killed or crash-looping workloads first.\n"
            "2. Call `optimize` with the proposal id and dry_run=true, and show me the diff.\n"
            "3. Ask me which changes to apply. Only after I agree, call `optimize` with dry_run=false "
            "(and `changes` if I picked some; second replicas for availability, which add cost, only with "
            "include=['availability'] if I ask for them). Tell me the snapshot id `rollback` takes.\n"
            "4. `remember` what was changed and why, in one sentence."
        )

    @ex.prompt(title="Audit a change end to end", complete={"proposal_id": proposal_ids})
    def audit_change(proposal_id: str) -> str:
        """Trace one applied proposal across the suite: what forge changed, whether the result is still
        compliant, a signed attestation, and whether the audit log around it is intact."""
        return (
            f"Audit forge's proposal `{proposal_id}` end to end:\n"
            f"1. forge `decisions`: list what proposal {proposal_id} changed (workload, field, before -> after), "
            "its snapshot id and whether it was rolled back.\n"
            '2. compliance `check` with target="cluster" and framework="pss-restricted": is the cluster still '
            "compliant after the change? Name any finding on the changed workloads.\n"
            "3. compliance `attest` on that check result, and give me the attestation id.\n"
            '4. compliance `audit_trail` with server="forge" and verify=true: show the records of this change '
            "and whether the chain is intact.\n"
            "5. `remember` a one-line summary of the audit."
        )


def _proposal_resources(ex: Extras) -> None:
    """The caller's proposals, as resources."""

    def mine(prefix: str) -> Iterable[str]:
        return [p.proposal_id for p in _proposals().proposals]

    def _proposals() -> ProposalList:
        from servers.forge.proposals import list_proposals
        from servers.forge.server import forge

        return list_proposals(forge().ledger, current_principal())

    @ex.resource(
        "forge://proposals",
        title="Proposals",
        description="Your proposals from analyze, newest first: ids, scope, net savings",
    )
    def proposals() -> ProposalList:
        return _proposals()

    @ex.resource(
        "forge://proposals/{proposal_id}",
        title="A proposal",
        description="One proposal's changes (current -> proposed, savings) and which are applied now",
        complete={"proposal_id": mine},
    )
    def proposal(proposal_id: str) -> ProposalView:
        from servers.forge.proposals import read_proposal
        from servers.forge.server import forge

        return read_proposal(forge().ledger, proposal_id, current_principal())


def _tool_resources(kit: ToolKit, ex: Extras) -> None:
    """Resources that read what a tool answers."""

    def workloads(prefix: str) -> Iterable[str]:
        return [d.workload for d in kit.tools["decisions"]().decisions]

    ex.resource_from_tool(
        "forge://snapshots",
        "snapshots",
        title="Snapshots",
        description="forge's snapshots, newest first: the ids `rollback` takes",
    )
    ex.resource_from_tool(
        "forge://decisions",
        "decisions",
        title="Decisions",
        description="The changes forge applied, newest first, and whether they were rolled back",
    )
    ex.resource_from_tool(
        "forge://decisions/{workload}",
        "decisions",
        title="Decisions for a workload",
        description="The changes forge applied to one workload ('name' or 'namespace/name')",
        complete={"workload": workloads},
    )
    ex.resource_from_tool(
        "forge://costs/{group_by}",
        "cost_report",
        title="Cost report",
        description="Monthly cost by `namespace` or `workload`, with the latest proposal's savings",
        complete={"group_by": lambda prefix: ["namespace", "workload"]},
    )
