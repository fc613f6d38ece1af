import ARMClient
import ARMEmulator
import ARMModels
import PeeringBrowser
import Testing

@Suite struct DemoFindingsTests {
    @Test func theDemoHubShowsEveryKindOfFindingOverHTTP() async throws {
        let harness = try await ClientHarness()
        let hub = DemoWorld.hubID
        let peerings = try await harness.client.peerings(of: hub)
        var kinds: Set<Finding.Kind> = []
        var local: VirtualNetwork?
        for peering in peerings {
            let (remote, vnet) = await harness.client.remoteSide(of: peering, localVNet: hub, fresh: true)
            local = vnet ?? local
            kinds.formUnion(PeeringFindings.check(local: peering, localVNet: local, remote: remote).map(\.kind))
            if peering.name == "hub-to-fabrikam" { #expect(remote == .noAccess) }
        }
        let all: Set<Finding.Kind> = [
            .reciprocalMissing, .remoteDeleted, .notInSync, .gatewayTransit, .forwardedTrafficDiffers, .accessDiffers,
            .overlappingPrefixes, .subnetListsDiffer, .encryptionOneSided, .noAccess,
        ]
        #expect(all.subtracting(kinds).isEmpty, "missing: \(all.subtracting(kinds))")
        await harness.close()
    }
}

@Suite struct RemoteCacheTests {
    @Test func movingTheSelectionReusesARecentReadButARefreshReadsAgain() async throws {
        let harness = try await ClientHarness()
        let hub = DemoWorld.hubID
        let peering = try #require(try await harness.client.peerings(of: hub).first { $0.name == "hub-to-spoke-03" })
        func remoteReads() -> Int { harness.server.store.requests.filter { $0.path.hasSuffix("/vnet-spoke-03") }.count }
        _ = await harness.client.remoteSide(of: peering, localVNet: hub, fresh: false)
        _ = await harness.client.remoteSide(of: peering, localVNet: hub, fresh: false)
        #expect(remoteReads() == 1)
        _ = await harness.client.remoteSide(of: peering, localVNet: hub, fresh: true)
        #expect(remoteReads() == 2)
        #expect(harness.server.store.requests.filter { $0.path.hasSuffix("/vnet-hub-weu") }.count == 1)
        await harness.close()
    }

    @Test func keptVNetsHoldOnlyThePeeringsBack() async throws {
        let harness = try await ClientHarness()
        let hub = DemoWorld.hubID
        let peering = try #require(try await harness.client.peerings(of: hub).first { $0.name == "hub-to-spoke-02" })
        let remoteID = try ResourceID(parsing: try #require(peering.properties?.remoteVirtualNetwork?.id))
        let direct = try await harness.client.virtualNetwork(
            subscriptionId: remoteID.subscriptionId, resourceGroup: try #require(remoteID.resourceGroup), name: try #require(remoteID.virtualNetworkName))
        // vnet-spoke-02 is peered to the hub and to spoke-01: only the first is kept.
        #expect((direct.properties?.virtualNetworkPeerings?.count ?? 0) == 2)
        for fresh in [true, false] {
            let (remote, local) = await harness.client.remoteSide(of: peering, localVNet: hub, fresh: fresh)
            // The hub's own peerings are the list itself: the local VNet is kept without them.
            #expect(local != nil && local?.properties?.virtualNetworkPeerings == nil)
            guard case .loaded(let vnet, let back) = remote else {
                Issue.record("remote side not loaded: \(remote)")
                continue
            }
            #expect(back?.name == "spoke-02-to-hub")
            #expect(vnet.properties?.virtualNetworkPeerings?.map(\.name) == ["spoke-02-to-hub"])
            #expect(vnet.properties?.addressSpace == direct.properties?.addressSpace)
        }
        await harness.close()
    }
}
