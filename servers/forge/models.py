"""What forge's tools return (pydantic models: structured output plus the SDK's text rendering), each made
from a typed domain result (servers/forge/results.py, analysis.py) by its `of()`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, Field

from servers.forge import results
from servers.forge.results import ContainerReport, Opportunity, PageHeader

if TYPE_CHECKING:  # analysis imports numpy: loaded on the first analysis, not at start
    from servers.forge.analysis import Change

MAX_LISTED = 200
MAX_DIFF_CHARS = 40_000
SUMMARY_OPPORTUNITIES = 10
SUMMARY_NOTES = 6


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _attributes(model: type[BaseModel], source: object) -> dict[str, Any]:
    """The values of `model`'s fields that `source` has under the same names."""
    return {name: getattr(source, name) for name in model.model_fields if hasattr(source, name)}


class ChangeOut(BaseModel):
    id: str = Field(description="Pass to optimize's `changes` to apply only some changes")
    object: str = Field(description="Kind/namespace/name")
    container: str | None
    field: str = Field(
        description="cpu_request, memory_request, memory_limit, cpu_limit, replicas or max_replicas"
    )
    current: str | None
    proposed: str
    monthly_savings_usd: float = Field(description="Negative when the change adds cost to remove a risk")
    category: str = Field(
        "right_sizing", description="right_sizing (optimize's default) or availability (opt-in: include)"
    )

    @classmethod
    def of(cls, change: Change) -> ChangeOut:
        """The change as a client sees it (what optimize checks and writes, such as versions, stays inside)."""
        return cls.model_validate(_attributes(cls, change))


class OpportunityOut(Opportunity):
    @classmethod
    def of(cls, opportunity: Opportunity) -> OpportunityOut:
        return cls.model_validate(_attributes(cls, opportunity))

    @classmethod
    def brief(cls, opportunity: Opportunity) -> OpportunityOut:
        """For the summary: the evidence shortened, no figures."""
        return cls.of(opportunity).model_copy(
            update={"evidence": _cut(opportunity.evidence, 160), "figures": {}}
        )


class ContainerOut(ContainerReport):
    # The domain's ContainerReport, validated; no docstring, as it would become a schema description.

    @classmethod
    def of(cls, report: ContainerReport) -> ContainerOut:
        return cls.model_validate(vars(report))


class Analysis(PageHeader):  # the header's fields first, then the page's
    page: str = Field(
        description="summary (the default), or the section a cursor paged: changes, "
        "opportunities, containers, notes"
    )
    totals: dict[str, int] = Field(
        description="How many changes, opportunities, containers and notes there are"
    )
    opportunity_counts: dict[str, int] = Field(description="Opportunities per type (summary page)")
    opportunities: list[OpportunityOut] = Field(
        description="Summary: the 10 most important, evidence shortened"
    )
    changes: list[ChangeOut]
    containers: list[ContainerOut]
    workloads_without_metrics: list[str]
    notes: list[str]
    next_cursor: str | None = Field(description="Pass as `cursor` (alone) for the next page; null at the end")

    @classmethod
    def of(cls, proposal: results.Proposal) -> Analysis:
        """analyze's default answer: totals, counts and the first opportunities of a new analysis."""
        r = proposal.result
        return cls(
            **vars(proposal.header),
            page="summary",
            totals=proposal.totals,
            opportunity_counts=proposal.opportunity_counts,
            opportunities=[OpportunityOut.brief(o) for o in r.opportunities[:SUMMARY_OPPORTUNITIES]],
            changes=[],
            containers=[],
            workloads_without_metrics=r.without_metrics[:20],
            notes=[_cut(n, 240) for n in r.notes[:SUMMARY_NOTES]],
            next_cursor=proposal.first_cursor,
        )

    @classmethod
    def of_page(cls, page: results.Page) -> Analysis:
        """One page of a stored analysis (a cursor's answer)."""
        return cls(
            **vars(page.header),
            page=page.section,
            totals=page.totals,
            opportunity_counts={},
            opportunities=[OpportunityOut.of(o) for o in page.opportunities],
            changes=[ChangeOut.of(c) for c in page.changes],
            containers=[ContainerOut.of(c) for c in page.containers],
            workloads_without_metrics=page.without_metrics[:200],
            notes=page.notes,
            next_cursor=page.next_cursor,
        )


