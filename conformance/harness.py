"""A tiny named-check runner and an HTTP exchange recorder.

Each check is a function; it passes by returning, fails by raising `CheckFailed` (or any
exception). Results print as `PASS name` / `FAIL name: reason`.
"""

from __future__ import annotations

import json
import time
import traceback
from dataclasses import dataclass, field
from typing import Any, Callable

import httpx2


class CheckFailed(Exception):
    """A check's expectation did not hold; the message is the reason shown."""


def expect(condition: bool, reason: str) -> None:
    """Fail the current check with `reason` unless `condition` holds."""
    if not condition:
        raise CheckFailed(reason)


def expect_no_errors(errors: list[str], context: str = "") -> None:
    """Fail with the first few violations if there are any."""
    if errors:
        shown = "; ".join(errors[:4])
        more = f" (+{len(errors) - 4} more)" if len(errors) > 4 else ""
        raise CheckFailed(f"{context}{shown}{more}")


def failing(reason: str) -> Callable[[], None]:
    """A check that fails with `reason` (for a prerequisite that could not be met)."""

    def check() -> None:
        raise CheckFailed(reason)

    return check


@dataclass
class Exchange:
    """One recorded HTTP request/response pair (body already read)."""

    method: str
    url: str
    request_headers: dict[str, str]
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)

    @property
    def path(self) -> str:
        return httpx2.URL(self.url).path


@dataclass
class Recorder:
    """Collects every exchange seen by the httpx2 clients it is hooked into."""

    exchanges: list[Exchange] = field(default_factory=list)

    def hook(self, response: httpx2.Response) -> None:
        response.read()
        request = response.request
        self.exchanges.append(
            Exchange(
                method=request.method,
                url=str(request.url),
                # Never keep credentials: they must not reach the output.
                request_headers={
                    k.lower(): v
                    for k, v in request.headers.items()
                    if k.lower() not in ("authorization", "x-api-key")
                },
                status=response.status_code,
                headers={k.lower(): v for k, v in response.headers.items()},
                text=response.text,
            )
        )

    def mark(self) -> int:
        return len(self.exchanges)

    def since(self, mark: int) -> list[Exchange]:
        return self.exchanges[mark:]


@dataclass
class Result:
    """Outcome of one named check."""

    name: str
    passed: bool
    reason: str = ""
    seconds: float = 0.0


class Runner:
    """Runs named checks, prints one line per check and keeps the tally."""

    def __init__(self, verbose: bool = False) -> None:
        self.results: list[Result] = []
        self.verbose = verbose

    def run(self, name: str, fn: Callable[[], None]) -> bool:
        start = time.monotonic()
        try:
            fn()
        except CheckFailed as failure:
            result = Result(name, False, str(failure))
        except Exception as error:  # noqa: BLE001 - any crash is a failure with a reason
            reason = f"{type(error).__name__}: {error}"
            if self.verbose:
                reason += "\n" + traceback.format_exc()
            result = Result(name, False, reason[:2000])
        else:
            result = Result(name, True)
        result.seconds = time.monotonic() - start
        self.results.append(result)
        if result.passed:
            print(f"PASS {name}", flush=True)
        else:
            print(f"FAIL {name}: {result.reason}", flush=True)
        return result.passed

    @property
    def passed(self) -> int:
        return sum(1 for r in self.results if r.passed)

    @property
    def failed(self) -> int:
        return sum(1 for r in self.results if not r.passed)
