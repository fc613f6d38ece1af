import ARMModels
import ArgumentParser
import FoundationEssentials
import PeeringBrowser



/// The output formats of `peerscope list`, as in the Azure CLI.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonc, table, tsv
}

/// Renders peerings for `peerscope list`.
enum ListFormatter {
    static let columns = [
        "Name", "PeeringState", "PeeringSyncLevel", "RemoteVirtualNetwork", "RemoteAddressPrefixes", "AllowVirtualNetworkAccess",
        "AllowForwardedTraffic", "AllowGatewayTransit", "UseRemoteGateways", "ProvisioningState", "ResourceGroup",
    ]

    static func format(_ peerings: [VirtualNetworkPeering], as format: OutputFormat, resourceGroup: String) throws -> String {
        switch format {
        case .json:
            return try json(peerings) + "\n"
        case .jsonc:
            return JSONColorizer.colorize(try json(peerings)) + "\n"
        case .table:
            let rows = peerings.map { row($0, resourceGroup: resourceGroup) }
            // Cells wider than this are cut with an ellipsis, so one hostile name can't make every line huge.
            let widest = 80
            var widths = columns.map(DisplayText.width)
            for row in rows { for (i, cell) in row.enumerated() { widths[i] = min(widest, max(widths[i], DisplayText.width(cell))) } }
            func line(_ cells: [String]) -> String {
                var text = cells.enumerated().map { DisplayText.pad($1, to: widths[$0]) }.joined(separator: "  ")
                while text.last == " " { text.removeLast() }
                return text
            }
            var lines = [line(columns), widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ")]
            lines += rows.map(line)
            return lines.joined(separator: "\n") + "\n"
        case .tsv:
            return peerings.map { row($0, resourceGroup: resourceGroup).map { $0.replacing("\t", with: " ") }.joined(separator: "\t") + "\n" }
                .joined()
        }
    }

    static func json(_ peerings: [VirtualNetworkPeering]) throws -> String {
        var writer = JSONListWriter()
        for peering in peerings { try writer.append(peering) }
        var bytes = Array(writer.finish().joined())
        bytes.removeLast()
        return String(decoding: bytes, as: UTF8.self)
    }

    /// One peering's cells, each sanitized.
    static func row(_ peering: VirtualNetworkPeering, resourceGroup: String) -> [String] {
        let p = peering.properties
        func flag(_ value: Bool?) -> String { value.map { $0 ? "True" : "False" } ?? "" }
        let remote = p?.remoteVirtualNetwork?.id.flatMap { try? ResourceID(parsing: $0) }?.virtualNetworkName ?? p?.remoteVirtualNetwork?.id ?? ""
        let cells = [
            peering.name ?? "", p?.peeringState?.rawValue ?? "", p?.peeringSyncLevel?.rawValue ?? "", remote,
            (p?.remoteAddressSpace?.addressPrefixes ?? []).joined(separator: ","),
            flag(p?.allowVirtualNetworkAccess), flag(p?.allowForwardedTraffic), flag(p?.allowGatewayTransit), flag(p?.useRemoteGateways),
            p?.provisioningState?.rawValue ?? "", resourceGroup,
        ]
        return cells.map(DisplayText.sanitize)
    }
}

/// Colours pretty-printed JSON the way `az -o jsonc` does: keys, strings, numbers and literals.
enum JSONColorizer {
    static func colorize(_ json: String) -> String {
        var out = ""
        var chars = Array(json)
        var i = 0
        let key = "\u{1B}[94m", string = "\u{1B}[32m", literal = "\u{1B}[95m", reset = "\u{1B}[0m"
        while i < chars.count {
            let c = chars[i]
            if c == "\"" {
                var j = i + 1
                while j < chars.count, chars[j] != "\"" { j += chars[j] == "\\" ? 2 : 1 }
                let token = String(chars[i...min(j, chars.count - 1)])
                var k = j + 1
                while k < chars.count, chars[k] == " " { k += 1 }
                let isKey = k < chars.count && chars[k] == ":"
                out += (isKey ? key : string) + token + reset
                i = j + 1
            } else if c.isNumber || c == "-" || c == "t" || c == "f" || c == "n" {
                var j = i
                while j < chars.count, !",]}\n ".contains(chars[j]) { j += 1 }
                out += literal + String(chars[i..<j]) + reset
                i = j
            } else {
                out.append(c)
                i += 1
            }
        }
        chars.removeAll()
        return out
    }
}
