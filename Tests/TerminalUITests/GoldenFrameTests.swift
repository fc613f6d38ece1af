import ARMModels
import Foundation
import PeeringBrowser
import Testing
@testable import TerminalUI

/// Compares a rendered frame with `Golden/<name>.txt`; PEERSCOPE_RECORD=1 rewrites the file.
func assertGolden(_ canvas: TextCanvas, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    let file = directory.appendingPathComponent("\(name).txt")
    let text = canvas.text
    if ProcessInfo.processInfo.environment["PEERSCOPE_RECORD"] == "1" || !FileManager.default.fileExists(atPath: file.path) {
        try text.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("recorded \(name).txt; check it and run again", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: file, encoding: .utf8)
    if expected != text {
        let a = expected.split(separator: "\n", omittingEmptySubsequences: false), b = text.split(separator: "\n", omittingEmptySubsequences: false)
        let diff = zip(a, b).enumerated().filter { $0.element.0 != $0.element.1 }.prefix(5)
            .map { "line \($0.offset + 1):\n- \($0.element.0)\n+ \($0.element.1)" }.joined(separator: "\n")
        Issue.record("frame \(name) differs from its golden file:\n\(diff)", sourceLocation: sourceLocation)
    }
}

let t0 = Date(timeIntervalSince1970: 1_800_000_000)
let sampleVNet = ResourceID.virtualNetwork(subscriptionId: "00000000-0000-0000-0000-000000000000", resourceGroup: "peerTest", name: "vnet1")

func samplePeerings() throws -> [VirtualNetworkPeering] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/list-peerings.json")
    return try JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: Data(contentsOf: url)).value
}

func hubPeerings() -> [VirtualNetworkPeering] {
    (1...24).map { i in
        let name = String(format: "hub-to-spoke-%02d", i)
        let state: PeeringState = i == 20 ? .disconnected : i > 21 ? .initiated : .connected
        let remote = "/subscriptions/5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-spoke-\(String(format: "%02d", i))"
        return VirtualNetworkPeering(
            etag: "W/\"\(i)\"", id: "/subscriptions/5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub/virtualNetworkPeerings/\(name)",
            name: name,
            properties: VirtualNetworkPeeringProperties(
                allowForwardedTraffic: true, allowGatewayTransit: true, allowVirtualNetworkAccess: true,
                localAddressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]), localVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]),
                peeringState: state, peeringSyncLevel: i == 7 ? .remoteNotInSync : .fullyInSync, provisioningState: .succeeded,
                remoteAddressSpace: AddressSpace(addressPrefixes: ["10.\(i).0.0/16"]),
                remoteBgpCommunities: VirtualNetworkBgpCommunities(regionalCommunity: "12076:50004", virtualNetworkCommunity: "12076:2\(1000 + i)"),
                remoteVirtualNetwork: SubResource(id: remote),
                remoteVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: i == 7 ? ["10.7.0.0/16", "10.107.0.0/16"] : ["10.\(i).0.0/16"]),
                remoteVirtualNetworkEncryption: i % 4 == 0 ? VirtualNetworkEncryption(enabled: true, enforcement: .allowUnencrypted) : nil,
                resourceGuid: "guid-\(i)", useRemoteGateways: false))
    }
}

func state(_ peerings: [VirtualNetworkPeering], vnet: ResourceID = sampleVNet) -> BrowserState {
    var state = BrowserState(vnet: vnet, refreshInterval: 10, endpointLabel: "http://127.0.0.1:8080")
    state.clockZone = .utc
    _ = BrowserReducer.reduce(&state, .refreshNow, now: t0)
    _ = BrowserReducer.reduce(&state, .loaded(generation: state.generation, result: .success(peerings)), now: t0)
    return state
}

func frame(_ state: BrowserState, _ width: Int, _ height: Int, now: Date = t0.addingTimeInterval(4)) -> TextCanvas {
    var canvas = TextCanvas(width: width, height: height)
    Screen.render(state, now: now, on: &canvas)
    return canvas
}

