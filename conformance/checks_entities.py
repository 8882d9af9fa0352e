"""Live checks: organization, API keys, users, invites, workspaces, workspace members."""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable

from harness import CheckFailed, Runner, expect, expect_no_errors, failing
from live import Live, expected_page_count, parse_ts, same_sequence

Lister = Callable[..., Any]


def id_cursor_suite(
    runner: Runner,
    live: Live,
    name: str,
    lister: Lister,
    model: str,
    id_key: str = "id",
    small: int = 2,
) -> None:
    """Single big page, forward auto-pagination, backward walk, all strictly validated."""
    kind = "id_page" if id_key == "id" else "id_page_members"

    def big() -> list[dict[str, Any]]:
        _, exchanges = live.validated(lambda: lister(limit=1000), kind, model)
        body = exchanges[-1].json()
        expect(body["has_more"] is False, f"{name}: limit=1000 page says has_more=true")
        return body["data"]

    def single_page() -> None:
        items = live.cached(f"{name}.all", big)
        expect(len(items) > 0, f"{name}: the list is empty, nothing to check")

    runner.run(f"{name}.single_page_strict", single_page)

    def forward() -> None:
        want = [item[id_key] for item in live.cached(f"{name}.all", big)]
        typed, exchanges = live.validated(lambda: [getattr(x, id_key) for x in lister(limit=small)],
                                          kind, model)
        same_sequence(typed, want, f"{name} limit={small} auto-pagination (SDK objects)")
        pages = live.pages_of(exchanges)
        raw_ids = [item[id_key] for page in pages for item in page["data"]]
        same_sequence(raw_ids, want, f"{name} limit={small} pages (raw)")
        expect(len(pages) == expected_page_count(len(want), small),
               f"{name}: {len(pages)} requests for {len(want)} items at limit={small}")
        for index, page in enumerate(pages):
            last = index == len(pages) - 1
            expect(page["has_more"] is (not last), f"{name}: page {index + 1} has_more={page['has_more']}")
            if not last:
                expect(len(page["data"]) == small, f"{name}: page {index + 1} holds {len(page['data'])} items")
        for exchange in exchanges[1:]:
            expect("after_id" in exchange.url and f"limit={small}" in exchange.url,
                   f"{name}: unexpected next-page request {exchange.path}")

    runner.run(f"{name}.auto_pagination_joins_single_page", forward)

    def backward() -> None:
        want = [item[id_key] for item in live.cached(f"{name}.all", big)]
        step = small if len(want) >= small + 2 else 1
        if len(want) < 3:
            raise CheckFailed(f"{name}: only {len(want)} items, too few to walk backwards")
        before = want[:-1]
        # Walking backwards from the last id yields pages of `small` items ending right before
        # it, each in list order; the SDK keeps walking with before_id=<first_id>.
        chunks = [before[max(0, end - step):end] for end in range(len(before), 0, -step)]
        expected = [x for chunk in chunks for x in chunk]
        typed, exchanges = live.validated(
            lambda: [getattr(x, id_key) for x in lister(limit=step, before_id=want[-1])], kind, model)
        same_sequence(typed, expected, f"{name} backward walk from the last id")
        pages = live.pages_of(exchanges)
        expect(pages[-1]["has_more"] is False, f"{name}: last backward page has_more=true")
        expect(all(p["has_more"] for p in pages[:-1]), f"{name}: a middle backward page has_more=false")

    runner.run(f"{name}.backward_walk_before_id", backward)


