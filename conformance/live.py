"""The live context: an SDK client and a raw client, both recording every exchange.

Every response body that a check obtains goes through `validated`, which applies the strict
checker of its kind to the raw JSON the server sent (not to the SDK's parsed objects).
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Callable

import anthropic
import httpx2

from harness import CheckFailed, Exchange, Recorder, expect, expect_no_errors
from models import checker
from wire import check_error_body

UTC = dt.timezone.utc


def parse_ts(value: str) -> dt.datetime:
    """An RFC 3339 `Z` timestamp as an aware datetime."""
    return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))


def fmt_ts(value: dt.datetime) -> str:
    """UTC with `Z`, whole seconds (what orgtop's client sends)."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def floor_hour(value: dt.datetime) -> dt.datetime:
    return value.replace(minute=0, second=0, microsecond=0)


def floor_day(value: dt.datetime) -> dt.datetime:
    return value.replace(hour=0, minute=0, second=0, microsecond=0)


class Live:
    """Clients and shared lazily fetched fixtures for the live checks."""

    def __init__(self, base_url: str, admin_key: str) -> None:
        self.base_url = base_url.rstrip("/")
        self._key = admin_key
        self.recorder = Recorder()
        hooks = {"response": [self.recorder.hook]}
        self.http = httpx2.Client(event_hooks=hooks, timeout=30.0)
        # max_retries=0: a conformant server never needs a retry here, and a retry would
        # hide a 429/5xx from the check.
        self.client = anthropic.Anthropic(
            api_key=admin_key, base_url=self.base_url, http_client=self.http, max_retries=0
        )
        self.bad_client = anthropic.Anthropic(
            api_key="sk-ant-admin01-conformance-wrong-key",
            base_url=self.base_url,
            http_client=self.http,
            max_retries=0,
        )
        # The raw client uses the other documented header (x-api-key) and the docs' version.
        self.raw = httpx2.Client(
            base_url=self.base_url,
            event_hooks=hooks,
            timeout=30.0,
            headers={"x-api-key": admin_key, "anthropic-version": "2023-06-01"},
        )
        self.cache: dict[str, Any] = {}

    @property
    def org(self) -> Any:
        return self.client.beta.organization

    def cached(self, key: str, fetch: Callable[[], Any]) -> Any:
        """Fetch once; a failed fetch is remembered so dependent checks fail quickly."""
        if key not in self.cache:
            try:
                self.cache[key] = ("ok", fetch())
            except Exception as error:  # noqa: BLE001
                self.cache[key] = ("error", f"{type(error).__name__}: {error}")
        state, value = self.cache[key]
        if state == "error":
            raise CheckFailed(f"prerequisite {key} failed: {value}")
        return value

    # ------------------------------------------------------------ calls with validation

    def validated(self, call: Callable[[], Any], kind: str, model: str | None) -> tuple[Any, list[Exchange]]:
        """Run an SDK call; every response it caused must be a 200 whose raw JSON is strict."""
        mark = self.recorder.mark()
        result = call()
        # Auto-pagination happens when a page object is iterated, so callers may pass a
        # call that already materialises the pages (e.g. `list(page)`).
        exchanges = self.recorder.since(mark)
        expect(exchanges, "no HTTP exchange was recorded")
        check = checker(kind, model)
        for number, exchange in enumerate(exchanges, 1):
            where = f"{exchange.method} {exchange.path} (response {number}/{len(exchanges)}): "
            expect(exchange.status == 200, f"{where}HTTP {exchange.status}: {exchange.text[:300]}")
            expect_no_errors(check(exchange.json()), where)
        return result, exchanges

    def raw_get(self, path: str, params: Any = None, headers: dict[str, str] | None = None) -> Exchange:
        """A raw GET; returns the recorded exchange."""
        mark = self.recorder.mark()
        self.raw.get(path, params=params, headers=headers)
        return self.recorder.since(mark)[-1]

    def raw_json(self, path: str, params: Any, kind: str, model: str | None,
                 headers: dict[str, str] | None = None) -> Any:
        """A raw GET that must be 200 and strictly conform; returns the JSON body."""
        exchange = self.raw_get(path, params, headers)
        where = f"GET {exchange.path}: "
        expect(exchange.status == 200, f"{where}HTTP {exchange.status}: {exchange.text[:300]}")
        body = exchange.json()
        expect_no_errors(checker(kind, model)(body), where)
        return body

    def expect_sdk_error(self, call: Callable[[], Any], error_class: type, status: int) -> anthropic.APIStatusError:
        """The SDK must raise `error_class` (HTTP `status`) with a request_id and a strict body."""
        mark = self.recorder.mark()
        try:
            call()
        except anthropic.APIStatusError as error:
            expect(
                isinstance(error, error_class),
                f"expected {error_class.__name__}, got {type(error).__name__} (HTTP {error.status_code})",
            )
            expect(error.status_code == status, f"expected HTTP {status}, got {error.status_code}")
            expect(
                isinstance(error.request_id, str) and error.request_id.startswith("req_"),
                f"request_id on the exception is {error.request_id!r}",
            )
            exchange = self.recorder.since(mark)[-1]
            expect(len(self.recorder.since(mark)) == 1, "the SDK sent more than one request (a retry?)")
            expect_no_errors(check_error_body(exchange.json(), status, exchange.headers.get("request-id")),
                             "error body: ")
            return error
        raise CheckFailed(f"expected {error_class.__name__} (HTTP {status}), but the call succeeded")

    def expect_raw_error(self, exchange: Exchange, status: int) -> dict[str, Any]:
        """A raw exchange must be the given error status with a strict error body."""
        expect(exchange.status == status, f"expected HTTP {status}, got {exchange.status}: {exchange.text[:200]}")
        body = exchange.json()
        expect_no_errors(check_error_body(body, status, exchange.headers.get("request-id")), "error body: ")
        return body

    # ------------------------------------------------------------ paging helpers

    @staticmethod
    def pages_of(exchanges: list[Exchange]) -> list[dict[str, Any]]:
        return [e.json() for e in exchanges]


def expected_page_count(total: int, limit: int) -> int:
    """How many pages a walk of `total` items with page size `limit` takes (at least one)."""
    return max(1, math.ceil(total / limit))


def same_sequence(got: list[Any], want: list[Any], what: str) -> None:
    """Fail with the first difference between two id sequences."""
    dupes = len(got) - len(set(map(repr, got)))
    expect(dupes == 0, f"{what}: {dupes} duplicate(s) in the walked sequence")
    if got == want:
        return
    for index, (a, b) in enumerate(zip(got, want)):
        if a != b:
            raise CheckFailed(f"{what}: first difference at index {index}: got {a!r}, expected {b!r}")
    raise CheckFailed(f"{what}: walked {len(got)} items, the single page has {len(want)}")
