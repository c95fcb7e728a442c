"""forge's proposals as MCP resources (`forge://proposals`, `forge://proposals/{proposal_id}`): an agent
re-reads what a proposal would change and what of it is applied, without analysing again. A proposal
belongs to the principal whose `analyze` made it (shared/ownership.py): others get the same "not found"
as for an id that does not exist."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from pydantic import BaseModel, Field

from servers.forge.ledger import Ledger
from servers.forge.models import ChangeOut
from shared.errors import BadInput, NotFound
from shared.ownership import may_access

PROPOSAL_ID = re.compile(r"p-[0-9a-f]{10}")
LISTED = 100


class ProposalSummary(BaseModel):
    proposal_id: str = Field(description="Pass to optimize, or read forge://proposals/<id>")
    created_at: str = Field(description="When analyze made it (UTC, ISO 8601)")
    scope: str = Field(description="What was analysed (namespace, workload, selector)")
    source: str = Field(description="The cluster and metrics it was made from")
    monthly_savings_usd: float = Field(
        description="Net estimated savings of its default plan (availability changes left out)"
    )


class ProposalList(BaseModel):
    proposals: list[ProposalSummary] = Field(
        description=f"The caller's proposals, newest first (at most {LISTED})"
    )


class ProposedChange(ChangeOut):
    applied: bool = Field(description="Applied and not rolled back")


class ProposalView(ProposalSummary):
    changes: list[ProposedChange]
    applied: int = Field(description="How many of its changes are applied now")
    next_step: str = Field(description="How to act on it")


def _summary(row: dict[str, object]) -> ProposalSummary:
    return ProposalSummary(
        proposal_id=str(row["id"]),
        created_at=datetime.fromtimestamp(float(str(row["created_at"])), UTC).isoformat(timespec="seconds"),
        scope=str(row["scope"]),
        source=str(row["source"]),
        monthly_savings_usd=round(float(str(row["monthly_savings"])), 2),
    )


def list_proposals(ledger: Ledger, principal: str | None) -> ProposalList:
    """The proposals `principal` may see, newest first."""
    mine = [r for r in ledger.proposal_list() if may_access(ledger.owner(str(r["id"])), principal)]
    return ProposalList(proposals=[_summary(r) for r in mine[:LISTED]])


def read_proposal(ledger: Ledger, proposal_id: str, principal: str | None) -> ProposalView:
    """One proposal with its changes and which of them are applied. Raises BadInput for text that is not
    a proposal id, NotFound for an id that does not exist or belongs to someone else."""
    if not isinstance(proposal_id, str) or not PROPOSAL_ID.fullmatch(proposal_id):
        raise BadInput(
            "That is not a proposal id.", "Send an id like 'p-1a2b3c4d5e' from analyze or forge://proposals."
        )
    found = ledger.proposal(proposal_id)
    if found is None or not may_access(ledger.owner(proposal_id), principal):
        raise NotFound(f"Proposal {proposal_id} does not exist.", "Read forge://proposals, or call analyze.")
    row, changes = found
    applied = ledger.applied_change_ids(proposal_id)
    return ProposalView(
        **_summary(row).model_dump(),
        changes=[ProposedChange(**vars(ChangeOut.of(c)), applied=c.id in applied) for c in changes],
        applied=len(applied & {c.id for c in changes}),
        next_step=f'Preview with optimize(proposal_id="{proposal_id}", dry_run=true); apply with dry_run=false '
        "after the person agrees; `changes` picks some; availability changes need include=['availability'].",
    )
