"""Live checks: the legacy usage_report/messages and cost_report, with raw HTTP.

SDK 2.10.0 has no methods for these, so requests are built by hand (arrays as `key[]`, the
way the docs write them) and bodies are checked against the explicit models in wire.py.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from checks_analytics import BETA, DAY, HOUR, add, decimal_tolerance, find_window, usage_vector
from harness import Runner, expect, expect_no_errors
from live import Live, fmt_ts, parse_ts, same_sequence

USAGE = "/v1/organizations/usage_report/messages"
COST = "/v1/organizations/cost_report"
GROUP_KEYS = ("api_key_id", "workspace_id", "model", "service_tier", "context_window", "inference_geo",
              "account_id", "service_account_id")


def run_legacy_checks(runner: Runner, live: Live) -> None:
    window = lambda: live.cached("analytics.window", lambda: find_window(live))  # noqa: E731

    def span(days: int) -> tuple[dt.datetime, dt.datetime]:
        end = window().day
        return end - days * DAY, end

    def walk(path: str, model: str, params: list[tuple[str, str]], limit: int | None) -> list[dict[str, Any]]:
        """Follow next_page by hand, repeating the original params; returns the raw pages."""
        pages: list[dict[str, Any]] = []
        page = None
        for _ in range(200):
            query = list(params) + ([("limit", str(limit))] if limit else []) + ([("page", page)] if page else [])
            body = live.raw_json(path, query, "legacy_page", model)
            pages.append(body)
            if not body["has_more"]:
                return pages
            page = body["next_page"]
        raise AssertionError("more than 200 pages")

    def buckets_ok(buckets: list[dict[str, Any]], start: dt.datetime, end: dt.datetime,
                   step: dt.timedelta) -> None:
        expected = []
        cursor = start
        while cursor < end:
            expected.append((fmt_ts(cursor), fmt_ts(cursor + step)))
            cursor += step
        got = [(b["starting_at"], b["ending_at"]) for b in buckets]
        same_sequence(got, expected, "buckets (oldest first, one per interval, empty ones included)")

    def usage_params(start: dt.datetime, end: dt.datetime, width: str, group: bool = True) -> list[tuple[str, str]]:
        params = [("starting_at", fmt_ts(start)), ("ending_at", fmt_ts(end)), ("bucket_width", width)]
        if group:
            params += [("group_by[]", "api_key_id"), ("group_by[]", "model")]
        return params

    def usage_days() -> list[dict[str, Any]]:
        pages = walk(USAGE, "LegacyUsageBucket", usage_params(*span(10), "1d"), 31)
        expect(len(pages) == 1, f"limit=31 over 10 days took {len(pages)} pages")
        return pages[0]["data"]

    def usage_single() -> None:
        buckets = live.cached("legacy.usage.days", usage_days)
        buckets_ok(buckets, *span(10), DAY)
        expect(any(b["results"] for b in buckets), "no usage at all in 10 days")
        problems = []
        for bucket in buckets:
            for row in bucket["results"]:
                for key in GROUP_KEYS:
                    if key not in ("api_key_id", "model") and row[key] is not None:
                        problems.append(f"{bucket['starting_at']}: {key}={row[key]!r} but not grouped")
                if row["model"] is None:
                    problems.append(f"{bucket['starting_at']}: model null although grouped by model")
        expect_no_errors(problems)

    runner.run("legacy_usage.daily_single_page_strict_buckets", usage_single)

    def usage_paged() -> None:
        full = live.cached("legacy.usage.days", usage_days)
        pages = walk(USAGE, "LegacyUsageBucket", usage_params(*span(10), "1d"), 3)
        same_sequence([repr(b) for p in pages for b in p["data"]], [repr(b) for b in full], "limit=3 pages")
        expect([len(p["data"]) for p in pages] == [3, 3, 3, 1], f"page sizes {[len(p['data']) for p in pages]}")
        default = walk(USAGE, "LegacyUsageBucket", usage_params(*span(10), "1d"), None)
        expect(len(default[0]["data"]) == 7, f"default 1d page holds {len(default[0]['data'])} buckets, not 7")

    runner.run("legacy_usage.pagination_joins_and_default_limit_7", usage_paged)

    def usage_hours() -> None:
        end = window().hour_end
        start = end - 24 * HOUR
        pages = walk(USAGE, "LegacyUsageBucket", usage_params(start, end, "1h", group=False), None)
        expect(len(pages) == 1, f"default 1h limit (24) should hold 24 hourly buckets, took {len(pages)} pages")
        buckets_ok(pages[0]["data"], start, end, HOUR)
        for bucket in pages[0]["data"]:
            expect(len(bucket["results"]) <= 1, "without group_by a bucket has at most one combined row")
            for row in bucket["results"]:
                expect(all(row[k] is None for k in GROUP_KEYS), "ungrouped row with a non-null grouping key")

    runner.run("legacy_usage.hourly_default_limit_24_ungrouped_rows", usage_hours)

    def agrees_with_analytics() -> None:
        start, end = window().week
        pages = walk(USAGE, "LegacyUsageBucket", usage_params(start, end, "1d"), 31)
        legacy = add([usage_vector(r) for p in pages for b in p["data"] for r in b["results"]])
        body = live.raw_json("/v1/organizations/analytics/usage",
                             {"starting_at": fmt_ts(start), "ending_at": fmt_ts(end)}, "report_page",
                             "BetaAnalyticsUsageItem", {"anthropic-beta": BETA})
        expect(len(body["data"]) == 1, "analytics: expected one aggregate row")
        analytics = usage_vector(body["data"][0]["usage"])
        expect(legacy == analytics, f"legacy token totals {legacy} != analytics totals {analytics} "
                                    f"over {fmt_ts(start)}..{fmt_ts(end)}")

    runner.run("legacy_usage.totals_agree_with_analytics", agrees_with_analytics)

    def usage_limits() -> None:
        exchange = live.raw_get(USAGE, usage_params(*span(40), "1d") + [("limit", "32")])
        live.expect_raw_error(exchange, 400)
        exchange = live.raw_get(USAGE, usage_params(*span(2), "2h"))
        live.expect_raw_error(exchange, 400)

    runner.run("legacy_usage.limit_32_and_bad_width_400", usage_limits)

    # ---------------------------------------------------------------- cost_report
    def cost_params(start: dt.datetime, end: dt.datetime) -> list[tuple[str, str]]:
        return [("starting_at", fmt_ts(start)), ("ending_at", fmt_ts(end)), ("group_by[]", "description")]

    def cost_days() -> list[dict[str, Any]]:
        pages = walk(COST, "LegacyCostBucket", cost_params(*span(10)), 31)
        expect(len(pages) == 1, f"limit=31 over 10 days took {len(pages)} pages")
        return pages[0]["data"]

    def cost_single() -> None:
        buckets = live.cached("legacy.cost.days", cost_days)
        buckets_ok(buckets, *span(10), DAY)
        rows = [r for b in buckets for r in b["results"]]
        expect(rows, "no cost at all in 10 days")
        problems = []
        for row in rows:
            if row["currency"] != "USD":
                problems.append(f"currency {row['currency']}")
            if row["description"] is None:
                problems.append("description null although grouped by description")
            if row["workspace_id"] is not None:
                problems.append("workspace_id set although not grouped by workspace_id")
            if row["cost_type"] == "tokens" and (row["model"] is None or row["token_type"] is None):
                problems.append(f"token cost without model/token_type: {row['description']!r}")
            if row["cost_type"] != "tokens" and row["token_type"] is not None:
                problems.append(f"token_type on a {row['cost_type']} cost")
        expect_no_errors(problems)

    runner.run("legacy_cost.daily_single_page_strict_rows", cost_single)

    def cost_paged() -> None:
        full = live.cached("legacy.cost.days", cost_days)
        pages = walk(COST, "LegacyCostBucket", cost_params(*span(10)), 3)
        same_sequence([repr(b) for p in pages for b in p["data"]], [repr(b) for b in full], "limit=3 pages")
        default = walk(COST, "LegacyCostBucket", cost_params(*span(10)), None)
        expect(len(default[0]["data"]) == 7, f"default page holds {len(default[0]['data'])} buckets, not 7")
        live.expect_raw_error(live.raw_get(COST, cost_params(*span(2)) + [("bucket_width", "1h")]), 400)
        live.expect_raw_error(live.raw_get(COST, cost_params(*span(40)) + [("limit", "32")]), 400)

    runner.run("legacy_cost.pagination_default_7_and_rejects_1h_and_limit_32", cost_paged)

    def cost_agrees() -> None:
        start, end = window().week
        pages = walk(COST, "LegacyCostBucket", cost_params(start, end), 31)
        legacy_amounts = [r["amount"] for p in pages for b in p["data"] for r in b["results"]]
        legacy = sum((Decimal(a) for a in legacy_amounts), Decimal(0))
        rows = live.raw_json("/v1/organizations/analytics/cost",
                             [("starting_at", fmt_ts(start)), ("ending_at", fmt_ts(end)),
                              ("group_by[]", "service_tier"), ("limit", "1000")], "report_page",
                             "BetaAnalyticsCostItem", {"anthropic-beta": BETA})["data"]
        slack = decimal_tolerance(legacy_amounts + [r["cost"]["amount"] for r in rows])
        totals = {}
        for excluded in (("priority",), ("priority", "priority_on_demand")):
            totals[excluded] = sum((Decimal(r["cost"]["amount"]) for r in rows
                                    if r["group"]["service_tier"] not in excluded), Decimal(0))
        expect(any(abs(t - legacy) <= slack for t in totals.values()),
               f"legacy cost total {legacy} != analytics total without Priority Tier "
               f"{[str(t) for t in totals.values()]} (slack {slack})")

    runner.run("legacy_cost.total_agrees_with_analytics_minus_priority", cost_agrees)


__all__ = ["run_legacy_checks", "parse_ts"]
