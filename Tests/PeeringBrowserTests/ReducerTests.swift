import ARMModels
import Foundation
import PeeringBrowser
import Testing

let vnetID = ResourceID.virtualNetwork(subscriptionId: "00000000-0000-0000-0000-000000000000", resourceGroup: "peerTest", name: "vnet1")

func peering(_ name: String, id: String? = nil, state: PeeringState = .connected, sync: PeeringSyncLevel = .fullyInSync, remote: String = "vnetX") -> VirtualNetworkPeering {
    VirtualNetworkPeering(
        id: id ?? "\(vnetID)/virtualNetworkPeerings/\(name)", name: name,
        properties: VirtualNetworkPeeringProperties(
            allowVirtualNetworkAccess: true, peeringState: state, peeringSyncLevel: sync,
            remoteVirtualNetwork: SubResource(id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/\(remote)")))
}

func loaded(_ state: inout BrowserState, _ peerings: [VirtualNetworkPeering], at seconds: Double) -> [BrowserEffect] {
    let now = Date(timeIntervalSince1970: seconds)
    let fetch = BrowserReducer.reduce(&state, .refreshNow, now: now)
    guard case .fetch(let generation)? = fetch.first else { return fetch }
    return BrowserReducer.reduce(&state, .loaded(generation: generation, result: .success(peerings)), now: now)
}

@Suite struct ReducerTests {
    @Test func peeringsWithTheSameNameAreKeptApartById() throws {
        let url = try #require(Bundle.module.url(forResource: "list-peerings", withExtension: "json", subdirectory: "Fixtures"))
        let sample = try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: Data(contentsOf: url)).value
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, sample, at: 0)
        #expect(state.visible.count == 2)
        #expect(state.peerings.count == 2)
    }

    @Test func selectionFollowsTheSameIdAcrossRefreshes() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a"), peering("b"), peering("c")], at: 0)
        _ = BrowserReducer.reduce(&state, .moveDown, now: Date(timeIntervalSince1970: 1))
        #expect(state.selected?.name == "b")
        _ = loaded(&state, [peering("0"), peering("c"), peering("b")], at: 10)
        #expect(state.selected?.name == "b")
        #expect(state.visible.map { state.peerings[$0]?.name } == ["0", "b", "c"])
        _ = loaded(&state, [peering("0"), peering("c")], at: 20)
        #expect(state.selected?.name == "0")
    }

    @Test func movesClampAndPage() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, (0..<30).map { peering(String(format: "p%02d", $0)) }, at: 0)
        let now = Date(timeIntervalSince1970: 1)
        _ = BrowserReducer.reduce(&state, .moveUp, now: now)
        #expect(state.selected?.name == "p00")
        _ = BrowserReducer.reduce(&state, .pageDown, now: now, pageSize: 10)
        #expect(state.selected?.name == "p10")
        _ = BrowserReducer.reduce(&state, .bottom, now: now)
        #expect(state.selected?.name == "p29")
        _ = BrowserReducer.reduce(&state, .moveDown, now: now)
        #expect(state.selected?.name == "p29")
        _ = BrowserReducer.reduce(&state, .top, now: now)
        #expect(state.selected?.name == "p00")
    }

    @Test func sortAndFilter() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("b", state: .initiated), peering("a", state: .disconnected), peering("c")], at: 0)
        let now = Date(timeIntervalSince1970: 1)
        #expect(state.visible.compactMap { state.peerings[$0]?.name } == ["a", "b", "c"])
        _ = BrowserReducer.reduce(&state, .cycleSort, now: now)
        #expect(state.sort == .state)
        #expect(state.visible.compactMap { state.peerings[$0]?.name } == ["c", "a", "b"])
        _ = BrowserReducer.reduce(&state, .reverseSort, now: now)
        #expect(state.visible.compactMap { state.peerings[$0]?.name } == ["b", "a", "c"])
        _ = BrowserReducer.reduce(&state, .startFilter, now: now)
        for c in "init" { _ = BrowserReducer.reduce(&state, .filterInput(c), now: now) }
        #expect(state.visible.compactMap { state.peerings[$0]?.name } == ["b"])
        #expect(state.selected?.name == "b")
        _ = BrowserReducer.reduce(&state, .moveDown, now: now)
        #expect(state.filter == "init")
        _ = BrowserReducer.reduce(&state, .filterCancel, now: now)
        #expect(state.filter.isEmpty && state.visible.count == 3)
    }

    @Test func diffMarksChangedFieldsAndLogsTransitions() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a", state: .initiated), peering("b")], at: 0)
        #expect(state.events.isEmpty)
        _ = loaded(&state, [peering("a", state: .connected), peering("b", sync: .remoteNotInSync), peering("new", state: .initiated)], at: 10)
        let a = "\(vnetID)/virtualNetworkPeerings/a".lowercased()
        #expect(state.changes[a]?.fields == ["peeringState"])
        #expect(state.events.contains { $0.peering == "a" && $0.from == "Initiated" && $0.to == "Connected" && $0.field == "state" })
        #expect(state.events.contains { $0.peering == "b" && $0.to == "RemoteNotInSync" })
        #expect(state.events.contains { $0.peering == "new" && $0.from == "absent" })
        _ = BrowserReducer.reduce(&state, .tick, now: Date(timeIntervalSince1970: 10 + BrowserState.highlightSeconds + 1))
        #expect(state.changes.isEmpty)
        _ = loaded(&state, [peering("a")], at: 30)
        #expect(state.events.contains { $0.peering == "b" && $0.to == "removed" })
    }

    @Test func failuresKeepTheLastGoodDataAndBackOff() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 10)
        _ = loaded(&state, [peering("a")], at: 0)
        let effects = BrowserReducer.reduce(&state, .tick, now: Date(timeIntervalSince1970: 10))
        guard case .fetch(let generation)? = effects.first else {
            Issue.record("no refresh at the interval")
            return
        }
        _ = BrowserReducer.reduce(&state, .loaded(generation: generation, result: .failure(RefreshFailure(message: "boom"))), now: Date(timeIntervalSince1970: 11))
        #expect(state.peerings.count == 1)
        #expect(state.lastError == "boom")
        #expect(state.nextRefresh == Date(timeIntervalSince1970: 21))
        #expect(!state.isStale(now: Date(timeIntervalSince1970: 20)))
        #expect(state.isStale(now: Date(timeIntervalSince1970: 21)))
        let second = BrowserReducer.reduce(&state, .tick, now: Date(timeIntervalSince1970: 21))
        guard case .fetch(let g2)? = second.first else { return }
        _ = BrowserReducer.reduce(&state, .loaded(generation: g2, result: .failure(RefreshFailure(message: "429", retryAfter: .seconds(45)))), now: Date(timeIntervalSince1970: 22))
        #expect(state.nextRefresh == Date(timeIntervalSince1970: 67))
    }

    @Test func olderGenerationsAreDropped() {
        var state = BrowserState(vnet: vnetID)
        let first = BrowserReducer.reduce(&state, .refreshNow, now: Date(timeIntervalSince1970: 0))
        let second = BrowserReducer.reduce(&state, .refreshNow, now: Date(timeIntervalSince1970: 1))
        #expect(first == [.fetch(generation: 1)] && second == [.fetch(generation: 2)])
        _ = BrowserReducer.reduce(&state, .loaded(generation: 1, result: .success([peering("old")])), now: Date(timeIntervalSince1970: 2))
        #expect(state.peerings.isEmpty)
        _ = BrowserReducer.reduce(&state, .loaded(generation: 2, result: .success([peering("new")])), now: Date(timeIntervalSince1970: 2))
        #expect(state.selected?.name == "new")
    }

    @Test func pauseIntervalHelpQuitAndCopy() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 10)
        _ = loaded(&state, [peering("a")], at: 0)
        let now = Date(timeIntervalSince1970: 1)
        _ = BrowserReducer.reduce(&state, .togglePause, now: now)
        #expect(BrowserReducer.reduce(&state, .tick, now: Date(timeIntervalSince1970: 100)).isEmpty)
        #expect(BrowserReducer.reduce(&state, .togglePause, now: now).count == 1)
        _ = BrowserReducer.reduce(&state, .faster, now: now)
        #expect(state.refreshInterval == 9)
        _ = BrowserReducer.reduce(&state, .slower, now: now)
        _ = BrowserReducer.reduce(&state, .slower, now: now)
        #expect(state.refreshInterval == 15)
        _ = BrowserReducer.reduce(&state, .toggleHelp, now: now)
        #expect(state.showHelp)
        #expect(BrowserReducer.reduce(&state, .moveDown, now: now).isEmpty && !state.showHelp)
        #expect(BrowserReducer.reduce(&state, .copyID, now: now) == [.copyToClipboard("\(vnetID)/virtualNetworkPeerings/a")])
        #expect(BrowserReducer.reduce(&state, .quit, now: now) == [.quit])
    }
}

