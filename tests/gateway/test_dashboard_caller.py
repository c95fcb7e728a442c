"""The dashboard's call feed names the caller: the principal a token authenticated as
(`static:<name>`), `operator` for unauthenticated calls. Checked in the JSON API and in a real headless
Chromium after logging in with the token, behind the real gateway with two static tokens."""

from __future__ import annotations

from pathlib import Path

import httpx
from conftest import free_port
from gateway_support import client, serve
from test_dashboard_chromium import FLAGS, chromium_path  # noqa: F401 - the fixture

from servers.gateway import GatewaySettings, create_app
from servers.gateway.auth import SUITE_READ, hash_token
from servers.gateway.settings import StaticToken


async def test_the_feed_names_who_called(offline_suite, chromium_path: str, tmp_path: Path) -> None:  # noqa: F811
    from playwright.async_api import async_playwright

    port = free_port()
    settings = GatewaySettings(
        port=port,
        tokens=(
            StaticToken("ci", hash_token("hdr_ci_token"), ("forge:read", "forge:write")),
            StaticToken("watcher", hash_token("hdr_watcher_token"), (SUITE_READ,)),
        ),
    )
    with serve(create_app(settings=settings), port=port) as base:
        async with client(f"{base}/forge/mcp", "hdr_ci_token") as forge:
            assert not (await forge.call_tool("snapshots", {})).is_error
        calls = httpx.get(f"{base}/api/status", headers={"Authorization": "Bearer hdr_watcher_token"}).json()[
            "calls"
        ]
        assert calls[0]["tool"] == "snapshots" and calls[0]["caller"] == "static:ci"
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
                assert await page.text_content("#calls tr td:nth-child(3)") == "snapshots"
            finally:
                await browser.close()
