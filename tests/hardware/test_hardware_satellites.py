"""Satellite handoff: geometry against skyfield, the fast search against brute force, the plan's
policies, TLE sources (a real TLE file, a local CelesTrak stand-in over HTTP, the synthetic shell),
and bad input — through the domain and through a real MCP client."""

from __future__ import annotations

import json
import threading
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import numpy as np
import pytest
from helpers import SHARED_DIR, need_service
from mcp import Client

from servers.hardware import handoff, orbits, tle
from servers.hardware.server import kit
from shared.suite import Suite

STARLINK = SHARED_DIR / "data" / "starlink-2026-02-23.tle"
NEAR_EPOCH = "2026-02-23T12:00:00Z"
SEATTLE = (47.6, -122.3, 50.0)


@pytest.fixture
def starlink_file() -> Path:
    need_service(
        "Starlink TLE file", STARLINK.exists(), f"{STARLINK} is missing (it ships in ../shared/data)"
    )
    return STARLINK


def test_elevation_and_azimuth_match_skyfield_within_a_tenth_of_a_degree(starlink_file: Path) -> None:
    from skyfield.api import EarthSatellite, load, wgs84

    ts = load.timescale(builtin=True)
    const = tle.from_file(starlink_file, "starlink")
    triples = tle.parse_tle_text(starlink_file.read_text())
    observer = orbits.Observer(*SEATTLE)
    topos = wgs84.latlon(SEATTLE[0], SEATTLE[1], elevation_m=SEATTLE[2])
    start = datetime(2026, 2, 23, 12, tzinfo=UTC)
    grid = orbits.TimeGrid(start, 60.0, 120)
    seen = orbits.visible_brute(const, grid, observer, 0.0)
    rng = np.random.default_rng(7)
    picks = rng.choice(len(seen.step), size=60, replace=False)
    compared = 0
    for i in picks:
        k, s = int(seen.step[i]), int(seen.sat[i])
        name, l1, l2 = triples[s]
        assert const.names[s] == name
        when = start + timedelta(seconds=k * grid.step_s)
        alt, az, _ = (EarthSatellite(l1, l2, name, ts) - topos).at(ts.from_datetime(when)).altaz()
        assert abs(seen.elevation[i] - alt.degrees) < 0.1
        if alt.degrees < 85:  # azimuth is ill-defined at the zenith
            assert abs((seen.azimuth[i] - az.degrees + 180) % 360 - 180) < 0.1
            compared += 1
    assert compared > 30


def test_fast_search_finds_exactly_what_brute_force_finds(starlink_file: Path) -> None:
    const = tle.from_file(starlink_file, "starlink")
    observer = orbits.Observer(-33.9, 18.4, 0.0)
    grid = orbits.TimeGrid(datetime(2026, 2, 23, 3, tzinfo=UTC), 15.0, 480)  # two hours
    fast = orbits.visible_fast(const, grid, observer, 25.0)
    brute = orbits.visible_brute(const, grid, observer, 25.0)
    assert len(brute.step) > 1000
    assert np.array_equal(fast.step, brute.step) and np.array_equal(fast.sat, brute.sat)
    # the same arithmetic on the same positions: equal to the last bit, not just close
    assert np.array_equal(fast.elevation, brute.elevation) and np.array_equal(fast.azimuth, brute.azimuth)
    assert fast.propagations < brute.propagations / 4


