/// Reads a page of Virtual Network Peerings - List straight from its JSON, with `JSONReader`.
///
/// The result equals what JSONDecoder makes of the same bytes (tests and the
/// decode fuzzer compare the two): unknown members are skipped, `null` reads
/// as absent, the first of repeated members counts, and a value of the wrong
/// type is an error that names its path.
public enum PeeringListReader {
    /// The page in `bytes` (UTF-8 JSON of `{"value": [...], "nextLink": ...}`).
    @inlinable
    public static func page<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws(JSONReadError) -> Page<VirtualNetworkPeering> {
        try JSONReader.withBuffer(bytes, page(in:)).get()
    }

    /// `page` for bytes in one buffer: the reader is compiled in this module for this one type of bytes (called
    /// with generic bytes from another module, all of it ran unspecialized, twice as slow).
    @usableFromInline
    static func page(in buffer: UnsafeBufferPointer<UInt8>) -> Result<Page<VirtualNetworkPeering>, JSONReadError> {
        Result { () throws(JSONReadError) in
            try JSONReader.listPage(buffer, of: "a peering") { (r: inout JSONReader) throws(JSONReadError) in try VirtualNetworkPeering(reading: &r) }
        }
    }
}

extension JSONReader {
    private enum PageField: Int { case value, nextLink }

    /// A page of an ARM list, `{"value": [...], "nextLink": ...}`, whose elements `element` reads (nil for `null`,
    /// which a list may not hold; `what` names an element in that error).
    static func listPage<Bytes: Sequence<UInt8>, T>(
        _ bytes: Bytes, of what: StaticString, _ element: (inout JSONReader) throws(JSONReadError) -> T?
    ) throws(JSONReadError) -> Page<T> {
        try read(bytes) { (r: inout JSONReader) throws(JSONReadError) in
            var value: [T]?
            var nextLink: String?
            guard try r.beginObject() else { throw JSONReadError("expected an object, found null", offset: 0) }
            var cursor = JSONReader.MemberCursor()
            while let (field, key) = try r.nextMember(&cursor, { key in key.is("value") ? PageField.value : key.is("nextLink") ? .nextLink : nil }) {
                do throws(JSONReadError) {
                    switch field {
                    case .value: value = try r.listElements(what, element)
                    case .nextLink: nextLink = try r.string()
                    }
                } catch {
                    throw error.inside(key.name)
                }
            }
            return Page(value: value ?? [], nextLink: nextLink)
        }
    }

    /// An array of objects that may not be null (`element` gives nil for `null`), or nil for a `null` array.
    @inline(__always)
    mutating func objects<T>(_ what: StaticString, _ element: (inout JSONReader) throws(JSONReadError) -> T?) throws(JSONReadError) -> [T]? {
        try array { (r: inout JSONReader) throws(JSONReadError) in
            guard let value = try element(&r) else { throw JSONReadError("expected \(what), found null", offset: 0) }
            return value
        }
    }

    /// A list page's `value`: `objects`, with room made after the first element for as many more as the rest of
    /// the body holds if they are as long (ARM's elements are alike), so a long page is not regrown ten times.
    mutating func listElements<T>(_ what: StaticString, _ element: (inout JSONReader) throws(JSONReadError) -> T?) throws(JSONReadError) -> [T]? {
        guard try beginArray() else { return nil }
        var values: [T] = []
        var first = true
        while try nextElement(&first) {
            let start = offset
            do throws(JSONReadError) {
                guard let value = try element(&self) else { throw JSONReadError("expected \(what), found null", offset: 0) }
                values.append(value)
            } catch {
                throw error.inside("[\(values.count)]")
            }
            if values.count == 1 {
                // At most a few pages' worth, whatever a tiny first element suggests.
                let span = max(offset - start, 64)
                values.reserveCapacity(1 + min(remaining / span, 2048))
            }
        }
        return values
    }

    /// An array of strings that may not hold null, or nil for `null`.
    mutating func strings() throws(JSONReadError) -> [String]? {
        try array { (r: inout JSONReader) throws(JSONReadError) in try r.requiredString() }
    }
}

extension VirtualNetworkPeering {
    private enum Field: Int { case id, name, etag, type, properties }

    private static func field(_ key: JSONKey) -> Field? {
        if key.is("id") { return .id }
        if key.is("name") { return .name }
        if key.is("etag") { return .etag }
        if key.is("type") { return .type }
        if key.is("properties") { return .properties }
        return nil
    }

