import ARMEmulator
import ARMModels
import Foundation
import Testing

@Suite struct ListCommandTests {
    let sample = ["--subscription", "00000000-0000-0000-0000-000000000000", "-g", "peerTest", "--vnet-name", "vnet1"]

    func sampleValue() throws -> NSArray {
        let url = try #require(Bundle.module.url(forResource: "list-peerings", withExtension: "json", subdirectory: "Fixtures"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? NSDictionary)
        return try #require(object["value"] as? NSArray)
    }

    @Test func jsonEqualsTheOfficialSample() async throws {
        let output = try await BinaryRunner.runAsync(["list", "--demo"] + sample + ["-o", "json"])
        #expect(output.status == 0, "\(output.stderr)")
        let printed = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? NSArray
        #expect(printed == (try sampleValue()))
    }

    /// What JSONEncoder writes for `peerings` as `list -o json` formats it, with the final newline.
    func encodedAsOneArray(_ peerings: [VirtualNetworkPeering]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(peerings), as: UTF8.self) + "\n"
    }

    /// `-o json` is written a peering at a time, page by page: the bytes must be JSONEncoder's for the whole array.
    @Test func jsonWrittenPageByPageIsJSONEncodersOutputByteForByte() async throws {
        let store = try WorldStore.demo()
        store.settings = EmulatorSettings(pageSize: 3)
        let server = try await EmulatorServer.start(store: store)
        let hub = ["--subscription", DemoWorld.connectivitySubscription, "-g", DemoWorld.hubGroup, "--vnet-name", DemoWorld.hubName]
        let output = try await BinaryRunner.runAsync(
            ["list", "--endpoint", server.url, "-o", "json"] + hub, environment: ["PEERSCOPE_ACCESS_TOKEN": "json-writer-token"])
        #expect(output.status == 0, "\(output.stderr)")
        let peerings = try JSONDecoder().decode([VirtualNetworkPeering].self, from: Data(output.stdout.utf8))
        #expect(peerings.count > 6, "several pages of three")
        #expect(output.stdout == (try encodedAsOneArray(peerings)))

        // Hostile strings (newlines, quotes, escapes, slashes, emoji, CJK) inside values, and an empty list.
        let hostile = #"{"value": [{"name": "a\nb\"c\\d/e\u001b[31m 😀 東京", "etag": "W/\"1\"", "properties": {"localSubnetNames": [], "remoteSubnetNames": ["x\ty"]}}]}"#
        // 300 peerings, about 165 KB written (two full 64 KB chunks and a part): the chunks must join seamlessly.
        let many = (0..<300).map { i in
            #"{"name": "p-\#(i)", "id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v/virtualNetworkPeerings/p-\#(i)", "properties": {"peeringState": "Connected", "remoteAddressSpace": {"addressPrefixes": ["10.\#(i / 256).\#(i % 256).0/24", "fd00::/64"]}, "remoteSubnetNames": ["a", "b"], "remoteVirtualNetwork": {"id": "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/spoke-\#(i)"}}}"#
        }
        let large = #"{"value": ["# + many.joined(separator: ",") + "]}"
        for body in [hostile, #"{"value": []}"#, large] {
            store.addFault(Fault(kind: .body, count: 1, body: body))
            let one = try await BinaryRunner.runAsync(
                ["list", "--endpoint", server.url, "-o", "json"] + hub, environment: ["PEERSCOPE_ACCESS_TOKEN": "json-writer-token"])
            #expect(one.status == 0, "\(one.stderr)")
            let read = try PeeringListReader.page(Data(body.utf8)).value
            #expect(one.stdout == (try encodedAsOneArray(read)), "\(one.stdout.prefix(2000))")
        }
        await server.stop()
    }

    @Test func tableAndTSVAreReadable() async throws {
        let table = try await BinaryRunner.runAsync(["list", "--demo"] + sample + ["-o", "table"])
        #expect(table.status == 0)
        let lines = table.stdout.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("Name  PeeringState  PeeringSyncLevel  RemoteVirtualNetwork"))
        #expect(lines[2].contains("Initiated") && lines[2].contains("vnet2") && lines[2].contains("12.0.0.0/8"))
        let tsv = try await BinaryRunner.runAsync(["list", "--demo"] + sample + ["-o", "tsv"])
        let rows = tsv.stdout.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(rows.count == 2)
        #expect(rows[1][0] == "peer" && rows[1][1] == "Initiated" && rows[1][3] == "vnet3")
        let jsonc = try await BinaryRunner.runAsync(["list", "--demo"] + sample + ["-o", "jsonc"])
        #expect(jsonc.stdout.contains("\u{1B}[94m\"peeringState\"\u{1B}[0m"))
    }

    @Test func subscriptionByNameOrFromTheEnvironment() async throws {
        let byName = try await BinaryRunner.runAsync(["list", "--demo", "--subscription", "Sample subscription (official examples)", "-g", "peerTest", "--vnet-name", "vnet1", "-o", "tsv"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout.split(separator: "\n").count == 2)
        let fromEnvironment = try await BinaryRunner.runAsync(
            ["list", "--demo", "-g", "peerTest", "--vnet-name", "vnet1", "-o", "tsv"], environment: ["AZURE_SUBSCRIPTION_ID": "00000000-0000-0000-0000-000000000000"])
        #expect(fromEnvironment.status == 0, "\(fromEnvironment.stderr)")
        #expect(fromEnvironment.stdout.split(separator: "\n").count == 2)
    }

    @Test func idsSelectsTheSameVNet() async throws {
        let id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks/vnet1/virtualNetworkPeerings/peer"
        let output = try await BinaryRunner.runAsync(["list", "--demo", "--ids", id, "-o", "tsv"])
        #expect(output.status == 0)
        #expect(output.stdout.split(separator: "\n").count == 2)
    }

    @Test(arguments: [
        (["list", "--demo", "--subscription", "nope", "-g", "peerTest", "--vnet-name", "vnet1"], "--subscription 'nope' is neither a subscription id nor the name"),
        (["list", "--demo", "--subscription", "00000000-0000-0000-0000-00000000000x", "-g", "peerTest", "--vnet-name", "vnet1"], "--subscription must be a UUID"),
        (["list", "--demo", "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "missing", "--vnet-name", "vnet1"], "resource group missing not found"),
        (["list", "--demo", "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "peerTest"], "--vnet-name"),
        (["list", "--endpoint", "http://10.1.2.3", "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "a", "--vnet-name", "b"], "plain http is allowed only to loopback"),
        (["list", "--demo", "--ids", "/subscriptions/x"], "--ids: subscription id 'x'"),
    ])
    func failuresExitNonZeroWithOneLine(arguments: [String], expected: String) async throws {
        let output = try await BinaryRunner.runAsync(arguments)
        #expect(output.status == 1)
        #expect(output.stderr.contains(expected), "\(output.stderr)")
        #expect(output.stderr.split(separator: "\n").count == 1)
        #expect(output.stdout.isEmpty)
    }

    @Test func unreachableEndpointFailsCleanly() async throws {
        let output = try await BinaryRunner.runAsync(
            ["list", "--endpoint", "http://127.0.0.1:9", "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "a", "--vnet-name", "b"],
            environment: ["PEERSCOPE_ACCESS_TOKEN": "secret-token-value"])
        #expect(output.status == 1)
        #expect(output.stderr.contains("could not reach ARM at http://127.0.0.1:9"), "\(output.stderr)")
        #expect(!output.stderr.contains("secret-token-value"))
    }

    @Test func browserRefusesWithoutATerminal() async throws {
        let output = try await BinaryRunner.runAsync(["--demo"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("peerscope list"))
    }
}

@Suite struct EmulatorCommandTests {
    @Test func firstLineSaysWhereItListens() async throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.path)
        process.arguments = ["emulator", "--page-size", "1"]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer {
            process.terminate()
            process.waitUntilExit()
        }
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            var byte: UInt8 = 0
            let n = read(out.fileHandleForReading.fileDescriptor, &byte, 1)
            if n < 0, errno == EINTR { continue }
            if n <= 0 { break }
            line.append(byte)
        }
        let text = String(decoding: line, as: UTF8.self)
        #expect(text.hasPrefix("listening on http://127.0.0.1:"))
        let url = text.dropFirst("listening on ".count).trimmingCharacters(in: .whitespacesAndNewlines)
        let output = try await BinaryRunner.runAsync(
            ["list", "--endpoint", url, "--subscription", "00000000-0000-0000-0000-000000000000", "-g", "peerTest", "--vnet-name", "vnet1", "-o", "tsv"],
            environment: ["PEERSCOPE_ACCESS_TOKEN": "t"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.split(separator: "\n").count == 2)
    }
}
