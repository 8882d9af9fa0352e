"""Live checks on a second simulator started with switches and fault injection.

run.sh starts it with VARIANT_ARGS below: analytics absent, spend limits unsupported, and
one fault per path, so that each documented failure mode reaches the SDK exactly once.
"""

from __future__ import annotations

import anthropic

from reports import BETA
from harness import Runner, expect, expect_no_errors
from live import Live

# Kept in step with run.sh, which passes these options to the second simulator.
VARIANT_ARGS = (
    "--analytics absent --spend-limits unsupported --faults "
    "429=2s:/v1/organizations/me,529:/v1/organizations/users,500:/v1/organizations/invites,"
    "503:/v1/organizations/workspaces,410:/v1/organizations/rate_limits"
)


def run_variant_checks(runner: Runner, live: Live) -> None:
    org = live.org

    def analytics_absent(kind: str) -> None:
        api = org.analytics.usage if kind == "usage" else org.analytics.cost
        live.expect_sdk_error(lambda: api.list(starting_at="2026-11-01T00:00:00Z"), anthropic.NotFoundError, 404)

    runner.run("variant.analytics_absent_usage_404", lambda: analytics_absent("usage"))
    runner.run("variant.analytics_absent_cost_404", lambda: analytics_absent("cost"))

    def legacy_served() -> None:
        for path, model in (("/v1/organizations/usage_report/messages", "LegacyUsageBucket"),
                            ("/v1/organizations/cost_report", "LegacyCostBucket")):
            body = live.raw_json(path, {"starting_at": "2026-11-01T00:00:00Z", "limit": "2"}, "legacy_page", model)
            expect(len(body["data"]) == 2, f"{path}: {len(body['data'])} buckets at limit=2")

    runner.run("variant.legacy_reports_served_without_analytics", legacy_served)

    def spend_unsupported() -> None:
        error = live.expect_sdk_error(lambda: org.spend_limits.list(),
                                      anthropic.OrganizationTypeNotSupportedError, 400)
        expect(error.error_code == "organization_type_not_supported", f"error_code {error.error_code!r}")

    runner.run("variant.spend_limits_unsupported_400_type_not_supported", spend_unsupported)

    def rate_limited() -> None:
        error = live.expect_sdk_error(lambda: org.retrieve(), anthropic.RateLimitError, 429)
        headers = error.response.headers
        expect(headers.get("retry-after") == "2", f"retry-after {headers.get('retry-after')!r}, expected '2'")
        expect(float(headers.get("retry-after-ms", "nan")) == 2000.0,
               f"retry-after-ms {headers.get('retry-after-ms')!r}, expected 2000")

    runner.run("variant.fault_429_rate_limit_error_with_retry_after", rate_limited)
    runner.run("variant.fault_529_overloaded_error",
               lambda: live.expect_sdk_error(lambda: org.users.list(), anthropic.OverloadedError, 529))
    runner.run("variant.fault_500_api_error",
               lambda: live.expect_sdk_error(lambda: org.invites.list(), anthropic.InternalServerError, 500))
    runner.run("variant.fault_503_service_unavailable",
               lambda: live.expect_sdk_error(lambda: org.workspaces.list(), anthropic.ServiceUnavailableError, 503))

    def expired_cursor() -> None:
        pages = org.rate_limits.list(limit=1)
        expect(pages.data and pages.next_page, "the first page (no cursor) should succeed with a next_page")
        error = live.expect_sdk_error(lambda: pages.get_next_page(), anthropic.APIStatusError, 410)
        expect(error.type == "invalid_request_error", f"410 error type {error.type!r}")

    runner.run("variant.fault_410_only_on_page_cursor", expired_cursor)

    def retried() -> None:
        client = anthropic.Anthropic(api_key=live.client.api_key, base_url=live.base_url, http_client=live.http,
                                     max_retries=1)
        mark = live.recorder.mark()
        try:
            client.beta.organization.retrieve()
        except anthropic.RateLimitError:
            pass
        exchanges = live.recorder.since(mark)
        expect(len(exchanges) == 2, f"the SDK sent {len(exchanges)} requests with max_retries=1, expected 2")
        expect(exchanges[1].request_headers.get("x-stainless-retry-count") == "1", "second request is not a retry")

    runner.run("variant.sdk_retries_429_once_honouring_retry_after", retried)

    def every_response() -> None:
        problems = []
        for exchange in live.recorder.exchanges:
            where = f"{exchange.method} {exchange.path} -> {exchange.status}"
            if not exchange.headers.get("request-id", "").startswith("req_"):
                problems.append(f"{where}: request-id {exchange.headers.get('request-id')!r}")
            if not exchange.headers.get("content-type", "").startswith("application/json"):
                problems.append(f"{where}: content-type {exchange.headers.get('content-type')!r}")
        expect_no_errors(problems)

    runner.run("variant.request_id_and_json_on_every_fault", every_response)


__all__ = ["BETA", "VARIANT_ARGS", "run_variant_checks"]
