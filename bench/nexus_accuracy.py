"""nexus discovery accuracy on the hand-labelled set (bench/nexus_discovery_set.py): recall@1 and
recall@5 for embedding-only, lexical-only (BM25) and the fused ranking, side by side.

    .venv/bin/python bench/nexus_accuracy.py

Runs on a throwaway HDR_HOME with the real embedding model; no network, no memory server.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nexus_discovery_set as labelled  # noqa: E402


def main() -> None:
    home = tempfile.mkdtemp(prefix="nexus-bench-")
    os.environ["HDR_HOME"] = home
    os.environ["HDR_MEMORY_URL"] = "http://127.0.0.1:9"
    from servers.nexus.marketplace import Marketplace
    from shared.suite import Suite

    market = Marketplace(Suite(), core_cards=Path(home) / "no-core-cards")
    for card in labelled.cards():
        market.register(card, "sandbox")
    queries = labelled.queries()
    print(f"{len(labelled.SKILLS)} skills, {len(queries)} queries, {len(labelled.cards())} agents")
    print(f"{'ranking':<12}{'recall@1':>10}{'recall@5':>10}")
    results = {}
    for mode in ("embedding", "lexical", "fused"):
        at1 = at5 = 0
        for query, expected in queries:
            hits = [(h.agent_id, h.skill_id) for h in market.index.search(query, k=5, mode=mode)]
            at1 += bool(hits) and hits[0] == expected
            at5 += expected in hits
        results[mode] = (at1 / len(queries), at5 / len(queries))
        print(f"{mode:<12}{results[mode][0]:>10.3f}{results[mode][1]:>10.3f}")
    base = results["embedding"]
    print(f"fused vs embedding-only: recall@1 x{results['fused'][0] / base[0]:.3f}, "
          f"recall@5 x{results['fused'][1] / base[1]:.3f}")


if __name__ == "__main__":
    main()
