import ARMModels
import Benchmark
import Foundation
import PeeringBrowser
import TerminalUI

/// 1,000 peerings shaped like the demo hub's, for every benchmark.
func makePeerings(_ count: Int = 1000, changed: Int? = nil) -> [VirtualNetworkPeering] {
    let vnet = "/subscriptions/5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu"
    return (0..<count).map { i in
        VirtualNetworkPeering(
            etag: "W/\"\(i)\"", id: "\(vnet)/virtualNetworkPeerings/hub-to-spoke-\(i)", name: "hub-to-spoke-\(i)",
            type: "Microsoft.Network/virtualNetworks/virtualNetworkPeerings",
            properties: VirtualNetworkPeeringProperties(
                allowForwardedTraffic: true, allowGatewayTransit: true, allowVirtualNetworkAccess: true, doNotVerifyRemoteGateways: false,
                localAddressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]), localVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]),
                peerCompleteVnets: true, peeringState: i == changed ? .disconnected : .connected, peeringSyncLevel: .fullyInSync, provisioningState: .succeeded,
                remoteAddressSpace: AddressSpace(addressPrefixes: ["10.\(i / 256).\(i % 256).0/24"]),
                remoteBgpCommunities: VirtualNetworkBgpCommunities(regionalCommunity: "12076:50004", virtualNetworkCommunity: "12076:2\(i)"),
                remoteVirtualNetwork: SubResource(id: "/subscriptions/9a8b7c6d-5e4f-4a3b-9c2d-1e0f2a3b4c02/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/spoke-\(i)"),
                remoteVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: ["10.\(i / 256).\(i % 256).0/24"]),
                resourceGuid: "guid-\(i)", useRemoteGateways: false))
    }
}

func loadedState(_ peerings: [VirtualNetworkPeering]) -> BrowserState {
    var state = BrowserState(vnet: ResourceID.virtualNetwork(subscriptionId: "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01", resourceGroup: "rg-connectivity", name: "vnet-hub-weu"))
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    _ = BrowserReducer.reduce(&state, .refreshNow, now: now)
    _ = BrowserReducer.reduce(&state, .loaded(generation: state.generation, result: .success(peerings)), now: now)
    return state
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident], maxDuration: .seconds(3), maxIterations: 200)

    let peerings = makePeerings()
    // As the emulator serves it, and as ARM writes it: every element's members in one order, slashes in ids
    // not escaped.
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = (try? encoder.encode(Page(value: peerings))) ?? Data()
    // The same list with every "/" written as "\/" (legal JSON): the reader's escape path.
    let escaping = JSONEncoder()
    escaping.outputFormatting = [.sortedKeys]
    let escapedJSON = (try? escaping.encode(Page(value: peerings))) ?? Data()
    // The same list with each object's members in its own order (what JSONEncoder writes without
    // `.sortedKeys`, and no ARM server does): every guess of the next member's name misses.
    let unordered = JSONEncoder()
    unordered.outputFormatting = [.withoutEscapingSlashes]
    let unorderedJSON = (try? unordered.encode(Page(value: peerings))) ?? Data()

    Benchmark("DecodePeerings1000") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? PeeringListReader.page(json))
        }
    }

    Benchmark("DecodePeerings1000EscapedSlashes") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? PeeringListReader.page(escapedJSON))
        }
    }

    Benchmark("DecodePeerings1000UnorderedMembers") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? PeeringListReader.page(unorderedJSON))
        }
    }

    // The same bytes through Foundation's JSONDecoder, for comparison (what PeerScope used before PeeringListReader).
    Benchmark("DecodePeerings1000JSONDecoder") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try? JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: json))
        }
    }

    let changed = makePeerings(changed: 500)
    Benchmark("RefreshDiff1000") { benchmark in
        for _ in benchmark.scaledIterations {
            var state = loadedState(peerings)
            benchmark.startMeasurement()
            _ = BrowserReducer.reduce(&state, .refreshNow, now: Date(timeIntervalSince1970: 1_800_000_010))
            _ = BrowserReducer.reduce(&state, .loaded(generation: state.generation, result: .success(changed)), now: Date(timeIntervalSince1970: 1_800_000_010))
            benchmark.stopMeasurement()
            blackHole(state)
        }
    }

    let state = loadedState(peerings)
    Benchmark("LayoutFrame1000Rows200x60") { benchmark in
        for _ in benchmark.scaledIterations {
            var canvas = TextCanvas(width: 200, height: 60)
            Screen.render(state, now: Date(timeIntervalSince1970: 1_800_000_004), on: &canvas)
            blackHole(canvas)
        }
    }

    Benchmark("FilterKeystroke1000") { benchmark in
        for _ in benchmark.scaledIterations {
            var filtering = state
            _ = BrowserReducer.reduce(&filtering, .startFilter, now: Date())
            benchmark.startMeasurement()
            _ = BrowserReducer.reduce(&filtering, .filterInput("7"), now: Date())
            benchmark.stopMeasurement()
            blackHole(filtering)
        }
    }
}
