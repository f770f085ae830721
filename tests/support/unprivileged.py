"""Running a command as a user whom file permissions bind.

Tests often run as root (CI containers), and root writes to read-only files anyway. For root the
command runs through ``setpriv`` (util-linux, on every Debian) without the capabilities that
bypass file permissions, so a 0444 file or a 0555 folder is as read-only as for anyone else.
"""

from __future__ import annotations

import os
import shutil


def bound_by_file_permissions(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    setpriv = shutil.which("setpriv")
    assert setpriv is not None, "setpriv (util-linux) is needed to test read-only files as root"
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--", *command]
