import ARMEmulator
import ARMModels
import Foundation
import Synchronization
import Testing

/// The fault matrix for the browser: the real binary in tmux, watching the sample VNet, while faults come and go.
///
/// For each fault: the status line names it, the last good data stays on
/// screen, the process keeps running, and when the fault clears the next
/// refresh shows fresh data with the error gone. One browser runs through
/// every case ('r' refreshes at once), so the matrix costs seconds, not minutes.
@Suite(.serialized, .enabled(if: tmuxAvailable, "tmux is not installed"))
struct BrowserFaultMatrixTests {
    static let subscription = "00000000-0000-0000-0000-000000000000"

    /// One fault: how to switch it on and off, and what the status line must say meanwhile.
    struct Case {
        var name: String
        var on: (WorldStore) throws -> Void
        var off: (WorldStore) throws -> Void = { $0.clearFaults() }
        var message: String
    }

    static func fault(_ fault: Fault) -> (WorldStore) throws -> Void {
        { store in store.addFault(fault) }
    }

    /// Removes vnet1 (or its whole group) from the world and gives back a way to put it back.
    static func hide(group: Bool) -> (on: (WorldStore) throws -> Void, off: (WorldStore) throws -> Void) {
        let saved = Mutex<WorldFile.GroupEntry?>(nil)
        let on: (WorldStore) throws -> Void = { store in
            try store.mutate { (world: inout WorldFile) throws(ARMFailure) in
                guard let s = world.subscriptions.firstIndex(where: { $0.subscriptionId == subscription }),
                    let g = world.subscriptions[s].resourceGroups.firstIndex(where: { $0.name == "peerTest" })
                else { return }
                let entry = world.subscriptions[s].resourceGroups[g]
                saved.withLock { $0 = entry }
                if group {
                    world.subscriptions[s].resourceGroups.remove(at: g)
                } else {
                    world.subscriptions[s].resourceGroups[g].virtualNetworks.removeAll { $0.name == "vnet1" }
                }
            }
        }
        let off: (WorldStore) throws -> Void = { store in
            guard let entry = saved.withLock({ $0 }) else { return }
            try store.mutate { (world: inout WorldFile) throws(ARMFailure) in
                guard let s = world.subscriptions.firstIndex(where: { $0.subscriptionId == subscription }) else { return }
                world.subscriptions[s].resourceGroups.removeAll { $0.name == "peerTest" }
                world.subscriptions[s].resourceGroups.append(entry)
            }
        }
        return (on, off)
    }

    static func cases(foreign: String) -> [Case] {
        let peerings = "virtualNetworkPeerings"
        let group = hide(group: true), vnet = hide(group: false)
        return [
            Case(name: "429 with Retry-After", on: fault(Fault(match: peerings, kind: .status, status: 429, retryAfter: "1")), message: "throttl"),
            Case(name: "429 beyond the cap", on: fault(Fault(match: peerings, kind: .status, status: 429, retryAfter: "3600")), message: "3600 s"),
            Case(name: "500", on: fault(Fault(match: peerings, kind: .status, status: 500, retryAfterMs: 10)), message: "ARM failed to answer"),
            Case(name: "503", on: fault(Fault(match: peerings, kind: .status, status: 503, retryAfterMs: 10)), message: "ARM failed to answer"),
            Case(name: "slower than the timeout", on: fault(Fault(match: peerings, kind: .delay, delayMs: 3000)), message: "timed out"),
            Case(name: "malformed JSON", on: fault(Fault(match: peerings, kind: .malformed)), message: "is not a valid list"),
            Case(name: "body cut short", on: fault(Fault(match: peerings, kind: .truncated, retryAfterMs: 10)), message: "vnet1"),
            Case(name: "dropped connection", on: fault(Fault(match: peerings, kind: .drop)), message: "vnet1"),
            Case(name: "401 expired token", on: fault(Fault(match: peerings, kind: .status, status: 401)), message: "rejected the credential"),
            Case(name: "403", on: fault(Fault(match: peerings, kind: .status, status: 403)), message: "has no read access"),
            Case(name: "404 resource group", on: group.on, off: group.off, message: "resource group peerTest not found"),
            Case(name: "404 VNet", on: vnet.on, off: vnet.off, message: "virtual network vnet1"),
            Case(
                name: "nextLink to another host", on: { $0.settings = EmulatorSettings(pageSize: 1, nextLinkBase: foreign) },
                off: { $0.settings = EmulatorSettings() }, message: "refusing to send the token"),
            Case(
                name: "looping nextLink", on: { $0.settings = EmulatorSettings(pageSize: 1, loopNextLink: true) },
                off: { $0.settings = EmulatorSettings() }, message: "repeats a page"),
        ]
    }

