/// An Azure subscription as Subscriptions - List returns it.
public struct Subscription: Codable, Hashable, Sendable, Identifiable {
    public var id: String?
    public var subscriptionId: String?
    public var tenantId: String?
    public var displayName: String?
    public var state: String?
    public var authorizationSource: String?
    public var tags: [String: String]?

    public init(
        id: String? = nil, subscriptionId: String? = nil, tenantId: String? = nil,
        displayName: String? = nil, state: String? = nil, authorizationSource: String? = nil,
        tags: [String: String]? = nil
    ) {
        self.id = id
        self.subscriptionId = subscriptionId
        self.tenantId = tenantId
        self.displayName = displayName
        self.state = state
        self.authorizationSource = authorizationSource
        self.tags = tags
    }
}

/// A resource group as Resource Groups - List returns it.
public struct ResourceGroup: Codable, Hashable, Sendable, Identifiable {
    public var id: String?
    public var name: String?
    public var type: String?
    public var location: String?
    public var managedBy: String?
    public var tags: [String: String]?
    public var properties: ResourceGroupProperties?

    public init(
        id: String? = nil, name: String? = nil, type: String? = nil, location: String? = nil,
        managedBy: String? = nil, tags: [String: String]? = nil, properties: ResourceGroupProperties? = nil
    ) {
        self.id = id
        self.name = name
        self.type = type
        self.location = location
        self.managedBy = managedBy
        self.tags = tags
        self.properties = properties
    }
}

/// The `properties` object of a resource group.
public struct ResourceGroupProperties: Codable, Hashable, Sendable {
    public var provisioningState: String?
    public init(provisioningState: String? = nil) { self.provisioningState = provisioningState }
}
