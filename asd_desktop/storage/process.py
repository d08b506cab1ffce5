"""The process itself: no core dump, owner-only files, from the first line of ``main``.

A core dump is a copy of the process's memory: the data key, the passphrase while it
is typed, and every name on the screen. On Linux the core size limit is set to zero
and the process is marked not dumpable (``prctl(PR_SET_DUMPABLE, 0)``), so the kernel
writes no core on a crash and no other process of the same user may attach to it
(``ptrace``, ``gcore``). The file mode mask makes every file the program creates
readable by its owner only. Windows: the process turns off the fault dialog that offers
to send a report (``SetErrorMode``); excluding the program from Windows Error Reporting's
dumps is the office's setting (docs/SECURITY.md): the program changes no system setting.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys
from dataclasses import dataclass

#: ``<linux/prctl.h>``.
PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3
#: Files and folders the program creates: owner only (rw------- / rwx------).
OWNER_ONLY_UMASK = 0o077


@dataclass(frozen=True)
class Hardening:
    """What :func:`harden_process` achieved (for the log of a test, never for a user)."""

    core_limit_zero: bool
    not_dumpable: bool
    umask_set: bool
    no_fault_dialog: bool = False


_done: Hardening | None = None


def harden_process() -> Hardening:
    """Forbid core dumps and make new files owner-only; safe to call more than once."""
    global _done
    if _done is not None:
        return _done
    os.umask(OWNER_ONLY_UMASK)
    core = dumpable = dialog = False
    if sys.platform.startswith("linux"):
        core = _core_limit_zero()
        dumpable = _not_dumpable()
    elif sys.platform == "win32":  # pragma: no cover - Windows only
        dialog = _no_fault_dialog()
    _done = Hardening(
        core_limit_zero=core, not_dumpable=dumpable, umask_set=True, no_fault_dialog=dialog
    )
    return _done


#: ``SetErrorMode`` flags: no critical-error box, no fault box (that offers a WER report).
SEM_FAILCRITICALERRORS = 0x0001
SEM_NOGPFAULTERRORBOX = 0x0002


def _no_fault_dialog() -> bool:  # pragma: no cover - Windows only
    if sys.platform != "win32":
        return False
    ctypes.windll.kernel32.SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX)
    return True


def _core_limit_zero() -> bool:
    import resource

    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ValueError, OSError):
        return False
    return resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)


def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c") or "libc.so.6"
    try:
        return ctypes.CDLL(name, use_errno=True)
    except OSError:
        return None


def _not_dumpable() -> bool:
    libc = _libc()
    if libc is None:
        return False
    prctl = libc.prctl
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    if prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
        return False
    return int(prctl(PR_GET_DUMPABLE, 0, 0, 0, 0)) == 0
