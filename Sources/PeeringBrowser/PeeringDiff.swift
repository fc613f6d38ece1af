import ARMModels
import FoundationEssentials

/// Compares two refreshes of the same peering: which fields changed, and which transitions to log.
public enum PeeringDiff {
    /// Names of the properties that differ between `old` and `new`.
    public static func changedFields(_ old: VirtualNetworkPeering, _ new: VirtualNetworkPeering) -> Set<String> {
        var fields: Set<String> = []
        let a = old.properties ?? VirtualNetworkPeeringProperties(), b = new.properties ?? VirtualNetworkPeeringProperties()
        func check<T: Equatable>(_ name: String, _ x: T, _ y: T) { if x != y { fields.insert(name) } }
        check("peeringState", a.peeringState, b.peeringState)
        check("peeringSyncLevel", a.peeringSyncLevel, b.peeringSyncLevel)
        check("provisioningState", a.provisioningState, b.provisioningState)
        check("remoteVirtualNetwork", a.remoteVirtualNetwork, b.remoteVirtualNetwork)
        check("remoteAddressSpace", a.remoteAddressSpace, b.remoteAddressSpace)
        check("remoteAddressSpace", a.remoteVirtualNetworkAddressSpace, b.remoteVirtualNetworkAddressSpace)
        check("localAddressSpace", a.localAddressSpace, b.localAddressSpace)
        check("localAddressSpace", a.localVirtualNetworkAddressSpace, b.localVirtualNetworkAddressSpace)
        check("remoteBgpCommunities", a.remoteBgpCommunities, b.remoteBgpCommunities)
        check("remoteVirtualNetworkEncryption", a.remoteVirtualNetworkEncryption, b.remoteVirtualNetworkEncryption)
        check("allowVirtualNetworkAccess", a.allowVirtualNetworkAccess, b.allowVirtualNetworkAccess)
        check("allowForwardedTraffic", a.allowForwardedTraffic, b.allowForwardedTraffic)
        check("allowGatewayTransit", a.allowGatewayTransit, b.allowGatewayTransit)
        check("useRemoteGateways", a.useRemoteGateways, b.useRemoteGateways)
        check("doNotVerifyRemoteGateways", a.doNotVerifyRemoteGateways, b.doNotVerifyRemoteGateways)
        check("peerCompleteVnets", a.peerCompleteVnets, b.peerCompleteVnets)
        check("enableOnlyIPv6Peering", a.enableOnlyIPv6Peering, b.enableOnlyIPv6Peering)
        check("localSubnetNames", a.localSubnetNames, b.localSubnetNames)
        check("remoteSubnetNames", a.remoteSubnetNames, b.remoteSubnetNames)
        check("resourceGuid", a.resourceGuid, b.resourceGuid)
        return fields
    }

    /// The state and sync-level transitions from `old` to `new`, as events at `time`.
    public static func events(_ old: VirtualNetworkPeering?, _ new: VirtualNetworkPeering?, at time: Date) -> [PeeringEvent] {
        let name = DisplayText.sanitize(new?.name ?? old?.name ?? "?")
        func value(_ s: String?) -> String { s.map(DisplayText.sanitize) ?? "—" }
        guard let new else { return [PeeringEvent(time: time, peering: name, field: "peering", from: "present", to: "removed")] }
        guard let old else {
            return [PeeringEvent(time: time, peering: name, field: "peering", from: "absent", to: value(new.properties?.peeringState?.rawValue))]
        }
        var events: [PeeringEvent] = []
        let (a, b) = (old.properties, new.properties)
        if a?.peeringState != b?.peeringState {
            events.append(PeeringEvent(time: time, peering: name, field: "state", from: value(a?.peeringState?.rawValue), to: value(b?.peeringState?.rawValue)))
        }
        if a?.peeringSyncLevel != b?.peeringSyncLevel {
            events.append(PeeringEvent(time: time, peering: name, field: "sync", from: value(a?.peeringSyncLevel?.rawValue), to: value(b?.peeringSyncLevel?.rawValue)))
        }
        return events
    }
}
