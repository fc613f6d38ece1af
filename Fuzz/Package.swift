// swift-tools-version: 6.1
// libFuzzer targets, kept out of the main package so `swift test` never builds them.
// Run one with Scripts/fuzz TARGET SECONDS.
import PackageDescription

let package = Package(
    name: "PeerScopeFuzz",
    dependencies: [.package(name: "peerscope", path: "..")],
    targets: [
        .executableTarget(name: "FuzzDecode", dependencies: [.product(name: "ARMModels", package: "peerscope"), .product(name: "PeeringBrowser", package: "peerscope")]),
        .executableTarget(name: "FuzzResourceID", dependencies: [.product(name: "ARMModels", package: "peerscope")]),
        .executableTarget(name: "FuzzDisplayText", dependencies: [.product(name: "PeeringBrowser", package: "peerscope")]),
    ],
    swiftLanguageModes: [.v6]
)
