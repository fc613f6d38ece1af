/// An ARM resource id, parsed into its parts and built back.
///
/// ARM compares segment names (`subscriptions`, `resourceGroups`, `providers`,
/// resource types) without regard to case, so parsing does too; the names keep
/// the case they were given. A malformed id is rejected with a
/// ``ResourceIDError`` that says which part is wrong.
public struct ResourceID: Hashable, Sendable, CustomStringConvertible {
    /// One `type/name` pair under a provider namespace.
    public struct TypedName: Hashable, Sendable {
        public var type: String
        public var name: String
        public init(type: String, name: String) {
            self.type = type
            self.name = name
        }
    }

    public var subscriptionId: String
    public var resourceGroup: String?
    public var providerNamespace: String?
    public var types: [TypedName]

    public init(subscriptionId: String, resourceGroup: String? = nil, providerNamespace: String? = nil, types: [TypedName] = []) {
        self.subscriptionId = subscriptionId
        self.resourceGroup = resourceGroup
        self.providerNamespace = providerNamespace
        self.types = types
    }

    /// Parses an id such as `/subscriptions/S/resourceGroups/RG/providers/Microsoft.Network/virtualNetworks/V`.
    public init(parsing text: String) throws(ResourceIDError) {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { throw ResourceIDError("resource id is empty") }
        guard trimmed.hasPrefix("/") else {
            throw ResourceIDError("resource id must start with '/subscriptions/', got '\(trimmed.prefix(40))'")
        }
        var body = Substring(trimmed.dropFirst())
        if body.hasSuffix("/") { body = body.dropLast() }
        let parts = body.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if let empty = parts.firstIndex(of: "") {
            throw ResourceIDError("resource id has an empty segment at position \(empty + 1)")
        }
        if let spaced = parts.firstIndex(where: { $0.first?.isWhitespace == true || $0.last?.isWhitespace == true }) {
            throw ResourceIDError("resource id segment \(spaced + 1) ('\(parts[spaced].prefix(40))') starts or ends with a space")
        }
        var index = 0
        func next(_ what: String) throws(ResourceIDError) -> String {
            guard index < parts.count else { throw ResourceIDError("resource id ends before the \(what)") }
            defer { index += 1 }
            return parts[index]
        }
        let first = try next("'subscriptions' segment")
        guard first.lowercased() == "subscriptions" else {
            throw ResourceIDError("resource id must start with '/subscriptions/', got '/\(first)'")
        }
        let subscription = try next("subscription id")
        guard ARMNameRules.isUUID(subscription) else {
            throw ResourceIDError("subscription id '\(subscription)' in the resource id is not a UUID")
        }
        var group: String?
        var namespace: String?
        var types: [TypedName] = []
        if index < parts.count, parts[index].lowercased() == "resourcegroups" {
            index += 1
            let name = try next("resource group name")
            if let problem = ARMNameRules.resourceGroupProblem(name) {
                throw ResourceIDError("resource group in the resource id: \(problem)")
            }
            group = name
        }
        if index < parts.count {
            let segment = parts[index]
            guard segment.lowercased() == "providers" else {
                throw ResourceIDError("expected 'providers' or 'resourceGroups' in the resource id, got '\(segment)'")
            }
            index += 1
            namespace = try next("provider namespace")
            guard index < parts.count else { throw ResourceIDError("resource id ends after the provider namespace; a resource type and name must follow") }
            while index < parts.count {
                let type = parts[index]
                index += 1
                guard index < parts.count else {
                    throw ResourceIDError("resource type '\(type)' in the resource id has no name after it")
                }
                types.append(TypedName(type: type, name: parts[index]))
                index += 1
            }
        }
        self.init(subscriptionId: subscription, resourceGroup: group, providerNamespace: namespace, types: types)
    }

    /// The id as ARM writes it.
    public var description: String {
        var text = "/subscriptions/\(subscriptionId)"
        if let resourceGroup { text += "/resourceGroups/\(resourceGroup)" }
        if let providerNamespace {
            text += "/providers/\(providerNamespace)"
            for pair in types { text += "/\(pair.type)/\(pair.name)" }
        }
        return text
    }

    /// A key that compares ids the way ARM does: ignoring case.
    public var comparisonKey: String { description.lowercased() }

    /// The id of a virtual network.
    public static func virtualNetwork(subscriptionId: String, resourceGroup: String, name: String) -> ResourceID {
        ResourceID(
            subscriptionId: subscriptionId, resourceGroup: resourceGroup, providerNamespace: "Microsoft.Network",
            types: [TypedName(type: "virtualNetworks", name: name)])
    }

    /// The id of a peering of a virtual network.
    public static func peering(subscriptionId: String, resourceGroup: String, virtualNetwork: String, name: String) -> ResourceID {
        var id = ResourceID.virtualNetwork(subscriptionId: subscriptionId, resourceGroup: resourceGroup, name: virtualNetwork)
        id.types.append(TypedName(type: "virtualNetworkPeerings", name: name))
        return id
    }

    private var isNetwork: Bool { providerNamespace?.lowercased() == "microsoft.network" }

    /// The virtual network's name when this id is a VNet or something under one.
    public var virtualNetworkName: String? {
        guard isNetwork, let first = types.first, first.type.lowercased() == "virtualnetworks" else { return nil }
        return first.name
    }

    /// The peering's name when this id is a virtual network peering.
    public var peeringName: String? {
        guard virtualNetworkName != nil, types.count == 2, types[1].type.lowercased() == "virtualnetworkpeerings" else { return nil }
        return types[1].name
    }

    /// The id of the virtual network this id is, or lies under.
    public var virtualNetworkID: ResourceID? {
        guard let resourceGroup, let name = virtualNetworkName else { return nil }
        return .virtualNetwork(subscriptionId: subscriptionId, resourceGroup: resourceGroup, name: name)
    }
}

/// Why a resource id could not be parsed.
public struct ResourceIDError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
