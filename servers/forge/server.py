"""forge's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import BaseModel, Field

from servers.forge import prompts
from shared.server import create_server, run
from shared.tools import Progress

if TYPE_CHECKING:
    from servers.forge.operations import Forge

kit = create_server(
    "forge",
    title="HDR forge",
    description="Right-sizes and repairs a Kubernetes cluster's workloads from measured usage: analyze, "
    "optimize and roll back, safely and reversibly.",
)
mcp = kit.mcp

MAX_LISTED = 200
MAX_DIFF_CHARS = 40_000


def forge() -> Forge:
    """One Forge per suite, so the parsed metrics stay in memory between calls."""
    from servers.forge.operations import Forge

    return kit.suite.service(Forge)


# -- output models --------------------------------------------------------------------------------


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


class OpportunityOut(BaseModel):
    type: str = Field(
        description="over_provisioned, under_provisioned, oom_killed, crash_looping, "
        "missing_requests_or_limits, idle, single_replica_without_pdb, hpa_bounds_cap_load"
    )
    severity: str
    workload: str
    container: str | None
    evidence: str
    figures: dict[str, float | str]
    change_ids: list[str]
    monthly_savings_usd: float


class ContainerOut(BaseModel):
    workload: str
    kind: str
    container: str
    pattern: str = Field(description="idle, steady, diurnal, bursty, or no-metrics")
    cpu_p50: float | None
    cpu_p95: float | None
    cpu_p99: float | None
    cpu_max: float | None
    memory_p50_mib: float | None
    memory_p99_mib: float | None
    memory_max_mib: float | None
    memory_trend_pct_per_day: float | None
    cpu_request: str | None
    cpu_limit: str | None
    memory_request: str | None
    memory_limit: str | None
    replicas: int
    monthly_cost_usd: float
    confidence: float | None


class Analysis(BaseModel):
    proposal_id: str = Field(description="Pass to optimize")
    cluster: str
    metrics: str
    history_hours: float
    prometheus_queries: int
    workloads: int
    monthly_cost_usd: float
    estimated_monthly_savings_usd: float = Field(
        description="Net: cuts minus the added cost of raised requests "
        "and replicas, if optimize's default plan (no availability changes) were applied"
    )
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


class RepositoryPatch(BaseModel):
    object: str
    managed_by: str = Field(description="The GitOps tool or Helm release that owns the object")
    patch: str = Field(description="YAML merge patch to commit to the repository instead of a live edit")


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


class RolledBack(BaseModel):
    snapshot_id: str
    restored: list[str]
    changes_undone: int


class SnapshotOut(BaseModel):
    id: str
    proposal_id: str
    created_at: float
    rolled_back_at: float | None
    changes: int
    objects: list[str]


class Snapshots(BaseModel):
    snapshots: list[SnapshotOut]


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


class Decisions(BaseModel):
    decisions: list[Decision]


class CostGroup(BaseModel):
    name: str
    workloads: int
    monthly_cost_usd: float
    potential_savings_usd: float


class CostReport(BaseModel):
    group_by: str
    groups: list[CostGroup]
    total_monthly_cost_usd: float
    potential_savings_usd: float
    proposal_id: str | None = Field(description="The latest proposal the savings come from")


def _change_out(c: Any) -> ChangeOut:
    return ChangeOut(
        id=c.id,
        object=c.object,
        container=c.container,
        field=c.field,
        current=c.current,
        proposed=c.proposed,
        monthly_savings_usd=c.monthly_savings_usd,
        category=c.category,
    )


# -- tools ----------------------------------------------------------------------------------------


@kit.tool(
    examples=["where are we wasting money in the cluster?", "my pods keep getting OOM killed"],
    title="Analyze workloads",
    read_only=True,
    idempotent=False,
)
def analyze(
    namespace: Annotated[
        str | None, Field(description="Only this namespace, or several separated by commas (default: all)")
    ] = None,
    workload: Annotated[
        str | None,
        Field(
            description="Only this workload name (Deployment, StatefulSet, DaemonSet, CronJob, Argo Rollout)"
        ),
    ] = None,
    history: Annotated[
        str | None,
        Field(description="How much usage history to use, e.g. '7d' or '36h' (default 14d, at most 30d)"),
    ] = None,
    selector: Annotated[
        str | None, Field(description="Only workloads with these labels, e.g. 'team=payments,tier=api'")
    ] = None,
    cursor: Annotated[
        str | None,
        Field(
            description="A `next_cursor` from an earlier analyze: returns that page "
            "of its stored analysis (send it alone)"
        ),
    ] = None,
    *,
    progress: Progress,
) -> Analysis:
    """Find waste and risk in the cluster's workloads from measured CPU and memory usage. Use it first, for
    questions like 'where are we wasting money' or 'why does X get OOM-killed'. Returns a compact summary: cost,
    net savings, opportunity counts and the 10 most important opportunities (over/under-provisioned, OOM-killed,
    missing requests, idle, single replica without a PDB, HPA ceiling) with their change ids, under a proposal
    id to pass to `optimize`. Page with `cursor` through every change, every opportunity's evidence and each
    container's usage profile (CPU p50/p95/p99/max, memory p50/p99/max, trend, pattern, requests/limits, cost).
    Changes the cluster never; the proposal is stored."""
    if cursor is not None:
        if any(v is not None for v in (namespace, workload, history, selector)):
            from shared.errors import BadInput

            raise BadInput(
                "`cursor` pages an earlier analysis: send it alone.",
                "Drop namespace/workload/history/selector, or drop `cursor` to analyze anew.",
            )
        return _page(forge().page(cursor))
    return _summary(forge().analyze(namespace, workload, history, selector=selector, progress=progress))


def _summary(out: dict[str, Any]) -> Analysis:
    """analyze's default answer: totals, counts and the first opportunities of a new analysis."""
    r = out["result"]
    counts: dict[str, int] = {}
    for o in r.opportunities:
        counts[o.type] = counts.get(o.type, 0) + 1
    top = [
        OpportunityOut(**{**o.__dict__, "evidence": _cut(o.evidence, 160), "figures": {}})
        for o in r.opportunities[:SUMMARY_OPPORTUNITIES]
    ]
    totals = {
        "changes": len(r.changes),
        "opportunities": len(r.opportunities),
        "containers": len(r.containers),
        "notes": len(r.notes),
    }
    pid = out["proposal_id"]
    first = next((s for s in ("changes", "opportunities", "containers", "notes") if totals[s]), None)
    return Analysis(
        proposal_id=pid,
        cluster=out["source"],
        metrics=out["metrics"],
        history_hours=out["history_hours"],
        prometheus_queries=out["queries"],
        workloads=r.workloads,
        monthly_cost_usd=r.monthly_cost_usd,
        estimated_monthly_savings_usd=r.estimated_savings,
        page="summary",
        totals=totals,
        opportunity_counts=counts,
        opportunities=top,
        changes=[],
        containers=[],
        workloads_without_metrics=r.without_metrics[:20],
        notes=[_cut(n, 240) for n in r.notes[:SUMMARY_NOTES]],
        next_cursor=f"{pid}.{first}.0" if first else None,
    )


