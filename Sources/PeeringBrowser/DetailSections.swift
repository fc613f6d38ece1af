import ARMModels

/// The meaning of a piece of text, which a front end turns into colour or attributes.
public enum TextStyle: Sendable, Equatable {
    case normal, dim, ok, warning, error, title, highlight
}

/// One label/value line of the detail pane.
public struct DetailLine: Sendable, Equatable {
    public var label: String
    public var value: String
    public var style: TextStyle
    public var field: String?
    /// Long values (findings) wrap instead of being cut.
    public var wraps: Bool
    public init(_ label: String, _ value: String, _ style: TextStyle = .normal, field: String? = nil, wraps: Bool = false) {
        self.label = label
        self.value = value
        self.style = style
        self.field = field
        self.wraps = wraps
    }
}

/// A titled group of detail lines.
public struct DetailSection: Sendable, Equatable {
    public var title: String
    public var lines: [DetailLine]
}

/// Builds the detail pane's sections for a peering; a field ARM left out shows as "(absent)", never as false.
public enum DetailBuilder {
    static let absent = "(absent)"

    public static func sections(for peering: VirtualNetworkPeering, localSubscription: String? = nil) -> [DetailSection] {
        let p = peering.properties
        func text(_ value: String?) -> String { value.map(DisplayText.sanitize) ?? absent }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? absent }
        func prefixes(_ space: AddressSpace?) -> String {
            guard let list = space?.addressPrefixes else { return absent }
            return list.isEmpty ? "(none)" : DisplayText.sanitize(list.joined(separator: ", "))
        }
        let stateStyle: TextStyle
        switch PeeringRow(peering).stateKind {
        case .connected: stateStyle = .ok
        case .initiated: stateStyle = .warning
        case .disconnected: stateStyle = .error
        case .other: stateStyle = .normal
        }
        let inSync = p?.peeringSyncLevel.map { $0.matches(.fullyInSync) } ?? true
        let remoteID = p?.remoteVirtualNetwork?.id
        let parsedRemote = remoteID.flatMap { try? ResourceID(parsing: $0) }
        var remoteName = parsedRemote?.virtualNetworkName
        if let parsedRemote, let name = remoteName {
            remoteName = name + " (group \(parsedRemote.resourceGroup ?? "?")"
                + (localSubscription.map { $0.lowercased() != parsedRemote.subscriptionId.lowercased() } == true ? ", subscription \(parsedRemote.subscriptionId))" : ")")
        }
        let overview = DetailSection(title: "Overview", lines: [
            DetailLine("State", text(p?.peeringState?.rawValue), stateStyle, field: "peeringState"),
            DetailLine("Sync level", text(p?.peeringSyncLevel?.rawValue) + (inSync ? "" : "  ! address spaces differ"), inSync ? .normal : .warning, field: "peeringSyncLevel"),
            DetailLine("Remote VNet", text(remoteName ?? remoteID), field: "remoteVirtualNetwork"),
            DetailLine("Provisioning", text(p?.provisioningState?.rawValue), p?.provisioningState.map { $0.matches(.succeeded) } == false ? .warning : .normal, field: "provisioningState"),
        ])
        func pair(_ side: String, _ peered: AddressSpace?, _ current: AddressSpace?, field: String) -> [DetailLine] {
            let differs = current != nil && peered?.addressPrefixes != current?.addressPrefixes
            return [
                DetailLine("\(side) peered", prefixes(peered), differs ? .warning : .normal, field: field),
                DetailLine("\(side) current", prefixes(current) + (differs ? "  ≠ peered" : ""), differs ? .warning : .normal, field: field),
            ]
        }
        var spaces = DetailSection(
            title: "Address spaces",
            lines: pair("Remote", p?.remoteAddressSpace, p?.remoteVirtualNetworkAddressSpace, field: "remoteAddressSpace")
                + pair("Local", p?.localAddressSpace, p?.localVirtualNetworkAddressSpace, field: "localAddressSpace"))
        for space in [p?.remoteAddressSpace, p?.localAddressSpace] {
            for allocation in space?.ipamPoolPrefixAllocations ?? [] {
                let pool = allocation.pool?.id.flatMap { $0.split(separator: "/").last.map(String.init) } ?? absent
                spaces.lines.append(DetailLine("IPAM pool", "\(DisplayText.sanitize(pool)): \(text(allocation.allocatedAddressPrefixes?.joined(separator: ", "))) (\(text(allocation.numberOfIpAddresses)) IPs)"))
            }
        }
        let bgp = DetailSection(title: "BGP communities", lines: [
            DetailLine("VNet community", text(p?.remoteBgpCommunities?.virtualNetworkCommunity), field: "remoteBgpCommunities"),
            DetailLine("Regional", text(p?.remoteBgpCommunities?.regionalCommunity)),
        ])
        let encryption = DetailSection(title: "Encryption (remote VNet)", lines: [
            DetailLine("Enabled", flag(p?.remoteVirtualNetworkEncryption?.enabled), field: "remoteVirtualNetworkEncryption"),
            DetailLine("Enforcement", text(p?.remoteVirtualNetworkEncryption?.enforcement?.rawValue)),
        ])
        let traffic = DetailSection(title: "Traffic", lines: [
            DetailLine("VNet access", flag(p?.allowVirtualNetworkAccess), field: "allowVirtualNetworkAccess"),
            DetailLine("Forwarded traffic", flag(p?.allowForwardedTraffic), field: "allowForwardedTraffic"),
            DetailLine("Gateway transit", flag(p?.allowGatewayTransit), field: "allowGatewayTransit"),
            DetailLine("Use remote gateways", flag(p?.useRemoteGateways), field: "useRemoteGateways"),
            DetailLine("Skip remote GW check", flag(p?.doNotVerifyRemoteGateways), field: "doNotVerifyRemoteGateways"),
        ])
        let subnets = DetailSection(title: "Subnet peering", lines: [
            DetailLine("Complete VNets", flag(p?.peerCompleteVnets), field: "peerCompleteVnets"),
            DetailLine("IPv6 only", flag(p?.enableOnlyIPv6Peering), field: "enableOnlyIPv6Peering"),
            DetailLine("Local subnets", text(p?.localSubnetNames?.joined(separator: ", ")), field: "localSubnetNames"),
            DetailLine("Remote subnets", text(p?.remoteSubnetNames?.joined(separator: ", ")), field: "remoteSubnetNames"),
        ])
        let identity = DetailSection(title: "Identity", lines: [
            DetailLine("Name", text(peering.name)),
            DetailLine("Remote VNet id", text(remoteID)),
            DetailLine("Resource GUID", text(p?.resourceGuid), field: "resourceGuid"),
            DetailLine("Etag", text(peering.etag), .dim, field: "etag"),
            DetailLine("Id", text(peering.id), .dim),
        ])
        return [overview, spaces, bgp, encryption, traffic, subnets, identity]
    }

    /// The findings, most severe first, each a wrapped line.
    public static func findingsSection(_ findings: [Finding], remote: RemoteSide) -> DetailSection {
        if findings.isEmpty {
            let text: String
            switch remote {
            case .unknown: text = "reading the remote side…"
            case .failed(let why): text = "remote side not read: \(why)"
            default: text = "none: both sides agree"
            }
            return DetailSection(title: "Findings", lines: [DetailLine("", text, remote == .unknown ? .dim : .ok, wraps: true)])
        }
        let order: [Finding.Severity] = [.error, .warning, .info]
        let sorted = findings.sorted { order.firstIndex(of: $0.severity) ?? 0 < order.firstIndex(of: $1.severity) ?? 0 }
        return DetailSection(title: "Findings (\(findings.count))", lines: sorted.map { finding in
            let style: TextStyle = finding.severity == .error ? .error : finding.severity == .warning ? .warning : .dim
            let mark = finding.severity == .error ? "✗ " : finding.severity == .warning ? "! " : "i "
            return DetailLine("", mark + finding.explanation, style, field: "finding", wraps: true)
        })
    }

    /// This side and the remote side's peering, line by line.
    public static func bothSidesSection(local: VirtualNetworkPeering, remote: RemoteSide) -> DetailSection {
        let back: VirtualNetworkPeering?
        let status: String
        switch remote {
        case .loaded(_, let reciprocal):
            back = reciprocal
            status = reciprocal == nil ? "(no peering back)" : DisplayText.sanitize(reciprocal?.name ?? "?")
        case .noAccess: back = nil; status = "(no access)"
        case .notFound: back = nil; status = "(remote VNet gone)"
        case .unknown: back = nil; status = "(reading…)"
        case .failed: back = nil; status = "(not read)"
        }
        func flag(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "—" }
        func row(_ label: String, _ here: String, _ there: String, compare: Bool = true) -> DetailLine {
            let differs = compare && back != nil && here != there
            return DetailLine(label, DisplayText.pad(here, to: 16) + " " + there, differs ? .warning : .normal)
        }
        let a = local.properties, b = back?.properties
        let hereName = DisplayText.sanitize(local.name ?? "?")
        var lines = [DetailLine("Peering", DisplayText.pad(hereName, to: 16) + " " + status, .dim)]
        lines.append(row("State", a?.peeringState?.rawValue ?? "—", b?.peeringState?.rawValue ?? "—"))
        lines.append(row("Sync level", a?.peeringSyncLevel?.rawValue ?? "—", b?.peeringSyncLevel?.rawValue ?? "—"))
        lines.append(row("VNet access", flag(a?.allowVirtualNetworkAccess), flag(b?.allowVirtualNetworkAccess)))
        lines.append(row("Forwarded traffic", flag(a?.allowForwardedTraffic), flag(b?.allowForwardedTraffic)))
        // Gateway flags are meant to differ (one side offers transit, the other uses it): the findings judge them.
        lines.append(row("Gateway transit", flag(a?.allowGatewayTransit), flag(b?.allowGatewayTransit), compare: false))
        lines.append(row("Use remote GWs", flag(a?.useRemoteGateways), flag(b?.useRemoteGateways), compare: false))
        return DetailSection(title: "Both sides (this | remote)", lines: lines)
    }
}
