"""Reading and writing files safely: bounded reads, atomic writes, one clean error line.

Limits: a matrix file may hold at most :func:`~decide.core.limits.file_size_limit` bytes
(:data:`MAX_FILE_BYTES`, 71 MB, unless raised); reading stops there, so ``/dev/zero`` or an
endless pipe never hangs or fills memory.

Writing replaces regular files atomically (a temporary file in the same folder, then
``os.replace``), keeps an existing file's permissions (else the umask's), writes straight
into devices and pipes (never replacing them), and refuses to overwrite an input file.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as folder:
...     written = write_output(pathlib.Path(folder) / "out.txt", "hello\\n")
...     print(written[-7:], repr(read_text_limited(written)))
out.txt 'hello\\n'
"""

from __future__ import annotations

import contextlib
import contextvars
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from decide.core.errors import DecideError, MatrixError
from decide.core.limits import FILE_SIZE_VARIABLE, file_size_limit
from decide.core.limits import MAX_FILE_BYTES as MAX_FILE_BYTES  # the default, read here since the start
from decide.core.paths import shipped_label

STDOUT = "-"
_CHUNK = 64 * 1024
Content = str | bytes | Callable[[str], None]


# --------------------------------------------------------------------------- inputs of a command

#: The paths read (and declared) since :func:`guard_inputs` was entered; ``None`` outside one.
_INPUTS: contextvars.ContextVar[list[str] | None] = contextvars.ContextVar("decide_inputs", default=None)


@contextlib.contextmanager
def guard_inputs() -> Iterator[list[str]]:
    """Within this block every file decide reads (and every path passed to :func:`note_input`)
    is an input: :func:`write_output` refuses to write over any of them, through symlinks and
    hard links. The command line runs each command inside one.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as folder, guard_inputs():
    ...     source = pathlib.Path(folder) / "m.yaml"
    ...     _ = source.write_text("actor: x")
    ...     _ = read_text_limited(source)
    ...     try:
    ...         write_output(source, "table")
    ...     except DecideError as error:
    ...         print(str(error).replace(folder, "F"))
    F/m.yaml: is the input file F/m.yaml; writing there would destroy it, choose another name
    """
    token = _INPUTS.set([])
    try:
        yield _INPUTS.get() or []
    finally:
        _INPUTS.reset(token)


def note_input(path: str | os.PathLike[str] | None) -> None:
    """Count ``path`` as an input of the running command (a file it will read or update)."""
    found = _INPUTS.get()
    if found is not None and path is not None and os.fspath(path) not in ("", STDOUT):
        found.append(os.fspath(path))


def inputs_read() -> list[str]:
    """The inputs of the running command so far (empty outside :func:`guard_inputs`)."""
    return list(dict.fromkeys(_INPUTS.get() or []))


def check_output(path: str | os.PathLike[str], inputs: Sequence[str | os.PathLike[str]] = ()) -> None:
    """Raise a one-line :class:`~decide.core.errors.DecideError` naming both when ``path``
    (resolved through symlinks) is one of ``inputs`` or of the running command's inputs."""
    label = os.fspath(path)
    if label == STDOUT or not label:
        return
    same = _is_same_file(Path(label), [*inputs, *inputs_read()])
    if same is not None:
        raise DecideError(f"{label}: is the input file {same}; writing there would destroy it, choose another name")


# --------------------------------------------------------------------------- reading


def _read_problem(label: str, error: OSError) -> str:
    reasons = {
        errno.ENOENT: "no such file",
        errno.EISDIR: "is a folder, expected a .yaml file",
        errno.ELOOP: "symbolic link loop; fix or remove the link",
        errno.ENAMETOOLONG: "path too long; use a shorter path",
        errno.EACCES: "permission denied; check the file's and its folders' permissions",
        errno.EPERM: "permission denied; check the file's and its folders' permissions",
        errno.ENOTDIR: "a part of the path is not a folder",
    }
    return f"{label}: {reasons.get(error.errno or 0, f'cannot read ({error.strerror or error})')}"


