"""Shared pieces of the report checks: constants, token vectors, the server-clock window."""

from __future__ import annotations

import datetime as dt
import email.utils
from decimal import Decimal
from typing import Any

from harness import CheckFailed
from live import UTC, Live, floor_day, floor_hour, fmt_ts, parse_ts

BETA = "analytics-usage-cost-2026-08-24"
USAGE_PATH = "/v1/organizations/analytics/usage"
DAY = dt.timedelta(days=1)
HOUR = dt.timedelta(hours=1)
MINUTE = dt.timedelta(minutes=1)
EARLIEST = dt.datetime(2026, 1, 1, tzinfo=UTC)
# The 20 analytics dimensions in batches of at most 5 (the group_by limit), actor with actor_type.
DIMENSION_BATCHES = [
    ["actor", "actor_type", "agent_id", "api_key_id", "claude_tag_category"],
    ["claude_tag_user_id", "context_window", "deployment_id", "environment_id", "inference_geo"],
    ["model", "organization_id", "product", "rbac_group_id", "service_tier"],
    ["session_id", "slack_channel_id", "speed", "user_profile_id", "workspace_id"],
]


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
