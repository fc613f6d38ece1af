// swift-tools-version: 6.1
// Benchmarks of PeerScope's hot paths, kept out of the main package so `swift test` never builds them.
// Run: cd Benchmarks && swift package benchmark
import PackageDescription

let package = Package(
    name: "PeerScopeBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "peerscope", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "PeerScopeBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "ARMModels", package: "peerscope"),
                .product(name: "PeeringBrowser", package: "peerscope"),
                .product(name: "TerminalUI", package: "peerscope"),
            ],
            path: "Benchmarks/PeerScopeBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        )
    ]
)
