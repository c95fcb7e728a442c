"""hardware's output models against the domain results they are built from (servers/hardware/models.py)."""

from __future__ import annotations

import json

from servers.hardware import jobs, quantum, serial_sessions
from servers.hardware.models import CircuitRun, JobResult, Received
from shared.suite import Suite

# A finished job's result as releases before the domain returned dataclasses stored it: the output
# model's JSON, probabilities included.
STORED_BEFORE = {
    "counts": {"11": 530, "00": 494},
    "probabilities": {"11": 0.517578125, "00": 0.482421875},
    "other_shots": 0,
    "shots": 1024,
    "method": "stabilizer",
    "requested_method": "automatic",
    "qubits": 2,
    "width": 4,
    "depth": 3,
    "size": 4,
    "seed": 7,
    "noise": {"depolarizing": 0.01, "readout": 0.0},
    "parse_ms": 1.5,
    "transpile_ms": 2.5,
    "simulate_ms": 3.5,
    "total_ms": 7.5,
}


def test_a_job_result_stored_by_an_earlier_release_reads_back_the_same(offline_suite: Suite) -> None:
    store = offline_suite.store
    jobs._schema(store)
    with store.transaction() as db:
        db.execute(
            "INSERT INTO hardware_jobs(id, state, request, message, result, submitted_at, owner)"
            " VALUES ('job-00000000000000ab', 'done', :request, 'finished', :result, 1, 'alice')",
            {
                "request": json.dumps({"shots": 1024, "method": "automatic"}),
                "result": json.dumps(STORED_BEFORE),
            },
        )
    answer = JobResult.of(jobs.result(store, "job-00000000000000ab", "alice")).model_dump(mode="json")
    assert answer == {"job_id": "job-00000000000000ab", "state": "done", "result": STORED_BEFORE}
    assert list(answer["result"]["counts"]) == ["11", "00"]  # most frequent first, as stored


def test_what_a_job_stores_now_is_what_an_earlier_release_reads() -> None:
    run = quantum.run_from_json(STORED_BEFORE)
    stored = quantum.run_to_json(run)
    assert stored == STORED_BEFORE
    # the earlier release read a stored result with CircuitRun.model_validate_json
    assert CircuitRun.model_validate_json(json.dumps(stored)) == CircuitRun.of(run)


def test_bytes_read_are_text_when_printable_and_hex_otherwise() -> None:
    def shown(raw: bytes) -> tuple[str | None, str | None]:
        received = Received.of(serial_sessions.Reading(handle="serial-1", raw=raw, timed_out=False))
        assert received.bytes == len(raw)
        return received.text, received.hex

    assert shown(b"+4.99870E+00\r\n") == ("+4.99870E+00\r\n", None)
    assert shown(b"caf\xc3\xa9\t1\n") == ("café\t1\n", None)
    assert shown(b"\x02OK\x03") == (None, "024f4b03")  # control characters: not text
    assert shown(b"\xff\xfe") == (None, "fffe")  # not UTF-8
    assert shown(b"") == ("", None)