SUMMARY_OPPORTUNITIES = 10
SUMMARY_NOTES = 6


def _cut(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _page(p: dict[str, Any]) -> Analysis:
    section, items = p["section"], p["items"]
    return Analysis(
        **p["header"],
        page=section,
        totals=p["totals"],
        opportunity_counts={},
        opportunities=[OpportunityOut(**o) for o in items] if section == "opportunities" else [],
        changes=[ChangeOut(**{k: c[k] for k in ChangeOut.model_fields}) for c in items]
        if section == "changes"
        else [],
        containers=[ContainerOut(**c) for c in items] if section == "containers" else [],
        workloads_without_metrics=p["without_metrics"][:200],
        notes=items if section == "notes" else [],
        next_cursor=p["next_cursor"],
    )


def _optimize_question(proposal_id: str, dry_run: bool) -> str | None:
    if dry_run:
        return None
    return f"Apply the changes of proposal {str(proposal_id)[:40]} to the cluster? forge snapshots every object first."


@kit.tool(
    examples=["apply the safe right-sizing changes", "fix it, but show me the diff first"],
    title="Apply a proposal",
    read_only=False,
    destructive=True,
    idempotent=False,
    confirm=_optimize_question,
)
def optimize(
    proposal_id: Annotated[str, Field(description="The proposal id from analyze, e.g. 'p-1a2b3c4d5e'")],
    changes: Annotated[
        list[str] | None,
        Field(description="Only these change ids, e.g. ['c1', 'c3'] (default: every right-sizing change)"),
    ] = None,
    dry_run: Annotated[
        bool, Field(description="true (default): only show the exact diff; false: apply")
    ] = True,
    include: Annotated[
        list[Literal["availability"]] | None,
        Field(description="Add opt-in changes to the default: availability (second replicas, cost money)"),
    ] = None,
    *,
    progress: Progress,
) -> Applied:
    """Apply a proposal from `analyze`: by default its right-sizing changes; availability findings (a
    second replica for a single-replica workload without a PDB) only with include or by id. With dry_run (the default) it returns the exact
    diff (on a live cluster from the API server's own dry run) and changes nothing; objects owned by Helm, Argo
    CD or Flux get a patch for their repository instead. Otherwise it snapshots every object first, refuses
    objects that changed since the analysis or are GitOps-owned, enforces the safety rules (floors 10m CPU /
    64Mi memory, at most half a request cut per step, memory limit at least the observed maximum +15%, no
    replica changes under an HPA, enough history), then applies one object at a time with server-side apply,
    waiting for each rollout to be healthy and restoring everything it changed if one fails. Returns the
    snapshot id to pass to `rollback`."""
    out = forge().optimize(proposal_id, changes, dry_run, progress=progress, include=include)
    diff = out["diff"]
    if len(diff) > MAX_DIFF_CHARS:
        diff = diff[:MAX_DIFF_CHARS] + "\n... (diff cut; apply fewer changes with `changes` to see all)\n"
    n = len(out["changes"])
    message = (
        f"Dry run: {n} change(s) would be applied; nothing changed."
        if dry_run
        else f"Applied {n} change(s); snapshot {out['snapshot_id']} can undo them with rollback."
    )
    return Applied(
        proposal_id=proposal_id,
        dry_run=dry_run,
        snapshot_id=out["snapshot_id"],
        changes=[_change_out(c) for c in out["changes"][:MAX_LISTED]],
        diff=diff,
        repository_patches=[RepositoryPatch(**p) for p in out["repository_patches"][:MAX_LISTED]],
        notes=out["notes"][:50],
        message=message,
    )


@kit.tool(
    examples=["undo the last optimization of checkout-api"],
    title="Roll back a snapshot",
    read_only=False,
    destructive=True,
    idempotent=True,
    confirm=lambda snapshot_id: f"Restore every object of snapshot {str(snapshot_id)[:40]} as it was?",
)
def rollback(
    snapshot_id: Annotated[
        str, Field(description="The snapshot id from optimize or `snapshots`, e.g. 's-1a2b3c4d5e'")
    ],
) -> RolledBack:
    """Undo an `optimize`: restore what forge changed (byte-identical manifest files; on a live cluster the
    fields forge set), also after later optimizations. If someone else changed those fields (or edited the
    manifest file) since, it reports the conflict and restores nothing. Returns the restored objects."""
    return RolledBack(**forge().rollback(snapshot_id))


@kit.tool(
    examples=["what snapshots can I roll back to?"], title="List snapshots", read_only=True, idempotent=True
)
def snapshots() -> Snapshots:
    """List forge's snapshots, newest first: when taken, for which proposal, the objects they cover, how many
    changes they precede and whether they were rolled back. Use it to pick a snapshot id for `rollback`."""
    return Snapshots(snapshots=[SnapshotOut(**s) for s in forge().snapshots()])


@kit.tool(
    examples=["what has forge changed for checkout-api?"],
    title="List decisions",
    read_only=True,
    idempotent=True,
)
def decisions(
    workload: Annotated[
        str | None, Field(description="Only this workload ('name' or 'namespace/name')")
    ] = None,
) -> Decisions:
    """The changes forge applied, newest first (at most 200): what changed on which workload, from what to what,
    the estimated monthly saving, and whether it was rolled back. Use it to answer 'what did forge change on X'."""
    if workload is not None and (len(workload) > 320 or not workload.strip()):
        from shared.errors import BadInput

        raise BadInput("`workload` must be a name like 'checkout-api' or 'checkout/checkout-api'.")
    rows = forge().decisions(workload)
    return Decisions(
        decisions=[
            Decision(
                workload=r["workload"],
                object=r["object"],
                container=r["container"],
                field=r["field"],
                before=r["before"],
                after=r["after"],
                proposal_id=r["proposal_id"],
                snapshot_id=r["snapshot_id"],
                applied_at=r["applied_at"],
                rolled_back_at=r["rolled_back_at"],
                monthly_savings_usd=r["monthly_savings"],
            )
            for r in rows
        ]
    )


@kit.tool(
    examples=["what does each namespace cost per month?"],
    title="Cost report",
    read_only=True,
    idempotent=True,
)
def cost_report(
    group_by: Annotated[
        Literal["namespace", "workload"], Field(description="Group costs by namespace or workload")
    ] = "namespace",
) -> CostReport:
    """Monthly cost of the cluster's workloads from their requests and replicas at OpenCost's default prices
    ($0.031611 per core-hour, $0.004237 per GiB-hour), grouped by namespace or workload, with the savings the
    latest `analyze` proposal would bring. Highest cost first."""
    out = forge().cost_report(group_by)
    groups = sorted(
        (
            CostGroup(
                name=k,
                workloads=int(v["workloads"]),
                monthly_cost_usd=round(v["monthly_cost_usd"], 2),
                potential_savings_usd=round(v["potential_savings_usd"], 2),
            )
            for k, v in out["groups"].items()
        ),
        key=lambda g: -g.monthly_cost_usd,
    )
    return CostReport(
        group_by=group_by,
        groups=groups[:MAX_LISTED],
        total_monthly_cost_usd=round(sum(g.monthly_cost_usd for g in groups), 2),
        potential_savings_usd=round(sum(g.potential_savings_usd for g in groups), 2),
        proposal_id=out["proposal_id"],
    )


prompts.register(kit)  # prompts, completions and resources: servers/forge/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
