import ARMClient
import ARMEmulator
import ARMModels
import Foundation
import Testing

@Suite struct ClientPagingTests {
    @Test func anUnchangedListIsServedFromTheLastPagesAndAChangeIsNot() async throws {
        let harness = try await ClientHarness(store: try WorldStore.demo(pageSize: 10))
        func read() async throws -> [VirtualNetworkPeering] {
            try await harness.client.peerings(subscriptionId: DemoWorld.connectivitySubscription, resourceGroup: DemoWorld.hubGroup, virtualNetwork: DemoWorld.hubName).collect()
        }
        let first = try await read()
        let second = try await read()
        #expect(first == second)
        // No page changed: the very same array comes back, so the browser can tell at a glance.
        let sameArray = first.withUnsafeBufferPointer { a in second.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
        #expect(sameArray)
        #expect(harness.server.store.requests.count >= 8, "every refresh still asks ARM")
        // A peering that changes on the server is read anew, not remembered.
        _ = try harness.server.store.mutate { (world: inout WorldFile) throws(ARMFailure) in
            try world.deletePeering(subscription: DemoWorld.connectivitySubscription, group: DemoWorld.hubGroup, vnet: DemoWorld.hubName, peering: first[0].name ?? "")
        }
        let third = try await read()
        #expect(third.count == first.count - 1)
        #expect(!third.contains { $0.id == first[0].id })
    }

    /// `peerscope list` reads a list once: nothing of it is kept for a next time.
    @Test func aListReadOnceIsNotRemembered() async throws {
        let harness = try await ClientHarness(store: try WorldStore.demo(pageSize: 10))
        func read(once: Bool) async throws -> [VirtualNetworkPeering] {
            let pages = try harness.client.peerings(subscriptionId: DemoWorld.connectivitySubscription, resourceGroup: DemoWorld.hubGroup, virtualNetwork: DemoWorld.hubName)
            return try await (once ? pages.readOnce() : pages).collect()
        }
        func base(_ list: [VirtualNetworkPeering]) -> UnsafeRawPointer? { list.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) } }
        let first = try await read(once: true)
        let second = try await read(once: true)
        #expect(first == second)
        #expect(base(first) != base(second))
        // A remembered read after them starts from nothing too: its first answer is its own array, its next the same.
        let remembered = try await read(once: false)
        #expect(base(remembered) != base(second))
        #expect(base(try await read(once: false)) == base(remembered))
        await harness.close()
    }

    @Test func followsNextLinkAcrossPages() async throws {
        let harness = try await ClientHarness(store: try WorldStore.demo(pageSize: 10))
        var pageSizes: [Int] = []
        for try await page in try harness.client.peerings(subscriptionId: DemoWorld.connectivitySubscription, resourceGroup: DemoWorld.hubGroup, virtualNetwork: DemoWorld.hubName) {
            pageSizes.append(page.items.count)
            #expect(page.info.remainingSubscriptionReads == 11999)
            #expect(page.info.requestID != nil)
        }
        #expect(pageSizes == [10, 10, 10, 2])
        await harness.close()
    }

    @Test func samplePeeringsAreReadUnchanged() async throws {
        let harness = try await ClientHarness()
        let peerings = try await harness.client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect()
        #expect(peerings.map(\.name) == ["peer", "peer"])
        #expect(peerings.map { $0.properties?.remoteVirtualNetwork?.id?.hasSuffix("vnet2") } == [true, false])
        let one = try await harness.client.peering(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1", name: "peer2")
        #expect(one.properties?.remoteBgpCommunities?.virtualNetworkCommunity == "12076:20003")
        let vnet = try await harness.client.virtualNetwork(subscriptionId: sampleSub, resourceGroup: "peerTest", name: "vnet2")
        #expect(vnet.properties?.addressSpace?.addressPrefixes == ["12.0.0.0/8"])
        let subs = try await harness.client.subscriptions().collect()
        #expect(subs.count == 3)
        let groups = try await harness.client.resourceGroups(subscriptionId: sampleSub).collect()
        #expect(groups.map(\.name) == ["peerTest"])
        let all = try await harness.client.virtualNetworks(subscriptionId: DemoWorld.landingZoneSubscription).collect()
        #expect(all.count == 16)
        let inGroup = try await harness.client.virtualNetworks(subscriptionId: sampleSub, resourceGroup: "peerTest").collect()
        #expect(inGroup.map(\.name) == ["vnet1", "vnet2", "vnet3"])
        await harness.close()
    }

    @Test func nextLinkToAnotherHostIsRefusedAndNoTokenLeaves() async throws {
        let foreign = try await EmulatorServer.start(store: try WorldStore.demo())
        let store = try WorldStore.demo(pageSize: 1)
        store.settings = EmulatorSettings(pageSize: 1, nextLinkBase: foreign.url)
        let harness = try await ClientHarness(store: store)
        do {
            _ = try await harness.client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect()
            Issue.record("a foreign nextLink was followed")
        } catch let error as ARMError {
            #expect(error.kind == .foreignHost)
            #expect(error.message.contains("refusing to send the token"))
        }
        #expect(foreign.store.requests.isEmpty)
        #expect(harness.server.store.requests.count == 1)
        await harness.close()
        await foreign.stop()
    }

    @Test func loopingNextLinkStops() async throws {
        let store = try WorldStore.demo()
        store.settings = EmulatorSettings(pageSize: 1, loopNextLink: true)
        let harness = try await ClientHarness(store: store)
        await #expect {
            _ = try await harness.client.peerings(subscriptionId: DemoWorld.connectivitySubscription, resourceGroup: DemoWorld.hubGroup, virtualNetwork: DemoWorld.hubName).collect()
        } throws: { ($0 as? ARMError)?.kind == .pagingLoop }
        #expect(harness.server.store.requests.count == 2)
        await harness.close()
    }

    @Test func badInputIsRejectedBeforeAnyRequest() async throws {
        let harness = try await ClientHarness()
        #expect { _ = try harness.client.peerings(subscriptionId: "not-a-uuid", resourceGroup: "peerTest", virtualNetwork: "vnet1") } throws: {
            let error = $0 as? ARMError
            return error?.kind == .invalidInput && error?.message.contains("--subscription") == true && error?.message.contains("UUID") == true
        }
        #expect { _ = try harness.client.peerings(subscriptionId: sampleSub, resourceGroup: "bad/group", virtualNetwork: "vnet1") } throws: {
            ($0 as? ARMError)?.message.contains("--resource-group") == true
        }
        #expect { _ = try harness.client.peerings(subscriptionId: sampleSub, resourceGroup: String(repeating: "g", count: 91), virtualNetwork: "vnet1") } throws: {
            ($0 as? ARMError)?.message.contains("1–90") == true
        }
        #expect(harness.server.store.requests.isEmpty)
        #expect(Validate.encode("a b/ü") == "a%20b%2F%C3%BC")
        await harness.close()
    }

    @Test func plainHTTPIsOnlyForLoopback() throws {
        #expect(throws: ARMError.self) { try ARMEndpoint("http://management.azure.com") }
        #expect(throws: ARMError.self) { try ARMEndpoint("ftp://127.0.0.1") }
        #expect(throws: ARMError.self) { try ARMEndpoint("not a url") }
        #expect(try ARMEndpoint("http://127.0.0.5:8080").description == "http://127.0.0.5:8080")
        #expect(try ARMEndpoint("http://[::1]:8080").host == "::1")
        #expect(try ARMEndpoint("https://management.azure.com/").isPublicCloud)
        #expect(!ARMEndpoint.isLoopback("128.0.0.1"))
        #expect(!ARMEndpoint.isLoopback("127.0.0.1.example.com"))
    }
}

