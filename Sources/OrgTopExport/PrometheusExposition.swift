import Foundation
import OrgTopCore

/// A snapshot in the Prometheus text exposition format, for node_exporter's textfile collector.
///
/// Conventions (prometheus.io naming): every name starts with `orgtop_`; money in US dollars
/// (`_usd`), token counts as plain numbers (`_tokens`), ages in `_seconds`, ratios in `_ratio`.
/// Month-to-date figures fall back to zero when the month turns, so they are gauges, not
/// counters. Every series carries the organization's id and name, so textfiles of several
/// organizations can sit side by side. A sample is a float64 by the format's definition; the
/// exact decimal figures are in the JSON snapshot.
///
/// Written with ``ExpositionWriter`` rather than swift-prometheus: its registry copies a metric
/// family on every new label set, and 50,000 series at 10,000 keys took 65-81 s of CPU.
package enum PrometheusExposition {
  /// The exposition text of `snapshot`.
  package static func render(_ snapshot: OrgSnapshot) -> String {
    var writer = ExpositionWriter(prefix: "orgtop_")
    let organization = [
      ("organization_id", snapshot.organization?.id ?? ""),
      ("organization", snapshot.organization?.name ?? ""),
    ]
    func gauge(_ name: String, _ help: String, _ labels: [(String, String)], _ value: Double) {
      writer.gauge(name, help: help, labels: organization + labels, value: value)
    }
    func tokens(
      _ name: String, _ help: String, _ labels: [(String, String)], _ counts: OrgSnapshot.Tokens
    ) {
      for (type, value) in [
        ("uncached_input", counts.uncachedInput), ("cache_creation", counts.cacheCreation),
        ("cache_read", counts.cacheRead), ("output", counts.output),
      ] {
        gauge(name, help, labels + [("type", type)], Double(value))
      }
    }

    gauge(
      "snapshot_success", "1 when every resource was read, 0 when any failed", [],
      snapshot.errors.isEmpty ? 1 : 0)
    gauge(
      "snapshot_timestamp_seconds", "When the snapshot was taken (Unix time)", [],
      snapshot.generatedAt.timeIntervalSince1970.rounded(.down))
    for (resource, age) in snapshot.dataAgeSeconds.sorted(by: { $0.key < $1.key }) {
      guard let age else { continue }
      gauge(
        "data_age_seconds", "Seconds since the resource was last read successfully",
        [("resource", resource)], Double(age))
    }
    if let cost = snapshot.cost {
      gauge("month_cost_usd", "Month-to-date cost of the organization", [], cost.totalUSD.double)
      if let noKey = cost.noKeyUSD {
        gauge(
          "month_no_key_cost_usd", "Month-to-date cost of usage with no API key", [], noKey.double)
      }
      for model in cost.byModel {
        gauge(
          "model_month_cost_usd", "Month-to-date cost per model", [("model", model.model)],
          model.costUSD?.double ?? 0)
      }
    }
    if let total = snapshot.tokens {
      tokens("month_tokens", "Month-to-date tokens of the organization by type", [], total)
    }
    for model in snapshot.cost?.byModel ?? [] {
      guard let counts = model.tokens else { continue }
      tokens(
        "model_month_tokens", "Month-to-date tokens per model by type", [("model", model.model)],
        counts)
    }
    for key in snapshot.keys ?? [] {
      let labels = [
        ("key_id", key.id), ("key_name", key.name), ("workspace_id", key.workspaceID ?? ""),
      ]
      if let cost = key.costUSD {
        gauge("key_month_cost_usd", "Month-to-date cost per API key", labels, cost.double)
      }
      if let counts = key.tokens {
        tokens("key_month_tokens", "Month-to-date tokens per API key by type", labels, counts)
      }
    }
    for workspace in snapshot.workspaces ?? [] {
      let labels = [("workspace_id", workspace.id), ("workspace", workspace.name)]
      if let cost = workspace.costUSD {
        gauge(
          "workspace_month_cost_usd",
          "Month-to-date cost per workspace, usage with no key included",
          labels, cost.double)
      }
      if let counts = workspace.tokens {
        tokens(
          "workspace_month_tokens", "Month-to-date tokens per workspace by type", labels, counts)
      }
    }
    if let limit = snapshot.limit, let source = limit.source, let amount = limit.amountUSD {
      gauge(
        "spend_limit_usd", "The monthly limit the spend is measured against", [("source", source)],
        amount.double)
      if let used = limit.usedFraction {
        gauge(
          "spend_limit_used_ratio", "Month-to-date cost divided by the limit", [],
          NSDecimalNumber(decimal: used).doubleValue)
      }
    }
    if let burn = snapshot.burn {
      gauge(
        "burn_rate_usd_per_day", "Cost per UTC day, over the burn window", [], burn.usdPerDay.double
      )
      if let projected = burn.projectedMonthEndUSD {
        gauge(
          "projected_month_cost_usd", "Projected cost at month end at the burn rate", [],
          projected.double)
      }
    }
    return writer.text
  }
}

extension Dollars {
  /// The amount as a float64, for formats whose samples are floats.
  fileprivate var double: Double { NSDecimalNumber(decimal: amount).doubleValue }
}