@Suite struct GoldenFrameTests {
    @Test(arguments: [(80, 24), (120, 40)])
    func sampleListAndDetail(width: Int, height: Int) throws {
        try assertGolden(frame(state(try samplePeerings()), width, height), "sample-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func hubWithOutOfSyncSelected(width: Int, height: Int) throws {
        var s = state(hubPeerings())
        for _ in 0..<6 { _ = BrowserReducer.reduce(&s, .moveDown, now: t0) }
        try assertGolden(frame(s, width, height), "hub-\(width)x\(height)")
    }

    @Test func narrowDetailFocus() throws {
        var s = state(hubPeerings())
        _ = BrowserReducer.reduce(&s, .focusDetail, now: t0)
        try assertGolden(frame(s, 80, 24), "detail-focus-80x24")
    }

    @Test func aLongNameInTheDetailKeepsTheWayBackInSight() throws {
        var peerings = hubPeerings()
        peerings[0].name = "a-" + String(repeating: "very-long-peering-name-", count: 20)
        var s = state(peerings)
        _ = BrowserReducer.reduce(&s, .focusDetail, now: t0)
        let lines = frame(s, 80, 24).text.split(separator: "\n")
        let title = try #require(lines.first { $0.contains("very-long-peering-name") })
        #expect(title.contains("(detail · ←/Esc back)"))
        #expect(title.contains("↓ more"))
        #expect(title.contains("…"))
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func helpOverlay(width: Int, height: Int) throws {
        var s = state(try samplePeerings())
        _ = BrowserReducer.reduce(&s, .toggleHelp, now: t0)
        try assertGolden(frame(s, width, height), "help-\(width)x\(height)")
    }

    @Test func eventLogAfterAChange() throws {
        var s = state(hubPeerings())
        var next = hubPeerings()
        next[21].properties?.peeringState = .connected
        _ = BrowserReducer.reduce(&s, .refreshNow, now: t0.addingTimeInterval(10))
        _ = BrowserReducer.reduce(&s, .loaded(generation: s.generation, result: .success(next)), now: t0.addingTimeInterval(10))
        try assertGolden(frame(s, 120, 40, now: t0.addingTimeInterval(11)), "changed-row-120x40")
        _ = BrowserReducer.reduce(&s, .toggleEvents, now: t0)
        try assertGolden(frame(s, 80, 24, now: t0.addingTimeInterval(11)), "events-80x24")
    }

    @Test func aLongErrorWrapsOntoAtMostThreeLinesWithinTheWidth() {
        let message = (1...60).map { "word\($0)" }.joined(separator: " ")
        let lines = StatusLine.errorLines(message, width: 80)
        #expect(lines.count == 3)
        #expect(lines[0].text.hasPrefix(" ! word1 "))
        #expect(lines[2].text.hasSuffix(" …"))
        for line in lines { #expect(DisplayText.width(line.text) <= 80) }
        #expect(StatusLine.errorLines("short", width: 80).map(\.text) == [" ! short"])
    }

    @Test func nothingOnScreenTicksBetweenRefreshes() {
        let s = state(hubPeerings())
        let early = frame(s, 120, 40, now: t0.addingTimeInterval(0.5)).text
        #expect(early == frame(s, 120, 40, now: t0.addingTimeInterval(9.9)).text)
        #expect(early.contains("updated 08:00:00 · every 10s"))
    }

    @Test func aRefreshSaysSoOnlyOnceItIsSlow() {
        var s = state(hubPeerings())
        _ = BrowserReducer.reduce(&s, .refreshNow, now: t0.addingTimeInterval(10))
        #expect(!frame(s, 120, 40, now: t0.addingTimeInterval(10.9)).text.contains("refreshing"))
        #expect(frame(s, 120, 40, now: t0.addingTimeInterval(11)).text.contains("updated 08:00:00 · refreshing · every 10s"))
    }

    @Test func staleWithError() throws {
        var s = state(try samplePeerings())
        _ = BrowserReducer.reduce(&s, .refreshNow, now: t0.addingTimeInterval(10))
        _ = BrowserReducer.reduce(
            &s, .loaded(generation: s.generation, result: .failure(RefreshFailure(message: "could not reach ARM at http://127.0.0.1:8080 for virtual network vnet1: connection refused"))),
            now: t0.addingTimeInterval(11))
        let canvas = frame(s, 120, 40, now: t0.addingTimeInterval(45))
        try assertGolden(canvas, "stale-error-120x40")
        #expect(canvas.text.contains("STALE updated 08:00:00 · every 10s"))
        // At 80 columns the error wraps instead of losing its end (what went wrong).
        let narrow = frame(s, 80, 24, now: t0.addingTimeInterval(45))
        try assertGolden(narrow, "stale-error-80x24")
        #expect(narrow.text.contains("connection refused"))
        #expect(narrow.text.contains("peer"))
        #expect(canvas.text.contains("peer"))
    }

    @Test func bothSidesWithFindings() throws {
        var s = state(hubPeerings())
        for _ in 0..<6 { _ = BrowserReducer.reduce(&s, .moveDown, now: t0) }
        let key = try #require(s.selectedID)
        var back = hubPeerings()[6]
        back.name = "spoke-07-to-hub"
        back.properties?.remoteVirtualNetwork = SubResource(id: sampleVNet.description)
        back.properties?.allowForwardedTraffic = false
        let remoteVNet = VirtualNetwork(
            id: "/subscriptions/5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/vnet-spoke-07",
            name: "vnet-spoke-07", properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: ["10.7.0.0/16", "10.0.128.0/24"])))
        _ = BrowserReducer.reduce(&s, .remoteLoaded(key: key, remote: .loaded(vnet: remoteVNet, reciprocal: back), localVNet: nil), now: t0)
        _ = BrowserReducer.reduce(&s, .focusDetail, now: t0)
        for _ in 0..<20 { _ = BrowserReducer.reduce(&s, .moveDown, now: t0) }
        try assertGolden(frame(s, 120, 40), "both-sides-120x40")
    }

    @Test func tooSmall() throws {
        try assertGolden(frame(state(try samplePeerings()), 50, 10), "too-small-50x10")
    }

    @Test func hostileTextStaysInsideTheFrame() throws {
        var hostile = try samplePeerings()
        hostile[0].name = "\u{1B}]0;pwned\u{07}" + String(repeating: "日本🙂", count: 3000) + "\u{202E}"
        hostile[0].properties?.remoteBgpCommunities?.regionalCommunity = "x\u{1B}[2J"
        var s = state(hostile)
        _ = BrowserReducer.reduce(&s, .top, now: t0)
        for (w, h) in [(80, 24), (120, 40), (61, 12)] {
            let canvas = frame(s, w, h)
            for line in canvas.text.split(separator: "\n", omittingEmptySubsequences: false) {
                #expect(DisplayText.width(String(line)) == w)
                #expect(!line.contains("\u{1B}"))
                #expect(!line.contains("\u{202E}"))
            }
        }
    }

    @Test func colourIsNeverTheOnlySignal() throws {
        let canvas = frame(state(hubPeerings()), 120, 40)
        #expect(canvas.text.contains("Disconnected"))
        #expect(canvas.text.contains("Remote!"))
        #expect(canvas.text.contains("> hub-to-spoke-01"))
        #expect(canvas.style(0, 3) == .selected)
    }
}

@Suite struct KeymapTests {
    @Test func everyBindingDispatchesAndAppearsInHelp() throws {
        var s = state(try samplePeerings())
        _ = BrowserReducer.reduce(&s, .toggleHelp, now: t0)
        let help = frame(s, 120, 40).text
        for binding in Keymap.bindings {
            #expect(help.contains(binding.label), "\(binding.label) missing from help")
            for key in binding.keys { #expect(Keymap.action(for: key, editingFilter: false) != nil) }
        }
        #expect(Keymap.action(for: .char("q"), editingFilter: true) != nil)
        if case .filterInput("q")? = Keymap.action(for: .char("q"), editingFilter: true) {} else { Issue.record("q must type into the filter") }
    }
}

@Suite struct AttributeTests {
    @Test func withoutColourEveryMeaningStillHasAnAttribute() {
        for style in [CellStyle.warning, .error, .changed, .highlight, .selected, .header, .status, .title, .dim] {
            #expect(CursesTerminal.attributes(for: style, color: false) != 0, "\(style) is invisible without colour")
        }
        #expect(CursesTerminal.attributes(for: .error, color: false) != CursesTerminal.attributes(for: .warning, color: false))
        #expect(CursesTerminal.attributes(for: .changed, color: false) != CursesTerminal.attributes(for: .selected, color: false))
    }
}

@Suite struct NavigationFrameTests {
    func navState() -> BrowserState {
        var s = BrowserState(vnet: ResourceID(subscriptionId: "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01"))
        s.nav.defaultSubscription = "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01"
        s.nav.subscriptions = [
            Subscription(subscriptionId: "00000000-0000-0000-0000-000000000000", displayName: "Sample", state: "Enabled"),
            Subscription(subscriptionId: "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01", displayName: "Contoso Connectivity", state: "Enabled"),
        ]
        s.nav.subscriptionsLoaded = true
        s.nav.selectedSubscription = "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01"
        return s
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func subscriptionsScreen(width: Int, height: Int) throws {
        var s = navState()
        s.nav.screen = .subscriptions
        try assertGolden(frame(s, width, height), "subscriptions-\(width)x\(height)")
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func vnetsScreen(width: Int, height: Int) throws {
        var s = navState()
        s.nav.screen = .vnets
        s.nav.vnetSubscription = "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01"
        let hub = VirtualNetwork(
            id: "/subscriptions/5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01/resourceGroups/rg-connectivity/providers/Microsoft.Network/virtualNetworks/vnet-hub-weu",
            location: "westeurope", properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: ["10.0.0.0/16"]), virtualNetworkPeerings: hubPeerings()))
        let spokes = (1...5).map { i in
            VirtualNetwork(
                id: "/subscriptions/5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01/resourceGroups/rg-spokes/providers/Microsoft.Network/virtualNetworks/vnet-spoke-0\(i)",
                location: "northeurope", properties: VirtualNetworkProperties(addressSpace: AddressSpace(addressPrefixes: ["10.\(i).0.0/16"]), virtualNetworkPeerings: Array(hubPeerings().prefix(1))))
        }
        s.nav.vnets = ([hub] + spokes).compactMap(VNetRow.init)
        s.nav.vnetsLoaded = true
        try assertGolden(frame(s, width, height), "vnets-\(width)x\(height)")
    }

    @Test func commandLine() throws {
        var s = navState()
        s.nav.screen = .subscriptions
        s.nav.command = "/subscriptions/5d1f"
        let canvas = frame(s, 120, 40)
        #expect(canvas.text.split(separator: "\n").last?.contains(":/subscriptions/5d1f▏") == true)
    }
}

@Suite struct BreadcrumbTests {
    @Test func aLongBreadcrumbKeepsTheVNetName() {
        var s = state(hubPeerings(), vnet: ResourceID.virtualNetwork(subscriptionId: "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01", resourceGroup: "rg-connectivity", name: "vnet-hub-weu"))
        s.nav.subscriptions = [Subscription(subscriptionId: "5d1f4b2a-7c3e-4a9b-8f21-0c6e9d3a1b01", displayName: "Contoso Connectivity Production Subscription")]
        let header = frame(s, 80, 24).text.split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("› vnet-hub-weu"), "\(header)")
        #expect(header.contains("…"))
        #expect(DisplayText.width(header) == 80)
    }
}