@Suite struct CostTests {
    @Test func theMeterCountsRequestsAndKeepsRemainingReads() async throws {
        let harness = try await ClientHarness(store: try WorldStore.demo(pageSize: 10))
        _ = try await harness.client.peerings(subscriptionId: DemoWorld.connectivitySubscription, resourceGroup: DemoWorld.hubGroup, virtualNetwork: DemoWorld.hubName).collect()
        let usage = harness.client.meter.snapshot()
        #expect(usage.requestsLastMinute == 4)
        #expect(usage.remainingReads == 11999)
        #expect(harness.client.meter.snapshot(at: Date().addingTimeInterval(120)).requestsLastMinute == 0)
        await harness.close()
    }

    @Test func concurrentRequestsAreBounded() async throws {
        let harness = try await ClientHarness()
        harness.server.store.addFault(Fault(kind: .delay, delayMs: 150))
        let client = harness.client
        let started = ContinuousClock.now
        try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await client.peerings(subscriptionId: sampleSub, resourceGroup: "peerTest", virtualNetwork: "vnet1").collect().count }
            }
            for try await count in group { #expect(count == 2) }
        }
        // One delayed request; with at most 4 at a time the 8 lists need at least one more round after it.
        #expect(ContinuousClock.now - started >= .milliseconds(150))
        #expect(harness.server.store.requests.count == 8)
        await harness.close()
    }
}
