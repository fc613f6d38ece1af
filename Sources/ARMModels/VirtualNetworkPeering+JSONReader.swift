/// Reads a page of Virtual Network Peerings - List straight from its JSON, with `JSONReader`.
///
/// The result equals what JSONDecoder makes of the same bytes (tests and the
/// decode fuzzer compare the two): unknown members are skipped, `null` reads
/// as absent, a value of the wrong type is an error that names its path.
public enum PeeringListReader {
    /// The page in `bytes` (UTF-8 JSON of `{"value": [...], "nextLink": ...}`).
    public static func page<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws(JSONReadError) -> Page<VirtualNetworkPeering> {
        try JSONReader.read(bytes) { (r: inout JSONReader) throws(JSONReadError) in
            guard try r.beginObject() else { throw JSONReadError("expected an object, found null", offset: 0) }
            var value: [VirtualNetworkPeering]?
            var nextLink: String?
            var first = true
            while let key = try r.nextKey(&first) {
                do throws(JSONReadError) {
                    if key.is("value") {
                        value = try r.array { (r: inout JSONReader) throws(JSONReadError) in
                            guard let peering = try VirtualNetworkPeering(reading: &r) else {
                                throw JSONReadError("expected a peering, found null", offset: 0)
                            }
                            return peering
                        }
                    } else if key.is("nextLink") {
                        nextLink = try r.string()
                    } else {
                        try r.skipValue()
                    }
                } catch {
                    throw error.inside(key.name)
                }
            }
            return Page(value: value ?? [], nextLink: nextLink)
        }
    }
}

extension VirtualNetworkPeering {
    /// Reads one peering, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("id") { id = try r.string() }
                else if key.is("name") { name = try r.string() }
                else if key.is("etag") { etag = try r.string() }
                else if key.is("type") { type = try r.string() }
                else if key.is("properties") { properties = try VirtualNetworkPeeringProperties(reading: &r) }
                else { try r.skipValue() }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension VirtualNetworkPeeringProperties {
    /// Reads a peering's `properties`, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("peeringState") { peeringState = try r.string().map(PeeringState.init(rawValue:)) }
                else if key.is("peeringSyncLevel") { peeringSyncLevel = try r.string().map(PeeringSyncLevel.init(rawValue:)) }
                else if key.is("provisioningState") { provisioningState = try r.string().map(ProvisioningState.init(rawValue:)) }
                else if key.is("allowForwardedTraffic") { allowForwardedTraffic = try r.bool() }
                else if key.is("allowGatewayTransit") { allowGatewayTransit = try r.bool() }
                else if key.is("allowVirtualNetworkAccess") { allowVirtualNetworkAccess = try r.bool() }
                else if key.is("doNotVerifyRemoteGateways") { doNotVerifyRemoteGateways = try r.bool() }
                else if key.is("enableOnlyIPv6Peering") { enableOnlyIPv6Peering = try r.bool() }
                else if key.is("peerCompleteVnets") { peerCompleteVnets = try r.bool() }
                else if key.is("useRemoteGateways") { useRemoteGateways = try r.bool() }
                else if key.is("resourceGuid") { resourceGuid = try r.string() }
                else if key.is("remoteVirtualNetwork") { remoteVirtualNetwork = try SubResource(reading: &r) }
                else if key.is("localAddressSpace") { localAddressSpace = try AddressSpace(reading: &r) }
                else if key.is("localVirtualNetworkAddressSpace") { localVirtualNetworkAddressSpace = try AddressSpace(reading: &r) }
                else if key.is("remoteAddressSpace") { remoteAddressSpace = try AddressSpace(reading: &r) }
                else if key.is("remoteVirtualNetworkAddressSpace") { remoteVirtualNetworkAddressSpace = try AddressSpace(reading: &r) }
                else if key.is("remoteBgpCommunities") { remoteBgpCommunities = try VirtualNetworkBgpCommunities(reading: &r) }
                else if key.is("remoteVirtualNetworkEncryption") { remoteVirtualNetworkEncryption = try VirtualNetworkEncryption(reading: &r) }
                else if key.is("localSubnetNames") { localSubnetNames = try r.array { (r: inout JSONReader) throws(JSONReadError) in try r.requiredString() } }
                else if key.is("remoteSubnetNames") { remoteSubnetNames = try r.array { (r: inout JSONReader) throws(JSONReadError) in try r.requiredString() } }
                else { try r.skipValue() }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension SubResource {
    /// Reads `{"id": ...}`, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init(id: nil)
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("id") { id = try r.string() } else { try r.skipValue() }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension AddressSpace {
    /// Reads an address space, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("addressPrefixes") {
                    addressPrefixes = try r.array { (r: inout JSONReader) throws(JSONReadError) in try r.requiredString() }
                } else if key.is("ipamPoolPrefixAllocations") {
                    ipamPoolPrefixAllocations = try r.array { (r: inout JSONReader) throws(JSONReadError) in
                        guard let allocation = try IpamPoolPrefixAllocation(reading: &r) else {
                            throw JSONReadError("expected an allocation, found null", offset: 0)
                        }
                        return allocation
                    }
                } else {
                    try r.skipValue()
                }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension IpamPoolPrefixAllocation {
    /// Reads one IPAM pool allocation, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("allocatedAddressPrefixes") { allocatedAddressPrefixes = try r.array { (r: inout JSONReader) throws(JSONReadError) in try r.requiredString() } }
                else if key.is("numberOfIpAddresses") { numberOfIpAddresses = try r.string() }
                else if key.is("pool") { pool = try SubResource(reading: &r) }
                else { try r.skipValue() }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension VirtualNetworkBgpCommunities {
    /// Reads BGP communities, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("regionalCommunity") { regionalCommunity = try r.string() }
                else if key.is("virtualNetworkCommunity") { virtualNetworkCommunity = try r.string() }
                else { try r.skipValue() }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}

extension VirtualNetworkEncryption {
    /// Reads encryption settings, or nil for `null`.
    init?(reading r: inout JSONReader) throws(JSONReadError) {
        guard try r.beginObject() else { return nil }
        self.init()
        var first = true
        while let key = try r.nextKey(&first) {
            do throws(JSONReadError) {
                if key.is("enabled") { enabled = try r.bool() }
                else if key.is("enforcement") { enforcement = try r.string().map(EncryptionEnforcement.init(rawValue:)) }
                else { try r.skipValue() }
            } catch {
                throw error.inside(key.name)
            }
        }
    }
}
