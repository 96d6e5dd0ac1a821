"""The web API under load, beside the cost of one command-line call.

    python benchmarks/web_api.py                     # one and two workers (about two minutes)
    python benchmarks/web_api.py --requests 100 --workers 1   # shorter

It starts ``antq serve`` on a free port of the loopback address (127.0.0.1;
nothing else is ever contacted), once per worker count, and measures:

* ``POST /units/evaluate`` with one residential area, the call a portal makes
  while an official types a unit's facts: ``--requests`` requests from
  ``--concurrency`` clients, each on its own kept-alive connection;
* ``POST /rounds/evaluate`` with a round of 1,000 units (a synthetic round of
  ``national_round.py``: communes and their units): ``--round-requests``
  requests from two clients;

and prints requests per second and latency percentiles (p50, p90, p99, max)
beside the cost of the same work through ``antq evaluate FILE --format json``,
a fresh process per call (the way a program in another language uses antq
without the API). Every answer is checked to be the command line's, byte for
byte. Every loop is bounded by its count and by ``--max-seconds``; the clients
and the server share the machine's cores, so the figures are a floor.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import national_round  # noqa: E402

HOST = "127.0.0.1"
ANTQ = [sys.executable, "-c", "from antq.cli import main; raise SystemExit(main())"]


def one_unit() -> dict[str, Any]:
    """A document of one residential area, from the bundled example."""
    example = json.loads((HERE.parent / "examples" / "commune-2025.json").read_text("utf-8"))
    area = next(u for u in example["units"] if u["kind"] == "residential_area")
    return {"antq": 2, "units": [area]}


def round_of(size: int) -> dict[str, Any]:
    """A synthetic round of exactly ``size`` units (communes and their units)."""
    by_kind = national_round.generate(scale=size / 148_000)
    communes = by_kind.pop("commune")
    others = [u for units in by_kind.values() for u in units]
    return {"antq": 2, "units": communes + others[: size - len(communes)]}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def cli_cost(path: Path, calls: int) -> tuple[list[float], bytes]:
    """Seconds of ``antq evaluate PATH --format json`` in a fresh process, each call."""
    times, output = [], b""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    for _ in range(calls):
        started = time.perf_counter()
        done = subprocess.run(
            [*ANTQ, "evaluate", str(path), "--format", "json"], capture_output=True, env=env
        )
        times.append(time.perf_counter() - started)
        output = done.stdout
    return times, output


class Server:
    def __init__(self, workers: int) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                *ANTQ,
                "serve",
                *("--port", str(self.port), "--workers", str(workers), "--no-access-log"),
                *("--time-limit", "120", "--max-waiting", "64"),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection(HOST, self.port, timeout=5)
                connection.request("GET", "/health")
                if connection.getresponse().status == 200:
                    connection.close()
                    return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise SystemExit("antq serve did not start")

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()


def load(
    port: int, path: str, body: bytes, expected: bytes, requests: int, clients: int, limit: float
) -> tuple[list[float], float]:
    """Send ``requests`` POSTs from ``clients`` threads; the latencies and the wall time."""
    latencies: list[float] = []
    lock = threading.Lock()
    remaining = [requests]
    stop_at = time.monotonic() + limit
    failures: list[str] = []

    def client() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=limit)
        headers = {"Content-Type": "application/json"}
        while time.monotonic() < stop_at:
            with lock:
                if remaining[0] == 0:
                    break
                remaining[0] -= 1
            started = time.perf_counter()
            connection.request("POST", path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read()
            elapsed = time.perf_counter() - started
            if response.status != 200 or content != expected:
                failures.append(f"{response.status}: {content[:200]!r}")
            with lock:
                latencies.append(elapsed)
        connection.close()

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    if failures:
        raise SystemExit(f"{len(failures)} answers differ from the command line's: {failures[0]}")
    return latencies, wall


def percentiles(latencies: list[float]) -> str:
    ordered = sorted(latencies)

    def at(q: float) -> float:
        return 1000 * ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]

    return f"p50 {at(0.5):8.1f}  p90 {at(0.9):8.1f}  p99 {at(0.99):8.1f}  max {at(1):8.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400, help="/units/evaluate requests")
    parser.add_argument("--concurrency", type=int, default=4, help="clients for /units/evaluate")
    parser.add_argument("--round-requests", type=int, default=8, help="1,000-unit rounds sent")
    parser.add_argument("--round-units", type=int, default=1000)
    parser.add_argument("--workers", default="1,2", help="worker counts to measure")
    parser.add_argument("--cli-calls", type=int, default=5)
    parser.add_argument("--max-seconds", type=float, default=120, help="bound of each load loop")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        unit_file = Path(folder) / "unit.json"
        unit_file.write_text(json.dumps(one_unit(), ensure_ascii=False), "utf-8")
        round_file = Path(folder) / "round.json"
        round_file.write_text(json.dumps(round_of(args.round_units), ensure_ascii=False), "utf-8")
        unit_cli, unit_expected = cli_cost(unit_file, args.cli_calls)
        round_cli, round_expected = cli_cost(round_file, max(2, args.cli_calls // 2))
        unit_body, round_body = unit_file.read_bytes(), round_file.read_bytes()

        print(f"machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        print(f"round: {args.round_units} units, {len(round_body) // 1024} KiB of JSON")
        print()
        print("command line, a fresh process per call (antq evaluate FILE --format json):")
        print(f"  one unit       median {1000 * statistics.median(unit_cli):8.1f} ms per call")
        print(f"  1,000 units    median {1000 * statistics.median(round_cli):8.1f} ms per call")
        for workers in [int(w) for w in args.workers.split(",")]:
            server = Server(workers)
            try:
                # Warm up each worker process (first imports, caches).
                load(
                    server.port,
                    "/units/evaluate",
                    unit_body,
                    unit_expected,
                    4 * workers,
                    workers,
                    60,
                )
                latencies, wall = load(
                    server.port,
                    "/units/evaluate",
                    unit_body,
                    unit_expected,
                    args.requests,
                    args.concurrency,
                    args.max_seconds,
                )
                rounds, round_wall = load(
                    server.port,
                    "/rounds/evaluate",
                    round_body,
                    round_expected,
                    args.round_requests,
                    2,
                    args.max_seconds,
                )
            finally:
                server.stop()
            print()
            print(f"antq serve --workers {workers}:")
            print(
                f"  /units/evaluate   {len(latencies) / wall:7.1f} req/s"
                f"  ({len(latencies)} requests, {args.concurrency} clients)  {percentiles(latencies)}"
            )
            print(
                f"  /rounds/evaluate  {len(rounds) / round_wall:7.2f} req/s"
                f"  ({len(rounds)} rounds of {args.round_units}, 2 clients)  {percentiles(rounds)}"
            )


if __name__ == "__main__":
    main()
