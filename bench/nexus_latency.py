"""nexus discovery at scale: register 10,000 skills (skills per second, embedding included), then
discover's end-to-end latency in-process (query embedding + vector + BM25 + fusion) against a
baseline in the same run: the same vectors in an in-process Chroma collection (HNSW), queried with
the same query embedding. Goals: p50 < 20 ms, p99 < 60 ms.

    .venv/bin/python bench/nexus_latency.py [skills]

The 10,000 skills are the 106 hand-labelled ones (bench/nexus_discovery_set.py) plus generated
distractors, so recall@1 of the labelled queries among 10,000 skills is printed too.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nexus_discovery_set as labelled  # noqa: E402

VERBS = [
    "Audit",
    "Summarise",
    "Monitor",
    "Migrate",
    "Translate",
    "Forecast",
    "Validate",
    "Archive",
    "Schedule",
    "Optimise",
    "Classify",
    "Encrypt",
    "Deduplicate",
    "Benchmark",
    "Visualise",
    "Backfill",
    "Index",
    "Price",
]
OBJECTS = [
    "invoices",
    "sensor readings",
    "warehouse stock",
    "shipping labels",
    "tax filings",
    "student grades",
    "flight delays",
    "crop yields",
    "energy meters",
    "legal briefs",
    "podcast episodes",
    "museum records",
    "parking permits",
    "clinical trials",
    "fleet telemetry",
    "loyalty points",
    "weather stations",
    "insurance claims",
    "library loans",
    "solar panels",
    "payroll runs",
    "restaurant menus",
]
DOMAINS = [
    "for retailers",
    "for hospitals",
    "for city councils",
    "for farms",
    "for airlines",
    "for schools",
    "for banks",
    "for factories",
    "for charities",
    "for law firms",
    "for utilities",
    "for startups",
    "for logistics firms",
    "for game studios",
    "for universities",
    "for newsrooms",
    "for hotels",
    "for ports",
    "for telecoms",
    "for insurers",
    "for labs",
    "for film crews",
    "for breweries",
    "for clinics",
    "for mines",
]


def synthetic_cards(count: int, per_card: int = 10) -> list[dict]:
    cards, skills = [], []
    i = 0
    for verb in VERBS:
        for obj in OBJECTS:
            for domain in DOMAINS:
                if i >= count:
                    break
                skills.append(
                    {
                        "id": f"s{i}",
                        "name": f"{verb} {obj}",
                        "tags": [obj.split()[0]],
                        "description": f"{verb}s {obj} {domain}, with a report of what changed.",
                    }
                )
                i += 1
    for n in range(0, len(skills), per_card):
        cards.append(
            {
                "name": f"Generated Agent {n // per_card}",
                "description": "A generated agent.",
                "url": "https://agents.example/gen",
                "version": "1.0.0",
                "protocolVersion": "0.3.0",
                "capabilities": {},
                "defaultInputModes": ["text/plain"],
                "defaultOutputModes": ["text/plain"],
                "skills": skills[n : n + per_card],
            }
        )
    return cards


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, int(round(0.99 * (len(ordered) - 1))))]


def main() -> None:
    total = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    home = tempfile.mkdtemp(prefix="nexus-bench-")
    os.environ["HDR_HOME"] = home
    os.environ["HDR_MEMORY_URL"] = "http://127.0.0.1:9"
    from servers.nexus.cards import parse_card
    from servers.nexus.marketplace import Marketplace
    from shared.suite import Suite

    market = Marketplace(Suite(), core_cards=Path(home) / "no-core-cards")
    raw = labelled.cards() + synthetic_cards(total - len(labelled.SKILLS))
    for card in raw[: len(labelled.cards())]:  # the labelled agents' skills carry their card examples
        for skill in card["skills"]:
            skill["examples"] = labelled.EXAMPLES[(card["name"], skill["id"])]
    skills = sum(len(c["skills"]) for c in raw)
    market.suite.embedder.embed(["warm up the model"])

    t0 = time.perf_counter()
    cards = [parse_card(c) for c in raw]
    market.registry.register_many([(c.default_agent_id, c) for c in cards], "sandbox")
    t1 = time.perf_counter()
    market.registry.embed_missing(market.suite.embedder.embed)
    t2 = time.perf_counter()
    market.index.snapshot()
    t3 = time.perf_counter()
    print(
        f"registered {skills} skills in {len(cards)} cards: validate+store {skills / (t1 - t0):,.0f} skills/s, "
        f"embedding {skills / (t2 - t1):,.0f} skills/s, overall {skills / (t2 - t0):,.0f} skills/s; "
        f"index load {1000 * (t3 - t2):.0f} ms"
    )

    queries = labelled.queries()
    for query, _ in queries[:20]:  # warm caches (stemmer, allocator)
        market.discover(query)
    nexus_ms, hits1 = [], 0
    for query, expected in queries:
        start = time.perf_counter()
        hits = market.discover(query, k=5)
        nexus_ms.append(1000 * (time.perf_counter() - start))
        hits1 += (hits[0].agent_id, hits[0].skill_id) == expected

    import chromadb
    from chromadb.config import Settings

    snap = market.index.snapshot()
    client = chromadb.EphemeralClient(settings=Settings(anonymized_telemetry=False))
    collection = client.create_collection("bench", embedding_function=None, metadata={"hnsw:space": "cosine"})
    for start in range(0, len(snap.skill_ids), 5000):
        end = start + 5000
        collection.add(
            ids=[
                f"{a}/{s}" for a, s in zip(snap.agent_ids[start:end], snap.skill_ids[start:end], strict=True)
            ],
            embeddings=snap.matrix[start:end].tolist(),
        )
    embed = market.suite.embedder.embed
    for query, _ in queries[:20]:
        collection.query(query_embeddings=[embed([query])[0].tolist()], n_results=5)
    chroma_ms = []
    for query, _ in queries:
        start = time.perf_counter()
        collection.query(query_embeddings=[embed([query])[0].tolist()], n_results=5)
        chroma_ms.append(1000 * (time.perf_counter() - start))

    n50, n99 = percentiles(nexus_ms)
    c50, c99 = percentiles(chroma_ms)
    print(f"{len(queries)} queries over {skills} skills, end to end in-process (query embedding included)")
    print(f"{'':<34}{'p50 ms':>8}{'p99 ms':>8}")
    print(f"{'nexus discover (fused, filters)':<34}{n50:>8.2f}{n99:>8.2f}")
    print(f"{'baseline: in-process Chroma HNSW':<34}{c50:>8.2f}{c99:>8.2f}")
    print(
        f"ratio nexus/baseline: p50 x{n50 / c50:.2f}, p99 x{n99 / c99:.2f}; goals p50 < 20 ms: "
        f"{'met' if n50 < 20 else 'NOT met'}, p99 < 60 ms: {'met' if n99 < 60 else 'NOT met'}"
    )
    print(f"recall@1 of the labelled queries among {skills} skills: {hits1 / len(queries):.3f}")


if __name__ == "__main__":
    main()
