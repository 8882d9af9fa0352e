/// The facts the key rows read (their columns and their flags): compared by the reducer before
/// and after a fetch, and when one changed the flags are judged again at that instant
/// (``DashboardState/keyFlagsJudgedAt``); and part of what the ``Deriver`` keys the rows on.
/// Arrays compare in O(1) while they share storage.
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