def run_entity_checks(runner: Runner, live: Live) -> None:
    org = live.org

    def me() -> None:
        body, exchanges = live.validated(lambda: org.retrieve(), "object", "BetaOrganization")
        raw = exchanges[0].json()
        expect(body.id == raw["id"] and raw["id"], "organization id empty or not parsed")
        live.cache["org.id"] = ("ok", raw["id"])

    runner.run("organization.me_strict", me)

    # ---------------------------------------------------------------- API keys
    id_cursor_suite(runner, live, "api_keys", org.api_keys.list, "BetaAPIKey")
    keys = lambda: live.cached("api_keys.all", lambda: [])  # noqa: E731 - filled by the suite

    def key_retrieve() -> None:
        for item in keys()[:25]:
            _, exchanges = live.validated(lambda i=item: org.api_keys.retrieve(i["id"]), "object", "BetaAPIKey")
            expect(exchanges[0].json() == item, f"GET api_keys/{item['id']} differs from its list entry")

    runner.run("api_keys.retrieve_matches_list", key_retrieve)

    def key_filters() -> None:
        items = keys()
        for status in sorted({k["status"] for k in items}):
            got = [k.id for k in org.api_keys.list(status=status, limit=1000)]
            same_sequence(got, [k["id"] for k in items if k["status"] == status], f"status={status}")
        ws = sorted({k["scope"].get("workspace_id") for k in items if k["scope"]["type"] == "workspace"})
        expect(ws, "no workspace-scoped key to filter on")
        got = [k.id for k in org.api_keys.list(workspace_id=ws[0], limit=1000)]
        same_sequence(got, [k["id"] for k in items if k["scope"].get("workspace_id") == ws[0]],
                      f"workspace_id={ws[0]}")
        creators = sorted({k["created_by"]["id"] for k in items
                           if k["created_by"] and k["created_by"]["type"] == "user"})
        if creators:
            got = [k.id for k in org.api_keys.list(created_by_user_id=creators[0], limit=1000)]
            same_sequence(got, [k["id"] for k in items if k["created_by"] and k["created_by"]["id"] == creators[0]],
                          "created_by_user_id")

    runner.run("api_keys.filters_status_workspace_creator", key_filters)

    def key_update() -> None:
        active = [k for k in keys() if k["status"] == "active"]
        expect(active, "no active key to update")
        original = active[0]
        renamed, exchanges = live.validated(
            lambda: org.api_keys.update(original["id"], name="conformance-renamed"), "object", "BetaAPIKey")
        body = exchanges[0].json()
        expect(body["name"] == "conformance-renamed", f"name after update is {body['name']!r}")
        expect({k: v for k, v in body.items() if k != "name"} == {k: v for k, v in original.items() if k != "name"},
               "updating the name changed other fields")
        _, exchanges = live.validated(lambda: org.api_keys.update(original["id"], status="inactive"),
                                      "object", "BetaAPIKey")
        expect(exchanges[0].json()["status"] == "inactive", "status did not become inactive")
        expect(exchanges[0].json()["name"] == "conformance-renamed", "status update changed the name")
        _, exchanges = live.validated(
            lambda: org.api_keys.update(original["id"], name=original["name"], status="active"),
            "object", "BetaAPIKey")
        expect(exchanges[0].json() == original, "restoring name and status did not give back the original key")
        _, exchanges = live.validated(lambda: org.api_keys.retrieve(original["id"]), "object", "BetaAPIKey")
        expect(exchanges[0].json() == original, "GET after restore differs from the original key")

    runner.run("api_keys.update_name_and_status_roundtrip", key_update)

    # ---------------------------------------------------------------- users, invites
    id_cursor_suite(runner, live, "users", org.users.list, "BetaOrganizationUser")
    users = lambda: live.cached("users.all", lambda: [])  # noqa: E731

    def user_retrieve() -> None:
        for item in users()[:25]:
            _, exchanges = live.validated(lambda i=item: org.users.retrieve(i["id"]), "object",
                                          "BetaOrganizationUser")
            expect(exchanges[0].json() == item, f"GET users/{item['id']} differs from its list entry")

    runner.run("users.retrieve_matches_list", user_retrieve)

    def user_filters() -> None:
        items = users()
        roles = sorted({u["role"] for u in items})[:2]
        got = [u.id for u in org.users.list(roles=roles, limit=1000)]
        same_sequence(got, [u["id"] for u in items if u["role"] in roles], f"roles[]={roles}")
        target = items[-1]
        got = [u.id for u in org.users.list(email=target["email"], limit=1000)]
        expect(got == [target["id"]], f"email filter gave {got}, expected [{target['id']}]")

    runner.run("users.filters_roles_email", user_filters)

    id_cursor_suite(runner, live, "invites", org.invites.list, "BetaOrganizationInvite")

    def invite_rules() -> None:
        items = live.cached("invites.all", lambda: [])
        for invite in items:
            delta = parse_ts(invite["expires_at"]) - parse_ts(invite["invited_at"])
            expect(delta == dt.timedelta(days=21), f"invite {invite['id']} expires {delta} after invited_at")
            expect((invite["accepted_at"] is not None) == (invite["status"] == "accepted"),
                   f"invite {invite['id']} status {invite['status']} with accepted_at {invite['accepted_at']}")
        got = [i.id for i in org.invites.list(statuses=["pending"], limit=1000)]
        same_sequence(got, [i["id"] for i in items if i["status"] == "pending"], "statuses[]=pending")

    runner.run("invites.expiry_21_days_and_status_filter", invite_rules)

    # ---------------------------------------------------------------- workspaces
    id_cursor_suite(runner, live, "workspaces",
                    lambda **kw: org.workspaces.list(include_archived=True, include_default=True, **kw),
                    "BetaWorkspace")
    workspaces = lambda: live.cached("workspaces.all", lambda: [])  # noqa: E731

    def workspace_retrieve() -> None:
        for item in workspaces()[:25]:
            _, exchanges = live.validated(lambda i=item: org.workspaces.retrieve(i["id"]), "object", "BetaWorkspace")
            expect(exchanges[0].json() == item, f"GET workspaces/{item['id']} differs from its list entry")

    runner.run("workspaces.retrieve_matches_list", workspace_retrieve)

    def workspace_flags() -> None:
        items = workspaces()
        with_default = [w.id for w in org.workspaces.list(include_default=True, limit=1000)]
        same_sequence(with_default, [w["id"] for w in items if w["archived_at"] is None],
                      "include_default=true (archived excluded by default)")
        without = [w.id for w in org.workspaces.list(include_default=False, include_archived=True, limit=1000)]
        extra = [w for w in items if w["id"] not in without]
        expect(len(extra) == 1 and extra[0]["name"] == "Default",
               f"include_default should add exactly the 'Default' workspace, adds {[w['name'] for w in extra]}")
        picked = [w["id"] for w in items[:3]]
        got = [w.id for w in org.workspaces.list(ids=picked, include_archived=True, include_default=True)]
        same_sequence(got, picked, "ids[] filter")

    runner.run("workspaces.include_default_archived_ids_filters", workspace_flags)

    def world_refs() -> None:
        ws_ids = {w["id"] for w in workspaces()}
        user_ids = {u["id"] for u in users()}
        problems = []
        for key in keys():
            if key["scope"]["type"] == "workspace" and key["scope"]["workspace_id"] not in ws_ids:
                problems.append(f"{key['id']}.scope.workspace_id {key['scope']['workspace_id']} unknown")
            creator = key["created_by"]
            if creator and creator["type"] == "user" and creator["id"] not in user_ids:
                problems.append(f"{key['id']}.created_by {creator['id']} unknown")
            principal = key["principal"]
            if principal and principal["type"] == "user_actor" and principal["user_id"] not in user_ids:
                problems.append(f"{key['id']}.principal {principal['user_id']} unknown")
        expect_no_errors(problems)

    runner.run("world.api_keys_reference_real_workspaces_and_users", world_refs)

    # ---------------------------------------------------------------- members
    def member_workspaces() -> list[dict[str, Any]]:
        return [w for w in workspaces() if w["archived_at"] is None][:4]

    try:
        targets = member_workspaces()
    except CheckFailed as failure:
        runner.run("workspace_members.prerequisites", failing(str(failure)))
        return
    for index, target in enumerate(targets):
        id_cursor_suite(runner, live, f"workspace_members[{index}]",
                        lambda t=target, **kw: org.workspaces.members.list(t["id"], **kw),
                        "BetaWorkspaceMember", id_key="user_id")

    def member_rules() -> None:
        user_role = {u["id"]: u["role"] for u in users()}
        admins = {uid for uid, role in user_role.items() if role == "admin"}
        for index, workspace in enumerate(member_workspaces()):
            members = live.cached(f"workspace_members[{index}].all", lambda: [])
            problems = [f"{m['user_id']} workspace_id {m['workspace_id']}" for m in members
                        if m["workspace_id"] != workspace["id"]]
            problems += [f"{m['user_id']} is not an org user" for m in members if m["user_id"] not in user_role]
            roles = {m["user_id"]: m["workspace_role"] for m in members}
            problems += [f"org admin {a} is {roles.get(a)!r} in {workspace['id']}" for a in admins
                         if roles.get(a) != "workspace_admin"]
            expect_no_errors(problems, f"{workspace['id']}: ")

    runner.run("workspace_members.belong_to_workspace_and_admins_are_workspace_admin", member_rules)
