"""``decide tune`` on the command line: bad input in one line, no terminal in one line (no hang),
and a real run in a pseudo-terminal that quits with the reproducing command."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

import decide

REPO = Path(__file__).resolve().parents[2]
NO_TERMINAL = (
    "Error: decide tune needs an interactive terminal, but {stream} is not one (piped or redirected?); "
    "run it in a terminal, or use 'decide sensitivity' for a printable report"
)


def decide_process(*args: str, **options) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(REPO), "TERM": "xterm-256color", "COLUMNS": "80", "LINES": "24"}
    return subprocess.Popen([sys.executable, "-m", "decide", *args], env=env, **options)


def test_not_a_terminal_is_one_line(cli):
    result = cli("tune", "-a", "China")
    assert result.exit_code == 1
    assert result.output == NO_TERMINAL.format(stream="stdin") + "\n"


@pytest.mark.slow
def test_piped_output_stops_at_once_instead_of_hanging():
    """``decide tune -a China | cat`` with a terminal as stdin: stdout is the pipe."""
    leader, follower = pty.openpty()
    try:
        process = decide_process("tune", "-a", "China", stdin=follower, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        out, err = process.communicate(timeout=60)
    finally:
        os.close(leader)
        os.close(follower)
    assert process.returncode == 1 and out == b""
    assert err.decode() == NO_TERMINAL.format(stream="stdout") + "\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-a", "Atlantis"], "Error: unknown actor 'Atlantis'; choose from: "),
        (["-a", "China", "-m", "nope"], "Error: unknown method 'nope'; choose from: "),
        (["-a", "China", "--profile", "hawk"], "unknown profile 'hawk'; choose from: mediator, influence, quiet"),
        (["-a", "China", "-w", "cost=x"], "Error: --weights: weight of 'cost' is 'x', not a number"),
        (["-a", "China", "-m", "simus"], "Error: method 'simus' does not use weights"),
    ],
)
def test_bad_input_is_one_line(cli, args, message):
    result = cli("tune", *args)
    assert result.exit_code == 1
    assert message in result.output and len(result.output.splitlines()) == 1


def test_invalid_matrix_is_one_line(cli, matrix_file):
    path = matrix_file(criteria=[{"name": "cost", "objective": "less", "weight": 1}])
    result = cli("tune", str(path), "-a", "Testland")
    assert result.exit_code == 1 and "objective" in result.output and len(result.output.splitlines()) == 1


def read_until(descriptor: int, marker: bytes, seconds: float) -> bytes:
    """Everything the pseudo-terminal shows until ``marker`` appears (or the time runs out)."""
    seen = b""
    deadline = time.monotonic() + seconds
    while marker not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([descriptor], [], [], 0.2)
        if ready:
            try:
                seen += os.read(descriptor, 65536)
            except OSError:  # the process closed the terminal
                break
    return seen


@pytest.mark.slow
def test_a_real_terminal_session_quits_with_the_reproducing_command():
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    process = decide_process("tune", "-a", "China", "-m", "wsm", stdin=follower, stdout=follower, stderr=follower)
    try:
        screen = read_until(leader, b"margin of 1st", 60)
        assert b"margin of 1st" in screen, screen[-500:]
        os.write(leader, b"\x1b[C")  # right: stability + 0.01
        time.sleep(0.5)
        os.write(leader, b"q")
        tail = read_until(leader, b"reproduce: ", 30) + read_until(leader, b"\n", 5)
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        os.close(leader)
        os.close(follower)
    start = decide.show(actor="China").matrix.weights["stability"]
    text = tail.decode(errors="replace")
    assert f"weights: -w stability={start + 0.01:g}," in text
    assert "reproduce: decide rank -a China -m wsm -w stability=" in text
