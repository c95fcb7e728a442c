"""The dashboard's call feed names the caller: the principal a token authenticated as
(`static:<name>`), `operator` for unauthenticated calls; and its satellite-plans panel shows the plans
hardware made, with who asked and the plan's figures. Checked in the JSON API and in a real headless
Chromium after logging in with a token, behind the real gateway with two static tokens."""

from __future__ import annotations

from pathlib import Path

import httpx
from gateway_support import client, serve
from helpers import CHROMIUM_FLAGS as FLAGS
from helpers import free_port

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import SUITE_READ, hash_token
from servers.gateway.settings import StaticToken


async def test_the_feed_names_who_called(offline_suite, chromium_path: str, tmp_path: Path) -> None:  # noqa: F811
    from playwright.async_api import async_playwright

    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("ci", hash_token("hdr_ci_token"), ("forge:read", "forge:write", "hardware:read")),
            StaticToken("watcher", hash_token("hdr_watcher_token"), (SUITE_READ,)),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        async with client(f"{base}/forge/mcp", "hdr_ci_token") as forge:
            assert not (await forge.call_tool("snapshots", {})).is_error
        async with client(f"{base}/hardware/mcp", "hdr_ci_token") as hardware:
            planned = await hardware.call_tool(
                "handoff_satellite", {"latitude": 52.2049, "longitude": 0.1218, "duration_s": 600}
            )
            assert not planned.is_error, planned.content[0].text
            again = await hardware.call_tool(
                "handoff_satellite",
                {"latitude": 52.2049, "longitude": 0.1218, "duration_s": 600, "offset": 5},
            )
            assert not again.is_error  # a further page of the same plan is not a new plan
        status = httpx.get(f"{base}/api/status", headers={"Authorization": "Bearer hdr_watcher_token"}).json()
        calls, plans = status["calls"], status["history"]["plans"]
        plan = planned.structured_content
        assert len(plans) == 1 and plans[0]["caller"] == "static:ci"
        assert (plans[0]["latitude"], plans[0]["longitude"]) == (52.2, 0.1)  # rounded: ~10 km, not a street
        assert plans[0]["handoffs"] == plan["handoffs"] and plans[0]["intervals"] == plan["intervals_total"]
        assert calls[-1]["tool"] == "snapshots" and calls[-1]["caller"] == "static:ci"
        assert calls[0]["tool"] == "handoff_satellite" and calls[0]["caller"] == "static:ci"
        assert "hdr_ci_token" not in str(calls)

        async with async_playwright() as pw:
            browser = await pw.chromium.launch_persistent_context(
                str(tmp_path / "profile"), executable_path=chromium_path, headless=True, args=FLAGS
            )
            try:
                page = await browser.new_page()
                await page.goto(base + "/")
                await page.wait_for_selector("#login:not([hidden])", timeout=15_000)
                await page.fill("#token", "hdr_watcher_token")
                await page.press("#token", "Enter")
                await page.wait_for_function(
                    "(() => { const c = document.querySelector('#calls tr td:nth-child(4)');"
                    " return c && c.textContent === 'static:ci'; })()",
                    timeout=15_000,
                )
                assert await page.text_content("#calls tr td:nth-child(3)") == "handoff_satellite"
                assert await page.locator("#plans tr").count() == 1
                shown = await page.locator("#plans tr td").all_text_contents()
                assert shown[1:4] == ["static:ci", "52.2, 0.1 (synthetic)", str(plan["handoffs"])]
                assert shown[4] == f"{round(plan['coverage_fraction'] * 1000) / 10:g}%"
                assert await page.locator("#plans-card").is_visible()
            finally:
                await browser.close()
