import ARMEmulator
import ARMModels
import Foundation
import NIOHTTP1
import Testing

@Suite struct EmulatorRouteTests {
    @Test func sampleListEqualsTheOfficialSampleKeyForKey() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        defer { Task { await http.server.stop() } }
        let (status, data) = try await http.send(.GET, "\(sampleVNet)/vnet1/virtualNetworkPeerings\(v)")
        #expect(status == 200)
        let served = try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
        let url = try #require(Bundle.module.url(forResource: "list-peerings", withExtension: "json", subdirectory: "Fixtures"))
        let sample = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? NSDictionary)
        #expect(served["value"] as? NSArray == sample["value"] as? NSArray)
        #expect(served["nextLink"] == nil)
        await http.server.stop()
    }

    @Test func requiresApiVersionAndBearerToken() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let missing = try await http.json(.GET, "\(sampleVNet)/vnet1/virtualNetworkPeerings")
        #expect(missing.0 == 400)
        #expect(errorCode(missing.1) == "MissingApiVersionParameter")
        let unsupported = try await http.json(.GET, "\(sampleVNet)/vnet1/virtualNetworkPeerings?api-version=1999-01-01")
        #expect(unsupported.0 == 400)
        #expect(errorCode(unsupported.1) == "NoRegisteredProviderFound")
        let (status, data) = try await http.send(.GET, "\(sampleVNet)/vnet1/virtualNetworkPeerings\(v)", token: nil)
        #expect(status == 401)
        #expect(String(decoding: data, as: UTF8.self).contains("AuthenticationFailed"))
        let empty = try await http.send(.GET, "\(sampleVNet)/vnet1/virtualNetworkPeerings\(v)", token: "")
        #expect(empty.0 == 401)
        await http.server.stop()
    }

    @Test func notFoundCodesAndCaseInsensitivePaths() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let group = try await http.json(.GET, "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/nope/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings\(v)")
        #expect(group.0 == 404)
        #expect(errorCode(group.1) == "ResourceGroupNotFound")
        let vnet = try await http.json(.GET, "\(sampleVNet)/nope/virtualNetworkPeerings\(v)")
        #expect(vnet.0 == 404)
        #expect(errorCode(vnet.1) == "ResourceNotFound")
        let sub = try await http.json(.GET, "/subscriptions/11111111-0000-0000-0000-000000000000/resourcegroups?api-version=2021-04-01")
        #expect(errorCode(sub.1) == "SubscriptionNotFound")
        let upper = try await http.json(.GET, "/SUBSCRIPTIONS/00000000-0000-0000-0000-000000000000/RESOURCEGROUPS/PEERTEST/PROVIDERS/MICROSOFT.NETWORK/VIRTUALNETWORKS/VNET1/VIRTUALNETWORKPEERINGS\(v)")
        #expect(upper.0 == 200)
        #expect((upper.1["value"] as? [Any])?.count == 2)
        await http.server.stop()
    }

    @Test func listsSubscriptionsGroupsAndVNets() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo())
        let subs = try await http.json(.GET, "/subscriptions?api-version=2022-12-01")
        #expect((subs.1["value"] as? [Any])?.count == 3)
        let groups = try await http.json(.GET, "/subscriptions/\(DemoWorld.connectivitySubscription)/resourcegroups?api-version=2021-04-01")
        #expect((groups.1["value"] as? [[String: Any]])?.compactMap { $0["name"] as? String } == ["rg-connectivity", "rg-spokes-weu"])
        let all = try await http.json(.GET, "/subscriptions/\(DemoWorld.connectivitySubscription)/providers/Microsoft.Network/virtualNetworks\(v)")
        #expect((all.1["value"] as? [Any])?.count == 17)
        let hub = try await http.json(.GET, "/subscriptions/\(DemoWorld.connectivitySubscription)/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu\(v)")
        let peerings = ((hub.1["properties"] as? [String: Any])?["virtualNetworkPeerings"] as? [Any])?.count
        #expect(peerings == 32)
        await http.server.stop()
    }

    @Test func pagesWithAbsoluteNextLinksThatCarryApiVersion() async throws {
        let http = try await EmulatorHTTP.start(try WorldStore.demo(pageSize: 10))
        var path = "/subscriptions/\(DemoWorld.connectivitySubscription)/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu/virtualNetworkPeerings\(v)"
        var names: [String] = []
        var pages = 0
        while true {
            let (_, page) = try await http.json(.GET, path)
            pages += 1
            names += (page["value"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
            guard let next = page["nextLink"] as? String else { break }
            #expect(next.hasPrefix(http.server.url))
            #expect(next.contains("api-version=2025-05-01"))
            path = String(next.dropFirst(http.server.url.count))
        }
        #expect(pages == 4)
        #expect(names.count == 32)
        #expect(Set(names).count == 32)
        await http.server.stop()
    }
}
