"""Safe file boundary: bounded reads and atomic, non-destructive writes (issues 8 and 14)."""

from __future__ import annotations

import errno
import multiprocessing
import os
import stat
import threading
from pathlib import Path

import pytest

from decide.core.errors import DecideError, MatrixError
from decide.io.files import MAX_FILE_BYTES, read_text_limited, shipped_label, write_output


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


# --------------------------------------------------------------------------- writing


def test_writes_text_bytes_and_callable(tmp_path):
    assert write_output(tmp_path / "a.txt", "text\n") == str(tmp_path / "a.txt")
    write_output(tmp_path / "b.bin", b"\x00\x01")
    write_output(tmp_path / "c.csv", lambda temporary: Path(temporary).write_text("x,y\n"))
    assert (tmp_path / "a.txt").read_text() == "text\n"
    assert (tmp_path / "b.bin").read_bytes() == b"\x00\x01"
    assert (tmp_path / "c.csv").read_text() == "x,y\n"
    assert leftovers(tmp_path) == []


def test_dash_writes_to_stdout(capsys):
    assert write_output("-", "to stdout\n") == "standard output"
    assert capsys.readouterr().out == "to stdout\n"


def test_new_file_respects_umask(tmp_path):
    previous = os.umask(0o027)
    try:
        write_output(tmp_path / "new.txt", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o640


def test_new_file_is_not_owner_only_under_the_usual_umask(tmp_path):
    previous = os.umask(0o022)
    try:
        write_output(tmp_path / "new.txt", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE(os.stat(tmp_path / "new.txt").st_mode) == 0o644


def test_existing_file_keeps_its_mode(tmp_path):
    target = tmp_path / "shared.txt"
    target.write_text("old")
    os.chmod(target, 0o664)
    write_output(target, "new")
    assert target.read_text() == "new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o664


def test_output_same_as_input_is_refused_and_nothing_written(tmp_path):
    source = tmp_path / "r.yaml"
    source.write_text("actor: X\n")
    with pytest.raises(DecideError, match="is the input file"):
        write_output(source, "table", inputs=[source])
    link = tmp_path / "link.yaml"
    link.symlink_to(source)
    with pytest.raises(DecideError, match="is the input file"):
        write_output(link, "table", inputs=[source])
    (tmp_path / "sub").mkdir()
    with pytest.raises(DecideError, match="is the input file"):
        write_output(tmp_path / "sub" / ".." / "r.yaml", "table", inputs=[str(source)])
    assert source.read_text() == "actor: X\n" and link.is_symlink()
    assert leftovers(tmp_path) == []


def test_symlinked_output_replaces_the_target_not_the_link(tmp_path):
    real = tmp_path / "real.txt"
    real.write_text("old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_output(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


@pytest.mark.parametrize("name", [".", "..", "", "folder", "folder/"])
def test_folder_as_output_is_one_clean_line(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "folder").mkdir()
    with pytest.raises(DecideError, match="is a folder; give a file name") as caught:
        write_output(name, "x")
    assert "\n" not in str(caught.value)


def test_missing_parent_folder(tmp_path):
    with pytest.raises(DecideError, match=r"folder '.*nope' does not exist"):
        write_output(tmp_path / "nope" / "r.csv", "x")


def test_too_long_name(tmp_path):
    with pytest.raises(DecideError, match="file name too long; choose a shorter name"):
        write_output(tmp_path / ("x" * 300 + ".csv"), "x")
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        (errno.EACCES, "permission denied; choose a folder you can write to"),
        (errno.EROFS, "read-only file system"),
        (errno.ENOSPC, "no space left on the device"),
    ],
)
def test_os_errors_while_replacing_are_clean_and_leave_nothing(tmp_path, monkeypatch, code, expected):
    def refuse(source, target):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(DecideError, match=expected):
        write_output(tmp_path / "r.csv", "x")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_read_only_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        with pytest.raises(DecideError, match="permission denied"):
            write_output(folder / "r.csv", "x")
    finally:
        folder.chmod(0o755)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_dev_full_reports_disk_full_and_stays_a_device():
    with pytest.raises(DecideError, match="/dev/full: no space left on the device"):
        write_output("/dev/full", "x" * 100_000)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_fifo_is_written_in_place_never_replaced(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, "through the pipe\n")
    reader.join(timeout=10)
    assert received == [b"through the pipe\n"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert leftovers(tmp_path) == []


def test_callable_content_reaches_a_fifo(tmp_path):
    fifo = tmp_path / "pipe.xlsx"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, lambda temporary: Path(temporary).write_bytes(b"PK\x03\x04"))
    reader.join(timeout=10)
    assert received == [b"PK\x03\x04"] and stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_character_devices_are_written_in_place(monkeypatch, tmp_path):
    """Checked through the file-type logic: a real device is never touched by os.replace."""
    target = tmp_path / "device"
    target.write_text("")
    real_stat = os.stat

    def fake_stat(path, *args, **kwargs):
        info = real_stat(path, *args, **kwargs)
        if Path(path) == target:
            return os.stat_result((stat.S_IFCHR | 0o666, *tuple(info)[1:]))
        return info

    def no_replace(*args):
        raise AssertionError("a device must never be replaced")

    monkeypatch.setattr(os, "stat", fake_stat)
    monkeypatch.setattr(os, "replace", no_replace)
    write_output(target, "direct")
    assert target.read_text() == "direct"


def test_keyboard_interrupt_in_writer_leaves_nothing(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_text("previous")

    def interrupted(temporary: str) -> None:
        Path(temporary).write_text("half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_output(target, interrupted)
    assert target.read_text() == "previous"
    assert leftovers(tmp_path) == []


def _write_many(path: str, letter: str) -> None:
    for _ in range(30):
        write_output(path, letter * 200_000)


@pytest.mark.slow
def test_two_processes_writing_at_once_leave_one_complete_file(tmp_path):
    target = str(tmp_path / "shared.csv")
    context = multiprocessing.get_context("spawn")
    workers = [context.Process(target=_write_many, args=(target, letter)) for letter in "ab"]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=60)
    assert [worker.exitcode for worker in workers] == [0, 0]
    content = Path(target).read_text()
    assert content in ("a" * 200_000, "b" * 200_000)
    assert leftovers(tmp_path) == []


# --------------------------------------------------------------------------- reading


def test_reads_utf8_with_bom_and_windows_line_endings(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_bytes(b"\xef\xbb\xbfactor: X\r\nscale: [1, 10]\r\n")
    assert read_text_limited(path) == "actor: X\nscale: [1, 10]\n"


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("actor: X\n".encode("utf-16"), "looks like UTF-16 text; save it as UTF-8"),
        ("actor: X\n".encode("utf-32"), "looks like UTF-32 text; save it as UTF-8"),
        ("actor: X\n".encode("utf-16-le"), r"looks like UTF-16 or UTF-32 text \(NUL bytes\); save it as UTF-8"),
        (b"actor: X\x00 and more text here\n", "contains a NUL byte at offset 8"),
        (b"actor: \xff\n", r"not UTF-8 text \(invalid byte at offset 7\)"),
    ],
)
def test_encoding_problems_are_one_line(tmp_path, data, expected):
    path = tmp_path / "m.yaml"
    path.write_bytes(data)
    with pytest.raises(MatrixError, match=expected) as caught:
        read_text_limited(path)
    assert str(caught.value).startswith(f"{path}: ") and "\n" not in str(caught.value)


def test_file_over_the_limit(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * 2_000)
    assert len(read_text_limited(path, limit_bytes=2_000)) == 2_000
    with pytest.raises(MatrixError, match="over the 1,000 bytes limit"):
        read_text_limited(path, limit_bytes=1_000)


def test_the_default_limit_holds_the_largest_matrix_the_cell_limits_allow():
    """10,000 strategies x 100 criteria of full-precision floats written by json.dump, with
    names, sources and a rationale per strategy, fit under the default limit."""
    import json

    from decide.core.limits import MAX_CRITERIA, MAX_STRATEGIES

    criteria = [
        {"name": f"criterion number {j:03d}", "objective": "min", "weight": 0.1234567890123456, "rationale": "r" * 200}
        for j in range(MAX_CRITERIA)
    ]
    row = {
        "name": "strategy number 00000",
        "basis": "inferred",
        "source": "s" * 150,
        "rationale": "r" * 300,
        "scores": {c["name"]: -1.2345678901234567e-10 for c in criteria},
    }
    header = json.dumps({"actor": "Largest", "criteria": criteria, "strategies": []}, indent=1)
    size = len(header) + MAX_STRATEGIES * (len(json.dumps(row, indent=1)) + 2)
    assert size <= MAX_FILE_BYTES < 4 * size  # fits, and the limit stays near what such a file needs


def test_the_limit_can_be_raised_or_lowered(tmp_path, monkeypatch):
    from decide.core.errors import SpecError
    from decide.core.limits import file_size_limit, max_file_size

    path = tmp_path / "m.yaml"
    path.write_bytes(b"#" * 3_000)
    monkeypatch.setenv("DECIDE_MAX_FILE_SIZE", "2KB")
    with pytest.raises(MatrixError, match=r"over the 2,048 bytes limit \(raise it with decide --max-file-size"):
        read_text_limited(path)
    with max_file_size("3KB"):
        assert len(read_text_limited(path)) == 3_000
    assert file_size_limit() == 2_048
    monkeypatch.setenv("DECIDE_MAX_FILE_SIZE", "lots")
    with pytest.raises(SpecError, match="DECIDE_MAX_FILE_SIZE"):
        read_text_limited(path)


def test_the_command_line_takes_a_file_size(tmp_path, matrix_file):
    from click.testing import CliRunner

    from decide.cli.main import cli

    path = matrix_file()
    runner = CliRunner()
    small = runner.invoke(cli, ["--max-file-size", "100", "rank", str(path)])
    assert small.exit_code == 1 and "over the 100 bytes limit" in small.output
    assert runner.invoke(cli, ["rank", str(path)]).exit_code == 0  # the option held for one command only
    bad = runner.invoke(cli, ["--max-file-size", "5XB", "rank", str(path)])
    assert bad.exit_code != 0 and "--max-file-size" in bad.output


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_endless_stream_stops_at_the_limit():
    from decide.core.limits import max_file_size

    with max_file_size("5MB"), pytest.raises(MatrixError, match="/dev/zero: more than the 5 MB limit"):
        read_text_limited("/dev/zero")
    with pytest.raises(MatrixError, match="/dev/zero: more than the 71 MB limit"):
        read_text_limited("/dev/zero")


def test_fifo_without_writer_does_not_hang(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    assert read_text_limited(fifo) == ""


def test_fifo_with_writer_is_read(tmp_path):
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_text("actor: X\n"))
    writer.start()
    try:
        # The writer may not have opened the pipe yet: read until it has.
        text = ""
        for _ in range(100):
            text += read_text_limited(fifo)
            if text:
                break
            threading.Event().wait(0.02)
    finally:
        writer.join(timeout=10)
    assert text == "actor: X\n"


def test_folder_loop_long_path_and_missing(tmp_path):
    with pytest.raises(MatrixError, match=r"is a folder, expected a \.yaml file"):
        read_text_limited(tmp_path)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    with pytest.raises(MatrixError, match="symbolic link loop"):
        read_text_limited(tmp_path / "a")
    with pytest.raises(MatrixError, match="path too long"):
        read_text_limited(tmp_path / ("x" * 5000))
    with pytest.raises(MatrixError, match="no such file"):
        read_text_limited(tmp_path / "missing.yaml")


def test_unreadable_file_is_clean(tmp_path, monkeypatch):
    path = tmp_path / "secret.yaml"
    path.write_text("actor: X\n")

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(os, "open", refuse)
    with pytest.raises(MatrixError, match=r"secret\.yaml: permission denied"):
        read_text_limited(path)


def test_shipped_label(tmp_path):
    shipped = tmp_path / "site" / "decide" / "matrices"
    assert shipped_label(shipped / "russia.yaml", shipped) == "shipped matrices/russia.yaml"
    assert shipped_label("japan.yaml", shipped) == "japan.yaml"
    from decide.io.load import shipped_matrices_dir

    assert shipped_label(shipped_matrices_dir() / "china.yaml") == "shipped matrices/china.yaml"


# --------------------------------------------------------------------------- through the command line


@pytest.mark.parametrize("extra", [(), ("-f", "csv")])
def test_cli_refuses_to_write_over_its_input(matrix_file, tmp_path, monkeypatch, extra):
    from click.testing import CliRunner

    from decide.cli.main import cli

    path = matrix_file("r.yaml")
    before = path.read_text()
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    for output in (str(path), "../r.yaml"):
        result = CliRunner().invoke(cli, ["rank", str(path), "-o", output, *extra], catch_exceptions=False)
        assert result.exit_code == 1
        assert "is the input file" in result.stderr and result.stderr.count("\n") == 1
    arguments = ["show", str(tmp_path), "-a", "Testland", "-o", "../r.yaml"]
    shown = CliRunner().invoke(cli, arguments, catch_exceptions=False)
    assert shown.exit_code == 1 and "is the input file" in shown.stderr
    assert path.read_text() == before


def test_cli_output_dash_is_stdout(matrix_file):
    from click.testing import CliRunner

    from decide.cli.main import cli

    result = CliRunner().invoke(cli, ["rank", str(matrix_file()), "-f", "csv", "-o", "-"], catch_exceptions=False)
    assert result.exit_code == 0 and result.stdout.startswith("actor,") and result.stderr == ""


def test_problems_in_shipped_files_name_them_shortly(monkeypatch, tmp_path):
    """Errors about shipped files say 'shipped matrices/x.yaml', not the site-packages path."""
    import decide.core.paths
    import decide.io.load

    shipped = tmp_path / "matrices"
    shipped.mkdir()
    (shipped / "broken.yaml").write_text("actor: X\nactor: Y\n")
    monkeypatch.setattr(decide.core.paths, "shipped_matrices_dir", lambda: shipped)
    with pytest.raises(MatrixError) as caught:
        decide.io.load.load_matrix(shipped / "broken.yaml")
    assert str(caught.value).startswith("shipped matrices/broken.yaml: line 2, column 1: invalid YAML: duplicate key")
