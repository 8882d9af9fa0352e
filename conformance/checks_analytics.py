"""Live checks: Usage & Cost Analytics (report cursor), range rules, query encoding."""

from __future__ import annotations

import datetime as dt
import email.utils
from decimal import Decimal
from typing import Any, Callable

import anthropic

from harness import CheckFailed, Runner, expect, expect_no_errors
from live import UTC, Live, floor_day, floor_hour, fmt_ts, parse_ts, same_sequence

BETA = "analytics-usage-cost-2026-08-24"
USAGE_PATH = "/v1/organizations/analytics/usage"
DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)
MINUTE = dt.timedelta(minutes=1)
EARLIEST = dt.datetime(2026, 1, 1, tzinfo=UTC)


def usage_vector(usage: dict[str, Any]) -> tuple[int, ...]:
    """The additive token counts of an analytics usage object or a legacy usage row."""
    return (
        usage["uncached_input_tokens"],
        usage["output_tokens"],
        usage["cache_read_input_tokens"],
        usage["cache_creation"]["ephemeral_5m_input_tokens"],
        usage["cache_creation"]["ephemeral_1h_input_tokens"],
        usage["server_tool_use"]["web_search_requests"],
    )


def add(vectors: list[tuple[int, ...]]) -> tuple[int, ...]:
    return tuple(sum(column) for column in zip(*vectors)) if vectors else (0,) * 6


def decimal_tolerance(amounts: list[str]) -> Decimal:
    """Rounding slack for sums of rounded amounts: one unit of the finest digit per row."""
    digits = max((len(a.split(".")[1]) for a in amounts if "." in a), default=0)
    return Decimal(len(amounts) + 1) * Decimal(1).scaleb(-digits)


class Window:
    """The time ranges the report checks use, anchored at the server's data_refreshed_at."""

    def __init__(self, refreshed: dt.datetime) -> None:
        self.refreshed = refreshed
        self.day = floor_day(refreshed)
        start = max(self.day - 7 * DAY, EARLIEST)
        self.week = (start, self.day)
        self.hour_end = floor_hour(refreshed)
        self.last_24h = (self.hour_end - 24 * HOUR, self.hour_end)
        self.last_hour = (self.hour_end - HOUR, self.hour_end)


def find_window(live: Live) -> Window:
    """Ask the server for its clock: data_refreshed_at of a cheap analytics call."""
    candidates: list[dt.datetime] = []
    for exchange in reversed(live.recorder.exchanges):
        if "date" in exchange.headers:
            try:
                candidates.append(email.utils.parsedate_to_datetime(exchange.headers["date"]).astimezone(UTC))
            except (TypeError, ValueError):
                pass
            break
    candidates.append(dt.datetime.now(UTC))
    # A frozen server clock can be far from ours; the newest entity timestamp is in its past.
    stamps = [
        parse_ts(item[field])
        for key in ("api_keys.all", "users.all", "invites.all", "workspaces.all", "spend_limits.all")
        if live.cache.get(key, ("error",))[0] == "ok"
        for item in live.cache[key][1]
        for field in ("created_at", "added_at", "invited_at", "updated_at")
        if isinstance(item.get(field), str)
    ]
    if stamps:
        candidates.append(max(stamps))
    seen = []
    for guess in candidates:
        start = floor_hour(guess) - 2 * HOUR
        exchange = live.raw_get(USAGE_PATH, {"starting_at": fmt_ts(start), "limit": "1"}, {"anthropic-beta": BETA})
        seen.append(f"{fmt_ts(start)} -> HTTP {exchange.status}")
        if exchange.status == 200 and exchange.json().get("data_refreshed_at"):
            return Window(parse_ts(exchange.json()["data_refreshed_at"]))
    raise CheckFailed(f"could not learn the server's clock from data_refreshed_at ({'; '.join(seen)})")


