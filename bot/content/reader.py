"""Reading a content file into text, refusing what no scenario can be:
too large, binary, not UTF-8, unreadable."""

import os
import stat
from pathlib import Path

from .diagnostics import Report

MAX_BYTES = 256 * 1024


def read_text(path: Path, report: Report) -> str | None:
    """The file's text with BOM and CRLF normalised, or None after reporting why not."""
    try:
        # O_NONBLOCK: a FIFO or device named *.md must not hang the checker
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                report.error(1, "encoding", "not a regular file")
                return None
            data = handle.read(MAX_BYTES + 1)
    except OSError as err:
        report.error(1, "encoding", f"cannot read the file: {err.strerror or err}")
        return None
    if len(data) > MAX_BYTES:
        report.error(1, "encoding", f"file is over {MAX_BYTES // 1024} KiB; no scenario needs that much")
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        report.error(data.count(b"\n", 0, nul) + 1, "encoding", "file contains a NUL byte (is it a binary file?)")
        return None
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        report.error(line, "encoding", f"not UTF-8 (byte 0x{data[err.start]:02x}); save the file as UTF-8")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")
