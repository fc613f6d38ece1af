/// Reads Virtual Networks - Get (one VNet) and Virtual Networks - List pages straight from their JSON, with `JSONReader`.
///
/// A hub's VNet embeds all its peerings (a megabyte at a thousand), so it goes
/// through the same reader as the peering list instead of JSONDecoder's
/// intermediate tree; the result equals what JSONDecoder makes of the same bytes.
public enum VirtualNetworkReader {
    /// Which of a VNet's embedded peerings to build.
    public enum EmbeddedPeerings {
        /// All of them, as JSONDecoder would.
        case all
        /// None: the array is checked to be JSON and skipped, and `virtualNetworkPeerings` stays nil.
        case none
        /// Only those `keep` accepts (each is read, then kept or dropped).
        case matching(_ keep: (VirtualNetworkPeering) -> Bool)
    }

    /// The VNet in `bytes`, with the embedded peerings `peerings` asks for.
    public static func virtualNetwork<Bytes: Sequence<UInt8>>(_ bytes: Bytes, peerings: EmbeddedPeerings = .all) throws(JSONReadError) -> VirtualNetwork {
        try JSONReader.read(bytes) { (r: inout JSONReader) throws(JSONReadError) in
            guard let vnet = try VirtualNetwork(reading: &r, peerings: peerings) else { throw JSONReadError("expected an object, found null", offset: 0) }
            return vnet
        }
    }

    /// The page of VNets in `bytes` (`{"value": [...], "nextLink": ...}`).
    @inlinable
    public static func page<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws(JSONReadError) -> Page<VirtualNetwork> {
        try JSONReader.withBuffer(bytes, page(in:)).get()
    }

    /// `page` for bytes in one buffer, so the reader is specialized here (see `PeeringListReader.page(in:)`).
    @usableFromInline
    static func page(in buffer: UnsafeBufferPointer<UInt8>) -> Result<Page<VirtualNetwork>, JSONReadError> {
        Result { () throws(JSONReadError) in
            try JSONReader.listPage(buffer, of: "a virtual network") { (r: inout JSONReader) throws(JSONReadError) in try VirtualNetwork(reading: &r) }
        }
    }
}

extension VirtualNetwork {
    private enum Field: Int { case etag, id, name, type, location, tags, properties }

    private static func field(_ key: JSONKey) -> Field? {
        if key.is("id") { return .id }
        if key.is("name") { return .name }
        if key.is("etag") { return .etag }
        if key.is("type") { return .type }
        if key.is("location") { return .location }
        if key.is("tags") { return .tags }
        if key.is("properties") { return .properties }
        return nil
    }

    /// Reads one VNet, or nil for `null`.
    init?(reading r: inout JSONReader, peerings: VirtualNetworkReader.EmbeddedPeerings = .all) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        var vnet = VirtualNetwork()
        var cursor = JSONReader.MemberCursor(.virtualNetwork)
        while let (field, key) = try r.nextMember(&cursor, Self.field) {
            do throws(JSONReadError) {
                switch field {
                case .etag: vnet.etag = try r.string()
                case .id: vnet.id = try r.string()
                case .name: vnet.name = try r.string()
                case .type: vnet.type = try r.string()
                case .location: vnet.location = try r.string()
                case .tags: vnet.tags = try r.stringMap()
                case .properties: vnet.properties = try VirtualNetworkProperties(reading: &r, peerings: peerings)
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = vnet
    }
}

extension VirtualNetworkProperties {
    private enum Field: Int { case addressSpace, bgpCommunities, encryption, provisioningState, resourceGuid, subnets, virtualNetworkPeerings }

    private static func field(_ key: JSONKey) -> Field? {
        if key.is("addressSpace") { return .addressSpace }
        if key.is("bgpCommunities") { return .bgpCommunities }
        if key.is("encryption") { return .encryption }
        if key.is("provisioningState") { return .provisioningState }
        if key.is("resourceGuid") { return .resourceGuid }
        if key.is("subnets") { return .subnets }
        if key.is("virtualNetworkPeerings") { return .virtualNetworkPeerings }
        return nil
    }

    /// Reads a VNet's `properties`, or nil for `null`.
    init?(reading r: inout JSONReader, peerings: VirtualNetworkReader.EmbeddedPeerings) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        var p = VirtualNetworkProperties()
        var cursor = JSONReader.MemberCursor(.virtualNetworkProperties)
        while let (field, key) = try r.nextMember(&cursor, Self.field) {
            do throws(JSONReadError) {
                switch field {
                case .addressSpace: p.addressSpace = try AddressSpace.remembered(&r)
                case .bgpCommunities: p.bgpCommunities = try VirtualNetworkBgpCommunities(reading: &r)
                case .encryption: p.encryption = try VirtualNetworkEncryption(reading: &r)
                case .provisioningState: p.provisioningState = try r.expandable(ProvisioningState.self)
                case .resourceGuid: p.resourceGuid = try r.string()
                case .subnets:
                    p.subnets = try r.objects("a subnet") { (r: inout JSONReader) throws(JSONReadError) in try Subnet(reading: &r) }
                case .virtualNetworkPeerings:
                    if case .none = peerings {
                        try r.skipValue()
                        continue
                    }
                    let all = try r.objects("a peering") { (r: inout JSONReader) throws(JSONReadError) in try VirtualNetworkPeering(reading: &r) }
                    if case .matching(let keep) = peerings { p.virtualNetworkPeerings = all?.filter(keep) } else { p.virtualNetworkPeerings = all }
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = p
    }
}

extension Subnet {
    private enum Field: Int { case id, name, properties }
    private enum PropertyField: Int { case addressPrefix, addressPrefixes }

    /// Reads one subnet, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        var subnet = Subnet()
        var cursor = JSONReader.MemberCursor(.subnet)
        while let (field, key) = try r.nextMember(&cursor, { $0.is("id") ? Field.id : $0.is("name") ? .name : $0.is("properties") ? .properties : nil }) {
            do throws(JSONReadError) {
                switch field {
                case .id: subnet.id = try r.string()
                case .name: subnet.name = try r.string()
                case .properties:
                    guard try r.beginObject() else {
                        subnet.properties = nil
                        continue
                    }
                    var properties = SubnetProperties()
                    var inner = JSONReader.MemberCursor(.subnetProperties)
                    while let (field, key) = try r.nextMember(&inner, { $0.is("addressPrefix") ? PropertyField.addressPrefix : $0.is("addressPrefixes") ? .addressPrefixes : nil }) {
                        do throws(JSONReadError) {
                            switch field {
                            case .addressPrefix: properties.addressPrefix = try r.string()
                            case .addressPrefixes: properties.addressPrefixes = try r.strings()
                            }
                        } catch {
                            throw error.inside(key.name)
                        }
                    }
                    subnet.properties = properties
                }
            } catch {
                throw error.inside(key.name)
            }
        }
        self = subnet
    }
}

extension JSONReader {
    /// An object of string values (ARM's tags), or nil for `null`; of a repeated name the first value counts.
    mutating func stringMap() throws(JSONReadError) -> [String: String]? {
        guard try beginObject() else { return nil }
        var map: [String: String] = [:]
        var first = true
        while let key = try nextKey(&first) {
            do throws(JSONReadError) {
                guard let name = key.string else { throw JSONReadError("a member name that is not UTF-8", offset: 0) }
                let value = try requiredString()
                if map[name] == nil { map[name] = value }
            } catch {
                throw error.inside(key.name)
            }
        }
        return map
    }
}