def _decode(data: bytes, label: str) -> str:
    utf16_or_32 = (b"\xff\xfe", b"\xfe\xff")
    if data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        raise MatrixError([f"{label}: looks like UTF-32 text; save it as UTF-8"])
    if data.startswith(utf16_or_32):
        raise MatrixError([f"{label}: looks like UTF-16 text; save it as UTF-8"])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    nul = data.find(b"\x00")
    if nul >= 0:
        sample = data[:400]
        if sample.count(b"\x00") * 4 >= len(sample):  # every other (or every fourth) byte
            raise MatrixError([f"{label}: looks like UTF-16 or UTF-32 text (NUL bytes); save it as UTF-8"])
        raise MatrixError([f"{label}: contains a NUL byte at offset {nul}; expected a UTF-8 text file"])
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MatrixError(
            [f"{label}: not UTF-8 text (invalid byte at offset {error.start}); save it as UTF-8"]
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text_limited(path: str | os.PathLike[str], *, limit_bytes: int | None = None, label: str | None = None) -> str:
    """The UTF-8 text of ``path`` (BOM removed, line endings normalised), reading at most
    ``limit_bytes`` (default: :func:`~decide.core.limits.file_size_limit`).

    Every problem is a :class:`~decide.core.errors.MatrixError` with one line naming the file.

    >>> read_text_limited("/nonexistent/m.yaml")
    Traceback (most recent call last):
    decide.MatrixError: /nonexistent/m.yaml: no such file
    """
    label = label if label is not None else str(path)
    if limit_bytes is None:
        limit_bytes = file_size_limit()
    note_input(path)
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise MatrixError([f"{label}: is a folder, expected a .yaml file"])
        if stat.S_ISREG(info.st_mode) and info.st_size > limit_bytes:
            raise MatrixError([f"{label}: file is {info.st_size:,} bytes, over the {_size(limit_bytes)} limit{_RAISE}"])
        # Non-blocking open: a pipe with no writer must not hang; reads are blocking again after.
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            os.set_blocking(descriptor, True)
            chunks: list[bytes] = []
            total = 0
            while total <= limit_bytes:
                chunk = os.read(descriptor, min(_CHUNK, limit_bytes + 1 - total))
                if not chunk:
                    break
                chunks.append(chunk)
                total += len(chunk)
        finally:
            os.close(descriptor)
    except OSError as error:
        raise MatrixError([_read_problem(label, error)]) from None
    except ValueError as error:  # an embedded NUL in the path, say
        raise MatrixError([f"{label}: invalid path ({error})"]) from None
    if total > limit_bytes:
        raise MatrixError([f"{label}: more than the {_size(limit_bytes)} limit; a matrix file must be smaller{_RAISE}"])
    return _decode(b"".join(chunks), label)


_RAISE = f" (raise it with decide --max-file-size or {FILE_SIZE_VARIABLE})"


def file_identity(path: str | os.PathLike[str]) -> tuple | None:
    """What identifies a regular file's content for a cache: its absolute path, device,
    inode, size (index 3) and change times in nanoseconds; ``None`` for pipes and the like."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (os.path.abspath(path), info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _size(limit_bytes: int) -> str:
    if limit_bytes >= 1024 * 1024 and limit_bytes % (1024 * 1024) == 0:
        return f"{limit_bytes // (1024 * 1024)} MB"
    return f"{limit_bytes:,} bytes"


# --------------------------------------------------------------------------- writing


def _write_problem(label: str, error: OSError, folder: Path) -> str:
    code = error.errno or 0
    if code == errno.ENOSPC:
        return f"{label}: no space left on the device; free some space or write elsewhere"
    if code == errno.EDQUOT:
        return f"{label}: disk quota exceeded; free some space or write elsewhere"
    if code == errno.EISDIR:
        return f"{label}: is a folder; give a file name, such as {Path(label) / 'ranking.csv'}"
    if code in (errno.ENOENT, errno.ENOTDIR) and folder.is_dir():
        return f"{label}: cannot create a file in '{folder}'; choose another folder"
    if code in (errno.ENOENT, errno.ENOTDIR):
        return f"{label}: folder '{folder}' does not exist"
    if code in (errno.EACCES, errno.EPERM):
        return f"{label}: permission denied; choose a folder you can write to"
    if code == errno.EROFS:
        return f"{label}: the folder is on a read-only file system; choose another folder"
    if code == errno.ENAMETOOLONG:
        return f"{label}: file name too long; choose a shorter name"
    return f"{label}: cannot write ({error.strerror or error})"


def _umask() -> int:
    """The process's umask, read without changing it where Linux allows (other threads may be creating files)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _as_bytes(content: str | bytes) -> bytes:
    return content.encode("utf-8") if isinstance(content, str) else content


def _is_same_file(target: Path, inputs: Sequence[str | os.PathLike[str]]) -> str | None:
    real = os.path.realpath(target)
    for source in inputs:
        try:
            if os.path.realpath(source) == real or os.path.samefile(target, source):
                return str(source)
        except (OSError, ValueError):
            continue
    return None


def _direct(target: Path, info: os.stat_result | None) -> bool:
    """Whether ``target`` is written in place: devices, pipes, sockets, ``/dev/*`` and ``/proc/*``."""
    if info is not None and not stat.S_ISREG(info.st_mode):
        return True
    text = str(target)
    real = os.path.realpath(target)
    return text.startswith(("/dev/", "/proc/")) or real.startswith(("/dev/", "/proc/"))


def _render_callable(write: Callable[[str], None], suffix: str) -> bytes:
    """Let ``write`` fill a private temporary file and return its bytes (for devices and stdout)."""
    handle, temporary = tempfile.mkstemp(prefix=".decide-", suffix=suffix)
    os.close(handle)
    try:
        write(temporary)
        return Path(temporary).read_bytes()
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temporary)


