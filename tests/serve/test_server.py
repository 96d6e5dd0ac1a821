"""The real server: ``antq serve`` in a subprocess on a free loopback port, used over HTTP.

Every endpoint is called with the standard library's HTTP client, as a program
in another language would; good requests must give the command line's bytes,
bad ones the documented errors, and the server must keep answering after each.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate

from tests.serve.helpers import COMMUNE, EXAMPLES, cli, round_document

HOST = "127.0.0.1"
ANTQ = [sys.executable, "-c", "from antq.cli import main; raise SystemExit(main())"]


class Server:
    """A running ``antq serve``; its standard error goes to ``log``."""

    def __init__(self, log: Path, *options: str) -> None:
        self.log = log
        # A free port may be taken by another program before the server binds it: try again.
        for _ in range(3):
            if self._start(options):
                return
        raise AssertionError(f"antq serve did not start: {log.read_text('utf-8')}")

    def _start(self, options: tuple[str, ...]) -> bool:
        self.port = _free_port()
        self.process = subprocess.Popen(
            [*ANTQ, "serve", "--port", str(self.port), *options],
            stdout=subprocess.DEVNULL,
            stderr=self.log.open("wb"),
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if self.request("GET", "/health")[0] == 200:
                    return True
            except OSError:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                return False
            time.sleep(0.2)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> tuple[int, Mapping[str, str], bytes]:
        connection = http.client.HTTPConnection(HOST, self.port, timeout=60)
        try:
            connection.request(method, path, body=body, headers=dict(headers or {}))
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def post(self, path: str, body: bytes, media: str = "application/json") -> tuple[int, bytes]:
        status, _, content = self.request("POST", path, body, {"Content-Type": media})
        return status, content

    def healthy(self) -> bool:
        return self.request("GET", "/health")[0] == 200

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:  # pragma: no cover - a stuck server
            self.process.kill()
            self.process.wait(timeout=20)


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("serve") / "server.log"
    running = Server(log, "--workers", "2", "--max-body-bytes", "200000")
    yield running
    running.stop()


@pytest.fixture(scope="module")
def strict(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    log = tmp_path_factory.mktemp("strict") / "server.log"
    running = Server(log, "--time-limit", "0.5", "--no-access-log")
    yield running
    running.stop()


def error_of(status: int, content: bytes, expected: int) -> dict[str, Any]:
    assert status == expected, content
    payload: dict[str, Any] = json.loads(content)
    assert payload["antq_error"] == 1
    assert payload["status"] == expected
    assert all(set(row) == {"path", "value", "message"} for row in payload["errors"])
    assert b"Traceback" not in content
    return payload


def test_a_round_gives_the_command_line_bytes(server: Server) -> None:
    done = subprocess.run(
        [*ANTQ, "evaluate", str(COMMUNE), "--format", "json", "--lang", "en"],
        capture_output=True,
        check=True,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    status, content = server.post("/rounds/evaluate?lang=en", COMMUNE.read_bytes())
    assert status == 200
    assert content == done.stdout
    status, headers, content = server.request(
        "POST",
        "/rounds/evaluate",
        COMMUNE.read_bytes(),
        {"Content-Type": "application/json", "Accept-Language": "en-GB,en;q=0.8"},
    )
    assert content == done.stdout
    assert headers["content-type"] == "application/json"


def test_every_other_endpoint_gives_the_command_line_bytes(server: Server, tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"units": [json.loads(COMMUNE.read_text("utf-8"))["units"][2]]}))
    assert server.post("/units/evaluate", one.read_bytes()) == (
        200,
        cli("evaluate", str(one), "--format", "json")[1],
    )
    csv = tmp_path / "round.csv"
    csv.write_text("id,kind,year,registered_q1\nKDC-1,residential_area,2025,true\n", "utf-8")
    assert server.post("/rounds/evaluate", csv.read_bytes(), "text/csv") == (
        200,
        cli("evaluate", str(csv), "--format", "json")[1],
    )
    awards = EXAMPLES / "awards-2025.json"
    assert server.post("/awards", awards.read_bytes()) == (
        200,
        cli("awards", str(awards), "--format", "json")[1],
    )
    sheet_id = "qd510.agency"
    scores = tmp_path / "scores.json"
    scores.write_text(json.dumps({"units": [{"id": "CQ-1", "kind": "agency", "year": 2025}]}))
    assert server.post(f"/scores?sheet={sheet_id}", scores.read_bytes()) == (
        200,
        cli("score", sheet_id, str(scores), "--format", "json")[1],
    )
    for path, argv in [
        (
            "/rules?as_of=2025-11-15&kind=commune",
            ("rules", "--format", "json", "--as-of", "2025-11-15", "--kind", "commune"),
        ),
        (
            "/rules?format=text&lang=en&section=teams",
            ("rules", "--lang", "en", "--section", "teams"),
        ),
        ("/schema", ("schema",)),
        ("/schema?of=rule-form", ("schema", "--of", "rule-form")),
    ]:
        status, _, content = server.request("GET", path)
        assert (status, content) == (200, cli(*argv)[1]), path


def test_the_descriptions(server: Server) -> None:
    status, _, content = server.request("GET", "/openapi.json")
    assert status == 200
    validate(json.loads(content))
    status, _, content = server.request("GET", "/instruments")
    assert status == 200
    assert json.loads(content)["instruments"]
    status, headers, content = server.request("GET", "/docs")
    assert status == 200
    assert headers["content-type"].startswith("text/html")
    assert json.loads(server.request("GET", "/health")[2])["status"] == "ok"


def test_bad_requests_get_the_documented_errors_and_the_server_goes_on(server: Server) -> None:
    expected = cli("evaluate", str(COMMUNE), "--format", "json")[1]
    cases: list[tuple[str, bytes, str, int]] = [
        ("/rounds/evaluate", b" " * 300_000, "application/json", 413),
        ("/rounds/evaluate", b'{"units": [{"id": ', "application/json", 400),
        ("/rounds/evaluate", b"\xff\xfe", "application/json", 400),
        ("/rounds/evaluate", b'"a string"', "application/json", 422),
        ("/units/evaluate", b'{"units": {"id": "x"}}', "application/json", 422),
        ("/rounds/evaluate?lang=de", COMMUNE.read_bytes(), "application/json", 422),
        ("/rounds/evaluate", COMMUNE.read_bytes(), "application/xml", 415),
        ("/scores?sheet=qd510.agency", b"[1]", "application/json", 422),
        ("/awards", b"{", "application/json", 400),
    ]
    for path, body, media, status in cases:
        error_of(*server.post(path, body, media), status)
        assert server.healthy()
        assert server.post("/rounds/evaluate", COMMUNE.read_bytes()) == (200, expected)
    error_of(*server.request("GET", "/nowhere")[::2], 404)
    error_of(*server.request("PUT", "/rules")[::2], 405)
    assert server.healthy()


def test_the_access_log(server: Server) -> None:
    server.request("GET", "/health?probe=log")
    time.sleep(0.5)
    entries = [json.loads(line) for line in server.log.read_text("utf-8").splitlines()[1:] if line]
    paths = {e["path"] for e in entries}
    assert {"/health", "/rounds/evaluate"} <= paths
    assert {e["status"] for e in entries} >= {200, 400, 413, 422}
    assert all(e["client"] == HOST for e in entries)


def _slow_body(server: Server, sent: bytes, declared: int, pause: float) -> tuple[int, bytes]:
    """Send the headers and part of a body, wait, and read the answer."""
    with socket.create_connection((HOST, server.port), timeout=30) as connection:
        head = (
            f"POST /rounds/evaluate HTTP/1.1\r\nHost: {HOST}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {declared}\r\n\r\n"
        )
        connection.sendall(head.encode("ascii") + sent)
        time.sleep(pause)
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
            if b"\r\n\r\n" in answer:
                header, _, body = answer.partition(b"\r\n\r\n")
                length = int(header.lower().split(b"content-length: ")[1].split(b"\r\n")[0])
                if len(body) >= length:
                    break
    status = int(answer.split(b" ")[1])
    return status, answer.partition(b"\r\n\r\n")[2]


def test_slow_requests_are_stopped_at_the_time_limit(strict: Server) -> None:
    payload = error_of(*_slow_body(strict, b'{"units": [', 1000, 1.5), 408)
    assert payload["errors"][0]["path"] == "body"
    assert strict.healthy()
    big = json.dumps(round_document(300)).encode()  # 3,000 units: seconds of work
    payload = error_of(*strict.post("/rounds/evaluate", big), 503)
    assert payload["errors"][0]["message"] == "the evaluation took longer than the time limit"
    assert strict.healthy()
    assert strict.request("GET", "/schema")[0] == 200


@pytest.mark.skipif(shutil.which("curl") is None, reason="the example needs curl")
def test_the_shell_client_example(server: Server, tmp_path: Path) -> None:
    output = tmp_path / "verdicts.json"
    done = subprocess.run(
        ["sh", str(EXAMPLES / "api-client.sh"), f"http://{HOST}:{server.port}"],
        capture_output=True,
        text=True,
        env={**os.environ, "ANTQ_CLIENT_OUTPUT": str(output)},
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert (
        output.read_bytes() == cli("evaluate", str(COMMUNE), "--format", "json", "--lang", "en")[1]
    )
    verdicts = json.loads(output.read_text("utf-8"))["verdicts"]
    shown = [line.split("\t") for line in done.stdout.splitlines() if "\t" in line]
    assert shown == [[v["unit"], v["outcome"]] for v in verdicts]
    assert '"percent": 70' in done.stdout
