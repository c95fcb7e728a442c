"""Where satellite orbits come from: a TLE file, CelesTrak (cached under HDR_HOME), or a generated
Walker-delta shell when nothing else is available (offline, no configuration) — flagged synthetic.

Every constellation carries where it came from and how old its data is, so every answer can say so.
"""

from __future__ import annotations

import math
import os
import stat
import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from shared.errors import BadInput, HDRError, NotFound, Unavailable
from shared.files import PathRefused, confine, read_confined

Source = Literal["auto", "file", "celestrak", "synthetic"]
CELESTRAK_URL = "https://celestrak.org/NORAD/elements/gp.php"
CACHE_FRESH_S = 2 * 3600  # CelesTrak updates GP data a few times a day and asks clients not to poll faster
MAX_TLE_BYTES = 20_000_000
MAX_SATELLITES = 50_000  # all of CelesTrak's active catalogue is ~12,000
MU_KM3_S2 = 398600.4418
EARTH_RADIUS_KM = 6378.137


@dataclass(frozen=True)
class Shell:
    """A Walker-delta shell i: t/p/f at an altitude, used when no real TLEs are available."""

    altitude_km: float
    inclination_deg: float
    planes: int
    per_plane: int
    phasing: int


@dataclass(frozen=True)
class Family:
    group: str  # CelesTrak GROUP name
    name_prefix: str  # how its satellites are named in TLE files
    shell: Shell


CONSTELLATIONS: dict[str, Family] = {
    "starlink": Family("starlink", "STARLINK", Shell(550.0, 53.0, 72, 22, 17)),
    "oneweb": Family("oneweb", "ONEWEB", Shell(1200.0, 87.9, 18, 36, 1)),
    "iridium": Family("iridium-NEXT", "IRIDIUM", Shell(780.0, 86.4, 6, 11, 2)),
    "kuiper": Family("kuiper", "KUIPER", Shell(630.0, 51.9, 34, 34, 1)),
}


@dataclass
class Constellation:
    name: str
    source: str  # "file:<path>", "celestrak:<group>", "synthetic:walker-delta ..."
    synthetic: bool
    fetched_at: float | None  # when the data was downloaded or the file last changed (Unix time)
    names: list[str]
    norad_ids: list[int]
    satrecs: list[Any]
    _array: Any = None

    @property
    def array(self) -> Any:
        """The sgp4 SatrecArray over every satellite (built once)."""
        if self._array is None:
            from sgp4.api import SatrecArray

            self._array = SatrecArray(self.satrecs)
        return self._array

    def epoch_jd(self) -> list[float]:
        return [s.jdsatepoch + s.jdsatepochF for s in self.satrecs]

    def find(self, satellite: str) -> int:
        """Index of a satellite given by NORAD id or (case-insensitive) name."""
        key = satellite.strip()
        if key.isdigit() and len(key) <= 9:
            wanted = int(key)
            for i, n in enumerate(self.norad_ids):
                if n == wanted:
                    return i
        else:
            upper = key.upper()
            for i, sat_name in enumerate(self.names):
                if sat_name.upper() == upper:
                    return i
        raise NotFound(
            f"No satellite {satellite[:60]!r} in {self.name} ({self.source}).",
            "Use a name or NORAD id that visible_satellites or handoff_satellite returned.",
        )


def family(constellation: str) -> Family:
    fam = CONSTELLATIONS.get(constellation.strip().lower()) if isinstance(constellation, str) else None
    if fam is None:
        raise BadInput(
            f"Unknown constellation {constellation[:40]!r}.", f"Use one of: {', '.join(CONSTELLATIONS)}."
        )
    return fam


def parse_tle_text(text: str) -> list[tuple[str, str, str]]:
    """(name, line1, line2) triples from 3-line or 2-line TLE text; malformed entries are skipped."""
    lines = [ln.rstrip() for ln in text.splitlines() if ln.strip()]
    out: list[tuple[str, str, str]] = []
    i = 0
    while i < len(lines) - 1:
        a, b = lines[i], lines[i + 1]
        if a.startswith("1 ") and b.startswith("2 ") and len(a) >= 69 and len(b) >= 69:
            out.append((f"NORAD {a[2:7].strip()}", a, b))
            i += 2
        elif i + 2 < len(lines) and b.startswith("1 ") and lines[i + 2].startswith("2 "):
            name = a[2:].strip() if a.startswith("0 ") else a.strip()
            out.append((name, b, lines[i + 2]))
            i += 3
        else:
            i += 1
    return out


