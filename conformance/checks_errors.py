"""Live checks: error classes and envelopes, credentials, and headers on every response."""

from __future__ import annotations

from typing import Any, Callable

import anthropic

from harness import Runner, expect, expect_no_errors
from live import Live

UNKNOWN = {
    "api_key": "apikey_01ZzZzZzZzZzZzZzZzZzZzZz",
    "user": "user_01ZzZzZzZzZzZzZzZzZzZzZz",
    "workspace": "wrkspc_01ZzZzZzZzZzZzZzZzZzZzZz",
}


def run_error_checks(runner: Runner, live: Live) -> None:
    org = live.org

    def sdk_error(call: Callable[[], Any], error_class: type, status: int) -> Callable[[], None]:
        def check() -> None:
            live.expect_sdk_error(call, error_class, status)
        return check

    bad_org = live.bad_client.beta.organization
    runner.run("errors.wrong_key_401_authentication_error_me",
               sdk_error(lambda: bad_org.retrieve(), anthropic.AuthenticationError, 401))
    runner.run("errors.wrong_key_401_authentication_error_list",
               sdk_error(lambda: bad_org.api_keys.list(), anthropic.AuthenticationError, 401))

    def missing_key() -> None:
        mark = live.recorder.mark()
        live.http.get(f"{live.base_url}/v1/organizations/me", headers={"anthropic-version": "2023-06-01"})
        live.expect_raw_error(live.recorder.since(mark)[-1], 401)

    runner.run("errors.missing_key_401", missing_key)

    def x_api_key() -> None:
        raw = live.raw_get("/v1/organizations/me")
        expect(raw.status == 200, f"x-api-key auth gave HTTP {raw.status}")
        _, exchanges = live.validated(lambda: org.retrieve(), "object", "BetaOrganization")
        expect(raw.json() == exchanges[0].json(), "x-api-key and Bearer give different organizations")

    runner.run("auth.x_api_key_and_bearer_both_accepted", x_api_key)

    runner.run("errors.unknown_api_key_404",
               sdk_error(lambda: org.api_keys.retrieve(UNKNOWN["api_key"]), anthropic.NotFoundError, 404))
    runner.run("errors.update_unknown_api_key_404",
               sdk_error(lambda: org.api_keys.update(UNKNOWN["api_key"], name="x"), anthropic.NotFoundError, 404))
    runner.run("errors.unknown_user_404",
               sdk_error(lambda: org.users.retrieve(UNKNOWN["user"]), anthropic.NotFoundError, 404))
    runner.run("errors.unknown_workspace_404",
               sdk_error(lambda: org.workspaces.retrieve(UNKNOWN["workspace"]), anthropic.NotFoundError, 404))
    runner.run("errors.unknown_workspace_members_404",
               sdk_error(lambda: org.workspaces.members.list(UNKNOWN["workspace"]), anthropic.NotFoundError, 404))
    runner.run("errors.unknown_workspace_rate_limits_404",
               sdk_error(lambda: org.workspaces.rate_limits.list(UNKNOWN["workspace"]), anthropic.NotFoundError,
                         404))

    def unknown_paths() -> None:
        for path in ("/v1/organizations/no_such_endpoint", "/v1/organizations/balance"):
            live.expect_raw_error(live.raw_get(path), 404)

    runner.run("errors.unknown_path_404", unknown_paths)

    def bad_limits() -> None:
        workspace = UNKNOWN["workspace"]
        calls = {
            "api_keys limit=0": lambda: org.api_keys.list(limit=0),
            "api_keys limit=1001": lambda: org.api_keys.list(limit=1001),
            "users limit=1001": lambda: org.users.list(limit=1001),
            "invites limit=0": lambda: org.invites.list(limit=0),
            "workspaces limit=1001": lambda: org.workspaces.list(limit=1001),
            "rate_limits limit=0": lambda: org.rate_limits.list(limit=0),
            "rate_limits limit=1001": lambda: org.rate_limits.list(limit=1001),
        }
        del workspace
        problems = []
        for label, call in calls.items():
            try:
                live.expect_sdk_error(call, anthropic.BadRequestError, 400)
            except Exception as error:  # noqa: BLE001 - collect every endpoint's verdict
                problems.append(f"{label}: {error}")
        expect_no_errors(problems)

    runner.run("errors.limit_out_of_range_400_bad_request", bad_limits)

    def expired() -> None:
        keys = live.cached("api_keys.all", lambda: [])
        expect(keys, "no key to update")
        live.expect_sdk_error(lambda: org.api_keys.update(keys[0]["id"], status="expired"),  # type: ignore[arg-type]
                              anthropic.BadRequestError, 400)
        _, exchanges = live.validated(lambda: org.api_keys.retrieve(keys[0]["id"]), "object", "BetaAPIKey")
        expect(exchanges[0].json() == keys[0], "a rejected update changed the key")

    runner.run("errors.update_status_expired_400_changes_nothing", expired)


def run_header_checks(runner: Runner, live: Live) -> None:
    """Runs last: looks at every exchange recorded during the whole run."""

    def request_ids() -> None:
        exchanges = live.recorder.exchanges
        expect(len(exchanges) > 50, f"only {len(exchanges)} exchanges recorded")
        problems = []
        seen: dict[str, str] = {}
        for exchange in exchanges:
            where = f"{exchange.method} {exchange.path} -> {exchange.status}"
            rid = exchange.headers.get("request-id")
            if not rid or not rid.startswith("req_"):
                problems.append(f"{where}: request-id header {rid!r}")
            elif rid in seen:
                problems.append(f"{where}: request-id {rid} reused (also {seen[rid]})")
            else:
                seen[rid] = where
            content_type = exchange.headers.get("content-type", "")
            if not content_type.startswith("application/json"):
                problems.append(f"{where}: content-type {content_type!r}")
        expect_no_errors(problems, f"{len(exchanges)} responses: ")

    runner.run("headers.request_id_and_json_on_every_response", request_ids)

    def organization_id() -> None:
        org_id = live.cached("org.id", lambda: live.org.retrieve().id)
        problems = [
            f"{e.method} {e.path}: anthropic-organization-id {e.headers.get('anthropic-organization-id')!r}"
            for e in live.recorder.exchanges
            if e.status == 200 and e.headers.get("anthropic-organization-id") != org_id
        ]
        expect_no_errors(problems)

    runner.run("headers.organization_id_on_every_success", organization_id)