    @Test func everyFaultIsNamedKeepsTheDataAndClears() async throws {
        let foreign = try await EmulatorServer.start(store: try WorldStore.demo())
        let store = try WorldStore.demo()
        let server = try await EmulatorServer.start(store: store)
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(
            "PEERSCOPE_ACCESS_TOKEN=secret-matrix-token \(BinaryRunner.path) --endpoint \(server.url) --subscription \(Self.subscription) -g peerTest --vnet-name vnet1 --refresh 2 --timeout 1; echo EXIT=$?; sleep 60",
            width: 120, height: 35)
        _ = try await tmux.wait("the first frame") { $0.contains("2 peerings") && $0.contains("vnet3") }
        let pid = try tmux.panePID()

        for c in Self.cases(foreign: foreign.url) {
            try c.on(store)
            try tmux.keys("r")
            let failing = try await tmux.wait("\(c.name): the status line to name it", timeout: 30) { screen in
                statusLine(screen).hasPrefix(" ! ") && statusLine(screen).contains(c.message)
            }
            // The last good data stays: both peerings and their detail, with the time of the last good refresh.
            #expect(failing.contains("2 peerings") && failing.contains("vnet2") && failing.contains("vnet3"), "\(c.name): data lost:\n\(failing)")
            #expect(failing.contains("updated "), "\(c.name)")
            #expect(Foundation.kill(pid, 0) == 0 && !isZombie(pid), "\(c.name): the browser died")
            #expect(!failing.contains("secret-matrix-token"))
            try c.off(store)
            try tmux.keys("r")
            let cleared = try await tmux.wait("\(c.name): recovery", timeout: 30) { screen in
                !statusLine(screen).hasPrefix(" ! ") && screen.contains("2 peerings") && !screen.contains("STALE")
            }
            #expect(cleared.contains("vnet3"), "\(c.name)")
        }
        #expect(foreign.store.requests.isEmpty, "a request reached the host a nextLink named")
        try tmux.keys("q")
        _ = try await tmux.wait("exit") { $0.contains("EXIT=0") }
        await server.stop()
        await foreign.stop()
    }

