"""Wall time and peak memory of a command's whole process tree."""
from __future__ import annotations

import subprocess
import time
from pathlib import Path


def _tree_memory(process) -> int:
    """Bytes held by a process and its descendants: the sum of their PSS (shared pages
    counted once across the tree), or RSS where PSS cannot be read."""
    import psutil

    total = 0
    for member in [process, *process.children(recursive=True)]:
        try:
            info = member.memory_full_info()
            total += getattr(info, "pss", 0) or info.rss
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return total


def run_measured(command: list[str], interval: float = 0.1) -> tuple[float, int | None]:
    """(wall seconds, peak bytes of the process tree or None without psutil) of a command."""
    try:
        import psutil
    except ImportError:
        psutil = None
    started = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    watched = psutil.Process(child.pid) if psutil else None
    while child.poll() is None:
        if watched is not None:
            try:
                peak = max(peak, _tree_memory(watched))
            except psutil.NoSuchProcess:
                pass
        time.sleep(interval)
    elapsed = time.perf_counter() - started
    if child.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} exited {child.returncode}: {child.stderr.read().decode()[-2000:]}")
    return elapsed, (peak if watched is not None else None)


def wall(command: list[str], repeats: int = 3) -> float:
    """The median wall time of a command."""
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - started)
    return sorted(times)[len(times) // 2]


def characters(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8")) for p in paths)
