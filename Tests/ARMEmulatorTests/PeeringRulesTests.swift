import ARMEmulator
import ARMModels
import Foundation
import NIOHTTP1
import Testing

@Suite struct PeeringRulesTests {
    func state(_ http: EmulatorHTTP, _ vnet: String, _ name: String) async throws -> (String?, String?) {
        let (_, object) = try await http.json(.GET, "\(sampleVNet)/\(vnet)/virtualNetworkPeerings/\(name)\(v)")
        let properties = object["properties"] as? [String: Any]
        return (properties?["peeringState"] as? String, properties?["peeringSyncLevel"] as? String)
    }

    @Test func peeringBackConnectsBothSidesAndDeletingDisconnects() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        #expect(try await state(http, "vnet1", "peer").0 == "Initiated")
        let body = #"{"properties":{"remoteVirtualNetwork":{"id":"\#(sampleVNet)/vnet1"},"allowVirtualNetworkAccess":true}}"#
        let (created, peering) = try await http.json(.PUT, "\(sampleVNet)/vnet2/virtualNetworkPeerings/back\(v)", body: body)
        #expect(created == 201)
        #expect((peering["properties"] as? [String: Any])?["peeringState"] as? String == "Connected")
        #expect(try await state(http, "vnet1", "peer").0 == "Connected")
        #expect(try await state(http, "vnet1", "peer2").0 == "Initiated")

