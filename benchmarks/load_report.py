"""The load benchmark's report (benchmarks/load_pg.py): the clients' results merged, latency and write-lock
tables, CPU per operation and the server's, and the read-back that finds lost writes and notice-number gaps."""

from __future__ import annotations

import os
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any


def merge(results: list[dict[str, Any]]) -> dict[str, Any]:
    """The clients' results as one: per-key lists concatenated, error counts added."""
    out: dict[str, Any] = {key: defaultdict(list) for key in ("timings", "lock", "cpu")}
    out |= {"errors": Counter(), "kept": [], "notices": []}
    for r in results:
        for key in ("timings", "lock", "cpu"):
            for name, values in r[key].items():
                out[key][name] += values
        out["errors"].update(r["errors"])
        out["kept"] += r["kept"]
        out["notices"] += r["notices"]
    return out


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] * 1000


def print_latency(merged: dict[str, Any], ops: list[str]) -> None:
    timings, lock = merged["timings"], merged["lock"]
    print(f"{'operation':<16}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for op in ops:
        values = timings.get(op, [])
        if values:
            print(f"{op:<16}{len(values):>7}{pct(values, 0.5):>9.1f}{pct(values, 0.95):>9.1f}{pct(values, 0.99):>9.1f}")
    print("the write lock, per operation (a transaction waits for it, then holds it until its commit; record")
    print("finding, undo, opening and submitting a review hold it in shared mode, beside each other; chain: from")
    print("locking the audit chain's head, which every writer takes last, to the commit):")
    print(f"{'operation':<16}{'count':>7}{'wait p50':>10}{'wait p95':>10}{'hold p50':>10}{'hold p95':>10}"
          f"{'chain p50':>11}{'chain p95':>11}")  # fmt: skip
    for op in ops:
        waits, holds, chain = lock.get(f"{op} wait", []), lock.get(f"{op} hold", []), lock.get(f"{op} chain", [])
        if holds:
            print(f"{op:<16}{len(holds):>7}{pct(waits, 0.5):>10.1f}{pct(waits, 0.95):>10.1f}"
                  f"{pct(holds, 0.5):>10.1f}{pct(holds, 0.95):>10.1f}"
                  f"{pct(chain, 0.5):>11.1f}{pct(chain, 0.95):>11.1f}")  # fmt: skip


def print_cpu(merged: dict[str, Any], ops: list[str], wall: float, server_used: float) -> None:
    cpu = merged["cpu"]
    clients_cpu = sum(sum(v) for v in cpu.values())
    cores = os.cpu_count() or 1
    print(f"CPU in the measured {wall:.0f} s ({cores} cores: {cores * wall:.0f} CPU-seconds at most): "
          f"the clients' operations {clients_cpu:.1f} s, the server {server_used:.1f} s")  # fmt: skip
    print(f"{'operation':<16}{'client CPU ms p50':>18}{'mean':>8}{'total s':>9}")
    for op in ops:
        values = cpu.get(op, [])
        if values:
            print(f"{op:<16}{pct(values, 0.5):>18.1f}{1000 * sum(values) / len(values):>8.1f}{sum(values):>9.1f}")


def server_cpu(server: str) -> float:
    """CPU seconds used so far by the server's processes (its postmaster's tree, read from /proc): on the same
    machine only, else 0."""
    from sqlalchemy import create_engine, text

    engine = create_engine(server)
    try:
        with engine.connect() as conn:
            folder = Path(str(conn.execute(text("SHOW data_directory")).scalar()))
        master = int((folder / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return 0.0
    finally:
        engine.dispose()
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, parent = int(entry.name), int(fields[1])
        if pid == master:  # its own time and its ended children's (backends of closed connections)
            total += sum(int(x) for x in fields[11:15]) / tick
        elif parent == master:  # live backends: utime + stime
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def verify(url: str, kept: list[int], notices: list[str]) -> tuple[int, int, bool]:
    """(findings lost, notices lost, numbers gap-free: per issuer code and year, serials 1 … last, each once)."""
    from sqlalchemy import select

    from reviewapp.services.workbench import Workbench
    from reviewapp.storage.models import DocumentSerial, Finding, Notice

    wb = Workbench.open(url)
    try:
        with wb.db.session() as s:
            stored = set(s.scalars(select(Finding.id).where(Finding.deleted_at.is_(None))))
            numbers = set(s.scalars(select(Notice.number)))
            gap_free = True
            notice_codes = select(Notice.issuer_code).distinct()  # the table also numbers review files
            for code, year, last in s.execute(
                select(DocumentSerial.issuer_code, DocumentSerial.year, DocumentSerial.last_serial).where(
                    DocumentSerial.issuer_code.in_(notice_codes)
                )
            ):
                serials = sorted(
                    s.scalars(
                        select(Notice.serial).where(
                            Notice.issuer_code == code, Notice.year == year, Notice.version == 1
                        )
                    )
                )
                if serials != list(range(1, last + 1)):
                    gap_free = False
                    print(f"serials of {code} {year}: last {last}, stored {serials[:20]}")
    finally:
        wb.close()
    lost_findings = sum(1 for u in kept if u not in stored)
    lost_notices = sum(1 for n in notices if n not in numbers)
    return lost_findings, lost_notices, gap_free
