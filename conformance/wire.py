"""Envelope rules (pagination styles, errors) and explicit models for the legacy reports.

The SDK has no methods or models for the legacy `usage_report/messages` and `cost_report`
endpoints, so their shapes are written here from admin-api.md §13.5 and §13.6. Each envelope
check returns a list of violations (empty = conforms) and validates every item strictly.
"""


import datetime as _dt
from typing import Any, List, Literal, Optional

import pydantic

from strict import check, check_item, check_model, check_timestamp, json_type

# ---------------------------------------------------------------- legacy report models (docs)

ContextWindow = Literal["0-200k", "200k-1M"]
TokenType = Literal[
    "uncached_input_tokens",
    "output_tokens",
    "cache_read_input_tokens",
    "cache_creation.ephemeral_5m_input_tokens",
    "cache_creation.ephemeral_1h_input_tokens",
]


class LegacyCacheCreation(pydantic.BaseModel):
    """`cache_creation` of a legacy usage row."""

    model_config = pydantic.ConfigDict(extra="forbid")
    ephemeral_1h_input_tokens: int
    ephemeral_5m_input_tokens: int


class LegacyServerToolUse(pydantic.BaseModel):
    """`server_tool_use` of a legacy usage row."""

    model_config = pydantic.ConfigDict(extra="forbid")
    web_search_requests: int


class LegacyUsageRow(pydantic.BaseModel):
    """One result row of `GET /v1/organizations/usage_report/messages` (§13.5)."""

    model_config = pydantic.ConfigDict(extra="forbid")
    uncached_input_tokens: int
    cache_creation: LegacyCacheCreation
    cache_read_input_tokens: int
    output_tokens: int
    server_tool_use: LegacyServerToolUse
    api_key_id: Optional[str]
    workspace_id: Optional[str]
    model: Optional[str]
    service_tier: Optional[
        Literal["standard", "batch", "priority", "priority_on_demand", "flex", "flex_discount"]
    ]
    context_window: Optional[ContextWindow]
    inference_geo: Optional[Literal["global", "us", "not_available"]]
    account_id: Optional[str]
    service_account_id: Optional[str]


class LegacyUsageBucket(pydantic.BaseModel):
    """One time bucket of the legacy usage report."""

    model_config = pydantic.ConfigDict(extra="forbid")
    starting_at: _dt.datetime
    ending_at: _dt.datetime
    results: List[LegacyUsageRow]


class LegacyCostRow(pydantic.BaseModel):
    """One result row of `GET /v1/organizations/cost_report` (§13.6)."""

    model_config = pydantic.ConfigDict(extra="forbid")
    amount: str
    currency: str
    workspace_id: Optional[str]
    description: Optional[str]
    cost_type: Optional[Literal["tokens", "web_search", "code_execution", "session_usage"]]
    model: Optional[str]
    token_type: Optional[TokenType]
    service_tier: Optional[Literal["standard", "batch"]]
    context_window: Optional[ContextWindow]
    inference_geo: Optional[str]


class LegacyCostBucket(pydantic.BaseModel):
    """One daily bucket of the legacy cost report."""

    model_config = pydantic.ConfigDict(extra="forbid")
    starting_at: _dt.datetime
    ending_at: _dt.datetime
    results: List[LegacyCostRow]


# ---------------------------------------------------------------- envelopes


def _exact_keys(body: Any, expected: set[str], path: str = "$") -> list[str]:
    if not isinstance(body, dict):
        return [f"{path}: expected a JSON object, got {json_type(body)}"]
    errors = []
    missing = sorted(expected - set(body))
    extra = sorted(set(body) - expected)
    if missing:
        errors.append(f"{path}: envelope missing key(s) {missing}")
    if extra:
        errors.append(f"{path}: envelope has undeclared key(s) {extra}")
    return errors


def _items(body: dict[str, Any], model: type) -> list[str]:
    data = body.get("data")
    if not isinstance(data, list):
        return [f"$.data: expected array, got {json_type(data)}"]
    errors: list[str] = []
    for index, item in enumerate(data):
        errors.extend(check_item(item, model, f"$.data[{index}]"))
    return errors


def _opt_str(body: dict[str, Any], key: str) -> list[str]:
    value = body.get(key)
    if value is None or (isinstance(value, str) and value):
        return []
    return [f"$.{key}: expected a non-empty string or null, got {json_type(value)} {value!r}"]


def _bool(body: dict[str, Any], key: str) -> list[str]:
    value = body.get(key)
    return [] if isinstance(value, bool) else [f"$.{key}: expected boolean, got {json_type(value)} {value!r}"]


