"""The dashboard in a real headless Chromium (Debian's, driven by Playwright): it loads, its numbers
match the JSON API behind it, a tool call made elsewhere shows on it within 2 s, and a screenshot
is kept under test-artifacts/."""

from __future__ import annotations

from pathlib import Path

import httpx
from gateway_support import MANIFEST, client, serve
from helpers import ARTIFACTS, CHROMIUM_FLAGS

from servers.gateway import create_app
from servers.registry import SERVER_NAMES


def _usd(n: float) -> str:
    return f"${n:,.2f}"


async def test_dashboard_shows_the_api_numbers_and_a_new_call_within_2_s(
    suite, chromium_path: str, tmp_path: Path
) -> None:
    from playwright.async_api import async_playwright

    with serve(create_app()) as base:
        # real activity on four servers, so every panel has something to show
        async with client(f"{base}/forge/mcp") as forge:
            assert not (await forge.call_tool("analyze", {})).is_error
        async with client(f"{base}/compliance/mcp") as compliance:
            assert not (
                await compliance.call_tool("check", {"target": MANIFEST, "framework": "pss-restricted"})
            ).is_error
        async with client(f"{base}/phantom/mcp") as phantom:
            assert not (
                await phantom.call_tool("encrypt", {"plaintext": "quarterly report", "key": "reports"})
            ).is_error
            assert not (await phantom.call_tool("remember", {"text": "the report was encrypted"})).is_error

        async with async_playwright() as pw:
            browser = await pw.chromium.launch_persistent_context(
                str(tmp_path / "chromium-profile"),
                executable_path=chromium_path,
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": 1280, "height": 1100},
            )
            try:
                page = await browser.new_page()
                await page.goto(base + "/")
                await page.wait_for_function(
                    "document.body.dataset.generatedAt !== undefined", timeout=15_000
                )
                api = httpx.get(f"{base}/api/status").json()

                chips = page.locator("#servers li")
                assert await chips.count() == len(SERVER_NAMES)
                for name in SERVER_NAMES:
                    assert (
                        await page.get_attribute(f'#servers li[data-server="{name}"]', "data-healthy")
                        == "true"
                    )
                assert await page.text_content("#forge-savings") == _usd(api["forge"]["monthly_savings_usd"])
                assert await page.text_content("#forge-applied") == _usd(
                    api["forge"]["applied_monthly_savings_usd"]
                )
                assert await page.text_content("#forge-open") == str(api["forge"]["open_proposals"])
                assert api["forge"]["open_proposals"] >= 1  # analyze stored a proposal
                assert await page.text_content("#nexus-agents") == str(api["nexus"]["agents"])
                assert await page.text_content("#memory-entries") == str(api["memory"]["entries"])
                entries = api["memory"]["entries"]
                assert entries >= 2  # the remember call and compliance's recorded verdict
                frameworks = await page.locator("#compliance tr td:first-child").all_text_contents()
                assert frameworks == list(api["compliance"]["frameworks"]) == ["pss-restricted"]
                assert await page.text_content("#compliance tr td:nth-child(2)") == "fail"
                keys = await page.locator("#phantom-keys tr td:first-child").all_text_contents()
                assert "reports" in keys and keys == [k["name"] for k in api["phantom"]["keys"]]
                seqs = await page.locator("#audit tr td:first-child").all_text_contents()
                assert seqs == [str(r["seq"]) for r in api["audit"]["recent"]]
                chain = await page.text_content("#audit-chain")
                assert chain == f"chain verified · {api['audit']['chain']['records']} records"

                # an action elsewhere: an agent calls a tool over MCP; the page shows it within 2 s
                top = int(seqs[0])
                async with client(f"{base}/nexus/mcp") as nexus:
                    done = await nexus.call_tool(
                        "remember", {"text": "handoff of checkout-api to the SRE agent"}
                    )
                    assert not done.is_error
                await page.wait_for_function(
                    f"(() => {{ const c = document.querySelector('#audit tr td:first-child');"
                    f" return c && Number(c.textContent) === {top + 1}; }})()",
                    timeout=2_000,
                )
                assert await page.text_content("#audit tr td:nth-child(3)") == "nexus"
                await page.wait_for_function(
                    f"document.getElementById('memory-entries').textContent === '{entries + 1}'",
                    timeout=2_000,
                )
                ARTIFACTS.mkdir(exist_ok=True)
                await page.screenshot(path=str(ARTIFACTS / "dashboard.png"), full_page=True)
            finally:
                await browser.close()
