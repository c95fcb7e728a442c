"""A crash in the middle of an apply: a real forge process applying a proposal to the API stand-in is
killed with SIGKILL at each step (before a write reaches the API server, after it is committed but
before forge hears back, for the first and the second object). The next forge process settles the
interrupted apply from its journal, reports it, and `rollback` of its snapshot restores exactly what
was changed, without calling forge's own writes someone else's."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
import yaml
from forge_kube_standin import Dropped, StandInAPI

from servers.forge.operations import Forge
from servers.forge.usage import RecordedMetrics
from shared.cluster import cluster_from_config
from shared.sample_cluster import generate, write_manifests, write_openmetrics
from shared.suite import Suite

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    from servers.forge.operations import Forge
    from shared.cluster import cluster_from_config
    from shared.config import Config
    from shared.suite import Suite

    pid, ids = sys.argv[1], sys.argv[2].split(",")
    forge = Forge(Suite(Config.from_env()), cluster_from_config(None))
    print("STARTED", flush=True)
    forge.optimize(pid, ids, dry_run=False)
    print("FINISHED", flush=True)
""")


@pytest.mark.parametrize("kill_at", [("before", 1), ("after", 1), ("before", 2), ("after", 2)])
def test_a_forge_killed_mid_apply_is_settled_and_rolled_back_exactly(
    kill_at, tmp_path: Path, hdr_home: Path, offline_suite: Suite, monkeypatch
) -> None:
    monkeypatch.setenv("HDR_FORGE_ROLLOUT_POLL", "0.02")
    cluster = generate(12, 3, seed=11, end=int(time.time()))
    write_manifests(tmp_path / "manifests", cluster)
    write_openmetrics(tmp_path / "metrics.om", cluster)
    objects = [
        d
        for p in sorted((tmp_path / "manifests").rglob("*.yaml"))
        for d in yaml.safe_load_all(p.read_text())
        if d
    ]
    with StandInAPI(objects) as api:
        config = tmp_path / "kubeconfig"
        config.write_text(api.kubeconfig())
        env = {"HDR_KUBECONFIG": str(config), "HDR_KUBE_CONTEXT": "standin"}
        forge = Forge(offline_suite, cluster_from_config(None, env), RecordedMetrics(tmp_path / "metrics.om"))
        proposal = forge.analyze(history="3d")
        changes = {c.id: c for c in proposal.result.changes}
        ids: list[str] = []
        refs = []
        for o in proposal.result.opportunities:
            if o.type != "over_provisioned" or not o.change_ids:
                continue
            ref = changes[o.change_ids[0]].ref
            if ref.kind == "Deployment" and ref not in refs and len(refs) < 2:
                refs.append(ref)
                ids += o.change_ids
        originals = {ref: api.get_object(ref.kind, ref.namespace, ref.name)["spec"] for ref in refs}

        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, proposal.proposal_id, ",".join(ids)],
            cwd=ROOT,
            env={**os.environ, **env, "PYTHONPATH": str(ROOT)},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

        def kill(phase: str, n: int) -> None:
            if (phase, n) == kill_at and child.poll() is None:
                child.kill()  # SIGKILL: no handler, no cleanup
                child.wait(30)
                raise Dropped()

        api.on_write = kill
        out, err = child.communicate(timeout=120)
        api.on_write = None
        assert child.returncode == -9, (out, err)
        assert "STARTED" in out and "FINISHED" not in out
        landed = kill_at[1] - (1 if kill_at[0] == "before" else 0)  # objects the API server committed
        changed = [
            ref for ref in refs if api.get_object(ref.kind, ref.namespace, ref.name)["spec"] != originals[ref]
        ]
        assert len(changed) == landed

        after = Forge(offline_suite, cluster_from_config(None, env))  # the next start
        (snapshot,) = after.snapshots()
        (note,) = after.recovered
        assert f"interrupted (snapshot {snapshot.id}): {landed} of 2 object(s) had been changed" in note
        assert after.ledger.apply_of(snapshot.id).state == "interrupted"
        assert len(after.ledger.applied_change_ids(proposal.proposal_id)) == sum(
            1 for i in ids if changes[i].ref in changed
        )
        states = [i.state for i in after.ledger.intents(snapshot.id)]
        assert states == ["written"] * landed + ["skipped"] * (2 - landed)
        api.wait_idle()  # the controllers' status writes follow forge's writes
        rolled = after.rollback(snapshot.id)
        assert sorted(rolled.restored) == sorted(str(r) for r in changed)
        for ref in refs:
            assert api.get_object(ref.kind, ref.namespace, ref.name)["spec"] == originals[ref]
        assert [r for r in offline_suite.audit.records("forge", "optimize.recover")]