def check_id_page(body: Any, model: type, id_key: str = "id") -> list[str]:
    """ID-cursor page (§2): data, has_more (bool), first_id/last_id = ids of data[0]/data[-1]."""
    errors = _exact_keys(body, {"data", "has_more", "first_id", "last_id"})
    if not isinstance(body, dict):
        return errors
    errors += _bool(body, "has_more") + _opt_str(body, "first_id") + _opt_str(body, "last_id")
    errors += _items(body, model)
    data = body.get("data")
    if isinstance(data, list):
        if data:
            first = data[0].get(id_key) if isinstance(data[0], dict) else None
            last = data[-1].get(id_key) if isinstance(data[-1], dict) else None
            if body.get("first_id") != first:
                errors.append(f"$.first_id: {body.get('first_id')!r} != data[0].{id_key} {first!r}")
            if body.get("last_id") != last:
                errors.append(f"$.last_id: {body.get('last_id')!r} != data[-1].{id_key} {last!r}")
        elif body.get("first_id") is not None or body.get("last_id") is not None:
            errors.append("$: empty data must have first_id and last_id null")
    return errors


def check_cursor_page(body: Any, model: type) -> list[str]:
    """Opaque-cursor page (§2): exactly data + next_page (no has_more, no prev_page)."""
    errors = _exact_keys(body, {"data", "next_page"})
    if not isinstance(body, dict):
        return errors
    return errors + _opt_str(body, "next_page") + _items(body, model)


def check_report_page(body: Any, model: type) -> list[str]:
    """Report-cursor page (§2): has_more == (next_page is not None), data_refreshed_at."""
    errors = _exact_keys(body, {"data", "next_page", "has_more", "data_refreshed_at"})
    if not isinstance(body, dict):
        return errors
    errors += _bool(body, "has_more") + _opt_str(body, "next_page") + _items(body, model)
    if isinstance(body.get("has_more"), bool) and body["has_more"] != (body.get("next_page") is not None):
        errors.append(
            f"$: has_more={body['has_more']} but next_page={body.get('next_page')!r} "
            "(must be has_more == (next_page is not None))"
        )
    if body.get("data_refreshed_at") is not None:
        errors += check_timestamp(body["data_refreshed_at"], "$.data_refreshed_at")
    return errors


def check_legacy_page(body: Any, bucket_model: type) -> list[str]:
    """Legacy report page (§13.5/13.6): exactly data, has_more, next_page."""
    errors = _exact_keys(body, {"data", "has_more", "next_page"})
    if not isinstance(body, dict):
        return errors
    errors += _bool(body, "has_more") + _opt_str(body, "next_page") + _items(body, bucket_model)
    if isinstance(body.get("has_more"), bool) and body["has_more"] != (body.get("next_page") is not None):
        errors.append(f"$: has_more={body['has_more']} but next_page={body.get('next_page')!r}")
    return errors


def check_error_body(body: Any, status: int, header_request_id: str | None) -> list[str]:
    """Error envelope (§3.1): type "error", error{type,message[,details]}, request_id."""
    from anthropic.types.shared.error_details import ErrorDetails
    from anthropic.types.shared.error_object import ErrorObject

    expected_type = {
        400: "invalid_request_error",
        401: "authentication_error",
        402: "billing_error",
        403: "permission_error",
        404: "not_found_error",
        409: "conflict_error",
        413: "request_too_large",
        429: "rate_limit_error",
        500: "api_error",
        504: "timeout_error",
        529: "overloaded_error",
    }.get(status)
    errors = _exact_keys(body, {"type", "error", "request_id"})
    if not isinstance(body, dict):
        return errors
    if body.get("type") != "error":
        errors.append(f"$.type: expected 'error', got {body.get('type')!r}")
    error = body.get("error")
    if not isinstance(error, dict):
        return errors + [f"$.error: expected object, got {json_type(error)}"]
    core = {k: v for k, v in error.items() if k != "details"}
    errors += check(core, ErrorObject, "$.error")
    if "details" in error:
        errors += check(error["details"], ErrorDetails, "$.error.details")
    if expected_type and error.get("type") != expected_type:
        errors.append(f"$.error.type: HTTP {status} should be {expected_type!r}, got {error.get('type')!r}")
    rid = body.get("request_id")
    if not isinstance(rid, str) or not rid.startswith("req_"):
        errors.append(f"$.request_id: expected 'req_…' string, got {rid!r}")
    elif rid != header_request_id:
        errors.append(f"$.request_id {rid!r} != request-id header {header_request_id!r}")
    return errors


def check_object(body: Any, model: type) -> list[str]:
    """A single-object response."""
    return check_item(body, model)


__all__ = [
    "LegacyCostBucket",
    "LegacyCostRow",
    "LegacyUsageBucket",
    "LegacyUsageRow",
    "check_cursor_page",
    "check_error_body",
    "check_id_page",
    "check_legacy_page",
    "check_model",
    "check_object",
    "check_report_page",
]
