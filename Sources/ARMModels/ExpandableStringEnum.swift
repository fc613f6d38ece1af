/// A string-valued enumeration that keeps values it has never seen.
///
/// Azure adds enum values over time ("Azure adds values"), so a closed Swift
/// `enum` would fail to decode a response from a newer service. Types that
/// conform keep the raw string, compare by it, and encode it back unchanged.
public protocol ExpandableStringEnum: RawRepresentable, Codable, Hashable, Sendable,
    CustomStringConvertible, ExpressibleByStringLiteral where RawValue == String
{
    /// The values this build of PeerScope knows by name.
    static var knownValues: [Self] { get }
    init(rawValue: String)
}

extension ExpandableStringEnum {
    public init(stringLiteral value: String) { self.init(rawValue: value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// Whether the value is one this build knows (compared case-insensitively, as ARM does).
    public var isKnown: Bool {
        Self.knownValues.contains { $0.rawValue.lowercased() == rawValue.lowercased() }
    }

    /// Compares with another value ignoring case, as ARM treats enum strings.
    public func matches(_ other: Self) -> Bool {
        rawValue.lowercased() == other.rawValue.lowercased()
    }
}

/// The status of a virtual network peering (`properties.peeringState`).
public struct PeeringState: ExpandableStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let initiated = PeeringState(rawValue: "Initiated")
    public static let connected = PeeringState(rawValue: "Connected")
    public static let disconnected = PeeringState(rawValue: "Disconnected")
    public static let knownValues: [PeeringState] = [.initiated, .connected, .disconnected]
}

/// The sync status of a peering's address space (`properties.peeringSyncLevel`).
public struct PeeringSyncLevel: ExpandableStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let fullyInSync = PeeringSyncLevel(rawValue: "FullyInSync")
    public static let remoteNotInSync = PeeringSyncLevel(rawValue: "RemoteNotInSync")
    public static let localNotInSync = PeeringSyncLevel(rawValue: "LocalNotInSync")
    public static let localAndRemoteNotInSync = PeeringSyncLevel(rawValue: "LocalAndRemoteNotInSync")
    public static let knownValues: [PeeringSyncLevel] = [
        .fullyInSync, .remoteNotInSync, .localNotInSync, .localAndRemoteNotInSync,
    ]
}

/// The provisioning state of an ARM resource (`properties.provisioningState`).
public struct ProvisioningState: ExpandableStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let succeeded = ProvisioningState(rawValue: "Succeeded")
    public static let updating = ProvisioningState(rawValue: "Updating")
    public static let deleting = ProvisioningState(rawValue: "Deleting")
    public static let failed = ProvisioningState(rawValue: "Failed")
    public static let canceled = ProvisioningState(rawValue: "Canceled")
    public static let creating = ProvisioningState(rawValue: "Creating")
    public static let knownValues: [ProvisioningState] = [
        .succeeded, .updating, .deleting, .failed, .canceled, .creating,
    ]
}

/// Whether an encrypted VNet admits VMs without encryption support.
public struct EncryptionEnforcement: ExpandableStringEnum {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public static let dropUnencrypted = EncryptionEnforcement(rawValue: "DropUnencrypted")
    public static let allowUnencrypted = EncryptionEnforcement(rawValue: "AllowUnencrypted")
    public static let knownValues: [EncryptionEnforcement] = [.dropUnencrypted, .allowUnencrypted]
}
