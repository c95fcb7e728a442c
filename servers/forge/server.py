"""forge's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

import weakref
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
_forges: weakref.WeakKeyDictionary[Any, Forge] = weakref.WeakKeyDictionary()


def forge() -> Forge:
    """One Forge per suite, so the parsed metrics stay in memory between calls."""
    from servers.forge.operations import Forge

    suite = kit.suite
    if suite not in _forges:
        _forges[suite] = Forge(suite)
    return _forges[suite]


# -- output models --------------------------------------------------------------------------------

class ChangeOut(BaseModel):
    id: str = Field(description="Pass to optimize's `changes` to apply only some changes")
    object: str = Field(description="Kind/namespace/name")
    container: str | None
    field: str = Field(description="cpu_request, memory_request, memory_limit, cpu_limit, replicas or max_replicas")
    current: str | None
    proposed: str
    monthly_savings_usd: float = Field(description="Negative when the change adds cost to remove a risk")


class OpportunityOut(BaseModel):
    type: str = Field(description="over_provisioned, under_provisioned, oom_killed, crash_looping, "
                      "missing_requests_or_limits, idle, single_replica_without_pdb, hpa_bounds_cap_load")
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
    estimated_monthly_savings_usd: float
    opportunities: list[OpportunityOut]
    changes: list[ChangeOut]
    containers: list[ContainerOut]
    workloads_without_metrics: list[str]
    notes: list[str]
    truncated: bool = Field(description="True when lists were cut to the first 200 entries")


class Applied(BaseModel):
    proposal_id: str
    dry_run: bool
    snapshot_id: str | None = Field(description="Pass to rollback to undo these changes")
    changes: list[ChangeOut]
    diff: str = Field(description="Unified diff of what changes (dry run)")
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
    return ChangeOut(id=c.id, object=c.object, container=c.container, field=c.field, current=c.current,
                     proposed=c.proposed, monthly_savings_usd=c.monthly_savings_usd)


_SEVERITY = {"high": 0, "medium": 1, "low": 2}


# -- tools ----------------------------------------------------------------------------------------

@kit.tool(examples=["where are we wasting money in the cluster?", "my pods keep getting OOM killed"],
          title="Analyze workloads", read_only=True, idempotent=False)
def analyze(
    namespace: Annotated[str | None, Field(description="Only this namespace (default: all)")] = None,
    workload: Annotated[str | None, Field(description="Only this Deployment/StatefulSet/DaemonSet name")] = None,
    history: Annotated[str | None, Field(description="How much usage history to use, e.g. '7d' or '36h' "
                                                     "(default 14d, at most 30d)")] = None,
    progress: Progress = None,  # type: ignore[assignment]  # the kit always passes one
) -> Analysis:
    """Find waste and risk in the cluster's workloads from measured CPU and memory usage. Use it first, for
    questions like 'where are we wasting money' or 'why does X get OOM-killed'. Returns per container the usage
    profile (CPU p50/p95/p99/max, memory p50/p99/max, trend, traffic pattern), current requests/limits and
    monthly cost; opportunities (over/under-provisioned, OOM-killed, missing requests, idle, single replica
    without a PDB, HPA ceiling) with evidence and estimated savings; and concrete changes under a proposal id
    to pass to `optimize`. Changes the cluster never; the proposal is stored."""
    out = forge().analyze(namespace, workload, history, progress=progress)
    r = out["result"]
    opportunities = sorted(r.opportunities, key=lambda o: (_SEVERITY.get(o.severity, 3), -abs(o.monthly_savings_usd)))
    truncated = max(len(opportunities), len(r.changes), len(r.containers)) > MAX_LISTED
    return Analysis(
        proposal_id=out["proposal_id"], cluster=out["source"], metrics=out["metrics"],
        history_hours=out["history_hours"], prometheus_queries=out["queries"], workloads=r.workloads,
        monthly_cost_usd=r.monthly_cost_usd,
        estimated_monthly_savings_usd=round(sum(c.monthly_savings_usd for c in r.changes if c.monthly_savings_usd > 0), 2),
        opportunities=[OpportunityOut(**o.__dict__) for o in opportunities[:MAX_LISTED]],
        changes=[_change_out(c) for c in r.changes[:MAX_LISTED]],
        containers=[ContainerOut(**c.__dict__) for c in r.containers[:MAX_LISTED]],
        workloads_without_metrics=r.without_metrics[:MAX_LISTED], notes=r.notes[:50], truncated=truncated)


def _optimize_question(proposal_id: str, dry_run: bool) -> str | None:
    if dry_run:
        return None
    return f"Apply the changes of proposal {str(proposal_id)[:40]} to the cluster? forge snapshots every object first."


@kit.tool(examples=["apply the safe right-sizing changes", "fix it, but show me the diff first"],
          title="Apply a proposal", read_only=False, destructive=True, idempotent=False,
          confirm=_optimize_question)
def optimize(
    proposal_id: Annotated[str, Field(description="The proposal id from analyze, e.g. 'p-1a2b3c4d5e'")],
    changes: Annotated[list[str] | None, Field(description="Only these change ids, e.g. ['c1', 'c3'] "
                                                          "(default: all of the proposal)")] = None,
    dry_run: Annotated[bool, Field(description="true (default): only show the exact diff; false: apply")] = True,
    progress: Progress = None,  # type: ignore[assignment]  # the kit always passes one
) -> Applied:
    """Apply all or some changes of a proposal from `analyze`. With dry_run (the default) it returns the exact
    diff and changes nothing. Otherwise it snapshots every object first, refuses objects that changed since the
    analysis (resourceVersion or file hash), enforces the safety rules (floors 10m CPU / 64Mi memory, at most
    half a request cut per step, memory limit at least the observed maximum +15%, no replica changes under an
    HPA, enough history), then applies. Returns the snapshot id to pass to `rollback`."""
    out = forge().optimize(proposal_id, changes, dry_run, progress=progress)
    diff = out["diff"]
    if len(diff) > MAX_DIFF_CHARS:
        diff = diff[:MAX_DIFF_CHARS] + "\n... (diff cut; apply fewer changes with `changes` to see all)\n"
    n = len(out["changes"])
    message = (f"Dry run: {n} change(s) would be applied; nothing changed." if dry_run else
               f"Applied {n} change(s); snapshot {out['snapshot_id']} can undo them with rollback.")
    return Applied(proposal_id=proposal_id, dry_run=dry_run, snapshot_id=out["snapshot_id"],
                   changes=[_change_out(c) for c in out["changes"][:MAX_LISTED]], diff=diff, message=message)


@kit.tool(examples=["undo the last optimization of checkout-api"],
          title="Roll back a snapshot", read_only=False, destructive=True, idempotent=True,
          confirm=lambda snapshot_id: f"Restore every object of snapshot {str(snapshot_id)[:40]} as it was?")
def rollback(
    snapshot_id: Annotated[str, Field(description="The snapshot id from optimize or `snapshots`, e.g. 's-1a2b3c4d5e'")],
) -> RolledBack:
    """Undo an `optimize`: restore every object of a snapshot exactly as it was (byte-identical manifest files),
    also after later optimizations. If someone else edited an object since forge's last change, it reports the
    conflict and restores nothing. Returns the restored objects."""
    return RolledBack(**forge().rollback(snapshot_id))


@kit.tool(examples=["what snapshots can I roll back to?"],
          title="List snapshots", read_only=True, idempotent=True)
def snapshots() -> Snapshots:
    """List forge's snapshots, newest first: when taken, for which proposal, the objects they cover, how many
    changes they precede and whether they were rolled back. Use it to pick a snapshot id for `rollback`."""
    return Snapshots(snapshots=[SnapshotOut(**s) for s in forge().ledger.snapshots()])


@kit.tool(examples=["what has forge changed for checkout-api?"],
          title="List decisions", read_only=True, idempotent=True)
def decisions(
    workload: Annotated[str | None, Field(description="Only this workload ('name' or 'namespace/name')")] = None,
) -> Decisions:
    """The changes forge applied, newest first (at most 200): what changed on which workload, from what to what,
    the estimated monthly saving, and whether it was rolled back. Use it to answer 'what did forge change on X'."""
    if workload is not None and (len(workload) > 320 or not workload.strip()):
        from shared.errors import BadInput

        raise BadInput("`workload` must be a name like 'checkout-api' or 'checkout/checkout-api'.")
    rows = forge().ledger.decisions(workload)
    return Decisions(decisions=[Decision(
        workload=r["workload"], object=r["object"], container=r["container"], field=r["field"], before=r["before"],
        after=r["after"], proposal_id=r["proposal_id"], snapshot_id=r["snapshot_id"], applied_at=r["applied_at"],
        rolled_back_at=r["rolled_back_at"], monthly_savings_usd=r["monthly_savings"]) for r in rows])


@kit.tool(examples=["what does each namespace cost per month?"],
          title="Cost report", read_only=True, idempotent=True)
def cost_report(
    group_by: Annotated[Literal["namespace", "workload"], Field(description="Group costs by namespace or workload")]
    = "namespace",
) -> CostReport:
    """Monthly cost of the cluster's workloads from their requests and replicas at OpenCost's default prices
    ($0.031611 per core-hour, $0.004237 per GiB-hour), grouped by namespace or workload, with the savings the
    latest `analyze` proposal would bring. Highest cost first."""
    out = forge().cost_report(group_by)
    groups = sorted((CostGroup(name=k, workloads=int(v["workloads"]), monthly_cost_usd=round(v["monthly_cost_usd"], 2),
                               potential_savings_usd=round(v["potential_savings_usd"], 2))
                     for k, v in out["groups"].items()), key=lambda g: -g.monthly_cost_usd)
    return CostReport(group_by=group_by, groups=groups[:MAX_LISTED],
                      total_monthly_cost_usd=round(sum(g.monthly_cost_usd for g in groups), 2),
                      potential_savings_usd=round(sum(g.potential_savings_usd for g in groups), 2),
                      proposal_id=out["proposal_id"])


prompts.register(kit)  # prompts, completions and resources: servers/forge/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
