import ARMEmulator
import ARMModels
import Foundation
import Testing

/// The fault matrix for `peerscope list`: each fault gives either the data (after retries) or exit 1 with one clear line.
@Suite struct FaultMatrixTests {
    struct Case: Sendable, CustomStringConvertible {
        var name: String
        var faults: [Fault]
        var settings: EmulatorSettings? = nil
        var args: [String] = ["-g", "peerTest", "--vnet-name", "vnet1"]
        var succeeds: Bool
        var message: String = ""
        /// Text the output must hold when the listing succeeds.
        var shows: String = "peer"
        var description: String { name }
    }

    /// Two peerings whose objects and arrays are JSON nulls, with members and enum values this build has never seen.
    static let nullsBody = #"""
        {"value": [
          {"name": "nulls", "id": "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/nulls",
           "etag": null, "futureMember": {"x": [1, 2.5, null]},
           "properties": {"peeringState": "Reconnecting", "peeringSyncLevel": "SomethingNew", "remoteAddressSpace": null, "remoteBgpCommunities": null,
                          "remoteVirtualNetwork": null, "localSubnetNames": null, "remoteVirtualNetworkEncryption": null, "allowGatewayTransit": null}},
          {"name": "empty", "properties": null}
        ], "nextLink": null}
        """#

    static let cases: [Case] = [
        Case(name: "429 with Retry-After", faults: [Fault(kind: .status, status: 429, count: 1, retryAfter: "1")], succeeds: true),
        Case(name: "429 beyond the cap", faults: [Fault(kind: .status, status: 429, count: 1, retryAfter: "3600")], succeeds: false, message: "try again in 3600 s"),
        Case(name: "500 persistently", faults: [Fault(kind: .status, status: 500)], succeeds: false, message: "ARM failed to answer"),
        Case(name: "503 once", faults: [Fault(kind: .status, status: 503, count: 1, retryAfterMs: 10)], succeeds: true),
        Case(name: "malformed JSON", faults: [Fault(kind: .malformed, count: 1)], succeeds: false, message: "is not a valid list"),
        Case(name: "body cut short once", faults: [Fault(kind: .truncated, count: 1)], succeeds: true),
        Case(name: "slower than the timeout", faults: [Fault(kind: .delay, delayMs: 3000)], args: ["-g", "peerTest", "--vnet-name", "vnet1", "--timeout", "0.5"],
             succeeds: false, message: "timed out waiting for an answer"),
        Case(name: "nulls where objects were expected", faults: [Fault(kind: .body, count: 1, body: nullsBody)], succeeds: true, shows: "Reconnecting"),
        Case(name: "dropped connection once", faults: [Fault(kind: .drop, count: 1)], succeeds: true),
        Case(name: "401 twice", faults: [Fault(kind: .status, status: 401, count: 2)], succeeds: false, message: "ARM rejected the credential"),
        Case(name: "403", faults: [Fault(kind: .status, status: 403, count: 1)], succeeds: false, message: "has no read access"),
        Case(name: "404 resource group", faults: [], args: ["-g", "nope", "--vnet-name", "vnet1"], succeeds: false, message: "resource group nope not found"),
        Case(name: "404 VNet", faults: [], args: ["-g", "peerTest", "--vnet-name", "nope"], succeeds: false, message: "virtual network nope"),
        Case(name: "looping nextLink", faults: [], settings: EmulatorSettings(pageSize: 1, loopNextLink: true),
             args: ["-g", "rg-connectivity", "--vnet-name", "vnet-hub-weu", "--subscription", DemoWorld.connectivitySubscription], succeeds: false,
             message: "repeats a page"),
    ]

    @Test(arguments: cases)
    func listUnderFault(_ c: Case) async throws {
        let store = try WorldStore.demo()
        if let settings = c.settings { store.settings = settings }
        for fault in c.faults { store.addFault(fault) }
        let server = try await EmulatorServer.start(store: store)
        var args = ["list", "--endpoint", server.url, "-o", "tsv"] + c.args
        if !args.contains("--subscription") { args += ["--subscription", "00000000-0000-0000-0000-000000000000"] }
        let output = try await BinaryRunner.runAsync(args, environment: ["PEERSCOPE_ACCESS_TOKEN": "secret-fault-token"])
        if c.succeeds {
            #expect(output.status == 0, "\(c.name): \(output.stderr)")
            #expect(output.stdout.split(separator: "\n").count == 2)
            #expect(output.stdout.contains(c.shows), "\(c.name): \(output.stdout)")
        } else {
            #expect(output.status == 1, "\(c.name)")
            #expect(output.stderr.split(separator: "\n").count == 1, "\(c.name): \(output.stderr)")
            #expect(output.stderr.contains(c.message), "\(c.name): \(output.stderr)")
        }
        #expect(!output.stderr.contains("secret-fault-token"))
        await server.stop()
    }

    @Test func foreignNextLinkSendsNoToken() async throws {
        let foreign = try await EmulatorServer.start(store: try WorldStore.demo())
        let store = try WorldStore.demo()
        store.settings = EmulatorSettings(pageSize: 1, nextLinkBase: foreign.url)
        let server = try await EmulatorServer.start(store: store)
        let output = try await BinaryRunner.runAsync(
            ["list", "--endpoint", server.url, "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "peerTest", "--vnet-name", "vnet1"],
            environment: ["PEERSCOPE_ACCESS_TOKEN": "t"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("refusing to send the token"))
        #expect(foreign.store.requests.isEmpty)
        await server.stop()
        await foreign.stop()
    }

    @Test func hostileUnknownAndHugeDataIsRenderedSafely() async throws {
        var world = try SampleWorld.world()
        let hostileName = "\u{1B}]0;pwned\u{07}" + String(repeating: "名🙂", count: 5000) + "\u{202E}evil"
        var peerings = world.subscriptions[0].resourceGroups[0].virtualNetworks[0].properties?.virtualNetworkPeerings ?? []
        peerings[0].name = hostileName
        peerings[0].properties?.peeringState = PeeringState(rawValue: "Reconnecting")
        peerings[0].properties?.remoteAddressSpace = nil
        // About 10 MB: many peerings with long prefix lists.
        let prefixes = (0..<250).map { "10.\($0 / 256).\($0 % 256).0/24" }
        for i in 0..<300 {
            peerings.append(VirtualNetworkPeering(
                id: "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/bulk-\(i)",
                name: "bulk-\(i)",
                properties: VirtualNetworkPeeringProperties(
                    localSubnetNames: (0..<200).map { "subnet-with-a-long-name-\($0)" }, peeringState: .connected,
                    remoteAddressSpace: AddressSpace(addressPrefixes: prefixes), remoteVirtualNetworkAddressSpace: AddressSpace(addressPrefixes: prefixes))))
        }
        world.subscriptions[0].resourceGroups[0].virtualNetworks[0].properties?.virtualNetworkPeerings = peerings
        let server = try await EmulatorServer.start(store: WorldStore(world: world))
        let output = try await BinaryRunner.runAsync(
            ["list", "--endpoint", server.url, "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "peerTest", "--vnet-name", "vnet1", "-o", "table"],
            environment: ["PEERSCOPE_ACCESS_TOKEN": "t"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(!output.stdout.contains("\u{1B}"))
        #expect(!output.stdout.contains("\u{202E}"))
        #expect(output.stdout.contains("Reconnecting"))
        #expect(output.stdout.split(separator: "\n").count == 2 + 302)
        await server.stop()
    }
}
