import ARMModels

/// What is known about the remote side of a peering.
public enum RemoteSide: Sendable, Equatable {
    /// Not fetched yet.
    case unknown
    /// The remote VNet, and its peering back to this VNet if there is one.
    case loaded(vnet: VirtualNetwork, reciprocal: VirtualNetworkPeering?)
    /// The identity cannot read the remote VNet's subscription or group.
    case noAccess
    /// The remote VNet does not exist (any more).
    case notFound
    /// Fetching it failed for another reason.
    case failed(String)
}

/// Something wrong (or worth knowing) about a peering pair, with its cause and what fixes it.
public struct Finding: Sendable, Equatable {
    public enum Severity: Sendable, Equatable { case error, warning, info }
    public enum Kind: String, Sendable, Equatable {
        case reciprocalMissing, remoteDeleted, notInSync, gatewayTransit, forwardedTrafficDiffers, accessDiffers
        case overlappingPrefixes, subnetListsDiffer, encryptionOneSided, noAccess
    }
    public var kind: Kind
    public var severity: Severity
    /// One line: what is wrong, why, and what fixes it.
    public var explanation: String
}

/// Finds what is wrong with a peering, from both of its sides.
public enum PeeringFindings {
    /// The findings for `local` (a peering of `localVNet`) given what is known of the remote side.
    public static func check(local: VirtualNetworkPeering, localVNet: VirtualNetwork?, remote: RemoteSide) -> [Finding] {
        var findings: [Finding] = []
        let p = local.properties
        // Parsed only when a finding names it: the list asks for every visible row's findings on every frame.
        var remoteNameCache: String?
        func remoteName() -> String {
            if let remoteNameCache { return remoteNameCache }
            let name = p?.remoteVirtualNetwork?.id.flatMap { try? ResourceID(parsing: $0) }?.virtualNetworkName ?? "the remote VNet"
            remoteNameCache = name
            return name
        }
        let localName = localVNet?.name ?? "this VNet"
        func add(_ kind: Finding.Kind, _ severity: Finding.Severity, _ text: String) {
            findings.append(Finding(kind: kind, severity: severity, explanation: DisplayText.sanitize(text)))
        }

        if p?.peeringState?.matches(.disconnected) == true {
            add(.remoteDeleted, .error, "Disconnected: the peering on \(remoteName()) was deleted. Delete this peering and create both sides again.")
        }
        if let level = p?.peeringSyncLevel, !level.matches(.fullyInSync) {
            var parts: [String] = []
            let remoteDiff = PrefixDiff(peered: p?.remoteAddressSpace, current: p?.remoteVirtualNetworkAddressSpace)
            let localDiff = PrefixDiff(peered: p?.localAddressSpace, current: p?.localVirtualNetworkAddressSpace)
            if !remoteDiff.isEmpty { parts.append("\(remoteName()) \(remoteDiff)") }
            if !localDiff.isEmpty { parts.append("\(localName) \(localDiff)") }
            let what = parts.isEmpty ? "an address space changed" : parts.joined(separator: "; ")
            add(.notInSync, .warning, "\(level.rawValue): \(what) since the peering was synced. Sync it (az network vnet peering sync) on both sides.")
        }

        switch remote {
        case .noAccess:
            add(.noAccess, .info, "No access to \(remoteName()): the signed-in identity cannot read it, so its side is not checked.")
        case .notFound:
            if p?.peeringState?.matches(.disconnected) != true {
                add(.remoteDeleted, .error, "\(remoteName()) no longer exists. Delete this peering.")
            }
        case .unknown, .failed:
            break
        case .loaded(let remoteVNet, let back):
            guard let back else {
                if p?.peeringState?.matches(.disconnected) != true {
                    add(.reciprocalMissing, .error, "\(remoteName()) has no peering back to \(localName): that is why the state is Initiated. Create the peering on \(remoteName()).")
                }
                break
            }
            let b = back.properties
            if p?.useRemoteGateways == true, b?.allowGatewayTransit != true {
                add(.gatewayTransit, .error, "This side uses remote gateways but \(remoteName())'s peering does not allow gateway transit. Enable allowGatewayTransit there.")
            }
            if b?.useRemoteGateways == true, p?.allowGatewayTransit != true {
                add(.gatewayTransit, .error, "\(remoteName()) uses remote gateways but this side does not allow gateway transit. Enable allowGatewayTransit here.")
            }
            if let a = p?.allowForwardedTraffic, let c = b?.allowForwardedTraffic, a != c {
                add(.forwardedTrafficDiffers, .warning, "Forwarded traffic is \(a ? "allowed" : "blocked") here but \(c ? "allowed" : "blocked") on \(remoteName()): traffic through an NVA works one way only.")
            }
            if let a = p?.allowVirtualNetworkAccess, let c = b?.allowVirtualNetworkAccess, a != c {
                add(.accessDiffers, .warning, "VNet access is \(a ? "allowed" : "blocked") here but \(c ? "allowed" : "blocked") on \(remoteName()): connections work one way only.")
            }
            let completeHere = p?.peerCompleteVnets ?? true, completeThere = b?.peerCompleteVnets ?? true
            if completeHere != completeThere
                || Set(p?.localSubnetNames ?? []) != Set(b?.remoteSubnetNames ?? [])
                || Set(p?.remoteSubnetNames ?? []) != Set(b?.localSubnetNames ?? [])
            {
                add(.subnetListsDiffer, .warning, "Subnet peering does not match: each side's local subnets must be the other's remote subnets. Align localSubnetNames and remoteSubnetNames.")
            }
            let overlaps = overlapping(localVNet?.properties?.addressSpace ?? p?.localVirtualNetworkAddressSpace, remoteVNet.properties?.addressSpace)
            if !overlaps.isEmpty {
                add(.overlappingPrefixes, .error, "Address spaces overlap: \(overlaps.joined(separator: ", ")). Overlapping VNets cannot route to each other; renumber one side.")
            }
            let here = localVNet?.properties?.encryption?.enabled ?? false, there = remoteVNet.properties?.encryption?.enabled ?? false
            if here != there {
                add(.encryptionOneSided, .warning, "Encryption is enabled on \(here ? localName : remoteName()) only: traffic across this peering is not encrypted. Enable VNet encryption on both.")
            }
        }
        return findings
    }

    /// Pairs of prefixes from the two spaces that overlap, as "a ∩ b".
    static func overlapping(_ a: AddressSpace?, _ b: AddressSpace?) -> [String] {
        var pairs: [String] = []
        for x in a?.addressPrefixes ?? [] {
            guard let cx = CIDR(x) else { continue }
            for y in b?.addressPrefixes ?? [] {
                if let cy = CIDR(y), cx.overlaps(cy) { pairs.append("\(x) ∩ \(y)") }
            }
        }
        return pairs
    }
}

/// The prefixes added to and removed from an address space since it was peered.
struct PrefixDiff: CustomStringConvertible {
    var added: [String]
    var removed: [String]

    init(peered: AddressSpace?, current: AddressSpace?) {
        let before = peered?.addressPrefixes ?? [], after = current?.addressPrefixes ?? []
        added = current == nil ? [] : after.filter { !before.contains($0) }
        removed = current == nil ? [] : before.filter { !after.contains($0) }
    }

    var isEmpty: Bool { added.isEmpty && removed.isEmpty }

    var description: String {
        var parts: [String] = []
        if !added.isEmpty { parts.append("added " + added.joined(separator: ", ")) }
        if !removed.isEmpty { parts.append("removed " + removed.joined(separator: ", ")) }
        return parts.joined(separator: " and ")
    }
}
