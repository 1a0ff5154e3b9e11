"""Running the ``lede`` binary from Python."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Union

PathLike = Union[str, "os.PathLike[str]"]

#: What each exit status of ``lede run`` means (README.md, "Using it").
EXIT_CODES = {
    0: "all fine",
    1: "finished, but some documents were rejected (each is in rejects.jsonl with its reason)",
    2: "bad usage or configuration",
    3: "an input/output failure, or a plugin that cannot go on",
    130: "stopped by SIGINT",
    143: "stopped by SIGTERM",
}


class LedeError(RuntimeError):
    """``lede`` failed: ``returncode``, its meaning, the command, ``stderr`` and, when known, ``output``
    (the output folder; after exit status 1 it holds every output, with the refused documents in
    ``rejects.jsonl``)."""

    def __init__(self, message: str, *, returncode: Optional[int] = None, command: Sequence[str] = (),
                 stderr: str = "", stdout: str = "", output: Optional[Path] = None) -> None:
        super().__init__(message)
        self.returncode = returncode
        self.command = list(command)
        self.stderr = stderr
        self.stdout = stdout
        self.output = output

    @property
    def meaning(self) -> str:
        """The README's meaning of the exit status."""
        return exit_meaning(self.returncode)


def exit_meaning(code: Optional[int]) -> str:
    """The meaning of one exit status of ``lede``."""
    if code is None:
        return "did not run"
    if code in EXIT_CODES:
        return EXIT_CODES[code]
    if code < 0:
        return f"killed by signal {-code}"
    return f"unexpected exit status {code}"


def find_binary(binary: Optional[PathLike] = None) -> str:
    """The ``lede`` program: ``binary`` if given, else ``$LEDE_BIN``, else ``lede`` on the ``PATH``."""
    if binary is not None:
        candidate = os.fspath(binary)
        where = "binary="
    elif os.environ.get("LEDE_BIN"):
        candidate = os.environ["LEDE_BIN"]
        where = "$LEDE_BIN"
    else:
        found = shutil.which("lede")
        if found is None:
            raise LedeError(
                "cannot find the lede program: pass binary=, set $LEDE_BIN, or put lede on the PATH "
                "(`swift build -c release` leaves it at .build/release/lede)"
            )
        return found
    resolved = shutil.which(candidate) if os.sep not in candidate else candidate
    if resolved is None or not os.path.isfile(resolved) or not os.access(resolved, os.X_OK):
        raise LedeError(f"{where} {candidate!r} is not an executable file")
    return resolved


def run(
    pipeline: PathLike,
    *,
    input: Union[PathLike, Iterable[PathLike], None] = None,
    output: Optional[PathLike] = None,
    jobs: Optional[int] = None,
    binary: Optional[PathLike] = None,
    check: bool = True,
    format: Optional[str] = None,
    extra_args: Sequence[str] = (),
    timeout: Optional[float] = None,
) -> Path:
    """Run ``lede run PIPELINE`` and return its output folder.

    ``input`` (one path or several; files, folders or globs) replaces the pipeline's ``input.paths``,
    ``output`` its output folder, ``jobs`` the number of parallel workers, ``format`` (``"text"`` or
    ``"jsonl"``) its input format; ``extra_args`` go on the command line as they are (``["--resume"]``).
    The program is ``binary``, else ``$LEDE_BIN``, else ``lede`` on the ``PATH``.

    With ``check=True`` (the default) any non-zero exit status raises :class:`LedeError` carrying the
    status, its meaning from the README and lede's standard error. That includes status 1, "finished,
    but some documents were rejected": its outputs are complete and ``error.output`` names the folder.
    With ``check=False`` the folder is returned whatever the status; only a run that could not start
    raises (or, without ``output``, a pipeline so broken that ``lede explain`` cannot tell its folder).

    When ``output`` is not given, the folder is the pipeline's own, as ``lede explain`` resolves it.
    An input of ``"-"`` reads this process's standard input; otherwise lede's standard input is empty.
    """
    program = find_binary(binary)
    command: List[str] = [program, "run", os.fspath(pipeline), "--quiet"]
    reads_stdin = False
    if input is not None:
        inputs = [input] if isinstance(input, (str, os.PathLike)) else list(input)
        if not inputs:
            raise ValueError("input= is empty: give at least one path, or None for the pipeline's own inputs")
        for item in inputs:
            command += ["--input", os.fspath(item)]
            reads_stdin = reads_stdin or os.fspath(item) == "-"
    if output is not None:
        command += ["--output", os.fspath(output)]
    if jobs is not None:
        if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
            raise ValueError(f"jobs must be a positive whole number, not {jobs!r}")
        command += ["--jobs", str(jobs)]
    if format is not None:
        command += ["--format", format]
    command += list(extra_args)

    folder = Path(os.fspath(output)).resolve() if output is not None else None
    try:
        done = subprocess.run(command, stdin=None if reads_stdin else subprocess.DEVNULL, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
    except OSError as error:
        raise LedeError(f"cannot start {program}: {error}", command=command) from error
    except subprocess.TimeoutExpired as error:
        raise LedeError(f"lede run took longer than {timeout} s and was stopped", command=command,
                        output=folder) from error
    if folder is None and done.returncode in (0, 1):
        folder = _explained_output(program, os.fspath(pipeline))
    if done.returncode != 0 and check:
        stderr = done.stderr.strip()
        message = f"lede run exited with status {done.returncode} ({exit_meaning(done.returncode)})"
        if stderr:
            message += ":\n" + stderr
        raise LedeError(message, returncode=done.returncode, command=command, stderr=done.stderr,
                        stdout=done.stdout, output=folder if done.returncode == 1 else None)
    if folder is None:
        folder = _explained_output(program, os.fspath(pipeline))
    return folder


def _explained_output(program: str, pipeline: str) -> Path:
    """The pipeline's output folder, from the ``output:`` line of ``lede explain``."""
    done = subprocess.run([program, "explain", pipeline], stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, encoding="utf-8", errors="replace")
    if done.returncode == 0:
        for line in done.stdout.splitlines():
            if line.startswith("output: "):
                return Path(line[len("output: "):].strip())
    raise LedeError(f"cannot tell the output folder of {pipeline} (lede explain exited with "
                    f"{done.returncode}); pass output=", returncode=done.returncode,
                    command=[program, "explain", pipeline], stderr=done.stderr)