class RepositoryPatch(BaseModel):
    object: str
    managed_by: str = Field(description="The GitOps tool or Helm release that owns the object")
    patch: str = Field(description="YAML merge patch to commit to the repository instead of a live edit")

    @classmethod
    def of(cls, patch: results.RepositoryPatch) -> RepositoryPatch:
        return cls(object=patch.object, managed_by=patch.managed_by, patch=patch.patch)


class Applied(BaseModel):
    proposal_id: str
    dry_run: bool
    snapshot_id: str | None = Field(description="Pass to rollback to undo these changes")
    changes: list[ChangeOut]
    diff: str = Field(
        description="Unified diff of what changes (dry run; on a live cluster the API server's own dry run)"
    )
    repository_patches: list[RepositoryPatch] = Field(
        description="Objects managed by Helm, Argo CD or Flux: forge will not edit them live; commit these"
    )
    notes: list[str]
    message: str

    @classmethod
    def of(cls, applied: results.Applied) -> Applied:
        diff = applied.diff
        if len(diff) > MAX_DIFF_CHARS:
            diff = diff[:MAX_DIFF_CHARS] + "\n... (diff cut; apply fewer changes with `changes` to see all)\n"
        n = len(applied.changes)
        return cls(
            proposal_id=applied.proposal_id,
            dry_run=applied.dry_run,
            snapshot_id=applied.snapshot_id,
            changes=[ChangeOut.of(c) for c in applied.changes[:MAX_LISTED]],
            diff=diff,
            repository_patches=[RepositoryPatch.of(p) for p in applied.repository_patches[:MAX_LISTED]],
            notes=applied.notes[:50],
            message=f"Dry run: {n} change(s) would be applied; nothing changed."
            if applied.dry_run
            else f"Applied {n} change(s); snapshot {applied.snapshot_id} can undo them with rollback.",
        )


class RolledBack(BaseModel):
    snapshot_id: str
    restored: list[str]
    changes_undone: int

    @classmethod
    def of(cls, rolled: results.RolledBack) -> RolledBack:
        return cls(
            snapshot_id=rolled.snapshot_id, restored=rolled.restored, changes_undone=rolled.changes_undone
        )


class SnapshotOut(results.SnapshotInfo):
    @classmethod
    def of(cls, snapshot: results.SnapshotInfo) -> SnapshotOut:
        return cls.model_validate(_attributes(cls, snapshot))


class Snapshots(BaseModel):
    snapshots: list[SnapshotOut]

    @classmethod
    def of(cls, snapshots: list[results.SnapshotInfo]) -> Snapshots:
        return cls(snapshots=[SnapshotOut.of(s) for s in snapshots])


class Decision(BaseModel):
    workload: str
    object: str
    container: str | None
    field: str
    before: str | None
    after: str
    proposal_id: str
    snapshot_id: str
    applied_at: float
    rolled_back_at: float | None
    monthly_savings_usd: float

    @classmethod
    def of(cls, change: results.AppliedChange) -> Decision:
        return cls.model_validate({**_attributes(cls, change), "monthly_savings_usd": change.monthly_savings})


class Decisions(BaseModel):
    decisions: list[Decision]

    @classmethod
    def of(cls, changes: list[results.AppliedChange]) -> Decisions:
        return cls(decisions=[Decision.of(c) for c in changes])


class CostGroup(results.CostGroup):
    @classmethod
    def of(cls, group: results.CostGroup) -> CostGroup:
        return cls.model_validate(_attributes(cls, group))


class CostReport(BaseModel):
    group_by: str
    groups: list[CostGroup]
    total_monthly_cost_usd: float
    potential_savings_usd: float
    proposal_id: str | None = Field(description="The latest proposal the savings come from")

    @classmethod
    def of(cls, costs: results.Costs) -> CostReport:
        """The groups, highest cost first, at most MAX_LISTED; the totals count every group."""
        return cls(
            group_by=costs.group_by,
            groups=[CostGroup.of(g) for g in costs.groups[:MAX_LISTED]],
            total_monthly_cost_usd=costs.total_monthly_cost_usd,
            potential_savings_usd=costs.potential_savings_usd,
            proposal_id=costs.proposal_id,
        )