@Suite struct DetailTests {
    func sample(_ name: String) throws -> [VirtualNetworkPeering] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: Data(contentsOf: url)).value
    }

    func value(_ sections: [DetailSection], _ label: String) -> String? {
        sections.flatMap(\.lines).first { $0.label == label }?.value
    }

    @Test func firstSampleSections() throws {
        let sections = DetailBuilder.sections(for: try sample("list-peerings")[0])
        #expect(sections.map(\.title) == ["Overview", "Address spaces", "BGP communities", "Encryption (remote VNet)", "Traffic", "Subnet peering", "Identity"])
        #expect(value(sections, "State") == "Initiated")
        #expect(value(sections, "Sync level") == "FullyInSync")
        #expect(value(sections, "Remote VNet") == "vnet2 (group peerTest)")
        #expect(value(sections, "Remote peered") == "12.0.0.0/8")
        #expect(value(sections, "Remote current") == "12.0.0.0/8")
        #expect(value(sections, "Local peered") == "(absent)")
        #expect(value(sections, "VNet community") == "12076:20002")
        #expect(value(sections, "Enabled") == "(absent)")
        #expect(value(sections, "Skip remote GW check") == "(absent)")
        #expect(value(sections, "Forwarded traffic") == "yes")
        #expect(value(sections, "Gateway transit") == "no")
    }

    @Test func encryptionSampleSections() throws {
        let sections = DetailBuilder.sections(for: try sample("list-peerings-with-remote-encryption")[1])
        #expect(value(sections, "Enabled") == "yes")
        #expect(value(sections, "Enforcement") == "AllowUnencrypted")
        #expect(value(sections, "Sync level") == "(absent)")
        #expect(value(sections, "Remote current") == "(absent)")
    }

    @Test func outOfSyncSpacesAreFlagged() {
        var p = peering("x", sync: .remoteNotInSync)
        p.properties?.remoteAddressSpace = AddressSpace(addressPrefixes: ["10.7.0.0/16"])
        p.properties?.remoteVirtualNetworkAddressSpace = AddressSpace(addressPrefixes: ["10.7.0.0/16", "10.107.0.0/16"])
        let lines = DetailBuilder.sections(for: p).flatMap(\.lines)
        #expect(lines.first { $0.label == "Remote current" }?.value == "10.7.0.0/16, 10.107.0.0/16  ≠ peered")
        #expect(lines.first { $0.label == "Remote current" }?.style == .warning)
        #expect(lines.first { $0.label == "Sync level" }?.style == .warning)
    }
}

