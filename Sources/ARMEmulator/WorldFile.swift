import ARMModels
import FoundationEssentials

/// The JSON file that describes an emulator's world (`peerscope emulator --world FILE`).
///
/// ```json
/// {"subscriptions": [{"subscriptionId": "…", "displayName": "…", "tenantId": "…",
///   "resourceGroups": [{"name": "peerTest", "location": "westus",
///     "virtualNetworks": [ <an ARM VirtualNetwork, peerings embedded in
///                          properties.virtualNetworkPeerings> ]}]}]}
/// ```
/// VNets and peerings are ARM's own JSON; ids, types and etags that a file
/// leaves out of a VNet are filled in, peerings are served as written.
public struct WorldFile: Codable, Sendable {
    public struct SubscriptionEntry: Codable, Sendable {
        public var subscriptionId: String
        public var displayName: String?
        public var tenantId: String?
        public var state: String?
        /// When true the signed-in identity has no access: every route under it answers 403 and it is not listed.
        public var accessDenied: Bool?
        public var resourceGroups: [GroupEntry]

        public init(
            subscriptionId: String, displayName: String? = nil, tenantId: String? = nil, state: String? = nil, accessDenied: Bool? = nil,
            resourceGroups: [GroupEntry]
        ) {
            self.subscriptionId = subscriptionId
            self.displayName = displayName
            self.tenantId = tenantId
            self.state = state
            self.accessDenied = accessDenied
            self.resourceGroups = resourceGroups
        }
    }

    public struct GroupEntry: Codable, Sendable {
        public var name: String
        public var location: String?
        public var virtualNetworks: [VirtualNetwork]
    }

    public var subscriptions: [SubscriptionEntry]

    /// Reads a world file, naming the file and the problem when it can't.
    public static func load(path: String) throws -> WorldFile {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw EmulatorError("cannot read world file \(path): \(error)")
        }
        do {
            return try JSONDecoder().decode(WorldFile.self, from: data)
        } catch {
            throw EmulatorError("world file \(path) is not a valid world: \(error)")
        }
    }
}

/// An emulator setup problem, in a sentence.
public struct EmulatorError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