def _from_triples(
    name: str, source: str, triples: list[tuple[str, str, str]], fetched_at: float | None, prefix: str | None
) -> Constellation:
    from sgp4.api import Satrec

    names: list[str] = []
    ids: list[int] = []
    recs: list[Satrec] = []
    for sat_name, l1, l2 in triples:
        if prefix and not sat_name.upper().startswith(prefix):
            continue
        if len(recs) >= MAX_SATELLITES:
            raise BadInput(
                f"The TLE data holds more than {MAX_SATELLITES:,} {name} satellites.",
                "Use a file with one constellation's satellites.",
            )
        try:
            rec = Satrec.twoline2rv(l1, l2)
        except (ValueError, IndexError):
            continue
        names.append(sat_name)
        ids.append(int(rec.satnum))
        recs.append(rec)
    if not recs:
        raise NotFound(
            f"No {name} satellites (names starting {prefix!r}) in {source}.",
            "Use a TLE file or CelesTrak group that contains them, or another constellation.",
        )
    return Constellation(
        name=name,
        source=source,
        synthetic=False,
        fetched_at=fetched_at,
        names=names,
        norad_ids=ids,
        satrecs=recs,
    )


# Parsed constellations, most recently used last. Bounded: each synthetic epoch (an hour a caller
# names) and each file version is an entry of thousands of Satrec objects.
CACHE_ENTRIES = 16
_cache: OrderedDict[tuple[Any, ...], Constellation] = OrderedDict()


def _cached(key: tuple[Any, ...]) -> Constellation | None:
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
        return found


def _keep(key: tuple[Any, ...], constellation: Constellation) -> Constellation:
    with _cache_lock:
        _cache[key] = constellation
        _cache.move_to_end(key)
        while len(_cache) > CACHE_ENTRIES:
            _cache.popitem(last=False)
    return constellation


_cache_lock = threading.Lock()


def from_file(path: str | Path, constellation: str, roots: Sequence[Path] | None = None) -> Constellation:
    """The constellation from a TLE file. `roots`: where a caller's file may be (shared.files; every
    refusal has one text, so the argument tells nothing about what exists); None for the operator's
    own file (HDR_HARDWARE_TLE_FILE, local calls). Sizes are checked before anything is read."""
    fam = family(constellation)
    if roots is not None:
        p = confine(path, roots, what="tle_file")
    else:
        p = Path(path).expanduser()
    try:
        st = p.stat()
    except OSError:
        if roots is not None:
            raise PathRefused() from None
        raise NotFound(
            f"The configured TLE file {str(path)[:200]!r} does not exist.",
            "Fix HDR_HARDWARE_TLE_FILE, or send another source.",
        ) from None
    if roots is not None and not stat.S_ISREG(st.st_mode):
        raise PathRefused()  # a directory or device under the roots gets the one refusal text too
    if not p.is_file() or st.st_size > MAX_TLE_BYTES:
        raise BadInput(
            f"`tle_file` is not a TLE file of at most {MAX_TLE_BYTES // 1_000_000} MB.",
            "Send the path of a TLE text file.",
        )
    key = ("file", str(p.resolve()), st.st_mtime_ns, st.st_size, constellation)
    if (hit := _cached(key)) is not None:
        return hit
    if roots is not None:
        raw = read_confined(p, roots, max_bytes=MAX_TLE_BYTES, what="tle_file")
    else:
        raw = p.read_bytes()[:MAX_TLE_BYTES]
    triples = parse_tle_text(raw.decode("ascii", errors="replace"))
    # A file of one constellation need not name it; filter by name only when the file mixes several.
    prefix = fam.name_prefix if any(n.upper().startswith(fam.name_prefix) for n, _, _ in triples) else None
    if (
        prefix is None
        and triples
        and any(
            n.upper().startswith(f.name_prefix) for f in CONSTELLATIONS.values() for n, _, _ in triples[:50]
        )
    ):
        prefix = fam.name_prefix  # the file is another named constellation: say none found
    c = _from_triples(constellation, f"file:{p.name}", triples, st.st_mtime, prefix)
    return _keep(key, c)


def cache_path(home: Path, group: str) -> Path:
    return home / "hardware" / "tle" / f"{group}.tle"


def from_celestrak(
    home: Path, constellation: str, *, refresh: bool, url: str | None = None, timeout_s: float = 10.0
) -> Constellation:
    """The group from the cache, downloading it first when `refresh` and the cache is missing or
    older than 2 h. A failed download falls back to the cache (its age is reported) if there is one."""
    fam = family(constellation)
    path = cache_path(home, fam.group)
    age = time.time() - path.stat().st_mtime if path.exists() else None
    if refresh and (age is None or age > CACHE_FRESH_S):
        endpoint = url or os.environ.get("HDR_HARDWARE_CELESTRAK_URL") or CELESTRAK_URL
        try:
            text = _download(endpoint, {"GROUP": fam.group, "FORMAT": "tle"}, timeout_s)
            if not parse_tle_text(text[:2000]):
                raise ValueError("the answer holds no TLEs")
        except (HDRError, ValueError):
            if age is None:
                raise Unavailable(
                    f"CelesTrak could not be reached for group {fam.group}, and nothing is cached.",
                    "Use source synthetic or a TLE file, or try again later.",
                ) from None
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            tmp = path.with_suffix(".tmp")
            tmp.write_text(text, encoding="ascii", errors="replace")
            tmp.replace(path)  # atomic: another process never reads a half-written cache
    if not path.exists():
        raise NotFound(
            f"No cached CelesTrak data for {fam.group}.",
            "Call with source celestrak (needs network), or use a TLE file or source synthetic.",
        )
    st = path.stat()
    key = ("celestrak", str(path), st.st_mtime_ns, st.st_size, constellation)
    if (hit := _cached(key)) is not None:
        return hit
    c = _from_triples(
        constellation,
        f"celestrak:{fam.group}",
        parse_tle_text(path.read_text(errors="replace")),
        st.st_mtime,
        fam.name_prefix,
    )
    return _keep(key, c)


