import ARMModels
import FoundationEssentials

/// Which screen the browser shows.
public enum ScreenKind: Sendable, Equatable {
    case subscriptions, vnets, peerings
}

/// One VNet on the VNets screen, with the health of its embedded peerings.
public struct VNetRow: Sendable, Equatable {
    public var id: ResourceID
    public var name: String
    public var group: String
    public var location: String
    public var prefixes: String
    public var peerings: Int
    public var connected: Int
    public var initiated: Int
    public var disconnected: Int
    public var outOfSync: Int

    public init?(_ vnet: VirtualNetwork) {
        guard let text = vnet.id, let id = try? ResourceID(parsing: text), let group = id.resourceGroup, let name = id.virtualNetworkName else { return nil }
        self.id = id
        self.name = DisplayText.sanitize(name)
        self.group = DisplayText.sanitize(group)
        location = DisplayText.sanitize(vnet.location ?? "")
        prefixes = DisplayText.sanitize((vnet.properties?.addressSpace?.addressPrefixes ?? []).joined(separator: ","))
        let rows = (vnet.properties?.virtualNetworkPeerings ?? []).map { PeeringRow($0) }
        peerings = rows.count
        connected = rows.filter { $0.stateKind == .connected }.count
        initiated = rows.filter { $0.stateKind == .initiated }.count
        disconnected = rows.filter { $0.stateKind == .disconnected }.count
        outOfSync = rows.filter { !$0.inSync }.count
    }

    /// "28 conn 2 init 1 disc 1 unsync": the same, for narrow terminals.
    public var compactHealth: String {
        PeeringHealth.summary(connected, initiated, disconnected, outOfSync, labels: ["conn", "init", "disc", "unsync"], separator: " ") ?? "none"
    }

    /// "28 Connected · 2 Initiated · 1 Disconnected · 1 out of sync", only the non-zero parts.
    public var health: String {
        PeeringHealth.summary(connected, initiated, disconnected, outOfSync) ?? "no peerings"
    }
}

/// Counts of peering states and of peerings out of sync, as the header and the VNets screen show them.
public enum PeeringHealth {
    /// The non-zero counts with their labels, or nil when all are zero.
    public static func summary(
        _ connected: Int, _ initiated: Int, _ disconnected: Int, _ outOfSync: Int,
        labels: [String] = ["Connected", "Initiated", "Disconnected", "out of sync"], separator: String = " · "
    ) -> String? {
        let parts = zip([connected, initiated, disconnected, outOfSync], labels).filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return parts.isEmpty ? nil : parts.joined(separator: separator)
    }

    /// The summary for a set of rows.
    public static func summary(_ rows: some Collection<PeeringRow>) -> String? {
        var connected = 0, initiated = 0, disconnected = 0, outOfSync = 0
        for row in rows {
            switch row.stateKind {
            case .connected: connected += 1
            case .initiated: initiated += 1
            case .disconnected: disconnected += 1
            case .other: break
            }
            if !row.inSync { outOfSync += 1 }
        }
        return summary(connected, initiated, disconnected, outOfSync)
    }
}

/// The state of the subscriptions and VNets screens, and how to get back to where you were.
public struct NavigationState: Sendable {
    public var screen: ScreenKind = .peerings
    public var subscriptions: [Subscription] = []
    public var subscriptionsLoaded = false
    public var selectedSubscription: String?
    /// The subscription marked as default (option, environment or Azure CLI).
    public var defaultSubscription: String?
    /// The subscription whose VNets are listed.
    public var vnetSubscription: String?
    public var vnets: [VNetRow] = []
    public var vnetsLoaded = false
    /// Selected VNet per subscription, kept when coming back.
    public var selectedVNet: [String: String] = [:]
    /// Selected peering per VNet, kept when coming back.
    public var selectedPeering: [String: String] = [:]
    public var generation = 0
    public var loading = false
    public var lastError: String?
    /// The `:` command line while it is being typed.
    public var command: String?

    public init() {}

    /// The selected subscription's index.
    public var subscriptionIndex: Int? {
        subscriptions.firstIndex { $0.subscriptionId?.lowercased() == selectedSubscription?.lowercased() }
    }

    /// The selected VNet's index on the VNets screen.
    public var vnetIndex: Int? {
        guard let sub = vnetSubscription, let key = selectedVNet[sub.lowercased()] else { return vnets.isEmpty ? nil : 0 }
        return vnets.firstIndex { $0.id.comparisonKey == key } ?? (vnets.isEmpty ? nil : 0)
    }
}
