"""Checking 1,000 pods against pss-restricted: the compiled engine against a naive baseline.

Baseline: the straightforward way to run policies-as-data, re-reading the policy YAML and
re-parsing the manifest text for every check (no compiled rules, no shared parse). Both run in
this process on the same 1,000-pod multi-document manifest (half compliant, half not), and
must agree on every finding. Goal: the engine under 1 s for parse + check.

Run: .venv/bin/python bench/compliance_pss_bench.py
"""

from __future__ import annotations

import time

import yaml

from servers.compliance.checking import check_pods
from servers.compliance.engine import _dig, _key, _tokens, compile_rule
from servers.compliance.manifests import load_text, pods_in
from servers.compliance.policy import current_policies

N = 1000


def manifest(n: int) -> str:
    docs = []
    for i in range(n):
        good = i % 2 == 0
        sc = (
            {"allowPrivilegeEscalation": False, "capabilities": {"drop": ["ALL"]}}
            if good
            else {"privileged": True, "capabilities": {"add": ["NET_ADMIN"]}}
        )
        docs.append(
            {
                "apiVersion": "apps/v1",
                "kind": "Deployment",
                "metadata": {"name": f"app-{i}", "namespace": "shop"},
                "spec": {
                    "template": {
                        "metadata": {"labels": {"app": f"a{i}"}},
                        "spec": {
                            "securityContext": {
                                "runAsNonRoot": True,
                                "seccompProfile": {"type": "RuntimeDefault"},
                            }
                            if good
                            else {},
                            "containers": [
                                {
                                    "name": "app",
                                    "image": f"registry.example/app:{i}",
                                    "securityContext": sc,
                                    "ports": [{"containerPort": 8080}],
                                },
                                {
                                    "name": "sidecar",
                                    "image": "registry.example/proxy:2",
                                    "securityContext": sc,
                                },
                            ],
                            "volumes": [{"name": "tmp", "emptyDir": {}}],
                        },
                    }
                },
            }
        )
    return yaml.safe_dump_all(docs)


def engine(text: str) -> set[tuple[str, str, str]]:
    policies = current_policies()
    fw = policies.framework("pss-restricted")
    pods = pods_in(load_text(text).objects).pods
    findings, _, _ = check_pods(pods, fw, "v1.37", policies)
    return {(f.check, f.object, f.field) for f in findings}


def naive(text: str) -> set[tuple[str, str, str]]:
    """Per check: read its policy file again, compile its rules again, parse the manifests again."""
    policies = current_policies()
    out = set()
    for check, version in policies.checks_for("pss-restricted", 37):
        doc = yaml.safe_load(open(check.source).read())
        rules = next(v for v in doc["versions"] if v.get("since") == f"v1.{version.since}")["rules"]
        fns = [compile_rule(r, check.source) for r in rules]
        pods = pods_in(load_text(text).objects).pods
        for pod in pods:
            if any(_key(_dig(pod.spec, _tokens(c["path"]))) == _key(c["equals"]) for c in version.unless):
                continue
            for fn in fns:
                out.update((check.id, pod.ref, v.field) for v in fn(pod))
    return out


def _cpu(fn, text: str) -> float:
    start = time.process_time()
    fn(text)
    return time.process_time() - start


def timed(fn, text: str, repeats: int = 3) -> tuple[float, set]:
    best, result = float("inf"), set()
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn(text)
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    text = manifest(N)
    current_policies()  # policy loading is a one-off per process, not part of a check
    policies = current_policies()
    fw = policies.framework("pss-restricted")
    pods = pods_in(load_text(text).objects).pods
    start = time.perf_counter()
    check_pods(pods, fw, "v1.37", policies)
    check_only = time.perf_counter() - start
    t_engine, f_engine = timed(engine, text)
    cpu = min(_cpu(engine, text) for _ in range(3))  # CPU time: steadier than wall time on a shared machine
    t_naive, f_naive = timed(naive, text, repeats=1)
    assert f_engine == f_naive, "engine and baseline disagree"
    print(f"{N} pods (2 containers each), pss-restricted v1.37, {len(f_engine)} findings")
    print(
        f"  engine  parse+check {t_engine * 1000:8.1f} ms   (check only {check_only * 1000:.1f} ms; "
        f"{cpu * 1000:.0f} ms CPU)"
    )
    print(
        f"  naive   parse+check {t_naive * 1000:8.1f} ms   (re-read policy + re-parse per check; 1 run, engine best of 3)"
    )
    print(
        f"  ratio   naive/engine {t_naive / t_engine:6.1f}x   goal engine < 1000 ms: "
        f"{'met' if t_engine < 1.0 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