@Suite struct DisplayTextTests {
    @Test func sanitizesControlAndBidiCharacters() {
        #expect(DisplayText.sanitize("a\u{1B}[31mb") == "a\\e[31mb")
        #expect(DisplayText.sanitize("x\u{07}\u{9B}y") == "x\\x07\\x9By")
        #expect(DisplayText.sanitize("evil\u{202E}txt") == "evil\\u{202E}txt")
        #expect(DisplayText.sanitize("👨\u{200D}💻") == "👨💻")
    }

    @Test func measuresAndClipsByColumns() {
        #expect(DisplayText.width("abc") == 3)
        #expect(DisplayText.width("日本") == 4)
        #expect(DisplayText.width("e\u{301}") == 1)
        #expect(DisplayText.clip("日本語テキスト", to: 6) == "日本…")
        #expect(DisplayText.width(DisplayText.clip(String(repeating: "名", count: 5000), to: 17)) <= 17)
        #expect(DisplayText.pad("ab", to: 4) == "ab  ")
    }
}

@Suite struct FuzzFindingsTests {
    /// Found by Scripts/fuzz display: after sanitizing, padding to 79 columns gave a different width.
    @Test func paddingStaysExactForInputsTheFuzzerFound() {
        let bytes: [UInt8] = [102, 221, 130, 127, 255, 255, 165, 93, 223, 223, 221, 157, 9, 100, 213, 9, 153, 130, 0, 32, 33, 24, 128, 24, 2, 216, 130]
        let safe = DisplayText.sanitize(String(decoding: bytes, as: UTF8.self))
        for width in [0, 1, 2, 3, 10, 79] {
            #expect(DisplayText.width(DisplayText.pad(safe, to: width)) == width)
            #expect(DisplayText.width(DisplayText.clip(safe, to: width)) <= width)
        }
        // A prepend character (U+0600) joins the next character into one grapheme: widths must stay additive.
        let prepend = "a\u{0600}"
        #expect(DisplayText.width(DisplayText.pad(prepend, to: 10)) == 10)
    }
}
