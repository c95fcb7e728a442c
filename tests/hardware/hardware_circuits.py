"""Circuits several hardware tests submit."""

from __future__ import annotations


def ghz(n: int) -> str:
    body = "".join(f"cx q[{i}],q[{i + 1}];\n" for i in range(n - 1))
    return (
        f'OPENQASM 2.0;\ninclude "qelib1.inc";\nqreg q[{n}];\ncreg c[{n}];\nh q[0];\n{body}measure q -> c;\n'
    )


# A circuit that never ends by itself (mid-circuit measurement in a loop): for limits and cancellation.
WHILE_FOREVER = (
    'OPENQASM 3.0;\ninclude "stdgates.inc";\nqubit[1] q;\nbit[1] c;\nc[0] = measure q[0];\n'
    "while (c[0] == false) { x q[0]; x q[0]; c[0] = measure q[0]; }\n"
)
