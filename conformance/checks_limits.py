"""Live checks: organization and workspace rate limits, spend limits (opaque cursor)."""

from __future__ import annotations

from typing import Any, Callable

import anthropic

from harness import CheckFailed, Runner, expect, expect_no_errors
from live import Live, same_sequence

SPEND_BETA = "spend-limit-reads-2026-09-26"


def cursor_walk(live: Live, name: str, lister: Callable[..., Any], model: str, full: list[dict[str, Any]],
                small: int) -> None:
    """Auto-pagination with a small limit must join up exactly to the full list."""
    typed, exchanges = live.validated(lambda: list(lister(limit=small)), "cursor_page", model)
    pages = live.pages_of(exchanges)
    joined = [item for page in pages for item in page["data"]]
    same_sequence([repr(x) for x in joined], [repr(x) for x in full], f"{name} limit={small} pages (raw)")
    expect(len(typed) == len(full), f"{name}: the SDK yielded {len(typed)} items, expected {len(full)}")
    expect(pages[-1]["next_page"] is None, f"{name}: last page next_page={pages[-1]['next_page']!r}")
    for index, page in enumerate(pages[:-1]):
        expect(page["next_page"], f"{name}: page {index + 1} has no next_page")
        expect(len(page["data"]) <= small, f"{name}: page {index + 1} holds {len(page['data'])} > {small}")
    expect(len(pages) >= 2 or len(full) <= small, f"{name}: {len(full)} items came in one page at limit={small}")
    for exchange in exchanges[1:]:
        expect("page=" in exchange.url and f"limit={small}" in exchange.url,
               f"{name}: next-page request lacks page/limit: {exchange.path}?{exchange.url.split('?')[-1]}")


