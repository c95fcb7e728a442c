"""`tle_file` from an attacker's side: it reads only under the allowed roots (shared.files), every
refusal has one text whatever the path is (missing, outside, a link out, a directory, a FIFO), nothing
about a refused file is echoed, sizes are checked before reading, and satellite searches are bounded
before work starts. Strict arguments: a misspelt `tle_path` is an error, not a silent default."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from helpers import SHARED_DIR, need_service
from mcp import Client

from servers.hardware.server import kit
from shared.files import REFUSAL
from shared.suite import Suite

STARLINK = SHARED_DIR / "data" / "starlink-2026-02-23.tle"
WHERE = {"latitude": 47.6, "longitude": -122.3, "time": "2026-02-23T12:00:00Z"}
CANARY = "hdrcanary51c2"


@pytest.fixture
def layout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    need_service(
        "Starlink TLE file", STARLINK.exists(), f"{STARLINK} is missing (it ships in ../shared/data)"
    )
    root = tmp_path / "root"
    root.mkdir()
    shutil.copy(STARLINK, root / "starlink.tle")
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "passwd"
    secret.write_text(f"root:x:0:0:{CANARY}:/root:/bin/bash\n")
    (root / "link-out.tle").symlink_to(secret)
    (root / "sub").mkdir()
    os.mkfifo(root / "fifo.tle")
    monkeypatch.setenv("HDR_FILE_ROOTS", str(root))
    monkeypatch.delenv("HDR_HARDWARE_TLE_FILE", raising=False)
    return {"root": root, "secret": secret, "outside": outside}


async def test_tle_file_reads_only_under_the_roots_with_one_refusal_for_everything_else(
    offline_suite: Suite, layout: dict[str, Path]
) -> None:
    root, secret = layout["root"], layout["secret"]
    probes = [
        str(secret),
        str(layout["outside"] / "missing.tle"),
        "/etc/passwd",
        "/etc/no-such-file",
        str(root / "link-out.tle"),
        "../outside/passwd",
        str(root / "sub"),
        str(root / "fifo.tle"),
        str(root / "missing.tle"),
        "/proc/self/environ",
    ]
    async with Client(kit.mcp) as client:
        ok = await client.call_tool("visible_satellites", WHERE | {"tle_file": "starlink.tle"})
        answers = {
            p: [
                await client.call_tool(tool, args | {"tle_file": p})
                for tool, args in (
                    ("visible_satellites", WHERE),
                    ("handoff_satellite", {"latitude": 47.6, "longitude": -122.3, "duration_s": 600}),
                    (
                        "passes",
                        {"satellite": "44714", "latitude": 47.6, "longitude": -122.3, "duration_s": 600},
                    ),
                )
            ]
            for p in probes
        }
    assert not ok.is_error, ok.content[0].text
    assert ok.structured_content["data"]["source"] == "file:starlink.tle"  # no server path echoed
    texts = set()
    for path, results in answers.items():
        for result in results:
            text = result.content[0].text
            assert result.is_error and REFUSAL in text, (path, text)
            assert CANARY not in text and "root:x" not in text and path not in text
            texts.add(text.split(": ", 1)[1])  # after "Error executing tool <name>: "
    assert len(texts) == 1  # missing, outside, link out, directory, FIFO: indistinguishable


async def test_tle_file_size_is_checked_before_reading(offline_suite: Suite, layout: dict[str, Path]) -> None:
    big = layout["root"] / "huge.tle"
    with open(big, "wb") as f:
        f.truncate(25_000_000)  # sparse: nothing is written, and nothing should be read
    async with Client(kit.mcp) as client:
        result = await client.call_tool("visible_satellites", WHERE | {"tle_file": "huge.tle"})
    assert result.is_error and "at most 20 MB" in result.content[0].text


async def test_over_http_no_file_is_readable_unless_the_operator_configured_roots(
    offline_suite: Suite, layout: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    from shared.files import allowed_roots

    class HttpContext:  # what a request through the gateway looks like to shared.files
        headers = {"host": "127.0.0.1"}
        client_capabilities = None

    monkeypatch.delenv("HDR_FILE_ROOTS")
    assert allowed_roots(HttpContext()) == []


async def test_satellite_searches_are_bounded_before_work_starts(
    offline_suite: Suite, layout: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_MAX_SAT_STEPS", "1000000")
    async with Client(kit.mcp) as client:
        capped = await client.call_tool(
            "handoff_satellite",
            {
                "latitude": 47.6,
                "longitude": -122.3,
                "start": "2026-02-23T12:00:00Z",
                "duration_s": 3600,
                "tle_file": "starlink.tle",
            },
        )
        small = await client.call_tool(
            "handoff_satellite",
            {
                "latitude": 47.6,
                "longitude": -122.3,
                "start": "2026-02-23T12:00:00Z",
                "duration_s": 60,
                "tle_file": "starlink.tle",
            },
        )
    assert capped.is_error and "the cap is 1,000,000" in capped.content[0].text
    assert not small.is_error, small.content[0].text


async def test_a_misspelt_argument_is_an_error_not_a_silent_default(
    offline_suite: Suite, layout: dict[str, Path]
) -> None:
    async with Client(kit.mcp) as client:
        result = await client.call_tool("visible_satellites", WHERE | {"tle_path": "starlink.tle"})
    text = result.content[0].text
    assert result.is_error and "tle_path" in text and "tle_file" in text, text
