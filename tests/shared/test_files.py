"""File arguments resolve only under the allowed roots, and every refusal reads the same."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from shared.errors import BadInput
from shared.files import (
    REFUSAL,
    PathRefused,
    allowed_roots,
    configured_roots,
    confine,
    intersect,
    read_confined,
    walk_confined,
)


@pytest.fixture
def tree(tmp_path: Path) -> dict[str, Path]:
    root = tmp_path / "root"
    (root / "sub").mkdir(parents=True)
    (root / "sub" / "a.yaml").write_text("kind: Pod\n")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.key").write_text("TOP-SECRET-KEY-MATERIAL\n")
    (root / "link-out").symlink_to(outside / "secret.key")
    (root / "dir-out").symlink_to(outside)
    return {"root": root.resolve(), "outside": outside.resolve()}


def _refusal(call) -> str:
    with pytest.raises(PathRefused) as caught:
        call()
    return str(caught.value)


def test_a_file_under_a_root_is_read_by_relative_and_absolute_path(tree: dict[str, Path]) -> None:
    roots = [tree["root"]]
    assert read_confined("sub/a.yaml", roots, max_bytes=100) == b"kind: Pod\n"
    assert read_confined(str(tree["root"] / "sub" / "a.yaml"), roots, max_bytes=100) == b"kind: Pod\n"


def test_outside_missing_link_out_and_traversal_all_get_one_text_without_the_content(
    tree: dict[str, Path],
) -> None:
    roots = [tree["root"]]
    texts = {
        _refusal(lambda: read_confined(str(tree["outside"] / "secret.key"), roots, max_bytes=100)),
        _refusal(lambda: read_confined(str(tree["outside"] / "no-such-file"), roots, max_bytes=100)),
        _refusal(lambda: read_confined("link-out", roots, max_bytes=100)),
        _refusal(lambda: read_confined("dir-out/secret.key", roots, max_bytes=100)),
        _refusal(lambda: read_confined("../outside/secret.key", roots, max_bytes=100)),
        _refusal(lambda: read_confined("/etc/passwd", roots, max_bytes=100)),
        _refusal(lambda: read_confined("sub", roots, max_bytes=100)),  # a directory is not a file
    }
    assert len(texts) == 1
    text = texts.pop()
    assert text.startswith(REFUSAL)
    assert "SECRET" not in text and "secret" not in text and "outside" not in text


def test_no_roots_refuses_everything(tree: dict[str, Path]) -> None:
    assert _refusal(lambda: confine(str(tree["root"] / "sub" / "a.yaml"), [])).startswith(REFUSAL)


def test_size_is_checked_before_reading(tree: dict[str, Path]) -> None:
    big = tree["root"] / "big.yaml"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(BadInput, match="over the 4,096-byte limit"):
        read_confined("big.yaml", [tree["root"]], max_bytes=4096)


def test_a_fifo_under_a_root_is_refused_without_blocking(tree: dict[str, Path]) -> None:
    os.mkfifo(tree["root"] / "pipe.yaml")
    assert _refusal(lambda: read_confined("pipe.yaml", [tree["root"]], max_bytes=100)).startswith(REFUSAL)


def test_walking_a_folder_skips_links_that_leave_the_roots(tree: dict[str, Path]) -> None:
    (tree["root"] / "sub" / "evil.yaml").symlink_to(tree["outside"] / "secret.key")
    found = list(walk_confined(tree["root"], [tree["root"]], suffixes=(".yaml", ".key"), max_files=10))
    assert found == [tree["root"] / "sub" / "a.yaml"]
    with pytest.raises(BadInput):
        list(walk_confined(tree["root"], [tree["root"]], suffixes=(".yaml",), max_files=0))


def test_roots_default_to_the_working_directory_on_stdio_and_nothing_over_http(
    tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert configured_roots({}, over_http=False) == [tmp_path.resolve()]
    assert configured_roots({}, over_http=True) == []
    env = {"HDR_FILE_ROOTS": os.pathsep.join([str(tmp_path / "a"), str(tmp_path / "b")])}
    assert configured_roots(env, over_http=True) == [(tmp_path / "a").resolve(), (tmp_path / "b").resolve()]
    assert allowed_roots(None, {}) == [tmp_path.resolve()]


def test_client_roots_are_intersected_with_the_operators() -> None:
    operator = [Path("/srv/manifests"), Path("/home/me")]
    client = [Path("/srv"), Path("/home/me/project"), Path("/etc")]
    assert intersect(operator, client) == [Path("/home/me/project"), Path("/srv/manifests")]
    assert intersect(operator, None) == operator
    assert intersect(operator, []) == []