def write_output(
    path: str | os.PathLike[str],
    content: Content,
    *,
    inputs: Sequence[str | os.PathLike[str]] = (),
    updates: bool = False,
) -> str:
    """Write ``content`` to ``path`` safely and return how to name what was written.

    ``content`` is text, bytes, or a callable that writes into the temporary path it is given.
    ``-`` is standard output. Errors are one-line :class:`~decide.core.errors.DecideError`\\ s and
    leave nothing behind. ``path`` may not be one of ``inputs`` nor any file the running
    command read (:func:`guard_inputs`), unless ``updates`` says the command is meant to
    rewrite it (saving a profile into a matrix file).

    >>> write_output("-", "to stdout\\n")
    to stdout
    'standard output'
    """
    label = os.fspath(path)
    if label == STDOUT:
        data = _render_callable(content, "") if callable(content) else _as_bytes(content)
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text-only stream (doctest, captured output)
            sys.stdout.write(data.decode("utf-8", errors="replace"))
        else:
            buffer.write(data)
            buffer.flush()
        return "standard output"
    if not label or label.endswith(os.sep) or Path(label).name in ("", ".", ".."):
        raise DecideError(f"{label or path!r}: is a folder; give a file name, such as ranking.csv")
    target = Path(label)
    folder = target.parent
    if not updates:
        check_output(target, inputs)
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise DecideError(_write_problem(label, error, folder)) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise DecideError(f"{label}: is a folder; give a file name, such as {target / 'ranking.csv'}")
    try:
        if _direct(target, info):
            data = _render_callable(content, target.suffix) if callable(content) else _as_bytes(content)
            with open(target, "wb") as stream:
                stream.write(data)
        else:
            _replace_atomically(target, content, info)
    except OSError as error:
        raise DecideError(_write_problem(label, error, folder)) from None
    return label


def _replace_atomically(target: Path, content: Content, info: os.stat_result | None) -> None:
    if target.is_symlink():  # replace the file the link points to, not the link
        target = Path(os.path.realpath(target))
    folder = target.parent
    mode = stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask()
    # The temporary name keeps the suffix (Excel writers check it) but stays short.
    handle, temporary = tempfile.mkstemp(prefix=f".{target.stem[:40]}.tmp-", suffix=target.suffix[:16], dir=folder)
    try:
        if callable(content):
            os.close(handle)
            handle = -1
            content(temporary)
        else:
            with os.fdopen(handle, "wb") as stream:
                handle = -1
                stream.write(_as_bytes(content))
                stream.flush()
                os.fsync(stream.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        if handle >= 0:
            with contextlib.suppress(OSError):
                os.close(handle)
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise


def read_yaml_file(path: Path, expected: str) -> Any:
    """Parse one YAML file; a :class:`~decide.core.errors.MatrixError` names the file, line and
    problem, and an empty file says what it should hold (``expected``: "keys actor and scenarios")."""
    from decide.io.yamlsafe import parse_yaml

    label = shipped_label(path)
    text = read_text_limited(path, label=label)
    if not text.strip():
        raise MatrixError([f"{label}: file is empty; expected {expected}"])
    return parse_yaml(text, label)
