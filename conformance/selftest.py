"""Self-test of the strictness machinery, needing no simulator.

The example bodies of admin-api.md (copied in fixtures/reference_examples.json) are real
shapes: each must be accepted. Deliberately broken variants of each (an extra key, a missing
nullable key, an int sent as a string, a naive timestamp, a money number, an extra key in a
tagged union, a broken envelope …) must each be rejected.
"""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, Callable, Iterator

from harness import CheckFailed, Runner, expect_no_errors
from models import checker
from wire import check_error_body

FIXTURES = Path(__file__).parent / "fixtures" / "reference_examples.json"
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T")
MONEY_KEYS = {"amount", "list_amount", "period_to_date_spend"}


def _walk(node: Any, path: str = "$") -> Iterator[tuple[Any, Any, Any, str]]:
    """(container, key, value, path) for every value, depth first, in document order."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key, value, f"{path}.{key}"
            yield from _walk(value, f"{path}.{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index, value, f"{path}[{index}]"
            yield from _walk(value, f"{path}[{index}]")


def _first(body: Any, predicate: Callable[[Any, Any], bool]) -> tuple[Any, Any, str] | None:
    for container, key, value, path in _walk(body):
        if predicate(key, value):
            return container, key, path
    return None


def _item_root(body: Any) -> Any:
    """The first item of a page (or the object itself), where item mutations go."""
    if isinstance(body, dict) and isinstance(body.get("data"), list) and body["data"]:
        return body["data"][0]
    return body


Mutation = Callable[[Any], str | None]


def _extra_item_key(body: Any) -> str | None:
    _item_root(body)["unexpected_key"] = 1
    return "extra key on the item"


def _drop_nullable(body: Any) -> str | None:
    found = _first(_item_root(body), lambda k, v: isinstance(k, str) and v is None)
    if not found:
        return None
    container, key, path = found
    del container[key]
    return f"nullable key {path} omitted"


def _int_as_string(body: Any) -> str | None:
    found = _first(body, lambda k, v: isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool))
    if not found:
        return None
    container, key, path = found
    container[key] = str(container[key])
    return f"int {path} sent as a string"


def _naive_timestamp(body: Any) -> str | None:
    found = _first(body, lambda k, v: isinstance(v, str) and bool(TIMESTAMP.match(v)))
    if not found:
        return None
    container, key, path = found
    container[key] = container[key].rstrip("Z")
    return f"timestamp {path} without offset"


def _unix_timestamp(body: Any) -> str | None:
    found = _first(body, lambda k, v: isinstance(v, str) and bool(TIMESTAMP.match(v)))
    if not found:
        return None
    container, key, path = found
    container[key] = 1_763_000_000
    return f"timestamp {path} as a Unix number"


def _money_number(body: Any) -> str | None:
    found = _first(body, lambda k, v: k in MONEY_KEYS and isinstance(v, str))
    if not found:
        return None
    container, key, path = found
    container[key] = float(container[key])
    return f"money {path} as a JSON number"


def _money_not_decimal(body: Any) -> str | None:
    found = _first(body, lambda k, v: k in MONEY_KEYS and isinstance(v, str))
    if not found:
        return None
    container, key, path = found
    container[key] = "$" + container[key]
    return f"money {path} not a decimal"


def _extra_union_key(body: Any) -> str | None:
    found = _first(
        _item_root(body),
        lambda k, v: k in ("scope", "principal", "created_by", "group", "actor", "source", "data_residency",
                           "cache_creation", "server_tool_use", "usage", "cost")
        and isinstance(v, dict),
    )
    if not found:
        return None
    container, key, path = found
    container[key]["unexpected_key"] = "x"
    return f"extra key inside {path}"


def _bad_tag(body: Any) -> str | None:
    found = _first(_item_root(body), lambda k, v: k in ("scope", "principal", "group", "actor") and isinstance(v, dict))
    if not found:
        return None
    container, key, path = found
    container[key]["type"] = "bogus_variant"
    return f"unknown tag at {path}.type"


def _bad_enum(body: Any) -> str | None:
    found = _first(_item_root(body), lambda k, v: k in ("status", "role", "workspace_role", "period") and isinstance(v, str))
    if not found:
        return None
    container, key, path = found
    container[key] = "bogus"
    return f"enum {path} = 'bogus'"


def _null_required(body: Any) -> str | None:
    root = _item_root(body)
    for key in ("id", "user_id", "name", "starting_at", "amount", "results"):
        if isinstance(root, dict) and root.get(key) is not None and key != "amount":
            root[key] = None
            return f"required {key} null"
    return None


def _drop_required(body: Any) -> str | None:
    root = _item_root(body)
    for key in ("type", "starting_at", "currency"):
        if isinstance(root, dict) and key in root:
            del root[key]
            return f"required {key} omitted"
    return None


def _envelope_extra(body: Any) -> str | None:
    if isinstance(body, dict) and "data" in body:
        body["has_more" if "has_more" not in body else "prev_page"] = None
        return "extra envelope key (has_more/prev_page)"
    return None


def _first_id_mismatch(body: Any) -> str | None:
    if isinstance(body, dict) and "first_id" in body:
        body["last_id"] = body["first_id"] + "_x"
        return "last_id not data[-1]'s id"
    return None


def _has_more_null(body: Any) -> str | None:
    if isinstance(body, dict) and "has_more" in body:
        body["has_more"] = None
        return "has_more null"
    return None


def _has_more_flip(body: Any) -> str | None:
    if isinstance(body, dict) and "has_more" in body and "next_page" in body:
        body["has_more"] = not body["has_more"]
        return "has_more disagrees with next_page"
    return None


MUTATIONS: list[Mutation] = [
    _extra_item_key, _drop_nullable, _int_as_string, _naive_timestamp, _unix_timestamp,
    _money_number, _money_not_decimal, _extra_union_key, _bad_tag, _bad_enum, _null_required,
    _drop_required, _envelope_extra, _first_id_mismatch, _has_more_null, _has_more_flip,
]

ERROR_MUTATIONS: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("extra key on the envelope", lambda b: b.update(extra=1)),
    ("extra key in error", lambda b: b["error"].update(code=1)),
    ("request_id missing", lambda b: b.pop("request_id")),
    ("error.message missing", lambda b: b["error"].pop("message")),
    ("type not 'error'", lambda b: b.update(type="failure")),
    ("error.type not matching the status", lambda b: b["error"].update(type="api_error")),
    ("request_id not the header's", lambda b: b.update(request_id="req_other")),
    ("details with an unknown error_code", lambda b: b["error"].update(details={"error_code": "no_such_code"})),
]


def _load() -> list[dict[str, Any]]:
    return json.loads(FIXTURES.read_text())["examples"]


def run_selftest(runner: Runner) -> None:
    """Register and run every self-test check."""
    for example in _load():
        name = example["name"]
        if example["kind"] == "error":
            status, rid = example["status"], example["request_id_header"]
            runner.run(f"selftest.accepts.{name}",
                       lambda e=example: expect_no_errors(check_error_body(e["body"], status, rid)))

            def rejects_error(e: dict[str, Any] = example, s: int = status, r: str = rid) -> None:
                if check_error_body(e["body"], s, r):
                    raise CheckFailed("the unbroken example is itself rejected")
                accepted = []
                for label, mutate in ERROR_MUTATIONS:
                    body = copy.deepcopy(e["body"])
                    mutate(body)
                    if not check_error_body(body, s, r):
                        accepted.append(label)
                if accepted:
                    raise CheckFailed(f"broken variants accepted: {accepted}")

            runner.run(f"selftest.rejects_broken.{name}", rejects_error)
            continue

        check = checker(example["kind"], example["model"])
        runner.run(f"selftest.accepts.{name}", lambda e=example, c=check: expect_no_errors(c(e["body"])))

        def rejects(e: dict[str, Any] = example, c: Callable[[Any], list[str]] = check) -> None:
            if c(e["body"]):
                raise CheckFailed("the unbroken example is itself rejected, so rejections prove nothing")
            accepted, tried = [], 0
            for mutation in MUTATIONS:
                body = copy.deepcopy(e["body"])
                label = mutation(body)
                if label is None:
                    continue
                tried += 1
                if not c(body):
                    accepted.append(label)
            if tried < 3:
                raise CheckFailed(f"only {tried} mutations applied; the fixture is too thin")
            if accepted:
                raise CheckFailed(f"broken variants accepted: {accepted}")

        runner.run(f"selftest.rejects_broken.{name}", rejects)
