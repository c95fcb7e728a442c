"""phantom's toolsets, prompts and resources (the mechanisms: shared/toolsets.py, shared/prompts.py)."""

from __future__ import annotations

from collections.abc import Iterable

from shared.prompts import extras
from shared.result_text import keep_verbatim
from shared.tools import ToolKit
from shared.toolsets import declare


def register(kit: ToolKit) -> None:
    declare(
        kit,
        {
            "crypto": ["encrypt", "decrypt", "keys", "rotate_key"],
            "pii": ["detect_pii", "redact", "detokenize"],
            "keyadmin": ["rewrap", "configure_key", "datakey", "destroy_key"],
            "sealing": ["seal", "unseal", "public_key"],
            "privacy": ["private_aggregate", "budgets"],
            "signing": ["sign", "verify", "export_key"],
        },
        default=["crypto", "pii", "memory"],
    )
    # Their output is data the caller copies (ciphertexts, plaintexts, signatures, keys, a redacted
    # document): a text-only client must get it whole, never a summary (shared/result_text.py).
    keep_verbatim(
        kit,
        ["encrypt", "decrypt", "rewrap", "sign", "datakey", "seal", "unseal", "public_key"]
        + ["export_key", "redact", "detokenize"],
    )
    ex = extras(kit)

    def key_names(prefix: str) -> Iterable[str]:
        return [k.name for k in kit.tools["keys"]().keys if not getattr(k, "destroyed", False)]

    @ex.prompt(title="Share a report safely", complete={"key": key_names})
    def share_report_safely(report: str, key: str = "default") -> str:
        """Find and redact personal data in a report, then encrypt it, before it leaves your hands."""
        return (
            "Prepare this report for sharing with phantom:\n\n"
            f"{report}\n\n"
            "1. Call `detect_pii` on it and list what kinds of personal data it holds (not the values).\n"
            "2. Call `redact` (mode `token` so authorised readers can `detokenize`) and show me the redacted text.\n"
            f"3. Call `encrypt` on the redacted text with key {key!r} and give me the ciphertext and key version.\n"
            "Never repeat the original values in your answer."
        )

    ex.resource_from_tool(
        "phantom://keys",
        "keys",
        title="Encryption keys",
        description="Key names, versions, rotation ages and state; never key material",
    )
    ex.resource_from_tool(
        "phantom://budgets",
        "budgets",
        title="Privacy budgets",
        description="Differential-privacy budgets: epsilon spent and left per dataset",
    )
