import ARMModels
import Foundation

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
        public var resourceGroups: [GroupEntry]
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
            throw EmulatorError("cannot read world file \(path): \(error.localizedDescription)")
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
