"""The dashboard's traffic charts and call feed in a real headless Chromium at three widths (phone,
tablet, desktop): every element visible, nothing clipped or overflowing the page, the numbers equal
to the JSON API's, the feed's filters showing what the API says they should; a screenshot per
width under test-artifacts/ whose size is checked."""

from __future__ import annotations

import struct
from pathlib import Path

import httpx
from gateway_support import MANIFEST, client, serve
from helpers import ARTIFACTS, CHROMIUM_FLAGS

from servers.gateway import create_app
from servers.registry import SERVER_NAMES

WIDTHS = [375, 800, 1280]
ERRORS = {"error", "protocol_error", "http_error"}


def _png_size(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


async def test_charts_and_feed_at_three_widths(offline_suite, chromium_path: str, tmp_path: Path) -> None:
    from playwright.async_api import async_playwright

    with serve(create_app()) as base:
        async with client(f"{base}/forge/mcp") as forge:
            assert not (await forge.call_tool("analyze", {})).is_error
        async with client(f"{base}/compliance/mcp") as compliance:
            checked = await compliance.call_tool("check", {"target": MANIFEST, "framework": "pss-baseline"})
            attested = await compliance.call_tool("attest", {"result_id": checked.structured_content["id"]})
            assert not attested.is_error, attested.content[0].text
        async with client(f"{base}/phantom/mcp") as phantom:
            assert not (
                await phantom.call_tool("encrypt", {"plaintext": "report", "key": "reports"})
            ).is_error
            assert (await phantom.call_tool("decrypt", {"ciphertext": "not a ciphertext"})).is_error

        async with async_playwright() as pw:
            browser = await pw.chromium.launch_persistent_context(
                str(tmp_path / "profile"),
                executable_path=chromium_path,
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": WIDTHS[0], "height": 900},
            )
            try:
                page = await browser.new_page()
                for width in WIDTHS:
                    await page.set_viewport_size({"width": width, "height": 900})
                    await page.goto(base + "/")
                    await page.wait_for_function(
                        "document.querySelectorAll('#traffic .panel').length > 0", timeout=15_000
                    )
                    api = httpx.get(f"{base}/api/status").json()
                    traffic, calls = api["traffic"], api["calls"]

                    # one look at the whole section (it is redrawn every second, so no handles kept across)
                    seen = await page.evaluate("""() => [...document.querySelectorAll('#traffic .panel')].map(p => ({
                        server: p.dataset.server, calls: p.querySelector('.totals').dataset.calls,
                        errors: p.querySelector('.totals').dataset.errors, lines: p.querySelectorAll('polyline').length,
                        charts: [...p.querySelectorAll('svg')].map(s => {
                          const r = s.getBoundingClientRect(); return [r.width, r.height]; })}))""")
                    assert [p["server"] for p in seen] == list(SERVER_NAMES)
                    for p in seen:
                        points = traffic["servers"][p["server"]]
                        assert p["calls"] == str(round(sum(points["calls_per_s"]) * traffic["step_s"]))
                        assert p["errors"] == str(round(sum(points["errors_per_s"]) * traffic["step_s"]))
                        assert p["lines"] == 4 and len(p["charts"]) == 2
                        assert all(w > 100 and h > 40 for w, h in p["charts"]), p
                    errors_seen = int(
                        await page.get_attribute(
                            '#traffic .panel[data-server="phantom"] .totals', "data-errors"
                        )
                    )
                    assert errors_seen >= 1  # the failed decrypt

                    rows = page.locator("#calls tr")
                    assert await rows.count() == len(calls) and len(calls) >= 5
                    assert await page.text_content("#calls tr td:nth-child(3)") == calls[0]["tool"]
                    # unauthenticated calls are the operator's (shared/ownership.py)
                    assert (
                        await page.text_content("#calls tr td:nth-child(4)")
                        == calls[0]["caller"]
                        == "operator"
                    )
                    await page.select_option("#filter-server", "phantom")
                    assert await rows.count() == sum(c["server"] == "phantom" for c in calls)
                    await page.select_option("#filter-outcome", "errors")
                    expected = [c for c in calls if c["server"] == "phantom" and c["outcome"] in ERRORS]
                    assert await rows.count() == len(expected) >= 1
                    assert await page.text_content("#calls tr td:nth-child(3)") == expected[0]["tool"]
                    await page.select_option("#filter-server", "")
                    await page.select_option("#filter-outcome", "")
                    await page.fill("#filter-tool", "analy")
                    assert await rows.count() == sum("analy" in c["tool"] for c in calls)
                    await page.fill("#filter-tool", "")

                    overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                    assert overflow <= 0, f"the page is {overflow}px wider than a {width}px window"
                    attestation = page.locator("#compliance td.id").first
                    assert await attestation.is_visible()
                    assert await attestation.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), "clipped"
                    clipped = await page.evaluate(
                        "[...document.querySelectorAll('#traffic-card, #compliance, #calls')].filter("
                        "el => el.getBoundingClientRect().right > window.innerWidth + 1).map("
                        "el => el.id + ':' + Math.round(el.getBoundingClientRect().right))"
                    )
                    assert clipped == [], f"at {width}px: {clipped}"

                    ARTIFACTS.mkdir(exist_ok=True)
                    shot = ARTIFACTS / f"dashboard-{width}.png"
                    await page.screenshot(path=str(shot), full_page=True)
                    w, h = _png_size(shot)
                    assert w == width and h >= 900 and shot.stat().st_size > 20_000
            finally:
                await browser.close()


