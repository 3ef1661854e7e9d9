"""One line naming the machine, the interpreter, the code and the day a measurement was made."""

from __future__ import annotations

import os
import platform
import subprocess
from datetime import date
from pathlib import Path


def cpu_model() -> str:
    """The CPU's model name from /proc/cpuinfo (Linux), else what platform knows."""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gb() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) / 1024**2
    except OSError:
        pass
    return None


def git_revision(repo: Path) -> str:
    """HEAD's short hash, marked when the working tree has uncommitted changes."""
    try:
        head = _git(repo, "rev-parse", "--short", "HEAD")
        dirty = _git(repo, "status", "--porcelain", "--untracked-files=no")
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return f"{head}{' with uncommitted changes' if dirty else ''}"


def _git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout.strip()  # fmt: skip


def describe(repo: Path) -> str:
    """'x86_64, Intel(R) Xeon(R) Processor, 2 cores, 23.5 GB, Python 3.11.2, …, 2026-11-23'."""
    memory = memory_gb()
    parts = [
        platform.machine(),
        cpu_model(),
        f"{os.cpu_count()} cores",
        f"{memory:.1f} GB RAM" if memory else "",
        f"Python {platform.python_version()}",
        f"{platform.system()} {platform.release()}",
        f"git {git_revision(repo)}",
        f"load average {os.getloadavg()[0]:.2f} at the start",
        date.today().isoformat(),
    ]
    return ", ".join(p for p in parts if p)
