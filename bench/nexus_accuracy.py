"""nexus discovery accuracy on the hand-labelled set (bench/nexus_discovery_set.py: skills, their card
examples in EXAMPLES, three user queries each): recall@1 and recall@5 of the baseline (plain cosine over the
same model's embeddings of the skill descriptions), lexical only (BM25), cosine over description + examples,
and nexus's fused ranking, side by side, on the
development split (each skill's first labelled query: the only queries weights were ever chosen on) and the
held-out split (each skill's other queries: never used to choose anything), with an exact McNemar test of
fused against the baseline on the held-out split.

    .venv/bin/python bench/nexus_accuracy.py           # the figures
    .venv/bin/python bench/nexus_accuracy.py --tune    # the weight grid, scored on the development split only

Runs on a throwaway HDR_HOME with the real embedding model; no network, no memory server.
"""

from __future__ import annotations

import itertools
import math
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import nexus_discovery_set as labelled  # noqa: E402


def cards_with_examples() -> list[dict]:
    cards = labelled.cards()
    for card in cards:
        for skill in card["skills"]:
            skill["examples"] = labelled.EXAMPLES[(card["name"], skill["id"])]
    return cards


def splits() -> dict[str, list[tuple[str, tuple[str, str]]]]:
    """dev: the first labelled query of every skill; held-out: all its other queries (the set's second one
    and its MORE, a third)."""
    from servers.nexus.cards import default_agent_id

    dev, held_out = [], []
    for agent, skill_id, *_, queries in labelled.SKILLS:
        target = (default_agent_id(agent), skill_id)
        dev.append((queries[0], target))
        held_out += [(q, target) for q in [*queries[1:], labelled.MORE[(agent, skill_id)]]]
    return {"dev": dev, "held-out": held_out}


def hits(market, queries, mode: str) -> list[tuple[bool, bool]]:
    out = []
    for query, expected in queries:
        found = [(h.agent_id, h.skill_id) for h in market.index.search(query, k=5, mode=mode)]
        out.append((bool(found) and found[0] == expected, expected in found))
    return out


def recall(results: list[tuple[bool, bool]]) -> tuple[float, float]:
    return sum(a for a, _ in results) / len(results), sum(b for _, b in results) / len(results)


def mcnemar_exact(a: list[bool], b: list[bool]) -> tuple[int, int, float]:
    """(b right where a wrong, a right where b wrong, two-sided exact p)."""
    gained = sum(1 for x, y in zip(a, b, strict=True) if y and not x)
    lost = sum(1 for x, y in zip(a, b, strict=True) if x and not y)
    n = gained + lost
    if n == 0:
        return gained, lost, 1.0
    tail = sum(math.comb(n, i) for i in range(min(gained, lost) + 1)) / 2**n
    return gained, lost, min(1.0, 2 * tail)


def market_for_bench():
    home = tempfile.mkdtemp(prefix="nexus-bench-")
    os.environ["HDR_HOME"] = home
    os.environ["HDR_MEMORY_URL"] = "http://127.0.0.1:9"
    from servers.nexus.marketplace import Marketplace
    from shared.suite import Suite

    market = Marketplace(Suite(), core_cards=Path(home) / "no-core-cards")
    for card in cards_with_examples():
        market.register(card, "sandbox")
    return market


def tune(market) -> None:
    """Score a grid of weights on the development split only; the best (recall@1 + recall@5) is what
    servers/nexus/discovery.py uses."""
    from servers.nexus import discovery

    dev = splits()["dev"]
    scored = []
    for description, text in itertools.product((0.0, 0.2, 0.3, 0.4, 0.5), (0.0, 0.3, 0.5)):
        example = round(1 - description - text, 2)
        if example < 0:
            continue
        for lexical in (0.0, 0.05, 0.1, 0.2):
            discovery.DESCRIPTION_WEIGHT, discovery.TEXT_WEIGHT = description, text
            discovery.EXAMPLE_WEIGHT, discovery.LEXICAL_WEIGHT = example, lexical
            market.index.invalidate()
            at1, at5 = recall(hits(market, dev, "fused"))
            scored.append((at1 + at5, at1, at5, (description, text, example, lexical)))
    print("dev split only; weights (description, text, example, lexical):")
    for total, at1, at5, weights in sorted(scored, reverse=True)[:10]:
        print(f"  {weights}  recall@1 {at1:.3f}  recall@5 {at5:.3f}  sum {total:.3f}")


def main() -> None:
    market = market_for_bench()
    if "--tune" in sys.argv:
        tune(market)
        return
    parts = splits()
    print(
        f"{len(labelled.SKILLS)} skills, {len(labelled.cards())} agents; queries: "
        + ", ".join(f"{name} {len(qs)}" for name, qs in parts.items())
    )
    print(f"{'split':<10}{'ranking':<34}{'recall@1':>10}{'recall@5':>10}")
    names = {
        "embedding": "baseline: cosine over descriptions",
        "lexical": "lexical only (BM25)",
        "text": "cosine over description+examples",
        "fused": "nexus fused",
    }
    for split, queries in parts.items():
        results = {mode: hits(market, queries, mode) for mode in ("embedding", "lexical", "text", "fused")}
        for mode, found in results.items():
            at1, at5 = recall(found)
            print(f"{split:<10}{names[mode]:<34}{at1:>10.3f}{at5:>10.3f}")
        (b1, b5), (f1, f5) = recall(results["embedding"]), recall(results["fused"])
        print(
            f"{split:<10}{'fused - baseline (points)':<34}{100 * (f1 - b1):>+10.1f}{100 * (f5 - b5):>+10.1f}"
        )
        for k, label in ((0, "@1"), (1, "@5")):
            gained, lost, p = mcnemar_exact(
                [r[k] for r in results["embedding"]], [r[k] for r in results["fused"]]
            )
            print(
                f"{split:<10}McNemar recall{label}: fused right/baseline wrong {gained}, "
                f"the reverse {lost}, exact two-sided p = {p:.2g}"
            )


if __name__ == "__main__":
    main()