def test_the_public_sgp4_call_gives_the_same_plan_as_the_fast_one(
    starlink_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The handoff search writes positions straight into one array through sgp4's non-public `Satrec._sgp4`; should a
    release drop it, the public `sgp4_array` takes over with the same figures."""
    const = tle.from_file(starlink_file, "starlink")
    observer = orbits.Observer(-33.9, 18.4, 0.0)
    grid = orbits.TimeGrid(datetime(2026, 2, 23, 3, tzinfo=UTC), 15.0, 240)
    assert orbits._sgp4_into() is not None  # this sgp4 has it
    fast = orbits.visible_fast(const, grid, observer, 25.0)
    monkeypatch.setattr(orbits, "_sgp4_into", lambda: None)
    public = orbits.visible_fast(const, grid, observer, 25.0)
    assert len(fast.step) > 500
    for name in ("step", "sat", "elevation", "azimuth"):
        assert np.array_equal(getattr(fast, name), getattr(public, name)), name


@pytest.mark.parametrize(
    ("where", "start", "step_s", "min_el"),
    [
        ((80.0, 0.0, 0.0), "2026-02-23T07:00:00", 7.0, 10.0),  # above the 53-degree shells: only polar planes
        (
            (0.0, 100.0, 0.0),
            "2026-02-22T19:00:00",
            45.0,
            40.0,
        ),  # equator, coarse steps, a short last interval
        ((-54.8, -68.3, 2000.0), "2026-02-24T21:30:00", 15.0, 25.0),  # south, near the inclination limit
    ],
)
def test_fast_search_matches_brute_force_elsewhere(
    starlink_file: Path, where: tuple, start: str, step_s: float, min_el: float
) -> None:
    const = tle.from_file(starlink_file, "starlink")
    observer = orbits.Observer(*where)
    grid = orbits.TimeGrid(datetime.fromisoformat(start).replace(tzinfo=UTC), step_s, int(3700 // step_s))
    fast = orbits.visible_fast(const, grid, observer, min_el)
    brute = orbits.visible_brute(const, grid, observer, min_el)
    assert len(brute.step) > 100
    for name in ("step", "sat", "elevation", "azimuth", "range_km"):
        assert np.array_equal(getattr(fast, name), getattr(brute, name)), name


def test_fast_search_on_polar_and_eccentric_orbits() -> None:
    """The synthetic polar shell, plus orbits the window bound does not cover (eccentric, or
    failing SGP4 partway), which the search keeps whole: still exactly brute force."""
    from sgp4.api import WGS72, Satrec

    shell = tle.walker_delta("iridium", datetime(2026, 2, 23, tzinfo=UTC))
    extra = []
    epoch = (datetime(2026, 2, 23, tzinfo=UTC) - datetime(1949, 12, 31, tzinfo=UTC)).days
    for ecc, n_rad_min, bstar in ((0.12, 0.058, 0.0), (0.0005, 0.07, 0.2)):  # eccentric; decays ~75 min in
        rec = Satrec()
        rec.sgp4init(
            WGS72, "i", 99000 + len(extra), epoch, bstar, 0.0, 0.0, ecc, 1.0, 0.9, 0.5, n_rad_min, 1.0
        )
        extra.append(rec)
    const = tle.Constellation(
        name="iridium",
        source="test",
        synthetic=True,
        fetched_at=None,
        names=shell.names + ["ECC", "DECAY"],
        norad_ids=shell.norad_ids + [99000, 99001],
        satrecs=shell.satrecs + extra,
    )
    grid = orbits.TimeGrid(datetime(2026, 2, 23, 1, tzinfo=UTC), 10.0, 6 * 360)
    jd, _ = grid.jd_fr
    assert extra[1].sgp4_array(np.full(2, jd), grid.fr(np.array([0, grid.steps])))[0].tolist() == [0, 1]
    seen: set[int] = set()
    for where in ((0.0, 0.0, 0.0), (89.0, 30.0, 0.0), (-40.0, 170.0, 0.0), (5.0, 52.0, 0.0)):
        fast = orbits.visible_fast(const, grid, orbits.Observer(*where), 10.0)
        brute = orbits.visible_brute(const, grid, orbits.Observer(*where), 10.0)
        assert len(brute.step) > 0
        seen |= set(brute.sat.tolist())
        for name in ("step", "sat", "elevation", "azimuth", "range_km"):
            assert np.array_equal(getattr(fast, name), getattr(brute, name)), (where, name)
    assert {len(shell.names), len(shell.names) + 1} <= seen  # both odd orbits were seen from somewhere


def test_plans_follow_their_policies(starlink_file: Path, tmp_path: Path) -> None:
    seattle = handoff.Ground(tmp_path, *SEATTLE, tle_file=str(starlink_file))
    args = dict(start=NEAR_EPOCH, duration_s=3600, step_s=15)
    highest = handoff.plan(seattle, policy="max_elevation", **args)
    longest = handoff.plan(seattle, policy="longest_visible", **args)
    sticky = handoff.plan(seattle, policy="hysteresis", hysteresis_deg=15, **args)
    overhead = handoff.overhead(seattle, when=NEAR_EPOCH)
    # the highest satellite at the start is the one max_elevation serves first
    assert highest.intervals[0].satellite == overhead.satellites[0].satellite
    assert highest.intervals[0].start.elevation_deg == overhead.satellites[0].elevation_deg
    assert longest.handoffs < sticky.handoffs <= highest.handoffs
    for plan in (highest, longest, sticky):
        assert plan.handoffs == plan.intervals_total - 1 and len(plan.switch_times) == plan.handoffs
        assert all(iv.start.elevation_deg >= 25 and iv.end.elevation_deg >= 25 for iv in plan.intervals)
        assert plan.coverage_fraction == 1.0 and plan.gaps == []
        assert plan.data.synthetic is False and plan.data.satellites == 9543 and plan.data.warnings == []
    # longest_visible only switches when its satellite has set: at each switch it is no longer overhead
    for previous, switch in list(zip(longest.intervals, longest.switch_times, strict=False))[:5]:
        sky = handoff.overhead(seattle, when=switch)
        assert previous.satellite not in {v.satellite for v in sky.satellites}
        assert previous.end.elevation_deg < 30


def test_sparse_constellation_plan_reports_gaps(tmp_path: Path) -> None:
    plan = handoff.plan(
        handoff.Ground(tmp_path, 0.0, 0.0, constellation="iridium", source="synthetic", min_elevation_deg=40),
        start=NEAR_EPOCH,
        duration_s=7200,
    )
    assert plan.gaps and 0 < plan.coverage_fraction < 1
    covered = sum(1 for _ in plan.intervals)
    assert covered == plan.intervals_total
    assert plan.data.synthetic and "not real satellites" in plan.data.source


def test_stale_tles_are_used_with_a_warning_and_their_age(starlink_file: Path, tmp_path: Path) -> None:
    plan = handoff.plan(
        handoff.Ground(tmp_path, *SEATTLE, tle_file=str(starlink_file)),
        start="2026-04-01T00:00:00Z",
        duration_s=600,
    )
    assert plan.data.tle_epoch_offset_days > 30
    assert any("Stale TLEs" in w for w in plan.data.warnings)


def test_passes_rise_above_and_set_below_the_minimum_elevation(starlink_file: Path, tmp_path: Path) -> None:
    found = handoff.passes(
        handoff.Ground(tmp_path, *SEATTLE, min_elevation_deg=10, tle_file=str(starlink_file)),
        "44714",
        start=NEAR_EPOCH,
        duration_s=86400,
    )
    assert found.satellite == "STARLINK-1008" and found.passes
    const = tle.from_file(starlink_file, "starlink")
    observer = orbits.Observer(*SEATTLE)
    for p in found.passes:
        assert p.culmination.elevation_deg >= 10 and 0 < p.duration_s < 1200
        rise = datetime.fromisoformat(p.rise.replace("Z", "+00:00"))
        before = orbits.visible_brute(
            const, orbits.TimeGrid(rise - timedelta(seconds=10), 1, 0), observer, 10
        )
        after = orbits.visible_brute(const, orbits.TimeGrid(rise + timedelta(seconds=10), 1, 0), observer, 10)
        idx = const.find("44714")
        assert idx not in before.sat.tolist() and idx in after.sat.tolist()


class _CelesTrak(BaseHTTPRequestHandler):
    body = b""
    requests: list[str] = []

    redirect: str | None = None

    def do_GET(self) -> None:  # noqa: N802
        url = urlparse(self.path)
        query = parse_qs(url.query)
        type(self).requests.append(self.path)
        if type(self).redirect:
            self.send_response(302)
            self.send_header("Location", type(self).redirect)
            self.end_headers()
            return
        if (
            url.path != "/NORAD/elements/gp.php"
            or query.get("FORMAT") != ["tle"]
            or query.get("GROUP") != ["starlink"]
        ):
            self.send_error(404, "No GP data found")
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def celestrak(starlink_file: Path):
    _CelesTrak.body = starlink_file.read_bytes()
    _CelesTrak.requests = []
    _CelesTrak.redirect = None
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CelesTrak)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/NORAD/elements/gp.php"
    server.shutdown()
    server.server_close()


async def test_celestrak_group_is_downloaded_once_then_served_from_the_cache_with_its_age(
    celestrak: str, offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_CELESTRAK_URL", celestrak)
    monkeypatch.setenv(
        "HDR_EGRESS_ALLOW", "127.0.0.1"
    )  # the stand-in is on loopback, which egress refuses unless listed
    monkeypatch.delenv("HDR_HARDWARE_TLE_FILE", raising=False)
    args = {"latitude": 47.6, "longitude": -122.3, "time": NEAR_EPOCH}
    async with Client(kit.mcp) as client:
        first = await client.call_tool("visible_satellites", args | {"source": "celestrak"})
        second = await client.call_tool("visible_satellites", args | {"source": "celestrak"})
        cached = await client.call_tool("visible_satellites", args)  # auto: the cache exists
    assert not first.is_error, first.content[0].text
    assert len(_CelesTrak.requests) == 1  # fresh cache: no second download
    for result in (first, second, cached):
        data = result.structured_content["data"]
        assert data["source"] == "celestrak:starlink" and data["synthetic"] is False
        assert data["satellites"] == 9543 and 0 <= data["data_age_s"] < 600
    assert tle.cache_path(offline_suite.config.home, "starlink").exists()
    assert first.structured_content["satellites"] == cached.structured_content["satellites"]


async def test_a_celestrak_redirect_into_a_refused_range_is_not_followed(
    celestrak: str, offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    inner = ThreadingHTTPServer(
        ("127.0.0.2", 0), _Internal
    )  # an internal service on another loopback address
    thread = threading.Thread(target=inner.serve_forever, daemon=True)
    thread.start()
    _Internal.hits = 0
    try:
        _CelesTrak.redirect = f"http://127.0.0.2:{inner.server_address[1]}/latest/meta-data/"
        monkeypatch.setenv("HDR_HARDWARE_CELESTRAK_URL", celestrak)
        monkeypatch.setenv("HDR_EGRESS_ALLOW", "127.0.0.1")  # the stand-in only, not 127.0.0.2
        async with Client(kit.mcp) as client:
            result = await client.call_tool(
                "visible_satellites", {"latitude": 1, "longitude": 2, "source": "celestrak"}
            )
    finally:
        inner.shutdown()
        inner.server_close()
    assert len(_CelesTrak.requests) == 1 and _Internal.hits == 0  # the redirect target was never contacted
    assert result.is_error and "CelesTrak could not be reached" in result.content[0].text
    assert "127.0.0.2" not in result.content[0].text


class _Internal(BaseHTTPRequestHandler):
    hits = 0

    def do_GET(self) -> None:  # noqa: N802
        type(self).hits += 1
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"secret")

    def log_message(self, *args: object) -> None:
        pass


async def test_celestrak_unreachable_without_cache_is_a_clear_error(
    offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_HARDWARE_CELESTRAK_URL", "http://127.0.0.1:9/NORAD/elements/gp.php")
    async with Client(kit.mcp) as client:
        result = await client.call_tool(
            "visible_satellites", {"latitude": 1, "longitude": 2, "source": "celestrak"}
        )
    assert result.is_error and "CelesTrak could not be reached" in result.content[0].text


@pytest.mark.parametrize("mode", ["legacy", "2026-07-28"])
async def test_handoff_tool_on_the_offline_default_says_it_is_synthetic(
    mode: str, offline_suite: Suite, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("HDR_HARDWARE_TLE_FILE", raising=False)
    async with Client(kit.mcp, mode=mode) as client:
        result = await client.call_tool("handoff_satellite", {"latitude": 52.2, "longitude": 0.1})
    assert not result.is_error, result.content[0].text
    plan = result.structured_content
    assert plan["data"]["synthetic"] is True and plan["data"]["satellites"] == 1584
    assert any("Synthetic" in w for w in plan["data"]["warnings"])
    assert plan["intervals_total"] >= 1 and plan["handoffs"] == plan["intervals_total"] - 1


async def test_bad_satellite_input_gets_clear_errors(
    offline_suite: Suite, starlink_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_FILE_ROOTS", str(starlink_file.parent))  # tle_file is read only under the roots
    where = {"latitude": 10, "longitude": 10}
    cases = [
        ("handoff_satellite", {"latitude": 91, "longitude": 0}, "`latitude` must be between -90 and 90"),
        ("handoff_satellite", {"latitude": 0, "longitude": 1e308}, "`longitude` must be between"),
        ("handoff_satellite", where | {"constellation": "deathstar"}, "Unknown constellation"),
        ("handoff_satellite", where | {"duration_s": 10_000_000}, "`duration_s` must be between"),
        ("handoff_satellite", where | {"duration_s": 86400, "step_s": 1}, "the cap is 20,000"),
        ("handoff_satellite", where | {"start": "yesterday-ish"}, "not an ISO 8601 time"),
        ("passes", where | {"satellite": "NOPE-1", "tle_file": str(starlink_file)}, "No satellite 'NOPE-1'"),
        ("visible_satellites", where | {"tle_file": "/nonexistent.tle"}, "not one this server may read"),
        ("visible_satellites", where | {"min_elevation_deg": -1}, "`min_elevation_deg`"),
    ]
    async with Client(kit.mcp) as client:
        for tool, args, expected in cases:
            result = await client.call_tool(tool, args)
            assert result.is_error, (tool, args)
            assert expected in result.content[0].text, result.content[0].text
        alive = await client.call_tool("visible_satellites", where | {"source": "synthetic"})
    assert not alive.is_error


async def test_the_handoff_tool_answers_compactly_and_pages_to_the_full_plan(
    offline_suite: Suite, starlink_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HDR_FILE_ROOTS", str(starlink_file.parent))
    args = {
        "latitude": SEATTLE[0],
        "longitude": SEATTLE[1],
        "start": NEAR_EPOCH,
        "duration_s": 1800,
        "tle_file": str(starlink_file),
    }
    async with Client(kit.mcp) as client:
        compact = await client.call_tool("handoff_satellite", args)
        full = await client.call_tool("handoff_satellite", args | {"detail": True})
        pages = [compact.structured_content]
        while pages[-1]["next_offset"] is not None:
            pages.append(
                (
                    await client.call_tool("handoff_satellite", args | {"offset": pages[-1]["next_offset"]})
                ).structured_content
            )
    plan, whole = compact.structured_content, full.structured_content
    assert (
        len(plan["intervals"])
        == 10
        < plan["intervals_total"]
        == whole["intervals_total"]
        == len(whole["intervals"])
    )
    assert f"{plan['intervals_total']} serving intervals ({plan['handoffs']} handoffs)" in plan["summary"]
    # the 30-minute plan: ~4K vs ~25K characters of structured content (the text is a summary of either: #17)
    assert len(json.dumps(plan)) < len(json.dumps(whole)) / 4
    assert [iv for page in pages for iv in page["intervals"]] == whole[
        "intervals"
    ]  # the pages are the full plan
    assert [t for page in pages for t in page["switch_times"]] == whole["switch_times"]
