import ARMModels
import Foundation
import PeeringBrowser
import Testing

let subA = "11111111-1111-1111-1111-111111111111"
let subB = "22222222-2222-2222-2222-222222222222"

func vnetResource(_ sub: String, _ group: String, _ name: String, peerings: [VirtualNetworkPeering] = []) -> VirtualNetwork {
    VirtualNetwork(
        id: ResourceID.virtualNetwork(subscriptionId: sub, resourceGroup: group, name: name).description, name: name, location: "westeurope",
        properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]), virtualNetworkPeerings: peerings))
}

@Suite struct NavigationTests {
    let t = Date(timeIntervalSince1970: 1_000)

    func start() -> BrowserState {
        var state = BrowserState(vnet: ResourceID(subscriptionId: subA))
        state.nav.screen = .subscriptions
        state.nav.defaultSubscription = subB
        return state
    }

    @Test func subscriptionsThenVNetsThenPeeringsAndBackKeepingSelections() {
        var state = start()
        #expect(BrowserReducer.reduce(&state, .tick, now: t) == [.fetchSubscriptions(generation: 1)])
        let subs = [Subscription(subscriptionId: subA, displayName: "A"), Subscription(subscriptionId: subB, displayName: "B")]
        _ = BrowserReducer.reduce(&state, .subscriptionsLoaded(generation: 1, result: .success(subs)), now: t)
        #expect(state.nav.selectedSubscription == subB)
        let open = BrowserReducer.reduce(&state, .focusDetail, now: t)
        #expect(state.nav.screen == .vnets)
        #expect(open == [.fetchVNets(subscription: subB, generation: 2)])
        let vnets = [vnetResource(subB, "rg-b", "zeta"), vnetResource(subB, "rg-a", "beta"), vnetResource(subB, "rg-a", "alpha")]
        _ = BrowserReducer.reduce(&state, .vnetsLoaded(generation: 2, subscription: subB, result: .success(vnets)), now: t)
        #expect(state.nav.vnets.map(\.name) == ["alpha", "beta", "zeta"])
        _ = BrowserReducer.reduce(&state, .moveDown, now: t)
        let effects = BrowserReducer.reduce(&state, .focusDetail, now: t)
        #expect(state.nav.screen == .peerings)
        #expect(state.vnet.virtualNetworkName == "beta")
        #expect(effects.contains { if case .fetch = $0 { true } else { false } })
        // Esc from the list goes up to the VNets screen, which still has beta selected, then to subscriptions.
        _ = BrowserReducer.reduce(&state, .focusList, now: t)
        #expect(state.nav.screen == .vnets)
        #expect(state.nav.vnetIndex == 1)
        _ = BrowserReducer.reduce(&state, .focusList, now: t)
        #expect(state.nav.screen == .subscriptions)
        #expect(state.nav.selectedSubscription == subB)
    }

    @Test func staleResultsForAnotherSubscriptionAreDropped() {
        var state = start()
        _ = BrowserReducer.reduce(&state, .goVNets(subscription: subA), now: t)
        let generation = state.nav.generation
        _ = BrowserReducer.reduce(&state, .vnetsLoaded(generation: generation, subscription: subB, result: .success([vnetResource(subB, "g", "x")])), now: t)
        #expect(state.nav.vnets.isEmpty)
        _ = BrowserReducer.reduce(&state, .vnetsLoaded(generation: generation, subscription: subA, result: .failure(RefreshFailure(message: "403"))), now: t)
        #expect(state.nav.lastError == "403")
    }

    @Test func commandLineJumpsToAPastedId() {
        var state = start()
        _ = BrowserReducer.reduce(&state, .startCommand, now: t)
        let id = "/subscriptions/\(subA)/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/hub/virtualNetworkPeerings/to-spoke"
        for c in id { _ = BrowserReducer.reduce(&state, .commandInput(c), now: t) }
        _ = BrowserReducer.reduce(&state, .commandCommit, now: t)
        #expect(state.nav.screen == .peerings)
        #expect(state.vnet.virtualNetworkName == "hub")
        #expect(state.selectedID == id.lowercased())
        _ = BrowserReducer.reduce(&state, .startCommand, now: t)
        for c in "/subscriptions/\(subB)" { _ = BrowserReducer.reduce(&state, .commandInput(c), now: t) }
        _ = BrowserReducer.reduce(&state, .commandCommit, now: t)
        #expect(state.nav.screen == .vnets && state.nav.vnetSubscription == subB)
        _ = BrowserReducer.reduce(&state, .startCommand, now: t)
        for c in "nonsense" { _ = BrowserReducer.reduce(&state, .commandInput(c), now: t) }
        _ = BrowserReducer.reduce(&state, .commandCommit, now: t)
        #expect(state.message?.contains("must start with '/subscriptions/'") == true)
        #expect(state.nav.screen == .vnets)
    }

    @Test func jumpToTheRemoteVNetUnlessThereIsNoAccess() {
        var state = BrowserState(vnet: ResourceID.virtualNetwork(subscriptionId: subA, resourceGroup: "rg", name: "hub"))
        let remote = ResourceID.virtualNetwork(subscriptionId: subB, resourceGroup: "rg2", name: "spoke")
        let p = VirtualNetworkPeering(
            id: "\(state.vnet)/virtualNetworkPeerings/to-spoke", name: "to-spoke",
            properties: VirtualNetworkPeeringProperties(peeringState: .connected, remoteVirtualNetwork: SubResource(id: remote.description)))
        _ = BrowserReducer.reduce(&state, .refreshNow, now: t)
        _ = BrowserReducer.reduce(&state, .loaded(generation: state.generation, result: .success([p])), now: t)
        let key = state.selectedID ?? ""
        _ = BrowserReducer.reduce(&state, .remoteLoaded(key: key, remote: .noAccess, localVNet: nil), now: t)
        _ = BrowserReducer.reduce(&state, .jumpToRemote, now: t)
        #expect(state.vnet.virtualNetworkName == "hub")
        #expect(state.message?.contains("no access") == true)
        _ = BrowserReducer.reduce(&state, .remoteLoaded(key: key, remote: .unknown, localVNet: nil), now: t)
        _ = BrowserReducer.reduce(&state, .jumpToRemote, now: t)
        #expect(state.vnet.comparisonKey == remote.comparisonKey)
        #expect(state.peerings.isEmpty && state.lastRefresh == nil)
    }

    @Test func vnetRowsSummarizeHealth() throws {
        let peerings = [
            VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(peeringState: .connected, peeringSyncLevel: .remoteNotInSync)),
            VirtualNetworkPeering(properties: VirtualNetworkPeeringProperties(peeringState: .disconnected)),
        ]
        let row = try #require(VNetRow(vnetResource(subA, "rg", "hub", peerings: peerings)))
        #expect(row.health == "1 Connected · 1 Disconnected · 1 out of sync")
        #expect(row.peerings == 2)
        #expect(VNetRow(VirtualNetwork(id: "not an id")) == nil)
    }
}
