"""Name -> model class for every response shape the check validates, and page checkers."""

from __future__ import annotations

from typing import Any, Callable

from anthropic.types.beta.beta_organization import BetaOrganization
from anthropic.types.beta.organization.analytics.beta_analytics_cost_item import BetaAnalyticsCostItem
from anthropic.types.beta.organization.analytics.beta_analytics_usage_item import (
    BetaAnalyticsUsageItem,
)
from anthropic.types.beta.organization.beta_api_key import BetaAPIKey
from anthropic.types.beta.organization.beta_organization_invite import BetaOrganizationInvite
from anthropic.types.beta.organization.beta_organization_rate_limit import BetaOrganizationRateLimit
from anthropic.types.beta.organization.beta_organization_user import BetaOrganizationUser
from anthropic.types.beta.organization.beta_spend_limit import BetaSpendLimit
from anthropic.types.beta.organization.beta_spend_summary import BetaSpendSummary
from anthropic.types.beta.organization.beta_workspace import BetaWorkspace
from anthropic.types.beta.organization.beta_workspace_member import BetaWorkspaceMember
from anthropic.types.beta.organization.workspaces.beta_workspace_rate_limit import (
    BetaWorkspaceRateLimit,
)

import wire

MODELS: dict[str, type] = {
    cls.__name__: cls
    for cls in (
        BetaOrganization,
        BetaAPIKey,
        BetaOrganizationUser,
        BetaOrganizationInvite,
        BetaWorkspace,
        BetaWorkspaceMember,
        BetaOrganizationRateLimit,
        BetaWorkspaceRateLimit,
        BetaSpendLimit,
        BetaSpendSummary,
        BetaAnalyticsUsageItem,
        BetaAnalyticsCostItem,
        wire.LegacyUsageBucket,
        wire.LegacyCostBucket,
    )
}


def checker(kind: str, model_name: str | None) -> Callable[[Any], list[str]]:
    """The body checker for one response kind ("object", "id_page", …) and item model."""
    model = MODELS[model_name] if model_name else None
    if kind == "object":
        return lambda body: wire.check_object(body, model)
    if kind == "id_page":
        return lambda body: wire.check_id_page(body, model)
    if kind == "id_page_members":
        return lambda body: wire.check_id_page(body, model, id_key="user_id")
    if kind == "cursor_page":
        return lambda body: wire.check_cursor_page(body, model)
    if kind == "report_page":
        return lambda body: wire.check_report_page(body, model)
    if kind == "legacy_page":
        return lambda body: wire.check_legacy_page(body, model)
    raise ValueError(f"unknown response kind {kind}")


__all__ = [
    "MODELS",
    "checker",
    "BetaOrganization",
    "BetaAPIKey",
    "BetaOrganizationUser",
    "BetaOrganizationInvite",
    "BetaWorkspace",
    "BetaWorkspaceMember",
    "BetaOrganizationRateLimit",
    "BetaWorkspaceRateLimit",
    "BetaSpendLimit",
    "BetaSpendSummary",
    "BetaAnalyticsUsageItem",
    "BetaAnalyticsCostItem",
]