    @Test func unknownNullHostileAndHugeDataIsShownSafelyInsideTheFrame() async throws {
        var world = try SampleWorld.world()
        var peerings = world.subscriptions[0].resourceGroups[0].virtualNetworks[0].properties?.virtualNetworkPeerings ?? []
        peerings[0].name = "\u{1B}]2;pwned\u{07}\u{1B}[2J" + String(repeating: "名🙂", count: 5000) + "\u{202E}evil\u{0}"
        peerings[0].properties?.peeringState = PeeringState(rawValue: "Reconnecting")
        peerings[0].properties?.remoteAddressSpace = nil
        peerings[0].properties?.remoteBgpCommunities = nil
        peerings[1].properties = nil
        // About 10 MB: many peerings with long prefix lists.
        let prefixes = (0..<250).map { "10.\($0 / 256).\($0 % 256).0/24" }
        for i in 0..<300 {
            peerings.append(VirtualNetworkPeering(
                id: "/subscriptions/\(Self.subscription)/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/bulk-\(String(format: "%03d", i))",
                name: "bulk-\(String(format: "%03d", i))",
                properties: VirtualNetworkPeeringProperties(
                    localSubnetNames: (0..<200).map { "subnet-with-a-long-name-\($0)" }, peeringState: .connected,
                    remoteAddressSpace: AddressSpace(addressPrefixes: prefixes), remoteVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: prefixes))))
        }
        world.subscriptions[0].resourceGroups[0].virtualNetworks[0].properties?.virtualNetworkPeerings = peerings
        let server = try await EmulatorServer.start(store: WorldStore(world: world))
        let tmux = Tmux()
        defer { tmux.kill() }
        try tmux.start(
            "PEERSCOPE_ACCESS_TOKEN=t \(BinaryRunner.path) --endpoint \(server.url) --subscription \(Self.subscription) -g peerTest --vnet-name vnet1 --refresh 2; echo EXIT=$?; sleep 60",
            width: 100, height: 30)
        var screen = try await tmux.wait("302 peerings") { $0.contains("302 peerings") }
        // Each key's effect is waited for: the selection's place in the header, then the detail taking the keyboard.
        for (key, shows) in [("End", "302/302"), ("Home", "1/302"), ("Down", "2/302"), ("Up", "1/302")] {
            try tmux.keys(key)
            screen = try await tmux.wait("after \(key)") { $0.contains("302 peerings") && $0.contains(shows) }
        }
        try tmux.keys("Tab")
        screen = try await tmux.wait("the detail alone") { $0.contains("Overview") && !$0.contains("REMOTE VNET") }
        #expect(screen.contains("Reconnecting"))
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count <= 31)
        for line in lines { #expect(displayWidth(line) <= 100, "a line wider than the terminal: \(line.prefix(40))…") }
        let title = try tmux.run(["display-message", "-t", "t", "-p", "#{pane_title}"])
        #expect(!title.contains("pwned"), "an escape sequence from a peering's name reached the terminal")

        // JSON nulls where objects and arrays belong, unknown members and enum values: shown as absent or as sent.
        server.store.addFault(Fault(match: "virtualNetworkPeerings", kind: .body, body: FaultMatrixTests.nullsBody))
        try tmux.keys("r")
        screen = try await tmux.wait("the peerings with nulls") { $0.contains("2 peerings") && $0.contains("Reconnecting") }
        #expect(statusLine(screen).contains("↑↓ move"), "an error instead of the data: \(statusLine(screen))")
        try tmux.keys("Left", "Home")
        screen = try await tmux.wait("the detail of 'empty'") { $0.contains("> empty") || $0.contains(">!empty") }
        try tmux.keys("Down")
        screen = try await tmux.wait("the detail of 'nulls'") { $0.contains("SomethingNew") }
        #expect(screen.contains("(absent)"))
        try tmux.keys("q")
        _ = try await tmux.wait("exit") { $0.contains("EXIT=0") }
        await server.stop()
    }
}

/// The browser's status line as captured: from the last line that starts with " ! " (an error wraps onto
/// up to three lines) or else the last non-empty line, to the bottom, joined.
func statusLine(_ screen: String) -> String {
    let lines = screen.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    let tail = lines.suffix(3)
    if let start = tail.lastIndex(where: { $0.hasPrefix(" ! ") }) {
        return lines[start...].map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ").replacingOccurrences(of: "! ", with: " ! ", options: .anchored)
    }
    return String(lines.last ?? "")
}

/// Terminal columns a captured line takes (East Asian wide and emoji count two).
func displayWidth(_ line: Substring) -> Int {
    line.unicodeScalars.reduce(0) { sum, scalar in
        let v = scalar.value
        let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
            || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
            || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
        return sum + (wide ? 2 : 1)
    }
}
