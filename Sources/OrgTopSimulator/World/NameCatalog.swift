/// Names for the simulated organization: plain, accented, CJK, emoji and deliberately hostile
/// ones (terminal escape sequences) so that the dashboard's sanitizer is exercised.
package enum NameCatalog {
  package static let organizations: [(name: String, domain: String)] = [
    ("Acme Robotics", "acme.example"), ("Globex Research", "globex.example"),
    ("Initech Labs", "initech.example"), ("Umbrella Analytics", "umbrella.example"),
    ("Société Générale d'IA", "sgia.example"),
  ]

  /// The hostile key name: sets the window title, rings the bell and clears the screen if a
  /// terminal ever interprets it.
  package static let hostileKeyName = "\u{1B}]0;pwned\u{07}evil\u{1B}[2J"

  /// (name, email local part, role), one of every Console role, in join order.
  package static let users: [(String, String, String)] = [
    ("Ada Lovelace", "ada", "admin"),
    ("Grace Hopper", "grace", "developer"),
    ("Linus Park", "linus", "billing"),
    ("José Álvarez", "jose", "developer"),
    ("山田 花子", "hanako", "developer"),
    ("Zoë Ñúñez", "zoe", "user"),
    ("Ngozi Okonkwo", "ngozi", "claude_code_user"),
    ("Søren Kierkegaard", "soren", "user"),
    ("Priya Raman", "priya", "admin"),
    ("李伟", "wei", "claude_code_user"),
    ("Olivia Chen 🦊", "olivia", "developer"),
    ("Mallory \u{1B}[31mRoot\u{1B}[0m", "mallory", "user"),
  ]

  /// (email local part, role, days ago invited, status).
  package static let invites: [(String, String, Int, String)] = [
    ("edsger", "developer", 3, "pending"),
    ("barbara", "user", 19, "pending"),
    ("ken", "claude_code_user", 40, "pending"),
    ("margaret", "billing", 25, "accepted"),
  ]

  /// (name, colour, default geo, allowed geos or nil = unrestricted, tags, archived).
  package static let workspaces: [(String, String, String, [String]?, [(String, String)], Bool)] = [
    (
      "production", "#D97757", "us", ["us", "global"], [("team", "platform"), ("env", "prod")],
      false
    ),
    ("staging", "#4A90D9", "global", nil, [("env", "staging")], false),
    ("research-研究", "#7B61FF", "global", nil, [("team", "research")], false),
    ("Évaluations ✨", "#2BB673", "global", ["global"], [], false),
    ("legacy-sandbox", "#9B9B9B", "global", nil, [("owner", "nobody")], true),
  ]

  /// Fixed key names first, then generated ones.
  package static let keyNames: [String] = [
    "prod-backend", "ci-bot", "staging-worker", "data-pipeline-ingest", "eval-harness",
    "chatbot-frontend", "notebook-josé", "研究チーム-実験", "🚀 launch-demo", "Zoë's laptop",
    hostileKeyName, "support-triage", "nightly-batch", "legacy-import",
  ]

  private static let keyWords = [
    "api", "worker", "agent", "search", "summarizer", "classifier", "router", "ingest", "export",
    "review", "triage", "tagger", "embedder", "scheduler", "gateway", "crawler", "bot", "sync",
  ]
  private static let keyTeams = [
    "growth", "infra", "mobile", "web", "data", "ml", "sales", "ops", "sec", "billing", "docs",
  ]

  /// The name of the `index`-th key.
  package static func keyName(_ index: Int, generator: inout SeededGenerator) -> String {
    if index < keyNames.count { return keyNames[index] }
    return generator.pick(keyTeams) + "-" + generator.pick(keyWords) + "-" + String(index)
  }
}