def run_limit_checks(runner: Runner, live: Live) -> None:
    org = live.org

    # ---------------------------------------------------------------- org rate limits
    def all_rate_limits() -> list[dict[str, Any]]:
        _, exchanges = live.validated(lambda: org.rate_limits.list(), "cursor_page", "BetaOrganizationRateLimit")
        expect(len(exchanges) == 1, "no limit: expected everything in one page")
        body = exchanges[0].json()
        expect(body["next_page"] is None, "no limit: next_page must be null")
        return body["data"]

    rate_limits = lambda: live.cached("rate_limits.all", all_rate_limits)  # noqa: E731

    def single() -> None:
        items = rate_limits()
        expect(items, "no rate-limit entries")
        ids = [i["id"] for i in items]
        expect(len(set(ids)) == len(ids), "duplicate rate-limit entry ids")
        for item in items:
            is_model_group = item["group"]["type"] == "model_group"
            expect((item["models"] is not None) == is_model_group,
                   f"{item['id']}: models={item['models']!r} for group type {item['group']['type']}")
            expect(item["limits"], f"{item['id']}: empty limits")

    runner.run("rate_limits.no_limit_single_page_strict", single)
    runner.run("rate_limits.auto_pagination_joins_single_page",
               lambda: cursor_walk(live, "rate_limits", org.rate_limits.list, "BetaOrganizationRateLimit",
                                   rate_limits(), 1))

    def filters() -> None:
        items = rate_limits()
        for group_type in sorted({i["group"]["type"] for i in items}):
            _, exchanges = live.validated(lambda g=group_type: list(org.rate_limits.list(group_type=g)),
                                          "cursor_page", "BetaOrganizationRateLimit")
            got = [i["id"] for i in exchanges[0].json()["data"]]
            same_sequence(got, [i["id"] for i in items if i["group"]["type"] == group_type],
                          f"group_type={group_type}")
        for item in items:
            if item["models"]:
                model = item["models"][-1]
                _, exchanges = live.validated(lambda m=model: list(org.rate_limits.list(model=m)),
                                              "cursor_page", "BetaOrganizationRateLimit")
                got = exchanges[0].json()["data"]
                expect(got == [item], f"model={model}: expected exactly entry {item['id']}")

    runner.run("rate_limits.group_type_and_model_filters", filters)
    runner.run("rate_limits.unknown_model_404",
               lambda: live.expect_sdk_error(lambda: org.rate_limits.list(model="claude-no-such-model-0"),
                                             anthropic.NotFoundError, 404))

    # ---------------------------------------------------------------- workspace rate limits
    def target_workspace() -> str:
        workspaces = live.cached("workspaces.all", lambda: [])
        active = [w for w in workspaces if w["archived_at"] is None]
        expect(active, "no active workspace")
        return active[0]["id"]

    def inherited() -> list[dict[str, Any]]:
        ws = target_workspace()
        _, exchanges = live.validated(lambda: org.workspaces.rate_limits.list(ws, include_inherited=True),
                                      "cursor_page", "BetaWorkspaceRateLimit")
        expect(len(exchanges) == 1 and exchanges[0].json()["next_page"] is None,
               "no limit: expected one page with next_page null")
        return exchanges[0].json()["data"]

    ws_limits = lambda: live.cached("workspace_rate_limits.inherited", inherited)  # noqa: E731

    def ws_single() -> None:
        items = ws_limits()
        expect(items, "include_inherited=true returned nothing")
        by_id = {r["id"]: r for r in rate_limits()}
        problems = []
        ws = target_workspace()
        for item in items:
            org_entry = by_id.get(item["rate_limit_id"])
            if item["workspace_id"] != ws:
                problems.append(f"workspace_id {item['workspace_id']} != {ws}")
            if org_entry is None:
                problems.append(f"rate_limit_id {item['rate_limit_id']} is not an org entry id")
                continue
            if item["group"] != org_entry["group"]:
                problems.append(f"{item['rate_limit_id']}: group differs from the org entry")
            org_values = {lim["type"]: lim["value"] for lim in org_entry["limits"]}
            for limit in item["limits"]:
                if limit["org_limit"] != org_values.get(limit["type"]):
                    problems.append(f"{item['rate_limit_id']}.{limit['type']}: org_limit {limit['org_limit']} "
                                    f"!= org value {org_values.get(limit['type'])}")
                if limit["source"]["type"] == "organization" and limit["value"] != limit["org_limit"]:
                    problems.append(f"{item['rate_limit_id']}.{limit['type']}: inherited value "
                                    f"{limit['value']} != org_limit {limit['org_limit']}")
        expect_no_errors(problems)

    runner.run("workspace_rate_limits.inherited_strict_and_consistent_with_org", ws_single)
    runner.run("workspace_rate_limits.auto_pagination_joins_single_page",
               lambda: cursor_walk(live, "workspace_rate_limits",
                                   lambda **kw: org.workspaces.rate_limits.list(target_workspace(),
                                                                                include_inherited=True, **kw),
                                   "BetaWorkspaceRateLimit", ws_limits(), 1))

    def overrides_only() -> None:
        ws = target_workspace()
        _, exchanges = live.validated(lambda: list(org.workspaces.rate_limits.list(ws)), "cursor_page",
                                      "BetaWorkspaceRateLimit")
        overrides = exchanges[0].json()["data"]
        full = {(i["rate_limit_id"], lim["type"]): lim for i in ws_limits() for lim in i["limits"]}
        problems = []
        for item in overrides:
            for limit in item["limits"]:
                if limit["source"]["type"] != "workspace":
                    problems.append(f"{item['rate_limit_id']}.{limit['type']} listed without override")
                if full.get((item["rate_limit_id"], limit["type"])) != limit:
                    problems.append(f"{item['rate_limit_id']}.{limit['type']} differs from the inherited view")
        overridden = {k for k, v in full.items() if v["source"]["type"] == "workspace"}
        listed = {(i["rate_limit_id"], lim["type"]) for i in overrides for lim in i["limits"]}
        if overridden != listed:
            problems.append(f"overrides listed {sorted(listed)} but inherited view marks {sorted(overridden)}")
        expect_no_errors(problems)

    runner.run("workspace_rate_limits.default_lists_only_overrides", overrides_only)

    # ---------------------------------------------------------------- spend limits
    def all_spend() -> list[dict[str, Any]]:
        _, exchanges = live.validated(lambda: list(org.spend_limits.list(limit=1000)), "cursor_page",
                                      "BetaSpendLimit")
        expect(exchanges[0].request_headers.get("anthropic-beta", "").find(SPEND_BETA) >= 0,
               "the SDK did not send the spend-limit beta (check the pinned SDK)")
        expect(len(exchanges) == 1, "limit=1000 should fit in one page")
        return exchanges[0].json()["data"]

    spend = lambda: live.cached("spend_limits.all", all_spend)  # noqa: E731

    def spend_single() -> None:
        items = spend()
        expect(items, "no spend limits")
        ws_ids = {w["id"] for w in live.cached("workspaces.all", lambda: [])}
        problems = []
        for item in items:
            scope = item["scope"]["type"]
            if scope not in ("organization", "workspace", "usage_tier"):
                problems.append(f"{item['id']}: scope {scope} in a Console organization")
            if scope == "workspace" and item["scope"]["workspace_id"] not in ws_ids:
                problems.append(f"{item['id']}: unknown workspace {item['scope']['workspace_id']}")
            if scope != "organization" and item["is_enabled"] is not True:
                problems.append(f"{item['id']}: is_enabled must be true for {scope} limits")
        expect(sum(1 for i in items if i["scope"]["type"] == "usage_tier") <= 1, "more than one usage_tier limit")
        expect_no_errors(problems)

    runner.run("spend_limits.single_page_strict_console_scopes", spend_single)
    runner.run("spend_limits.auto_pagination_joins_single_page",
               lambda: cursor_walk(live, "spend_limits", org.spend_limits.list, "BetaSpendLimit", spend(), 1))

    def spend_filters() -> None:
        items = spend()
        wanted = ["organization", "usage_tier"]
        got = [s.id for s in org.spend_limits.list(scope_type=wanted, limit=1000)]
        same_sequence(got, [i["id"] for i in items if i["scope"]["type"] in wanted], "scope_type[]")
        ws = [i["scope"]["workspace_id"] for i in items if i["scope"]["type"] == "workspace"]
        if ws:
            got = [s.id for s in org.spend_limits.list(workspace_id=ws[0], limit=1000)]
            same_sequence(got, [i["id"] for i in items if i["scope"].get("workspace_id") == ws[0]], "workspace_id")

    runner.run("spend_limits.scope_type_and_workspace_filters", spend_filters)

    def no_beta() -> None:
        body = live.expect_raw_error(live.raw_get("/v1/organizations/spend_limits"), 400)
        expect(SPEND_BETA in body["error"]["message"], "the 400 message does not name the required beta")

    runner.run("spend_limits.missing_beta_400", no_beta)

    def effective() -> None:
        error = live.expect_sdk_error(lambda: list(org.spend_limits.effective.list()),
                                      anthropic.OrganizationTypeNotSupportedError, 400)
        expect(error.error_code == "organization_type_not_supported", f"error_code {error.error_code!r}")

    runner.run("spend_limits.effective_console_org_400_type_not_supported", effective)


__all__ = ["run_limit_checks", "CheckFailed"]
