"""forge's MCP surface. The logic lives in the domain modules beside this file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import Field

from servers.forge import prompts
from servers.forge.models import Analysis, Applied, CostReport, Decisions, RolledBack, Snapshots
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


def forge() -> Forge:
    """One Forge per suite, so the parsed metrics stay in memory between calls."""
    from servers.forge.operations import Forge

    return kit.suite.service(Forge)


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
        return Analysis.of_page(forge().page(cursor))
    return Analysis.of(forge().analyze(namespace, workload, history, selector=selector, progress=progress))


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
    return Applied.of(forge().optimize(proposal_id, changes, dry_run, progress=progress, include=include))


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
    return RolledBack.of(forge().rollback(snapshot_id))


@kit.tool(
    examples=["what snapshots can I roll back to?"], title="List snapshots", read_only=True, idempotent=True
)
def snapshots() -> Snapshots:
    """List forge's snapshots, newest first: when taken, for which proposal, the objects they cover, how many
    changes they precede and whether they were rolled back. Use it to pick a snapshot id for `rollback`."""
    return Snapshots.of(forge().snapshots())


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
    return Decisions.of(forge().decisions(workload))


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
    return CostReport.of(forge().cost_report(group_by))


prompts.register(kit)  # prompts, completions and resources: servers/forge/prompts.py


def main() -> None:
    run(kit)


if __name__ == "__main__":
    main()