        let (deleted, _) = try await http.send(.DELETE, "\(sampleVNet)/vnet2/virtualNetworkPeerings/back\(v)")
        #expect(deleted == 200)
        #expect(try await state(http, "vnet1", "peer").0 == "Disconnected")
        await http.server.stop()
    }

    @Test func newPeeringToAnUnpeeredVNetIsInitiated() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let body = #"{"properties":{"remoteVirtualNetwork":{"id":"\#(sampleVNet)/vnet3"}}}"#
        let (_, peering) = try await http.json(.PUT, "\(sampleVNet)/vnet2/virtualNetworkPeerings/to3\(v)", body: body)
        let properties = try #require(peering["properties"] as? [String: Any])
        #expect(properties["peeringState"] as? String == "Initiated")
        #expect((properties["remoteAddressSpace"] as? [String: Any])?["addressPrefixes"] as? [String] == ["13.0.0.0/8"])
        await http.server.stop()
    }

    @Test func addressSpaceChangeTakesBothSidesOutOfSyncUntilSynced() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        _ = try await http.send(.PUT, "\(sampleVNet)/vnet2/virtualNetworkPeerings/a\(v)", body: #"{"properties":{"remoteVirtualNetwork":{"id":"\#(sampleVNet)/vnet3"}}}"#)
        _ = try await http.send(.PUT, "\(sampleVNet)/vnet3/virtualNetworkPeerings/b\(v)", body: #"{"properties":{"remoteVirtualNetwork":{"id":"\#(sampleVNet)/vnet2"}}}"#)
        #expect(try await state(http, "vnet2", "a") == ("Connected", "FullyInSync"))
        let (status, _) = try await http.send(.PUT, "\(sampleVNet)/vnet2\(v)", body: #"{"properties":{"addressSpace":{"addressPrefixes":["12.0.0.0/8","14.0.0.0/8"]}}}"#)
        #expect(status == 200)
        #expect(try await state(http, "vnet2", "a") == ("Connected", "LocalNotInSync"))
        #expect(try await state(http, "vnet3", "b") == ("Connected", "RemoteNotInSync"))
        _ = try await http.send(.PUT, "\(sampleVNet)/vnet3/virtualNetworkPeerings/b\(v)&syncRemoteAddressSpace=true", body: "{}")
        #expect(try await state(http, "vnet2", "a") == ("Connected", "FullyInSync"))
        let (_, b) = try await http.json(.GET, "\(sampleVNet)/vnet3/virtualNetworkPeerings/b\(v)")
        let remote = ((b["properties"] as? [String: Any])?["remoteAddressSpace"] as? [String: Any])?["addressPrefixes"] as? [String]
        #expect(remote == ["12.0.0.0/8", "14.0.0.0/8"])
        await http.server.stop()
    }

    @Test func demoWorldIsConsistent() throws {
        let world = try DemoWorld.world()
        var byID: [String: VirtualNetwork] = [:]
        for s in world.subscriptions { for g in s.resourceGroups { for vnet in g.virtualNetworks { byID[(vnet.id ?? "").lowercased()] = vnet } } }
        var states: Set<String> = []
        var levels: Set<String> = []
        for vnet in byID.values {
            for peering in vnet.properties?.virtualNetworkPeerings ?? [] {
                let p = try #require(peering.properties)
                states.insert(p.peeringState?.rawValue ?? "")
                levels.insert(p.peeringSyncLevel?.rawValue ?? "")
                let remote = byID[(p.remoteVirtualNetwork?.id ?? "").lowercased()]
                let back = remote?.properties?.virtualNetworkPeerings?.first {
                    $0.properties?.remoteVirtualNetwork?.id?.lowercased() == vnet.id?.lowercased()
                }
                if p.peeringState == .connected { #expect(back?.properties?.peeringState == .connected, "\(peering.name ?? "")") }
                if p.peeringState == .initiated || p.peeringState == .disconnected { #expect(back == nil, "\(peering.name ?? "")") }
            }
        }
        #expect(states.isSuperset(of: ["Connected", "Initiated", "Disconnected"]))
        #expect(levels.contains("LocalNotInSync") && levels.contains("RemoteNotInSync"))
        #expect(byID.count >= 30)
    }
}

@Suite struct ScenarioClockTests {
    func hubPeering(_ store: WorldStore, _ name: String) throws -> VirtualNetworkPeeringProperties? {
        let hub = store.world.subscriptions.first { $0.subscriptionId == DemoWorld.connectivitySubscription }?
            .resourceGroups.first { $0.name == DemoWorld.hubGroup }?.virtualNetworks.first
        return hub?.properties?.virtualNetworkPeerings?.first { $0.name == name }?.properties
    }

    @Test func demoChangesWithinAMinuteAndLeavesPeerTestAlone() throws {
        let store = try WorldStore.demo()
        let sampleBefore = store.world.subscriptions.first { $0.subscriptionId == SampleWorld.subscriptionId }
        #expect(try hubPeering(store, "hub-to-spoke-29")?.peeringState == .initiated)
        #expect(try hubPeering(store, "hub-to-spoke-20")?.peeringState == .connected)
        #expect(store.advance(by: .seconds(11)).isEmpty)
        #expect(store.advance(by: .seconds(1)).count == 1)
        #expect(try hubPeering(store, "hub-to-spoke-29")?.peeringState == .connected)
        store.advance(by: .seconds(13))
        #expect(try hubPeering(store, "hub-to-spoke-20")?.peeringState == .disconnected)
        store.advance(by: .seconds(15))
        #expect(try hubPeering(store, "hub-to-spoke-07")?.peeringSyncLevel == .remoteNotInSync)
        store.advance(by: .seconds(25))
        #expect(try hubPeering(store, "hub-to-spoke-07")?.peeringSyncLevel == .fullyInSync)
        let changes = store.advance(by: .seconds(30))
        #expect(changes.contains { $0.contains("starting state") })
        #expect(try hubPeering(store, "hub-to-spoke-29")?.peeringState == .initiated)
        #expect(try hubPeering(store, "hub-to-spoke-20")?.peeringState == .connected)
        let sampleAfter = store.world.subscriptions.first { $0.subscriptionId == SampleWorld.subscriptionId }
        #expect(sampleBefore?.resourceGroups.first?.virtualNetworks == sampleAfter?.resourceGroups.first?.virtualNetworks)
    }

    @Test func clockIsDrivenThroughTheAdminAPI() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let (status, body) = try await http.json(.POST, "/_emulator/clock", body: #"{"advanceSeconds": 12}"#)
        #expect(status == 200)
        #expect((body["changes"] as? [String])?.first?.contains("spoke-29") == true)
        #expect(body["elapsedSeconds"] as? Double == 12)
        await http.server.stop()
    }
}

@Suite struct FaultTests {
    @Test func injectedStatusCountsDownAndIsRecorded() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        _ = try await http.send(.POST, "/_emulator/faults", body: #"{"match":"virtualNetworkPeerings","kind":"status","status":503,"count":2,"retryAfter":"1"}"#)
        let path = "\(sampleVNet)/vnet1/virtualNetworkPeerings\(v)"
        #expect(try await http.send(.GET, path).0 == 503)
        #expect(try await http.send(.GET, path).0 == 503)
        #expect(try await http.send(.GET, path).0 == 200)
        let (_, log) = try await http.send(.GET, "/_emulator/requests")
        let requests = try JSONDecoder().decode([RecordedRequest].self, from: log)
        #expect(requests.map(\.status) == [503, 503, 200])
        #expect(requests.allSatisfy { $0.hadAuthorization })
        #expect(!String(decoding: log, as: UTF8.self).contains("Bearer"))
        await http.server.stop()
    }

    @Test func malformedTruncatedAndDropped() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let path = "\(sampleVNet)/vnet1/virtualNetworkPeerings\(v)"
        http.server.store.addFault(Fault(kind: .malformed, count: 1))
        let (status, data) = try await http.send(.GET, path)
        #expect(status == 200)
        #expect((try? JSONSerialization.jsonObject(with: data)) == nil)
        http.server.store.addFault(Fault(kind: .truncated, count: 1))
        await #expect(throws: (any Error).self) { _ = try await http.send(.GET, path) }
        http.server.store.addFault(Fault(kind: .drop, count: 1))
        await #expect(throws: (any Error).self) { _ = try await http.send(.GET, path) }
        #expect(try await http.send(.GET, path).0 == 200)
        await http.server.stop()
    }
}

@Suite struct AdminAPITests {
    @Test func aFaultWithoutMatchAppliesToEveryRoute() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let (created, _) = try await http.send(.POST, "/_emulator/faults", body: #"{"kind":"status","status":503,"count":1}"#)
        #expect(created == 201)
        #expect(try await http.send(.GET, "/subscriptions?api-version=2022-12-01").0 == 503)
        #expect(try await http.send(.GET, "/subscriptions?api-version=2022-12-01").0 == 200)
        let (bad, _) = try await http.send(.POST, "/_emulator/faults", body: #"{"status":503}"#)
        #expect(bad == 400)
        await http.server.stop()
    }
}
