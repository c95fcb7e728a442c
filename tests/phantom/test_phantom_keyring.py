"""The keyring at rest: KEK handling, a kill -9 in the middle of a rotation, and changes made by another
process seen at once by a keyring with everything cached (real subprocesses)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from servers.phantom.keyring import Keyring
from servers.phantom.service import KEK_PURPOSE
from servers.phantom.transit import Item, LocalTransit, only
from shared.errors import Refused, Unavailable
from shared.kek import KEK_FILE, load_kek
from shared.store import Store

ROOT = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent("""
    import sys
    from pathlib import Path
    from shared.store import Store
    from servers.phantom.service import KEK_PURPOSE
    from shared.kek import load_kek
    from servers.phantom.keyring import Keyring
    from servers.phantom.transit import Item, LocalTransit, only
    home = Path(sys.argv[1])
    store = Store(home / "state.db")
    ring = Keyring(store, load_kek(home, KEK_PURPOSE))
    transit = LocalTransit(ring)
    transit.ensure_key("k")
    for _ in range(3):
        ring.rotate("k")
        print("ct", transit.encrypt("k", [Item(b"secret-payload")])[0], flush=True)
    with store.transaction():          # a rotation that is written but not yet committed ...
        ring.rotate("k")
        print("mid-rotation", flush=True)
        sys.stdin.readline()           # ... when the parent kills us
