// swift-tools-version: 6.1
import PackageDescription

/// Strict settings applied to every Swift target from one place.
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// How the release executable is linked on Linux: one static binary, its hot functions side by side.
///
/// A jump host needs no Swift runtime to run it, and the kernel maps code in 64 KB windows around
/// each page touched, so laying out together the functions a listing and the browser run (the list
/// in Release/function-order.txt, written by Scripts/function-order) keeps resident code small.
/// BENCHMARKS.md has the measurements; a stale list only costs memory, never correctness.
/// The executable is not position-independent, like Go's default builds: no relocations to apply
/// at start (which wrote 2 MB of pages and read a 1.6 MB table). Debug builds are linked as usual.
let releaseLinkerSettings: [LinkerSetting] = [
    .unsafeFlags([
        "-static-executable", "-use-ld=lld",
        "-Xlinker", "--symbol-ordering-file=\(Context.packageDirectory)/Release/function-order.txt",
        "-Xlinker", "--no-warn-symbol-ordering",
        // What the static Swift libraries and ncursesw need, in link order.
        "-l_FoundationCollections", "-l_FoundationCShims", "-lncursesw", "-ltinfo",
    ], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "peerscope",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "peerscope", targets: ["peerscope"]),
        .library(name: "ARMModels", targets: ["ARMModels"]),
        .library(name: "PeeringBrowser", targets: ["PeeringBrowser"]),
        .library(name: "TerminalUI", targets: ["TerminalUI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2", traits: []),
        .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
    ],
    targets: [
        .target(name: "ARMModels", swiftSettings: strictSettings),
        .target(
            name: "ARMClient",
            dependencies: [
                "ARMModels",
                "PeeringBrowser",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Subprocess", package: "swift-subprocess"),
                .product(name: "SystemPackage", package: "swift-system"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "ARMEmulator",
            dependencies: [
                "ARMModels",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strictSettings
        ),
        .target(name: "PeeringBrowser", dependencies: ["ARMModels"], swiftSettings: strictSettings),
        .systemLibrary(name: "CNcurses", providers: [.apt(["libncurses-dev"])]),
        .target(
            name: "TerminalUI",
            dependencies: ["PeeringBrowser", "ARMModels", "CNcurses"],
            swiftSettings: strictSettings,
            linkerSettings: [.linkedLibrary("ncursesw")]
        ),
        .executableTarget(
            name: "peerscope",
            dependencies: [
                "ARMModels", "ARMClient", "ARMEmulator", "PeeringBrowser", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: strictSettings,
            linkerSettings: releaseLinkerSettings
        ),
        .testTarget(name: "ARMModelsTests", dependencies: ["ARMModels"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(
            name: "ARMClientTests",
            dependencies: ["ARMClient", "ARMEmulator", "ARMModels", "PeeringBrowser",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto"),
                           .product(name: "X509", package: "swift-certificates"),
                           .product(name: "SwiftASN1", package: "swift-asn1")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "ARMEmulatorTests",
            dependencies: ["ARMEmulator", "ARMModels",
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"),
                           .product(name: "NIOHTTP1", package: "swift-nio")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictSettings
        ),
        .testTarget(name: "PeeringBrowserTests", dependencies: ["PeeringBrowser", "ARMModels"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI", "PeeringBrowser", "ARMModels"], exclude: ["Golden"], swiftSettings: strictSettings),
        .testTarget(name: "EndToEndTests", dependencies: ["ARMEmulator", "ARMModels", "peerscope"], resources: [.copy("Fixtures")], swiftSettings: strictSettings),
    ],
    swiftLanguageModes: [.v6]
)
