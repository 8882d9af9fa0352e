/// The facts the key flags (and the key rows' other columns) read, compared before and after a
/// fetch: when one changed, the reducer judges the flags again at that instant
/// (``DashboardState/keyFlagsJudgedAt``). Arrays compare in O(1) while they share storage.
struct KeyFlagInputs: Equatable {
  var keys: [APIKey]?
  var workspaces: [Workspace]?
  var members: [Member]?
  var usage: UsageReport?
  var cost: CostReport?
  var activity: UsageReport?
  var hourly: KeyHourlyUsage?

  init(_ state: DashboardState) {
    keys = state.apiKeys.value
    workspaces = state.workspaces.value
    members = state.members.value
    usage = state.monthUsage.value
    cost = state.monthCost.value
    activity = state.keyActivity.value
    hourly = state.keyHourly.value
  }
}
