// swift-tools-version:6.1
import PackageDescription

#if canImport(Glibc)
  import Glibc

  /// Packed relative relocations (DT_RELR) keep the release binary's 3 MB relocation table out
  /// of memory, but only glibc 2.36 and later can load such a binary: asked of the glibc this
  /// package is built on, where the binary runs.
  let packedRelocationFlags: [String] = {
    var buffer = [CChar](repeating: 0, count: 64)  // "glibc 2.36"
    guard confstr(Int32(_CS_GNU_LIBC_VERSION), &buffer, buffer.count) > 0 else { return [] }
    let text = String(
      decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    let version =
      text.split(separator: " ").last?.split(separator: ".").compactMap { Int($0) } ?? []
    guard version.count >= 2, (version[0], version[1]) >= (2, 36) else { return [] }
    return ["-Xlinker", "-z", "-Xlinker", "pack-relative-relocs"]
  }()
#else
  let packedRelocationFlags: [String] = []
#endif

/// orgtop: `top` for an Anthropic organization.
///
/// The package graph enforces the architecture in one direction only:
/// Core (pure) <- UI (pure) <- Terminal (curses) and Core <- API (HTTP) <- Simulator (server),
/// with the `orgtop` executable wiring them together.
let package = Package(
  name: "orgtop",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "orgtop", targets: ["orgtop"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.30.0"),
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.20.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.90.0"),
    // Already in the graph through Hummingbird; named so the simulator's imports are explicit.
    .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.3.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
    .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    .package(url: "https://github.com/apple/swift-configuration", from: "1.4.0", traits: ["YAML"]),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
  ],
  targets: [
    .target(name: "OrgTopCore"),
    .target(name: "OrgTopRuntime", dependencies: ["OrgTopCore"]),
    .target(
      name: "OrgTopExport",
      dependencies: [
        "OrgTopCore",
        .product(name: "CSV", package: "CSV.swift"),
      ]
    ),
    .target(name: "OrgTopUI", dependencies: ["OrgTopCore", "OrgTopRuntime"]),
    .target(
      name: "OrgTopAPI",
      dependencies: [
        "OrgTopCore",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
      ]
    ),
    .target(name: "OrgTopLog", dependencies: [.product(name: "Logging", package: "swift-log")]),
    .target(
      name: "OrgTopSettings",
      dependencies: [
        "OrgTopCore",
        .product(name: "Configuration", package: "swift-configuration"),
        .product(name: "Yams", package: "Yams"),
        .product(name: "Subprocess", package: "swift-subprocess"),
      ]
    ),
    .target(
      name: "OrgTopSimulator",
      dependencies: [
        "OrgTopCore",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
      ]
    ),
    .systemLibrary(name: "CNcurses"),
    .target(name: "CTermGuard"),
    .target(name: "CHeapTrim"),
    .target(
      name: "OrgTopTerminal",
      dependencies: [
        "OrgTopCore", "OrgTopRuntime", "OrgTopUI", "CNcurses", "CTermGuard", "CHeapTrim",
      ],
      linkerSettings: [.linkedLibrary("ncursesw"), .linkedLibrary("tinfo")]
    ),
    .executableTarget(
      name: "orgtop",
      dependencies: [
        "OrgTopCore", "OrgTopRuntime", "OrgTopUI", "OrgTopAPI", "OrgTopSimulator",
        "OrgTopTerminal", "OrgTopExport", "OrgTopLog", "OrgTopSettings",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Logging", package: "swift-log"),
      ],
      // The release binary on Linux carries the Swift runtime and Foundation inside it (the
      // screen that runs for weeks maps no shared Swift libraries) and is linked by the
      // toolchain's lld, with packed relocations where glibc loads them (measured with
      // scripts/measure-keys.sh at 10,000 keys: 52 -> 44 -> 42 MiB resident after loading).
      // Compiling this target with -static-stdlib records the static libraries' own
      // dependencies (ICU, CoreFoundation) for the link; debug builds and Darwin are untouched.
      swiftSettings: [
        .unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))
      ],
      linkerSettings: [
        // swiftc exports every symbol of an executable for dlsym; orgtop looks none of its own
        // up, and the loader would page the 4 MB symbol table in at start-up (1.3 MiB resident
        // measured with scripts/measure-keys.sh).
        .unsafeFlags(["-Xlinker", "--no-export-dynamic"]),
        .unsafeFlags(
          ["-static-stdlib", "-use-ld=lld"] + packedRelocationFlags,
          .when(platforms: [.linux], configuration: .release)),
      ]
    ),
    .target(
      name: "OrgTopTestSupport",
      dependencies: ["OrgTopCore", "OrgTopRuntime", "OrgTopUI"],
      path: "Tests/OrgTopTestSupport"
    ),
    .testTarget(name: "OrgTopCoreTests", dependencies: ["OrgTopCore", "OrgTopTestSupport"]),
    .testTarget(name: "OrgTopSettingsTests", dependencies: ["OrgTopSettings"]),
    .testTarget(
      name: "OrgTopRuntimeTests",
      dependencies: ["OrgTopCore", "OrgTopRuntime", "OrgTopTestSupport"]),
    .testTarget(
      name: "OrgTopUITests", dependencies: ["OrgTopCore", "OrgTopUI", "OrgTopTestSupport"],
      // Golden screens are read from the source tree via #filePath, not bundled.
      exclude: ["Goldens"]),
    .testTarget(
      name: "OrgTopAPITests",
      dependencies: [
        "OrgTopCore", "OrgTopAPI", "OrgTopSimulator", "OrgTopRuntime", "OrgTopSettings",
        "OrgTopTestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "Logging", package: "swift-log"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
      ],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "OrgTopSimulatorTests",
      dependencies: [
        "OrgTopCore", "OrgTopSimulator",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
      ]
    ),
    .testTarget(
      name: "OrgTopTerminalTests",
      dependencies: ["OrgTopCore", "OrgTopUI", "OrgTopTerminal", "OrgTopTestSupport", "CHeapTrim"]
    ),
    .testTarget(name: "OrgTopEndToEndTests", dependencies: ["orgtop"]),
  ]
)
