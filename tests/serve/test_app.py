"""The web API in process (Starlette's test client): answers, errors and limits."""

from __future__ import annotations

import asyncio
import json
import os
import threading
import time
import tomllib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from starlette.requests import Request
from starlette.testclient import TestClient

import antq.serve.app as app_module
from antq.serve import ServeSettings, create_app
from antq.serve.app import Problem, _body, _Pool
from tests.serve.helpers import COMMUNE, EXAMPLES, cli, example_units, round_document

JSON = {"Content-Type": "application/json"}


def client(**settings: Any) -> TestClient:
    return TestClient(create_app(ServeSettings(access_log=False, **settings)))


@pytest.fixture(scope="module")
def api() -> Iterator[TestClient]:
    with client() as test_client:
        yield test_client


def post(
    api: TestClient, path: str, body: bytes, media: str = "application/json", **query: Any
) -> Any:
    return api.post(path, content=body, headers={"Content-Type": media}, params=query)


def error_of(response: Any, status: int) -> dict[str, Any]:
    """The error document of ``response``, checked to have the documented shape."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/json"
    payload: dict[str, Any] = response.json()
    assert payload["antq_error"] == 1
    assert payload["status"] == status
    assert payload["errors"], payload
    for row in payload["errors"]:
        assert set(row) == {"path", "value", "message"}
    assert "Traceback" not in response.text
    return payload


# --------------------------------------------------------------------------- evaluation


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_a_round_is_the_command_line_answer_byte_for_byte(api: TestClient, lang: str) -> None:
    response = post(api, "/rounds/evaluate", COMMUNE.read_bytes(), lang=lang)
    assert response.status_code == 200
    assert response.content == cli("evaluate", str(COMMUNE), "--format", "json", "--lang", lang)[1]
    assert response.headers["x-request-id"]


def test_accept_language_chooses_the_texts(api: TestClient) -> None:
    english = cli("evaluate", str(COMMUNE), "--format", "json", "--lang", "en")[1]
    vietnamese = cli("evaluate", str(COMMUNE), "--format", "json")[1]
    body = COMMUNE.read_bytes()
    for header, expected in [
        ("en-US,en;q=0.9,vi;q=0.8", english),
        ("vi;q=0.2, en;q=0.5", english),
        ("fr, de", vietnamese),
        ("en;q=oops, vi", vietnamese),
        ("vi-VN", vietnamese),
    ]:
        headers = {**JSON, "Accept-Language": header}
        response = api.post("/rounds/evaluate", content=body, headers=headers)
        assert response.content == expected, header
    headers = {**JSON, "Accept-Language": "vi"}
    response = api.post("/rounds/evaluate?lang=en", content=body, headers=headers)
    assert response.content == english


def test_a_round_in_each_batch_format(api: TestClient, tmp_path: Path) -> None:
    units = example_units()
    jsonl = tmp_path / "round.jsonl"
    jsonl.write_text("".join(json.dumps(u, ensure_ascii=False) + "\n" for u in units), "utf-8")
    csv = tmp_path / "round.csv"
    csv.write_text(
        "id,kind,year,commune,registered_q1,households_resident,households_registered\n"
        "KDC-1,residential_area,2025,XA-1,true,120,120\n"
        "KDC-2,residential_area,2025,XA-1,,80,79\n",
        "utf-8",
    )
    toml = tmp_path / "round.toml"
    toml.write_text(
        'antq_facts = 1\n[[units]]\nid = "KDC-1"\nkind = "residential_area"\nyear = 2025\n'
        "[units.facts]\nregistered_q1 = true\n",
        "utf-8",
    )
    for path, media in [
        (jsonl, "application/x-ndjson"),
        (jsonl, "application/jsonl"),
        (csv, "text/csv; charset=utf-8"),
        (toml, "application/toml"),
    ]:
        response = post(api, "/rounds/evaluate", path.read_bytes(), media, lang="en")
        assert response.status_code == 200, response.text
        expected = cli("evaluate", str(path), "--format", "json", "--lang", "en")[1]
        assert response.content == expected, path.name
    # ?format= wins over the Content-Type.
    response = post(api, "/rounds/evaluate", csv.read_bytes(), "text/plain", format="csv")
    assert response.content == cli("evaluate", str(csv), "--format", "json")[1]


def test_parameters_and_a_pinned_rule_set(api: TestClient, tmp_path: Path) -> None:
    areas = tmp_path / "areas.json"
    doc = {
        "antq_facts": 1,
        "units": [u for u in example_units() if u["kind"] == "residential_area"],
    }
    areas.write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
    pinned = ("--rule-set", "tt124.residential-area", "--param", "offence_comparison=not_increased")
    expected = cli("evaluate", str(areas), "--format", "json", *pinned)[1]
    query = {"rule_set": "tt124.residential-area", "param": "offence_comparison=not_increased"}
    for path in ("/rounds/evaluate", "/units/evaluate"):
        assert post(api, path, areas.read_bytes(), **query).content == expected
    expected = cli(
        "evaluate", str(COMMUNE), "--format", "json", "--param", "offence_scope=per_category"
    )
    response = post(
        api, "/rounds/evaluate", COMMUNE.read_bytes(), param="offence_scope=per_category"
    )
    assert response.content == expected[1]


def test_units_are_evaluated_each_on_its_own(api: TestClient, tmp_path: Path) -> None:
    one = tmp_path / "one.json"
    one.write_text(json.dumps({"units": [example_units()[1]]}, ensure_ascii=False), "utf-8")
    response = post(api, "/units/evaluate", one.read_bytes(), lang="en")
    assert response.content == cli("evaluate", str(one), "--format", "json", "--lang", "en")[1]
    # The commune of the example keeps the counts of its own facts: no roll-up, no note.
    whole = post(api, "/units/evaluate", COMMUNE.read_bytes()).json()
    assert [v["unit"] for v in whole["verdicts"]] == [u["id"] for u in example_units()]
    assert whole["notes"] == []


def test_a_bad_unit_is_listed_and_the_others_evaluated(api: TestClient, tmp_path: Path) -> None:
    units = example_units()[:3]
    units[1]["facts"]["households_resident"] = -3
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"units": units}, ensure_ascii=False), "utf-8")
    response = post(api, "/rounds/evaluate", path.read_bytes())
    assert response.status_code == 200
    code, expected = cli("evaluate", str(path), "--format", "json")
    assert code == 3
    assert response.content == expected
    assert response.json()["errors"][0]["path"] == "units[1].facts.households_resident"


@pytest.mark.parametrize("path", ["/rounds/evaluate", "/units/evaluate"])
def test_a_document_that_cannot_be_read(api: TestClient, path: str) -> None:
    malformed = error_of(post(api, path, b'{"units": ['), 400)
    assert malformed["errors"][0]["path"] == "body"
    assert malformed["errors"][0]["message"].startswith("malformed JSON")
    not_utf8 = error_of(post(api, path, b'{"units": [], "x": "\xff"}'), 400)
    assert "not UTF-8" in not_utf8["errors"][0]["message"]
    wrong = error_of(post(api, path, b"[1, 2]"), 422)
    assert wrong["errors"][0] == {
        "path": "$",
        "value": "'list'",
        "message": "expected a document object with 'units'",
    }
    error_of(post(api, path, b'{"units": 3}'), 422)
    error_of(post(api, path, b"{}", "text/plain"), 415)


def test_bad_query_parameters(api: TestClient) -> None:
    body = COMMUNE.read_bytes()
    cases = [
        ({"lang": "fr"}, "query.lang"),
        ({"rule_set": "nope"}, "query.rule_set"),
        ({"param": "nothing"}, "query.param"),
        ({"param": "no_such_parameter=1"}, "query.param no_such_parameter"),
        ({"format": "xml"}, "query.format"),
        ({"colour": "red"}, "query.colour"),
        ({"rule_set": ["tt124.commune", "tt124.agency"]}, "query.rule_set"),
    ]
    for query, where in cases:
        payload = error_of(post(api, "/rounds/evaluate", body, **query), 422)
        assert payload["errors"][0]["path"] == where, query
    # The service still answers.
    assert post(api, "/rounds/evaluate", body).status_code == 200


# --------------------------------------------------------------------------- limits


def test_a_body_over_the_limit_is_refused() -> None:
    with client(max_body_bytes=1000) as small:
        declared = error_of(post(small, "/rounds/evaluate", COMMUNE.read_bytes()), 413)
        assert declared["errors"][0]["value"] == str(COMMUNE.stat().st_size)

        def chunks() -> Iterator[bytes]:
            yield b" " * 800
            yield b" " * 800

        streamed = small.post("/rounds/evaluate", content=chunks(), headers=JSON)
        assert error_of(streamed, 413)["errors"][0]["value"] == "1600"
        assert small.get("/health").status_code == 200


def test_a_body_that_arrives_too_slowly() -> None:
    async def slow() -> dict[str, Any]:
        await asyncio.sleep(5)
        return {"type": "http.request", "body": b"", "more_body": False}  # pragma: no cover

    async def read() -> bytes:
        request = Request({"type": "http", "method": "POST", "headers": []}, slow)
        deadline = asyncio.get_running_loop().time() + 0.05
        return await _body(request, ServeSettings(time_limit=0.05), deadline)

    with pytest.raises(Problem) as caught:
        asyncio.run(read())
    assert caught.value.status == 408
    assert "within the time limit (0.05 s)" in caught.value.errors[0].message


def test_an_evaluation_over_the_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    real = app_module.round_json

    def slow(*args: Any) -> Any:
        time.sleep(0.5)
        return real(*args)

    monkeypatch.setattr(app_module, "round_json", slow)
    with client(time_limit=0.1) as strict:
        payload = error_of(post(strict, "/rounds/evaluate", COMMUNE.read_bytes()), 503)
        assert payload["errors"][0]["message"] == "the evaluation took longer than the time limit"
        assert strict.get("/health").status_code == 200


def test_the_pool_bounds_work_running_and_waiting() -> None:
    release = threading.Event()

    async def scenario() -> list[object]:
        pool = _Pool(ServeSettings(max_concurrent=1, max_waiting=1))
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 5
        first = asyncio.ensure_future(pool.run(release.wait, deadline))
        second = asyncio.ensure_future(pool.run(lambda: "second", deadline))
        await asyncio.sleep(0.05)
        assert pool.pending == 2
        with pytest.raises(Problem) as busy:
            await pool.run(lambda: "third", deadline)
        assert busy.value.status == 503
        assert busy.value.response().headers["retry-after"] == "1"
        release.set()
        done = [await first, await second]
        await asyncio.sleep(0.05)
        assert pool.pending == 0
        done.append(await pool.run(lambda: "again", deadline))
        return done

    assert asyncio.run(scenario()) == [True, "second", "again"]


def test_an_unexpected_error_is_a_500_without_its_trace(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*args: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(app_module, "round_json", broken)
    with client() as api:
        response = post(api, "/rounds/evaluate", COMMUNE.read_bytes())
        payload = error_of(response, 500)
    assert "secret" not in response.text
    assert payload["errors"][0]["message"] == "an unexpected error in antq; it has been logged"
    logged = capsys.readouterr().err
    assert "RuntimeError: secret internals" in logged
    assert "Traceback" in logged


def test_unknown_paths_and_methods(api: TestClient) -> None:
    assert error_of(api.get("/nothing"), 404)["errors"][0]["value"] == "'GET /nothing'"
    error_of(api.get("/rounds/evaluate"), 405)
    error_of(api.delete("/rules"), 405)


def test_the_access_log_is_one_json_line_per_request(capsys: pytest.CaptureFixture[str]) -> None:
    with TestClient(create_app(ServeSettings())) as logged:
        response = logged.get("/health")
    lines = [json.loads(line) for line in capsys.readouterr().err.splitlines()]
    (entry,) = [e for e in lines if e.get("path") == "/health"]
    assert entry["method"] == "GET"
    assert entry["status"] == 200
    assert entry["bytes"] == len(response.content)
    assert entry["request_id"] == response.headers["x-request-id"]
    assert entry["ms"] >= 0
    assert entry["pid"] == os.getpid()


# --------------------------------------------------------------------------- descriptions


def test_rules_are_the_command_line_answer(api: TestClient) -> None:
    assert api.get("/rules").content == cli("rules", "--format", "json")[1]
    query = {"as_of": "2025-11-15", "kind": "commune"}
    expected = cli("rules", "--format", "json", "--as-of", "2025-11-15", "--kind", "commune")[1]
    assert api.get("/rules", params=query).content == expected
    text = api.get("/rules", params={"format": "text", "section": "awards", "lang": "en"})
    assert text.headers["content-type"] == "text/plain; charset=utf-8"
    assert text.content == cli("rules", "--section", "awards", "--lang", "en")[1]
    for query, where in [
        ({"as_of": "2025-13-01"}, "query.as_of"),
        ({"kind": "village"}, "query.kind"),
        ({"section": "every"}, "query.section"),
    ]:
        assert error_of(api.get("/rules", params=query), 422)["errors"][0]["path"] == where


def test_the_rules_carry_their_rule_forms(api: TestClient) -> None:
    from jsonschema import Draft202012Validator

    schema = api.get("/schema", params={"of": "rule-form"}).json()
    validator = Draft202012Validator(schema)
    entries = api.get("/rules", params={"section": "safety"}).json()
    forms = {e["id"]: e["rule_form"] for e in entries}
    for form in forms.values():
        validator.validate(form)
    assert forms["tt124.commune.units-recognised"] == {
        "antq_rule_form": 1,
        "form": "units_share_at_least",
        "counts": "recognised",
        "percent": 70,
        "stated": {"part": "units_recognised", "whole": "units_total"},
    }


def test_schemas_and_instruments(api: TestClient) -> None:
    assert api.get("/schema").content == cli("schema")[1]
    assert api.get("/schema?of=rule-form").content == cli("schema", "--of", "rule-form")[1]
    error_of(api.get("/schema?of=everything"), 422)
    instruments = api.get("/instruments").json()
    assert instruments["antq_instruments"] == 1
    keys = {i["key"] for i in instruments["instruments"]}
    assert {"124/2021/TT-BCA", "23/2012/TT-BCA"} <= keys
    error_of(api.get("/instruments?x=1"), 422)


def test_health_openapi_and_the_interactive_page(api: TestClient) -> None:
    from antq import __version__

    assert api.get("/health").json() == {"status": "ok", "antq": __version__}
    document = api.get("/openapi.json").json()
    validate(document)
    assert document["openapi"] == "3.1.0"
    assert set(document["paths"]) == {
        "/rounds/evaluate",
        "/units/evaluate",
        "/scores",
        "/awards",
        "/teams",
        "/rules",
        "/schema",
        "/instruments",
        "/health",
        "/openapi.json",
        "/docs",
    }
    facts = document["components"]["schemas"]["FactsDocument"]
    assert facts["x-antq-schema-id"] == "https://antq.invalid/schema/document-v2.json"
    page = api.get("/docs")
    assert page.headers["content-type"] == "text/html; charset=utf-8"
    assert "openapi.json" in page.text
    assert "https://" not in page.text  # nothing loaded from another site


# --------------------------------------------------------------------------- scores, awards


SCORES = {
    "antq_scores": 1,
    "units": [
        {
            "id": "CQ-1",
            "kind": "agency",
            "year": 2025,
            "values": {
                "leadership_points": 3,
                "members_total": 40,
                "members_taking_part": 38,
                "festival_points": 4,
                "coordination_regulation": True,
            },
        }
    ],
}


def test_scores_on_a_shipped_sheet(api: TestClient, tmp_path: Path) -> None:
    facts = tmp_path / "scores.json"
    facts.write_text(json.dumps(SCORES), "utf-8")
    expected = cli("score", "qd510.agency", str(facts), "--format", "json", "--lang", "en")[1]
    response = post(api, "/scores", facts.read_bytes(), sheet="qd510.agency", lang="en")
    assert response.content == expected
    toml = 'antq_scores = 1\n[[units]]\nid = "CQ-1"\nkind = "agency"\nyear = 2025\n'
    toml_file = tmp_path / "scores.toml"
    toml_file.write_text(toml, "utf-8")
    response = post(api, "/scores", toml.encode(), "application/toml", sheet="qd510.agency")
    assert response.content == cli("score", "qd510.agency", str(toml_file), "--format", "json")[1]


def test_scores_on_a_sheet_of_the_request(api: TestClient, tmp_path: Path) -> None:
    sheet_file = EXAMPLES / "example-sheet.toml"
    scores_file = EXAMPLES / "scores-2025.json"
    sheet = tomllib.loads(sheet_file.read_text("utf-8"))
    scores = json.loads(scores_file.read_text("utf-8"))
    request = {"antq_score_request": 1, "sheet": sheet, "scores": scores}
    response = post(api, "/scores", json.dumps(request).encode())
    assert (
        response.content == cli("score", str(sheet_file), str(scores_file), "--format", "json")[1]
    )
    override_text = (
        'antq_sheet_override = 1\nbase = "example.commune"\nid = "example.commune+x"\n'
        'source = { vi = "Thử", en = "A test" }\n'
    )
    override_file = tmp_path / "override.toml"
    override_file.write_text(override_text, "utf-8")
    request["overrides"] = [tomllib.loads(override_text)]
    response = post(api, "/scores", json.dumps(request).encode())
    code, expected = cli(
        "score",
        str(sheet_file),
        str(scores_file),
        "--override",
        str(override_file),
        "--format",
        "json",
    )
    assert code == 3  # the document names the sheet before the override
    assert response.content == expected
    assert response.json()["sheet"]["id"] == "example.commune+x"
    for bad, where in [
        ({}, "body.antq_score_request"),
        ({"antq_score_request": 1, "sheet": sheet, "scores": scores, "x": 1}, "body.x"),
        (
            {"antq_score_request": 1, "sheet": sheet, "scores": scores, "overrides": 3},
            "body.overrides",
        ),
    ]:
        payload = error_of(post(api, "/scores", json.dumps(bad).encode()), 422)
        assert payload["errors"][0]["path"] == where
    payload = error_of(
        post(api, "/scores", json.dumps({**request, "sheet": {"id": 3}}).encode()), 422
    )
    assert payload["errors"][0]["path"].startswith("sheet body.sheet")


def test_bad_scores_requests(api: TestClient) -> None:
    body = json.dumps(SCORES).encode()
    error_of(post(api, "/scores", body, sheet="qd510.nothing"), 422)
    error_of(post(api, "/scores", b"[]", sheet="qd510.agency"), 422)
    error_of(post(api, "/scores", b'{"units": [', sheet="qd510.agency"), 400)
    error_of(post(api, "/scores", b"units = [", "application/toml", sheet="qd510.agency"), 400)
    error_of(post(api, "/scores", body, "text/csv", sheet="qd510.agency"), 415)


def test_team_ratings_are_the_command_line_answer(api: TestClient) -> None:
    teams = EXAMPLES / "teams-2026.json"
    response = post(api, "/teams", teams.read_bytes(), lang="en")
    assert response.status_code == 200
    assert response.content == cli("teams", str(teams), "--format", "json", "--lang", "en")[1]
    assert [r["commune"] for r in response.json()["ratings"]] == ["X0001", "X0002"]
    document = json.loads(teams.read_text(encoding="utf-8"))
    document["teams"]["teams"][7]["proposed"] = "gioi"
    response = post(api, "/teams", json.dumps(document, ensure_ascii=False).encode())
    assert [r["commune"] for r in response.json()["ratings"]] == ["X0001"]
    assert [e["path"] for e in response.json()["errors"]] == ["teams.teams[7].proposed", "teams"]


def test_awards_are_the_command_line_answer(api: TestClient) -> None:
    awards = EXAMPLES / "awards-2025.json"
    response = post(api, "/awards", awards.read_bytes(), lang="en")
    assert response.content == cli("awards", str(awards), "--format", "json", "--lang", "en")[1]
    param = "knc25_commendation_level=any"
    response = post(api, "/awards", awards.read_bytes(), param=param)
    assert response.content == cli("awards", str(awards), "--format", "json", "--param", param)[1]
    payload = error_of(post(api, "/awards", awards.read_bytes(), param="nothing=1"), 422)
    assert payload["errors"][0]["path"] == "query.param nothing"


def test_a_large_round(api: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "round.json"
    path.write_text(json.dumps(round_document(20), ensure_ascii=False), "utf-8")
    response = post(api, "/rounds/evaluate", path.read_bytes())
    assert response.content == cli("evaluate", str(path), "--format", "json")[1]
    assert len(response.json()["verdicts"]) == 200


def test_a_request_waiting_for_a_turn_past_the_time_limit() -> None:
    release = threading.Event()

    async def scenario() -> Problem:
        pool = _Pool(ServeSettings(max_concurrent=1))
        loop = asyncio.get_running_loop()
        running = asyncio.ensure_future(pool.run(release.wait, loop.time() + 5))
        await asyncio.sleep(0.05)
        try:
            await pool.run(lambda: "never", loop.time() + 0.05)
        except Problem as problem:
            return problem
        finally:
            release.set()
            await running
        raise AssertionError("no time limit")  # pragma: no cover

    problem = asyncio.run(scenario())
    assert problem.status == 503
    assert problem.errors[0].message == "no evaluation slot became free within the time limit"


def test_the_request_id_of_a_proxy_is_kept(api: TestClient) -> None:
    given = api.get("/health", headers={"X-Request-Id": "proxy-42.a_b"})
    assert given.headers["x-request-id"] == "proxy-42.a_b"
    refused = api.get("/health", headers={"X-Request-Id": "no spaces, please"})
    assert refused.headers["x-request-id"] != "no spaces, please"
    assert len(refused.headers["x-request-id"]) == 16


def test_browsers_of_allowed_origins_only() -> None:
    preflight = {
        "Origin": "https://portal.example",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "Content-Type",
    }
    with client(allow_origins=["https://portal.example"]) as open_api:
        answer = open_api.options("/rounds/evaluate", headers=preflight)
        assert answer.status_code == 200
        assert answer.headers["access-control-allow-origin"] == "https://portal.example"
        other = open_api.options(
            "/rounds/evaluate", headers={**preflight, "Origin": "https://elsewhere.example"}
        )
        assert "access-control-allow-origin" not in other.headers
        simple = open_api.get("/health", headers={"Origin": "https://portal.example"})
        assert simple.headers["access-control-expose-headers"] == "X-Request-Id"
    with client() as closed:
        assert (
            "access-control-allow-origin"
            not in closed.get("/health", headers={"Origin": "https://portal.example"}).headers
        )


def test_the_answers_fit_the_schemas_of_the_openapi_document(api: TestClient) -> None:
    from jsonschema import Draft202012Validator

    components = api.get("/openapi.json").json()["components"]

    def check(name: str, instance: object) -> None:
        root = {"$ref": f"#/components/schemas/{name}", "components": components}
        Draft202012Validator(root).validate(instance)

    check("FactsDocument", json.loads(COMMUNE.read_text("utf-8")))
    check("Results", post(api, "/rounds/evaluate", COMMUNE.read_bytes()).json())
    check("Error", post(api, "/rounds/evaluate", b"{").json())
    check("Rules", api.get("/rules").json())
    check("Instruments", api.get("/instruments").json())
    check(
        "AwardsResults", post(api, "/awards", (EXAMPLES / "awards-2025.json").read_bytes()).json()
    )
    scores = post(api, "/scores", json.dumps(SCORES).encode(), sheet="qd510.agency").json()
    check("ScoresResults", scores)
    check("TeamsResults", post(api, "/teams", (EXAMPLES / "teams-2026.json").read_bytes()).json())
    check("FactsDocument", json.loads((EXAMPLES / "teams-2026.json").read_text("utf-8")))
    families = components["schemas"]["Rules"]["items"]["properties"]["family"]["enum"]
    assert {e["family"] for e in api.get("/rules").json()} == set(families) - {"veto"}


def test_a_client_that_leaves_before_its_body_ends() -> None:
    messages = iter(
        [
            {"type": "http.request", "body": b'{"units": [', "more_body": True},
            {"type": "http.disconnect"},
        ]
    )

    async def receive() -> Any:
        return next(messages)

    async def read() -> bytes:
        request = Request({"type": "http", "method": "POST", "headers": []}, receive)
        return await _body(request, ServeSettings(), asyncio.get_running_loop().time() + 5)

    with pytest.raises(Problem) as caught:
        asyncio.run(read())
    assert caught.value.status == 400
    assert caught.value.errors[0].value == len(b'{"units": [')


def test_the_example_of_the_openapi_document_is_evaluated(api: TestClient) -> None:
    document = api.get("/openapi.json").json()
    for path in ("/rounds/evaluate", "/units/evaluate"):
        example = document["paths"][path]["post"]["requestBody"]["content"]["application/json"]
        response = post(api, path, json.dumps(example["example"]).encode())
        assert response.status_code == 200
        assert response.json()["errors"] == []
        assert [v["unit"] for v in response.json()["verdicts"]] == ["KDC-01"]


def test_a_bad_line_of_json_lines_is_a_row_of_errors(api: TestClient, tmp_path: Path) -> None:
    path = tmp_path / "round.jsonl"
    good = json.dumps(example_units()[1], ensure_ascii=False)
    path.write_text(good + "\n{bad\n", "utf-8")
    response = post(api, "/rounds/evaluate", path.read_bytes(), "application/x-ndjson")
    assert response.status_code == 200
    code, expected = cli("evaluate", str(path), "--format", "json")
    assert code == 3
    assert response.content == expected
    assert response.json()["errors"][0]["path"] == "line 2"
