"""Process hardening at start-up: a crash must not write the record's key to a core file."""

import ctypes
import ctypes.util
import sys

try:
    import resource  # POSIX only: Windows has no core files to stop
except ImportError:
    resource = None  # type: ignore[assignment]

PR_SET_DUMPABLE = 4


def disable_core_dumps() -> None:
    """No core file on a crash (it would hold the data key and decrypted pages)."""
    try:
        if resource is not None:
            resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        pass  # not allowed here; prctl below still stops dumps on Linux
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)
        # Also keeps other processes of the same user from attaching a debugger to read memory.
        libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
