"""Times a big visit history import: a French Excel export (Windows-1252) read through a mapping.

    PYTHONPATH=src python bench/import_visits.py [--visits 1000000] [--sessions 60000]

Writes a clients file (UTF-8) and a visits file in Windows-1252, semicolons, day/month/year
dates, decimal commas and headers no alias knows (so a mapping file names them and the status
words), imports the clients, then the visits, then the visits again (nothing changes). Each
import runs as `feedback-desk import` in its own process, whose time and peak memory (maximum
resident set size) are printed with the machine. The CPU time says what the import costs
whatever else the machine is doing (on a shared machine, the elapsed time grows with its load).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

CLIENTS = 20_000
COACHES = ("Julie Tremblay", "Marc-André Côté", "Sophie Gagné", "Éric Lévesque", "Anne Roy")
CLASSES = ("Spin 45", "Yoga doux", "Pilates", "Méditation", "HIIT", "Barre", "Zumba")
STATUSES = ("Venu", "Venu", "Venu", "Venu", "Pas venu", "Annulation tardive")
MAPPING = {
    "columns": {
        "Membre n°": "client_id",
        "Activité du jour": "class_name",
        "Jour": "date",
        "Heure début": "time",
        "Animé par": "coach_name",
        "Durée (minutes)": "duration_min",
        "Salle": "location",
        "Présence": "present",
    },
    "date_format": "%d/%m/%Y",
    "time_format": "%H:%M",
    "values": {"present": {"Venu": "yes", "Pas venu": "no", "Annulation tardive": "no"}},
}


def write_files(folder: Path, visits: int, sessions: int) -> tuple[Path, Path, Path]:
    rng = random.Random(14)
    clients = folder / "clients.csv"
    with clients.open("w", encoding="utf-8", newline="") as out:
        out.write("id,first_name,last_name\r\n")
        for i in range(CLIENTS):
            out.write(f"M{i},Prénom{i},Nom{i}\r\n")
    start = datetime(2024, 6, 3, 6, 0)
    per_session, extra = divmod(visits, sessions)
    path = folder / "visites.csv"
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write(";".join(MAPPING["columns"]) + ";Notes\r\n")  # type: ignore[arg-type]
        for s in range(sessions):
            at = start + timedelta(hours=(s // 10) * 24 // 10 + (s % 10), minutes=15 * (s % 3))
            coach, name = COACHES[s % len(COACHES)], CLASSES[s % len(CLASSES)]
            room = f"Salle {1 + s % 3}"
            booked = rng.sample(range(CLIENTS), per_session + (1 if s < extra else 0))
            for client in booked:
                out.write(
                    f"M{client};{name};{at:%d/%m/%Y};{at:%H:%M};{coach};45,0;{room};"
                    f"{rng.choice(STATUSES)};\r\n"
                )
    mapping = folder / "visites.map.json"
    mapping.write_text(json.dumps(MAPPING, ensure_ascii=False), encoding="utf-8")
    return clients, path, mapping


def run(label: str, args: list[str], env: dict[str, str]) -> None:
    """Run `feedback-desk ARGS` in a child process; print its time, peak memory and output."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+", encoding="utf-8") as output:
        # Output to a file, not a pipe: a refused file's problems would fill a pipe and block.
        child = subprocess.Popen(
            [sys.executable, "-m", "feedback_desk", *args],
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        _pid, status, usage = os.wait4(child.pid, 0)
        elapsed = time.perf_counter() - started
        output.seek(0)
        lines = output.read().splitlines()[:6]
    peak_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    cpu = usage.ru_utime + usage.ru_stime
    code = os.waitstatus_to_exitcode(status)
    print(f"{label}: {elapsed:.1f} s ({cpu:.1f} s of CPU), peak {peak_mb:.0f} MB, exit {code}")
    for line in lines:
        print(f"    {line}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--visits", type=int, default=1_000_000)
    parser.add_argument("--sessions", type=int, default=60_000)
    options = parser.parse_args()
    print(f"{platform.python_version()} on {platform.platform()}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        began = time.perf_counter()
        clients, visits, mapping = write_files(folder, options.visits, options.sessions)
        size = visits.stat().st_size / 2**20
        print(
            f"wrote {options.visits:,} visits of {options.sessions:,} sessions "
            f"({size:.0f} MB, Windows-1252) in {time.perf_counter() - began:.0f} s"
        )
        env = dict(os.environ, FEEDBACK_DESK_DATA_DIR=str(folder / "data"))
        src = Path(__file__).resolve().parents[1] / "src"
        env["PYTHONPATH"] = os.pathsep.join([str(src), env.get("PYTHONPATH", "")])
        store = ["--store", str(folder / "bench.sqlite"), "--at", "2026-05-01T12:00"]
        run("import clients", ["import", "clients", str(clients), *store], env)
        base = ["import", "visits", str(visits), "--map", str(mapping), *store]
        run("import visits (new)", base, env)
        run("re-import visits (unchanged)", base, env)


if __name__ == "__main__":
    main()
