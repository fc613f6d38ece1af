import ARMModels

/// One line of the peerings list, as display strings (already sanitized).
public struct PeeringRow: Sendable, Equatable {
    public var id: String
    public var name: String
    public var state: String
    public var syncLevel: String
    public var remote: String
    public var remotePrefixes: String
    /// A = VNet access, F = forwarded traffic, G = gateway transit, R = remote gateways; '-' off, '?' absent.
    public var flags: String
    public var stateKind: StateKind
    public var inSync: Bool
    /// Lowercased text the filter searches, computed once.
    let searchText: String
    private let nameKey: String

    /// How a peering state should look.
    public enum StateKind: Sendable, Equatable { case connected, initiated, disconnected, other }

    public init(_ peering: VirtualNetworkPeering, localSubscription: String? = nil) {
        let p = peering.properties
        id = DisplayText.sanitize(peering.id ?? "")
        name = DisplayText.sanitize(peering.name ?? "(no name)")
        state = DisplayText.sanitize(p?.peeringState?.rawValue ?? "—")
        syncLevel = DisplayText.sanitize(p?.peeringSyncLevel?.rawValue ?? "—")
        let remoteID = p?.remoteVirtualNetwork?.id.flatMap { try? ResourceID(parsing: $0) }
        var remoteName = remoteID?.virtualNetworkName ?? p?.remoteVirtualNetwork?.id ?? "—"
        if let remoteID, let localSubscription, remoteID.subscriptionId.lowercased() != localSubscription.lowercased() {
            remoteName += " @" + remoteID.subscriptionId.prefix(4)
        }
        remote = DisplayText.sanitize(remoteName)
        remotePrefixes = DisplayText.sanitize((p?.remoteAddressSpace?.addressPrefixes ?? []).joined(separator: ","))
        func flag(_ value: Bool?, _ letter: Character) -> Character { value.map { $0 ? letter : "-" } ?? "?" }
        flags = String([
            flag(p?.allowVirtualNetworkAccess, "A"), flag(p?.allowForwardedTraffic, "F"), flag(p?.allowGatewayTransit, "G"),
            flag(p?.useRemoteGateways, "R"),
        ])
        switch p?.peeringState {
        case let s? where s.matches(.connected): stateKind = .connected
        case let s? where s.matches(.initiated): stateKind = .initiated
        case let s? where s.matches(.disconnected): stateKind = .disconnected
        default: stateKind = .other
        }
        inSync = p?.peeringSyncLevel.map { $0.matches(.fullyInSync) } ?? true
        searchText = [name, state, syncLevel, remote, remotePrefixes].joined(separator: " ").lowercased()
        nameKey = name.lowercased()
    }

    func sortKey(_ column: SortColumn) -> String {
        switch column {
        case .name: return nameKey
        case .state: return state.lowercased() + " " + nameKey
        case .sync: return syncLevel.lowercased() + " " + nameKey
        case .remote: return remote.lowercased()
        }
    }
}