GHZ = (
    'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[2];\ncreg c[2];\nh q[0];\ncx q[0],q[1];\nmeasure q -> c;\n'
)
CARD = {
    "name": "Night Owl",
    "description": "Night Owl, an agent for tests",
    "url": "https://agents.example/a2a",
    "version": "1.0.0",
    "protocolVersion": "0.3.0",
    "capabilities": {"streaming": False},
    "defaultInputModes": ["text/plain"],
    "defaultOutputModes": ["text/plain"],
    "skills": [
        {
            "id": "watch",
            "name": "Watch batch jobs",
            "tags": ["batch"],
            "description": "Watches the nightly batch jobs and reports.",
        }
    ],
}


async def test_history_panels_show_what_the_api_says(
    offline_suite,
    chromium_path: str,
    tmp_path: Path,
) -> None:
    from playwright.async_api import async_playwright

    with serve(create_app()) as base:
        async with client(f"{base}/forge/mcp") as forge:
            proposal = (await forge.call_tool("analyze", {})).structured_content["proposal_id"]
            applied = await forge.call_tool(
                "optimize", {"proposal_id": proposal, "dry_run": False, "confirm": True}
            )
            assert not applied.is_error, applied.content[0].text
        async with client(f"{base}/compliance/mcp") as compliance:
            for framework in ("pss-restricted", "pss-baseline", "pss-restricted"):
                assert not (
                    await compliance.call_tool("check", {"target": MANIFEST, "framework": framework})
                ).is_error
        async with client(f"{base}/nexus/mcp") as nexus:
            assert not (await nexus.call_tool("register", {"card": CARD})).is_error
            for task in ("watch tonight's batch", "watch tomorrow's batch"):
                made = await nexus.call_tool(
                    "handoff", {"to_agent": "night-owl", "task": task, "from_agent": "planner"}
                )
                assert not made.is_error, made.content[0].text
        async with client(f"{base}/hardware/mcp") as hardware:
            job = await hardware.call_tool("submit_circuit", {"qasm": GHZ, "shots": 64})
            assert not job.is_error, job.content[0].text

        async with async_playwright() as pw:
            browser = await pw.chromium.launch_persistent_context(
                str(tmp_path / "profile"),
                executable_path=chromium_path,
                headless=True,
                args=CHROMIUM_FLAGS,
                viewport={"width": 1280, "height": 900},
            )
            try:
                page = await browser.new_page()
                for width in (1280, 375):
                    await page.set_viewport_size({"width": width, "height": 900})
                    await page.goto(base + "/")
                    await page.wait_for_function(
                        "document.querySelectorAll('#verdicts .verdict-row').length > 0", timeout=15_000
                    )
                    history = httpx.get(f"{base}/api/status").json()["history"]
                    assert history["savings"] and history["savings"][-1][1] > 0
                    seen = await page.evaluate("""() => ({
                        now: document.getElementById('savings-now').textContent,
                        points: document.querySelector('#savings-chart svg')?.dataset.points,
                        verdicts: Object.fromEntries([...document.querySelectorAll('#verdicts .verdict-row')].map(
                          r => [r.dataset.framework, [...r.querySelectorAll('.dot')].map(d => d.dataset.verdict)])),
                        flows: [...document.querySelectorAll('#flows .flow')].map(
                          f => [f.dataset.from, f.dataset.to, Number(f.dataset.total)]),
                        jobs: [...document.querySelectorAll('#jobs tr td:first-child')].map(td => td.textContent),
                        overflow: document.documentElement.scrollWidth - window.innerWidth,
                        cards: ['savings-card', 'verdicts-card', 'flows-card', 'jobs-card'].map(id => {
                          const r = document.getElementById(id).getBoundingClientRect();
                          return r.width > 0 && r.height > 0 && r.right <= window.innerWidth + 1; })})""")
                    assert seen["now"] == f"${history['savings'][-1][1]:,.2f}"
                    assert seen["points"] == str(len(history["savings"]))
                    assert seen["verdicts"] == {
                        f: [v for _, v in points] for f, points in history["compliance"].items()
                    }
                    assert (
                        seen["verdicts"]["pss-restricted"] == ["fail", "fail"]
                        and seen["verdicts"]["pss-baseline"]
                    )
                    assert seen["flows"] == [[f["from"], f["to"], f["total"]] for f in history["handoffs"]]
                    assert ["planner", "night-owl", 2] in seen["flows"]
                    assert seen["jobs"] == [j["id"] for j in history["jobs"]] and len(seen["jobs"]) == 1
                    assert seen["overflow"] <= 0 and all(seen["cards"]), seen
                    ARTIFACTS.mkdir(exist_ok=True)
                    await page.screenshot(
                        path=str(ARTIFACTS / f"dashboard-history-{width}.png"), full_page=True
                    )
            finally:
                await browser.close()