def _download(endpoint: str, params: dict[str, str], timeout_s: float) -> str:
    """The body at `endpoint`, through shared.egress (no loopback, private or metadata addresses unless
    HDR_EGRESS_ALLOW names them; redirects followed by hand, each checked again, at most 3), read in
    chunks and refused past MAX_TLE_BYTES. Raises EgressRefused or ValueError with one text each."""
    from shared.egress import egress_client

    with egress_client(timeout=timeout_s) as client:
        request = client.build_request("GET", endpoint, params=params)
        for _ in range(4):
            response = client.send(request, stream=True)
            try:
                if response.is_redirect and response.next_request is not None:
                    request = response.next_request
                    continue
                if response.status_code != 200:
                    raise ValueError("the answer is not 200 OK")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > MAX_TLE_BYTES:
                        raise ValueError("the answer is too large")
                return body.decode("ascii", errors="replace")
            finally:
                response.close()
    raise ValueError("too many redirects")


def walker_delta(constellation: str, epoch: datetime) -> Constellation:
    """A synthetic Walker-delta shell (circular orbits) with its epoch at `epoch` (to the hour)."""
    from sgp4.api import WGS72, Satrec

    fam = family(constellation)
    shell = fam.shell
    epoch = epoch.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
    key = ("synthetic", constellation, epoch.isoformat())
    if (hit := _cached(key)) is not None:
        return hit
    days_since_1949 = (epoch - datetime(1949, 12, 31, tzinfo=UTC)).total_seconds() / 86400
    a = EARTH_RADIUS_KM + shell.altitude_km
    n_rad_min = math.sqrt(MU_KM3_S2 / a**3) * 60
    total = shell.planes * shell.per_plane
    names: list[str] = []
    ids: list[int] = []
    recs: list[Satrec] = []
    for p in range(shell.planes):
        raan = 2 * math.pi * p / shell.planes
        for s in range(shell.per_plane):
            anomaly = 2 * math.pi * (s / shell.per_plane + shell.phasing * p / total)
            rec = Satrec()
            satnum = 90000 + len(recs) + 1
            rec.sgp4init(
                WGS72,
                "i",
                satnum,
                days_since_1949,
                0.0,
                0.0,
                0.0,
                1e-4,
                0.0,
                math.radians(shell.inclination_deg),
                anomaly % (2 * math.pi),
                n_rad_min,
                raan,
            )
            names.append(f"SYNTH-{fam.name_prefix}-P{p + 1:02d}-S{s + 1:02d}")
            ids.append(satnum)
            recs.append(rec)
    c = Constellation(
        name=constellation,
        synthetic=True,
        fetched_at=None,
        names=names,
        norad_ids=ids,
        satrecs=recs,
        source=(
            f"synthetic:walker-delta {shell.inclination_deg:g}°: {total}/{shell.planes}/{shell.phasing} "
            f"at {shell.altitude_km:g} km (not real satellites)"
        ),
    )
    return _keep(key, c)


def load(
    home: Path,
    constellation: str,
    source: Source,
    when: datetime,
    tle_file: str | None = None,
    roots: Sequence[Path] | None = None,
) -> Constellation:
    """The constellation from the requested source. `auto`: a TLE file (argument or
    HDR_HARDWARE_TLE_FILE), else CelesTrak (cache, fetched when HDR_HARDWARE_ONLINE=1), else synthetic.
    A `tle_file` argument is read only under `roots` (None: a local, trusted call)."""
    family(constellation)
    if source not in ("auto", "file", "celestrak", "synthetic"):
        raise BadInput(
            "`source` must be auto, file, celestrak or synthetic.", "Use auto unless you need a specific one."
        )
    path = tle_file or os.environ.get("HDR_HARDWARE_TLE_FILE")
    if source == "file" or (source == "auto" and path):
        if not path:
            raise BadInput("source file needs a TLE file.", "Pass `tle_file`, or set HDR_HARDWARE_TLE_FILE.")
        return from_file(path, constellation, roots if tle_file else None)
    if source == "celestrak":
        return from_celestrak(home, constellation, refresh=True)
    if source == "auto":
        online = os.environ.get("HDR_HARDWARE_ONLINE") == "1"
        if online or cache_path(home, family(constellation).group).exists():
            try:
                return from_celestrak(home, constellation, refresh=online)
            except (Unavailable, NotFound):
                pass
    return walker_delta(constellation, when)