""")


def test_kill_9_mid_rotation_loses_no_key_and_leaves_no_half_state(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if k != "HDR_MASTER_KEY"}
    ciphertexts = []
    with subprocess.Popen(  # closes the pipes when done
        [sys.executable, "-c", CHILD, str(home)],
        cwd=ROOT,
        env=env,
        text=True,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as child:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("ct "):
                ciphertexts.append(line.split()[1])
            if line.startswith("mid-rotation"):
                child.send_signal(signal.SIGKILL)
                break
        assert child.wait(30) == -signal.SIGKILL, child.stderr.read() if child.stderr else ""
    assert len(ciphertexts) == 3

    store = Store(home / "state.db")
    ring = Keyring(store, load_kek(home, KEK_PURPOSE))
    info = ring.require("k")
    assert info.latest_version == 4  # 1 + three committed rotations; the killed one left nothing
    assert sorted(info.version_created_at) == [1, 2, 3, 4]
    rows = (
        store.connection().execute("SELECT COUNT(*) FROM phantom_key_versions WHERE name='k'").fetchone()[0]
    )
    assert rows == 4
    transit = LocalTransit(ring)
    assert transit.decrypt("k", [Item(c.encode()) for c in ciphertexts]) == [b"secret-payload"] * 3
    assert ring.rotate("k").latest_version == 5  # and the keyring keeps working


def test_kek_file_is_created_0600_once_and_reused(tmp_path: Path) -> None:
    first = load_kek(tmp_path, KEK_PURPOSE, env={})
    path = tmp_path / KEK_FILE
    assert path.stat().st_mode & 0o777 == 0o600 and len(path.read_bytes()) == 32
    wrapped = first.wrap(b"material", "phantom-key:a:1")
    assert load_kek(tmp_path, KEK_PURPOSE, env={}).unwrap(wrapped, "phantom-key:a:1") == b"material"
    assert b"material" not in wrapped


def test_a_group_readable_kek_file_is_refused(tmp_path: Path) -> None:
    load_kek(tmp_path, KEK_PURPOSE, env={})
    os.chmod(tmp_path / KEK_FILE, 0o644)
    with pytest.raises(Unavailable, match="chmod 600"):
        load_kek(tmp_path, KEK_PURPOSE, env={})


def test_keys_made_under_one_master_key_do_not_open_under_another(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    ring = Keyring(
        store, load_kek(tmp_path, KEK_PURPOSE, env={"HDR_MASTER_KEY": "correct horse battery staple"})
    )
    ct = LocalTransit(ring)
    ct.ensure_key("k")
    made = ct.encrypt("k", [Item(b"x")])
    other = LocalTransit(
        Keyring(store, load_kek(tmp_path, KEK_PURPOSE, env={"HDR_MASTER_KEY": "another master key 123"}))
    )
    with pytest.raises(Unavailable, match="master key") as caught:
        other.decrypt("k", [Item(made[0].encode())])
    assert "correct horse" not in str(caught.value)
    assert not (tmp_path / KEK_FILE).exists()


def in_another_process(home: Path, statement: str) -> None:
    """Run `statement` with `ring`, a Keyring of its own, in a separate Python process."""
    script = (
        "import sys; from pathlib import Path; from shared.store import Store; "
        "from servers.phantom.service import KEK_PURPOSE; from shared.kek import load_kek; "
        "from servers.phantom.keyring import Keyring; "
        "h = Path(sys.argv[1]); ring = Keyring(Store(h / 'state.db'), load_kek(h, KEK_PURPOSE, env={})); "
        "exec(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", script, str(home), statement], cwd=ROOT, check=True)


def warm_transit(home: Path) -> tuple[LocalTransit, bytearray, str]:
    """A transit whose key facts, material and cipher are all cached, with a binary and a text ciphertext."""
    transit = LocalTransit(Keyring(Store(home / "state.db"), load_kek(home, KEK_PURPOSE, env={})))
    assert (
        transit.keyring.store.commit_watch().mode == "wal-index"
    )  # the shared-memory check, not the fallback
    transit.ensure_key("k")
    blob = transit.encrypt_bytes("k", Item(b"secret"))
    text = transit.encrypt("k", [Item(b"secret")])[0]
    assert transit.decrypt_bytes("k", blob) == b"secret"
    assert transit.decrypt("k", [Item(text.encode())]) == [b"secret"]
    return transit, blob, text


def test_a_key_destroyed_in_another_process_is_refused_at_once_by_a_warm_keyring(tmp_path: Path) -> None:
    transit, blob, text = warm_transit(tmp_path)
    in_another_process(tmp_path, "ring.destroy('k')")
    with pytest.raises(Refused, match="destroyed"):
        transit.decrypt_bytes("k", blob)
    with pytest.raises(Refused, match="destroyed"):
        transit.encrypt_bytes("k", Item(b"more"))
    with pytest.raises(Refused, match="destroyed"):
        transit.decrypt("k", [Item(text.encode())])
    with pytest.raises(Refused, match="destroyed"):
        transit.encrypt("k", [Item(b"more")])


def test_a_version_retired_in_another_process_is_refused_at_once_by_a_warm_keyring(tmp_path: Path) -> None:
    transit, blob, text = warm_transit(tmp_path)
    in_another_process(tmp_path, "ring.rotate('k'); ring.configure('k', 2)")
    with pytest.raises(Refused, match="min_decryption_version"):
        transit.decrypt_bytes("k", blob)
    with pytest.raises(Refused, match="min_decryption_version"):  # per item now (issue #13)
        only(transit.decrypt("k", [Item(text.encode())]))
    fresh = transit.encrypt_bytes("k", Item(b"new"))
    assert bytes(fresh).startswith(b"phantom:v2:") and transit.decrypt_bytes("k", fresh) == b"new"


def test_rotation_in_another_process_is_seen_by_a_cached_keyring(tmp_path: Path) -> None:
    store = Store(tmp_path / "state.db")
    ring = Keyring(store, load_kek(tmp_path, KEK_PURPOSE, env={}))
    LocalTransit(ring).ensure_key("k")
    assert ring.require("k").latest_version == 1
    script = (
        "import sys; from pathlib import Path; from shared.store import Store; "
        "from servers.phantom.service import KEK_PURPOSE; "
        "from shared.kek import load_kek; from servers.phantom.keyring import Keyring; "
        "h=Path(sys.argv[1]); Keyring(Store(h/'state.db'), load_kek(h, KEK_PURPOSE, env={})).rotate('k')"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path)], cwd=ROOT, check=True)
    assert ring.require("k").latest_version == 2
