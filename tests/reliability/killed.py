"""Reading what a child printed, once it has been killed with SIGKILL."""

import subprocess


def output_after_kill(proc: subprocess.Popen, timeout: float) -> tuple[str, str]:
    """The rest of the killed child's stdout (after the lines the test already read) and its stderr.

    Read through the same file objects the test read its first lines from: Popen.communicate reads the
    raw pipes, so lines an earlier readline() had already buffered would be lost, and an acknowledged
    write would look as if it never was. The child is dead and starts no processes of its own, so its
    pipes are at their end and reading cannot block; `timeout` bounds only the wait for its exit status.
    """
    rest = proc.stdout.read()
    errors = proc.stderr.read()
    proc.wait(timeout=timeout)
    for stream in (proc.stdin, proc.stdout, proc.stderr):
        if stream is not None:
            stream.close()
    return rest, errors