    /// Reads one peering, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        try fill(&r)
    }

    /// Reads the members of the peering object `r` has just opened into `self` (a failable `init` doing this
    /// itself copied and destroyed the peering twice).
    private mutating func fill(_ r: inout JSONReader) throws(JSONReadError) {
        var cursor = JSONReader.MemberCursor(.peering)
        while let (field, key) = try r.nextMember(&cursor, Self.field) {
            do throws(JSONReadError) {
                switch field {
                case .id: self.id = try r.string()
                case .name: self.name = try r.string()
                case .etag: self.etag = try r.string()
                case .type:
                    // Every peering has the same type: one String for all of them.
                    self.type = try r.remembered(\.resourceTypes) { (r: inout JSONReader) throws(JSONReadError) in try r.string() }
                case .properties:
                    // Read straight into its box (the setter's `map` would copy every field).
                    self.storage = try VirtualNetworkPeeringProperties.box(reading: &r)
                }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension VirtualNetworkPeeringProperties {
    private enum Field: Int {
        case peeringState, peeringSyncLevel, provisioningState, allowForwardedTraffic, allowGatewayTransit, allowVirtualNetworkAccess
        case doNotVerifyRemoteGateways, enableOnlyIPv6Peering, peerCompleteVnets, useRemoteGateways, resourceGuid, remoteVirtualNetwork
        case localAddressSpace, localVirtualNetworkAddressSpace, remoteAddressSpace, remoteVirtualNetworkAddressSpace
        case remoteBgpCommunities, remoteVirtualNetworkEncryption, localSubnetNames, remoteSubnetNames
    }

    /// The member `key` names; its length picks the few names worth comparing.
    private static func field(_ key: JSONKey) -> Field? {
        switch key.length {
        case 12: return key.is("peeringState") ? .peeringState : key.is("resourceGuid") ? .resourceGuid : nil
        case 16: return key.is("peeringSyncLevel") ? .peeringSyncLevel : key.is("localSubnetNames") ? .localSubnetNames : nil
        case 17:
            if key.is("provisioningState") { return .provisioningState }
            if key.is("peerCompleteVnets") { return .peerCompleteVnets }
            if key.is("useRemoteGateways") { return .useRemoteGateways }
            if key.is("localAddressSpace") { return .localAddressSpace }
            return key.is("remoteSubnetNames") ? .remoteSubnetNames : nil
        case 18: return key.is("remoteAddressSpace") ? .remoteAddressSpace : nil
        case 19: return key.is("allowGatewayTransit") ? .allowGatewayTransit : nil
        case 20: return key.is("remoteVirtualNetwork") ? .remoteVirtualNetwork : key.is("remoteBgpCommunities") ? .remoteBgpCommunities : nil
        case 21: return key.is("allowForwardedTraffic") ? .allowForwardedTraffic : key.is("enableOnlyIPv6Peering") ? .enableOnlyIPv6Peering : nil
        case 25:
            return key.is("allowVirtualNetworkAccess") ? .allowVirtualNetworkAccess : key.is("doNotVerifyRemoteGateways") ? .doNotVerifyRemoteGateways : nil
        case 30: return key.is("remoteVirtualNetworkEncryption") ? .remoteVirtualNetworkEncryption : nil
        case 31: return key.is("localVirtualNetworkAddressSpace") ? .localVirtualNetworkAddressSpace : nil
        case 32: return key.is("remoteVirtualNetworkAddressSpace") ? .remoteVirtualNetworkAddressSpace : nil
        default: return nil
        }
    }

    /// Reads a peering's `properties` into the box a peering keeps them in, or nil for `null`.
    static func box(reading r: inout JSONReader) throws(JSONReadError) -> PropertiesBox? {
        guard try r.beginObject() else { return nil }
        return try PropertiesBox(reading: &r)
    }

    /// Reads the members of the properties object `r` has just opened into `self`.
    mutating func fill(_ r: inout JSONReader) throws(JSONReadError) {
        var cursor = JSONReader.MemberCursor(.peeringProperties)
        while let (field, key) = try r.nextMember(&cursor, Self.field) {
            do throws(JSONReadError) {
                switch field {
                case .peeringState: self.peeringState = try r.expandable(PeeringState.self)
                case .peeringSyncLevel: self.peeringSyncLevel = try r.expandable(PeeringSyncLevel.self)
                case .provisioningState: self.provisioningState = try r.expandable(ProvisioningState.self)
                case .allowForwardedTraffic: self.allowForwardedTraffic = try r.bool()
                case .allowGatewayTransit: self.allowGatewayTransit = try r.bool()
                case .allowVirtualNetworkAccess: self.allowVirtualNetworkAccess = try r.bool()
                case .doNotVerifyRemoteGateways: self.doNotVerifyRemoteGateways = try r.bool()
                case .enableOnlyIPv6Peering: self.enableOnlyIPv6Peering = try r.bool()
                case .peerCompleteVnets: self.peerCompleteVnets = try r.bool()
                case .useRemoteGateways: self.useRemoteGateways = try r.bool()
                case .resourceGuid: self.resourceGuid = try r.string()
                case .remoteVirtualNetwork: self.remoteVirtualNetwork = try SubResource(reading: &r)
                case .localAddressSpace: self.localAddressSpace = try AddressSpace.remembered(&r)
                case .localVirtualNetworkAddressSpace: self.localVirtualNetworkAddressSpace = try AddressSpace.remembered(&r)
                case .remoteAddressSpace: self.remoteAddressSpace = try AddressSpace.remembered(&r)
                case .remoteVirtualNetworkAddressSpace: self.remoteVirtualNetworkAddressSpace = try AddressSpace.remembered(&r)
                case .remoteBgpCommunities: self.remoteBgpCommunities = try VirtualNetworkBgpCommunities(reading: &r)
                case .remoteVirtualNetworkEncryption: self.remoteVirtualNetworkEncryption = try VirtualNetworkEncryption(reading: &r)
                case .localSubnetNames: self.localSubnetNames = try r.strings()
                case .remoteSubnetNames: self.remoteSubnetNames = try r.strings()
                }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension SubResource {
    private enum Field: Int { case id }

    /// Reads `{"id": ...}`, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        var id: String?
        guard try r.beginObject() else { return nil }
        var cursor = JSONReader.MemberCursor(.subResource)
        while let (_, key) = try r.nextMember(&cursor, { $0.is("id") ? Field.id : nil }) {
            do throws(JSONReadError) {
                id = try r.string()
            } catch {
                throw error.inside(key.name)
            }
        }
        self.init(id: id)
    }
}

extension AddressSpace {
    private enum Field: Int { case addressPrefixes, ipamPoolPrefixAllocations }

    /// Reads an address space, or shares one read earlier in the document from the same bytes.
    static func remembered(_ r: inout JSONReader) throws(JSONReadError) -> AddressSpace? {
        try r.remembered(\.addressSpaces) { (r: inout JSONReader) throws(JSONReadError) in try AddressSpace(reading: &r) }
    }

    /// Reads an address space, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        var space = AddressSpace()
        guard try r.beginObject() else { return nil }
        var cursor = JSONReader.MemberCursor(.addressSpace)
        while let (field, key) = try r.nextMember(&cursor, { $0.is("addressPrefixes") ? Field.addressPrefixes : $0.is("ipamPoolPrefixAllocations") ? .ipamPoolPrefixAllocations : nil }) {
            do throws(JSONReadError) {
                switch field {
                case .addressPrefixes: space.addressPrefixes = try r.strings()
                case .ipamPoolPrefixAllocations:
                    space.ipamPoolPrefixAllocations = try r.objects("an allocation") { (r: inout JSONReader) throws(JSONReadError) in
                        try IpamPoolPrefixAllocation(reading: &r)
                    }
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = space
    }
}

extension IpamPoolPrefixAllocation {
    private enum Field: Int { case allocatedAddressPrefixes, numberOfIpAddresses, pool }

    private static func field(_ key: JSONKey) -> Field? {
        if key.is("allocatedAddressPrefixes") { return .allocatedAddressPrefixes }
        if key.is("numberOfIpAddresses") { return .numberOfIpAddresses }
        if key.is("pool") { return .pool }
        return nil
    }

    /// Reads one IPAM pool allocation, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        var allocation = IpamPoolPrefixAllocation()
        guard try r.beginObject() else { return nil }
        var cursor = JSONReader.MemberCursor(.ipamAllocation)
        while let (field, key) = try r.nextMember(&cursor, Self.field) {
            do throws(JSONReadError) {
                switch field {
                case .allocatedAddressPrefixes: allocation.allocatedAddressPrefixes = try r.strings()
                case .numberOfIpAddresses: allocation.numberOfIpAddresses = try r.string()
                case .pool: allocation.pool = try SubResource(reading: &r)
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = allocation
    }
}

extension VirtualNetworkBgpCommunities {
    private enum Field: Int { case regionalCommunity, virtualNetworkCommunity }

    /// Reads BGP communities, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        var communities = VirtualNetworkBgpCommunities()
        guard try r.beginObject() else { return nil }
        var cursor = JSONReader.MemberCursor(.bgpCommunities)
        while let (field, key) = try r.nextMember(&cursor, { $0.is("regionalCommunity") ? Field.regionalCommunity : $0.is("virtualNetworkCommunity") ? .virtualNetworkCommunity : nil }) {
            do throws(JSONReadError) {
                switch field {
                case .regionalCommunity: communities.regionalCommunity = try r.string()
                case .virtualNetworkCommunity: communities.virtualNetworkCommunity = try r.string()
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = communities
    }
}

extension VirtualNetworkEncryption {
    private enum Field: Int { case enabled, enforcement }

    /// Reads encryption settings, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        var encryption = VirtualNetworkEncryption()
        guard try r.beginObject() else { return nil }
        var cursor = JSONReader.MemberCursor(.encryption)
        while let (field, key) = try r.nextMember(&cursor, { $0.is("enabled") ? Field.enabled : $0.is("enforcement") ? .enforcement : nil }) {
            do throws(JSONReadError) {
                switch field {
                case .enabled: encryption.enabled = try r.bool()
                case .enforcement: encryption.enforcement = try r.expandable(EncryptionEnforcement.self)
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = encryption
    }
}