def run_analytics_checks(runner: Runner, live: Live) -> None:
    org = live.org
    usage_api, cost_api = org.analytics.usage, org.analytics.cost
    window = lambda: live.cached("analytics.window", lambda: find_window(live))  # noqa: E731

    def report(kind_api: Any, model: str, **params: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
        """Single call, iterated by the SDK; returns (joined raw rows, raw pages)."""
        _, exchanges = live.validated(lambda: list(kind_api.list(**params)), "report_page", model)
        pages = live.pages_of(exchanges)
        return [row for page in pages for row in page["data"]], pages

    def week(**extra: Any) -> dict[str, Any]:
        start, end = window().week
        return {"starting_at": fmt_ts(start), "ending_at": fmt_ts(end), **extra}

    grouped = {"group_by": ["api_key_id", "model"]}

    def usage_grouped() -> list[dict[str, Any]]:
        rows, pages = report(usage_api, "BetaAnalyticsUsageItem", **week(limit=1000, **grouped))
        expect(len(pages) == 1, "limit=1000 should be one page")
        return rows

    def check_grouped(rows: list[dict[str, Any]], dims: set[str], what: str) -> None:
        problems = []
        for index, row in enumerate(rows):
            for key, value in row["group"].items():
                if key not in dims and value is not None:
                    problems.append(f"row {index}: group.{key}={value!r} but not grouped by it")
        expect_no_errors(problems, f"{what}: ")

    def usage_single() -> None:
        rows = live.cached("analytics.usage.grouped", usage_grouped)
        expect(rows, "no usage rows in the last 7 days")
        check_grouped(rows, {"api_key_id", "model"}, "usage")
        start, end = window().week
        problems = []
        for row in rows:
            u = row["usage"]
            total = sum(usage_vector(u)[:5])
            if u["total_tokens"] != total:
                problems.append(f"total_tokens {u['total_tokens']} != sum of parts {total}")
            if (row["starting_at"], row["ending_at"]) != (fmt_ts(start), fmt_ts(end)):
                problems.append(f"row bounds {row['starting_at']}..{row['ending_at']} != requested range")
        totals = [r["usage"]["total_tokens"] for r in rows]
        if totals != sorted(totals, reverse=True):
            problems.append("rows not ordered by total_tokens desc (the default order)")
        expect_no_errors(problems)

    runner.run("analytics_usage.grouped_single_page_strict", usage_single)

    def walk(kind_api: Any, model: str, cache_key: str, fetch: Callable[[], list[dict[str, Any]]],
             small: int, params: dict[str, Any], exact_pages: bool) -> None:
        full = live.cached(cache_key, fetch)
        rows, pages = report(kind_api, model, **params, limit=small)
        same_sequence([repr(r) for r in rows], [repr(r) for r in full], f"limit={small} report pages")
        expect(pages[-1]["has_more"] is False and pages[-1]["next_page"] is None, "last page still has more")
        for index, page in enumerate(pages[:-1]):
            expect(page["has_more"] is True and page["next_page"], f"page {index + 1} ends the walk early")
            if exact_pages:
                expect(len(page["data"]) == small, f"page {index + 1} holds {len(page['data'])} rows")
        expect(len(pages) >= 2 or len(full) <= small, f"{len(full)} rows in one page at limit={small}")

    runner.run("analytics_usage.auto_pagination_joins_single_page",
               lambda: walk(usage_api, "BetaAnalyticsUsageItem", "analytics.usage.grouped", usage_grouped, 3,
                            week(**grouped), True))

    def usage_total(start: dt.datetime, end: dt.datetime) -> tuple[dict[str, Any], tuple[int, ...]]:
        rows, _ = report(usage_api, "BetaAnalyticsUsageItem", starting_at=fmt_ts(start), ending_at=fmt_ts(end))
        expect(len(rows) == 1, f"no group_by, no width: expected exactly one row, got {len(rows)}")
        return rows[0], usage_vector(rows[0]["usage"])

    def ungrouped() -> None:
        grouped_rows = live.cached("analytics.usage.grouped", usage_grouped)
        row, vector = usage_total(*window().week)
        check_grouped([row], set(), "ungrouped")
        summed = add([usage_vector(r["usage"]) for r in grouped_rows])
        expect(vector == summed, f"ungrouped total {vector} != sum of grouped rows {summed}")
        requests = [r["usage"]["requests"] for r in grouped_rows]
        if None not in requests and row["usage"]["requests"] is not None:
            expect(sum(requests) == row["usage"]["requests"],
                   f"requests {row['usage']['requests']} != grouped sum {sum(requests)}")

    runner.run("analytics_usage.ungrouped_single_row_equals_grouped_sum", ungrouped)

    def rounding() -> None:
        start, _ = window().week
        end = window().hour_end - HOUR
        rows, _ = report(usage_api, "BetaAnalyticsUsageItem", starting_at=fmt_ts(start + 30 * MINUTE),
                         ending_at=fmt_ts(end + 17 * MINUTE))
        expect(len(rows) == 1, f"expected one row, got {len(rows)}")
        expect((rows[0]["starting_at"], rows[0]["ending_at"]) == (fmt_ts(start), fmt_ts(end)),
               f"bounds {rows[0]['starting_at']}..{rows[0]['ending_at']}, expected the requested range "
               f"floored to the hour {fmt_ts(start)}..{fmt_ts(end)}")

    runner.run("analytics_usage.no_width_row_bounds_floor_to_hour", rounding)

    def bucketed(width: str, span: tuple[dt.datetime, dt.datetime], step: dt.timedelta) -> None:
        start, end = span
        rows, _ = report(usage_api, "BetaAnalyticsUsageItem", starting_at=fmt_ts(start), ending_at=fmt_ts(end),
                         time_bucket_width=width, group_by=["model"], limit=1000)
        expect(rows, f"{width}: no rows")
        check_grouped(rows, {"model"}, width)
        problems = []
        for row in rows:
            s, e = parse_ts(row["starting_at"]), parse_ts(row["ending_at"])
            if e - s != step or (s - EARLIEST) % step or s < start or e > end:
                problems.append(f"bucket {row['starting_at']}..{row['ending_at']} not a {width} bucket in range")
        expect_no_errors(problems, f"{width}: ")
        _, total = usage_total(start, end)
        summed = add([usage_vector(r["usage"]) for r in rows])
        expect(summed == total, f"{width}: bucket sum {summed} != whole-range total {total}")

    def busiest_hour() -> tuple[dt.datetime, dt.datetime]:
        """The hour of the last 24 with the most tokens, so that 1m buckets have data."""
        start, end = window().last_24h
        rows, _ = report(usage_api, "BetaAnalyticsUsageItem", starting_at=fmt_ts(start), ending_at=fmt_ts(end),
                         time_bucket_width="1h", limit=1000)
        expect(rows, "no usage in the last 24 hours")
        best = max(rows, key=lambda r: r["usage"]["total_tokens"])
        return parse_ts(best["starting_at"]), parse_ts(best["ending_at"])

    runner.run("analytics_usage.width_1d_buckets_aligned_and_sum",
               lambda: bucketed("1d", window().week, DAY))
    runner.run("analytics_usage.width_1h_buckets_aligned_and_sum",
               lambda: bucketed("1h", window().last_24h, HOUR))
    runner.run("analytics_usage.width_1m_buckets_aligned_and_sum",
               lambda: bucketed("1m", live.cached("analytics.busiest_hour", busiest_hour), MINUTE))

    def filters() -> None:
        rows = live.cached("analytics.usage.grouped", usage_grouped)
        model = rows[0]["group"]["model"]
        got, _ = report(usage_api, "BetaAnalyticsUsageItem", **week(limit=1000, **grouped), models=[model])
        same_sequence([repr(r) for r in got], [repr(r) for r in rows if r["group"]["model"] == model],
                      f"models[]={model}")
        key = next((r["group"]["api_key_id"] for r in rows if r["group"]["api_key_id"]), None)
        expect(key is not None, "no row with an api_key_id")
        got, _ = report(usage_api, "BetaAnalyticsUsageItem", **week(limit=1000, **grouped), api_key_ids=[key])
        same_sequence([repr(r) for r in got], [repr(r) for r in rows if r["group"]["api_key_id"] == key],
                      f"api_key_ids[]={key}")
        got, _ = report(usage_api, "BetaAnalyticsUsageItem", **week(limit=1000, **grouped), order="asc")
        totals = [r["usage"]["total_tokens"] for r in got]
        expect(totals == sorted(totals), "order=asc rows are not ascending by total_tokens")

    runner.run("analytics_usage.filters_and_order", filters)

    # ---------------------------------------------------------------- cost
    def cost_grouped() -> list[dict[str, Any]]:
        rows, pages = report(cost_api, "BetaAnalyticsCostItem", **week(limit=1000, **grouped))
        expect(len(pages) == 1, "limit=1000 should be one page")
        return rows

    def cost_single() -> None:
        rows = live.cached("analytics.cost.grouped", cost_grouped)
        expect(rows, "no cost rows in the last 7 days")
        check_grouped(rows, {"api_key_id", "model"}, "cost")
        expect(all(r["cost"]["currency"] == "USD" for r in rows), "a currency other than USD")
        amounts = [Decimal(r["cost"]["amount"]) for r in rows]
        expect(amounts == sorted(amounts, reverse=True), "rows not ordered by amount desc (the default order)")
        usage_groups = {(r["group"]["api_key_id"], r["group"]["model"])
                        for r in live.cached("analytics.usage.grouped", usage_grouped)}
        missing = [(r["group"]["api_key_id"], r["group"]["model"]) for r in rows
                   if (r["group"]["api_key_id"], r["group"]["model"]) not in usage_groups]
        expect(not missing, f"cost rows with no usage row: {missing[:3]}")

    runner.run("analytics_cost.grouped_single_page_strict", cost_single)
    runner.run("analytics_cost.auto_pagination_joins_single_page",
               lambda: walk(cost_api, "BetaAnalyticsCostItem", "analytics.cost.grouped", cost_grouped, 3,
                            week(**grouped), True))

    fan = {"group_by": ["model", "cost_type", "token_type"]}

    def cost_fanout() -> list[dict[str, Any]]:
        rows, _ = report(cost_api, "BetaAnalyticsCostItem", **week(limit=1000, **fan))
        return rows

    def fanout_rules() -> None:
        rows = live.cached("analytics.cost.fanout", cost_fanout)
        expect(rows, "no rows")
        check_grouped(rows, {"model", "cost_type", "token_type"}, "fan-out")
        problems = []
        for row in rows:
            g = row["group"]
            if row["cost"]["requests"] is not None:
                problems.append(f"requests {row['cost']['requests']} when grouped by cost_type/token_type")
            if (g["token_type"] is not None) != (g["cost_type"] == "tokens"):
                problems.append(f"cost_type {g['cost_type']} with token_type {g['token_type']}")
        expect_no_errors(problems)
        total = sum(Decimal(r["cost"]["amount"]) for r in rows)
        grouped_rows = live.cached("analytics.cost.grouped", cost_grouped)
        other = sum(Decimal(r["cost"]["amount"]) for r in grouped_rows)
        slack = decimal_tolerance([r["cost"]["amount"] for r in rows + grouped_rows])
        expect(abs(total - other) <= slack, f"fan-out total {total} != grouped total {other}")

    runner.run("analytics_cost.fanout_cost_type_token_type_rules", fanout_rules)
    runner.run("analytics_cost.fanout_auto_pagination_joins_single_page",
               lambda: walk(cost_api, "BetaAnalyticsCostItem", "analytics.cost.fanout", cost_fanout, 2,
                            week(**fan), False))

    # ---------------------------------------------------------------- validation
    def bad(call: Callable[[], Any]) -> Callable[[], None]:
        def check() -> None:
            live.expect_sdk_error(call, anthropic.BadRequestError, 400)
        return check

    def start_end(days_before_end: float, width: str | None = None, **extra: Any) -> dict[str, Any]:
        end = window().hour_end
        params = {"starting_at": fmt_ts(end - dt.timedelta(days=days_before_end)), "ending_at": fmt_ts(end), **extra}
        if width:
            params["time_bucket_width"] = width
        return params

    runner.run("analytics_usage.range_over_31_days_400", bad(lambda: usage_api.list(**start_end(32))))
    runner.run("analytics_usage.start_before_2026_400",
               bad(lambda: usage_api.list(starting_at="2025-12-31T00:00:00Z", ending_at="2026-01-02T00:00:00Z")))
    runner.run("analytics_usage.width_without_ending_at_400",
               bad(lambda: usage_api.list(starting_at=start_end(1)["starting_at"], time_bucket_width="1h")))
    runner.run("analytics_usage.width_1m_over_24h_400", bad(lambda: usage_api.list(**start_end(2, "1m"))))
    runner.run("analytics_usage.six_group_by_400", bad(lambda: usage_api.list(
        **start_end(1), group_by=["model", "api_key_id", "workspace_id", "service_tier", "speed", "product"])))
    runner.run("analytics_usage.limit_0_400", bad(lambda: usage_api.list(**start_end(1), limit=0)))
    runner.run("analytics_cost.limit_1001_400", bad(lambda: cost_api.list(**start_end(1), limit=1001)))

    def missing_beta(path: str) -> Callable[[], None]:
        def check() -> None:
            exchange = live.raw_get(path, {"starting_at": start_end(1)["starting_at"]})
            body = live.expect_raw_error(exchange, 400)
            expect(BETA in body["error"]["message"], "the 400 message does not name the required beta")
        return check

    runner.run("analytics_usage.missing_beta_400", missing_beta(USAGE_PATH))
    runner.run("analytics_cost.missing_beta_400", missing_beta("/v1/organizations/analytics/cost"))

    # ---------------------------------------------------------------- query encoding (§1.4)
    def encoding() -> None:
        start, end = window().last_24h
        base = f"{USAGE_PATH}?ending_at={fmt_ts(end)}&limit=1000"
        variants = {
            "encoded": f"{base}&starting_at={fmt_ts(start).replace('Z', '%2B00:00')}&group_by%5B%5D=model",
            "literal plus and brackets": f"{base}&starting_at={fmt_ts(start).replace('Z', '+00:00')}&group_by[]=model",
            "Z and literal brackets": f"{base}&starting_at={fmt_ts(start)}&group_by[]=model",
        }
        bodies = {}
        for label, url in variants.items():
            exchange = live.raw_get(url, None, {"anthropic-beta": BETA})
            expect(exchange.status == 200, f"{label}: HTTP {exchange.status}: {exchange.text[:200]}")
            bodies[label] = exchange.json()["data"]
        first = bodies["encoded"]
        expect(first, "no rows to compare")
        for label, data in bodies.items():
            expect(data == first, f"{label} query gives different rows than the encoded one")

    runner.run("query.plus_offset_and_brackets_encoded_or_literal", encoding)
