"""The fast paths give the same answers as the straightforward ones: the recorded metrics' cached grid
layout against placing every sample by hand, and batched profiles against profiling container by container."""

from __future__ import annotations

import dataclasses
import time
import zlib
from pathlib import Path

import numpy as np
import pytest
import yaml

from servers.forge import analysis, recommend
from servers.forge.usage import CPU, MEMORY, STEP_S, RecordedMetrics, Usage, parse_openmetrics
from shared.cluster import ManifestCluster
from shared.sample_cluster import generate, write_manifests, write_openmetrics


@pytest.fixture(scope="module")
def recorded(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("fast")
    cluster = generate(40, 9, seed=3, end=int(time.time()), max_pods=3)
    write_manifests(work / "manifests", cluster)
    write_openmetrics(work / "full.om", cluster)
    # Gaps: drop some samples (missed scrapes) and the first days of some series (pods started later).
    rng = np.random.default_rng(0)
    lines = (work / "full.om").read_text().splitlines(keepends=True)
    first_seen: dict[str, int] = {}
    kept = []
    for i, line in enumerate(lines):
        key = line.rsplit(" ", 2)[0]
        start = first_seen.setdefault(key, i)
        late = zlib.crc32(key.encode()) % 5 == 0 and i - start < 800
        if line.startswith("#") or not (late or rng.random() < 0.03):
            kept.append(line)
    (work / "gappy.om").write_text("".join(kept))
    return work


def by_hand(
    path: Path, start: float, end: float
) -> dict[tuple[str, str, str], tuple[np.ndarray, np.ndarray]]:
    """Every sample placed on the window's grid one by one; CPU as the rate from the previous sample."""
    cols = parse_openmetrics(path)
    grid = np.arange(np.ceil(start / STEP_S) * STEP_S, np.floor(end / STEP_S) * STEP_S + 1, STEP_S)
    out: dict[tuple[str, str, str], tuple[np.ndarray, np.ndarray]] = {}
    for name in (CPU, MEMORY):
        c = cols[name]
        for i, labels in enumerate(c.labels):
            key = (labels["namespace"], labels["pod"], labels["container"])
            row = out.setdefault(key, (np.full(grid.size, np.nan), np.full(grid.size, np.nan)))[
                name == MEMORY
            ]
            ts, vs = c.ts[c.offsets[i] : c.offsets[i + 1]], c.values[c.offsets[i] : c.offsets[i + 1]]
            for j in range(len(ts)):
                if name == CPU:
                    if j == 0 or ts[j] <= ts[j - 1]:
                        continue
                    dv = vs[j] - vs[j - 1]
                    value = (dv if dv >= 0 else vs[j]) / (ts[j] - ts[j - 1])
                else:
                    value = vs[j]
                col = int(round((ts[j] - grid[0]) / STEP_S))
                if 0 <= col < grid.size and abs(ts[j] - grid[col]) < STEP_S / 2:
                    row[col] = value
    return {k: v for k, v in out.items() if np.isfinite(v[0]).any() or np.isfinite(v[1]).any()}


@pytest.mark.parametrize("name", ["full.om", "gappy.om"])
def test_cached_grid_layout_gives_the_usage_of_placing_every_sample_by_hand(
    recorded: Path, name: str
) -> None:
    metrics = RecordedMetrics(recorded / name, recorded / "cache")
    end = metrics.latest()
    for start, namespace in (
        (end - 9 * 86400, None),
        (end - 30 * 3600 - 17, "payments"),
        (end - 86400, None),
    ):
        usage = metrics.usage(start, end, namespace)
        again = RecordedMetrics(recorded / name, recorded / "cache").usage(start, end, namespace)  # from disk
        expected = {
            k: v for k, v in by_hand(recorded / name, start, end).items() if namespace in (None, k[0])
        }
        assert usage.keys == sorted(expected) == again.keys
        np.testing.assert_array_equal(usage.cpu, np.array([expected[k][0] for k in usage.keys]))
        np.testing.assert_array_equal(usage.memory, np.array([expected[k][1] for k in usage.keys]))
        np.testing.assert_array_equal(again.cpu, usage.cpu)
        np.testing.assert_array_equal(again.memory, usage.memory)


def test_batched_profiles_equal_container_by_container_profiles() -> None:
    rng = np.random.default_rng(1)
    cluster = generate(60, 10, seed=9, max_pods=3)
    groups: dict[int, list[tuple[np.ndarray, np.ndarray]]] = {}
    for w in cluster.workloads:
        for c in w.containers:
            cpu, mem = c.cpu.copy(), c.memory.copy()
            holes = rng.random(cpu.shape) < rng.choice([0.0, 0.02, 0.5])
            cpu[holes] = np.nan
            mem[holes] = np.nan
            if rng.random() < 0.2:
                cpu[:, : rng.integers(1, cpu.shape[1])] = np.nan  # pods that started during the window
            if rng.random() < 0.05:
                mem[:] = np.nan  # no memory series at all
            groups.setdefault(cpu.shape[0], []).append((cpu, mem))
    checked = 0
    for items in groups.values():
        batched = recommend.profiles(np.stack([c for c, _ in items]), np.stack([m for _, m in items]))
        for (cpu, mem), fast in zip(items, batched, strict=True):
            slow = recommend.profile(cpu, mem)
            assert (fast is None) == (slow is None)
            if slow is None:
                continue
            for f in dataclasses.fields(slow):
                a, b = getattr(fast, f.name), getattr(slow, f.name)
                if f.name.startswith(("cpu_p", "memory_p")) and not f.name.startswith("memory_projected"):
                    assert a == b, f.name  # the percentiles are numpy's, to the last bit
                elif isinstance(b, float):
                    assert a == pytest.approx(b, rel=1e-9, abs=1e-12), f.name
                else:
                    assert a == b, f.name
            checked += 1
    assert checked > 50


def test_batched_analysis_proposes_exactly_what_the_reference_path_proposes(recorded: Path) -> None:
    cluster = ManifestCluster(recorded / "manifests")
    metrics = RecordedMetrics(recorded / "gappy.om")
    end = metrics.latest()
    usage: Usage = metrics.usage(end - 9 * 86400, end)
    fast = analysis.analyze(cluster, usage, batch=True)
    slow = analysis.analyze(cluster, usage, batch=False)
    assert len(fast.changes) > 20
    assert fast.changes == slow.changes
    assert fast.opportunities == slow.opportunities
    assert fast.containers == slow.containers
    objects = [
        d for p in sorted((recorded / "manifests").rglob("*.yaml")) for d in yaml.safe_load_all(p.read_text())
    ]
    assert fast.workloads == sum(
        1 for d in objects if d and d["kind"] in ("Deployment", "StatefulSet", "DaemonSet")
    )


def test_a_damaged_metrics_cache_is_rebuilt(recorded: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    good = RecordedMetrics(recorded / "gappy.om", cache)
    end = good.latest()
    expected = good.usage(end - 86400, end)
    (next(cache.glob("metrics-*")) / "meta.json").write_text("{not json")
    again = RecordedMetrics(recorded / "gappy.om", cache).usage(end - 86400, end)
    assert again.keys == expected.keys
    np.testing.assert_array_equal(again.memory, expected.memory)
    assert (
        RecordedMetrics(recorded / "gappy.om", cache).usage(end - 86400, end).keys == expected.keys
    )  # re-cached


def test_a_new_process_sees_manifest_edits_through_the_parsed_cache(recorded: Path, tmp_path: Path) -> None:
    import shutil

    root = tmp_path / "manifests"
    shutil.copytree(recorded / "manifests", root)
    first = ManifestCluster(root, cache_dir=tmp_path / "cache").list_objects()
    assert list((tmp_path / "cache").glob("manifests-*.json"))
    path = sorted(root.rglob("*.yaml"))[0]
    text = path.read_text()
    path.write_text(text.replace("replicas: ", "replicas: 1", 1))  # e.g. 2 -> 12, same file name
    second = ManifestCluster(root, cache_dir=tmp_path / "cache").list_objects()  # as a new process would
    fresh = ManifestCluster(root).list_objects()  # no cache at all
    assert second == fresh != first


def test_batched_recency_equals_the_per_container_recency_to_the_last_bit() -> None:
    """recommend.recencies (all containers at once) against recommend.recency (one container): random
    hourly CPU with ties, gaps, pods that started late, all-zero and too-short series; bursty containers
    (also bounded by the medians' ratio) mixed in."""
    rng = np.random.default_rng(3)
    checked = 0
    for _ in range(200):
        pods, hours, n = (
            int(rng.integers(1, 5)),
            int(rng.choice([24, 47, 48, 49, 336])),
            int(rng.integers(1, 12)),
        )
        hourly = rng.gamma(2.0, 0.1, size=(n, pods, hours)) * rng.choice([1.0, 0.0, 1e-9, 1e3])
        if rng.random() < 0.5:
            hourly = np.round(hourly, int(rng.integers(0, 3)))  # ties
        hourly[rng.random(hourly.shape) < rng.choice([0.0, 0.05, 0.5, 0.9])] = np.nan
        if rng.random() < 0.2:
            hourly[:, :, : int(rng.integers(1, hours))] = np.nan
        bursty = rng.random(n) < 0.5
        batched = recommend.recencies(recommend._pod_means(hourly), bursty)
        for one, flag, fast in zip(hourly, bursty, batched, strict=True):
            assert fast == recommend.recency(one, bool(flag))
            checked += 1
    assert checked > 1000
