import ARMModels
import FoundationEssentials

/// Answers ARM's routes from the world store, as ARM would: same paths, same JSON, same error codes.
///
/// Path segment names are matched without regard to case, as in ARM.
/// Routes under `/_emulator/` are the admin API (see ``AdminAPI``).
public struct ARMRouter: Sendable {
    public let store: WorldStore

    public init(store: WorldStore) { self.store = store }

    /// Answers one request; `baseURL` is where the emulator listens, for nextLinks.
    public func respond(to request: EmulatorRequest, baseURL: String) async -> EmulatorResponse {
        if request.path.lowercased().hasPrefix("/_emulator/") {
            return AdminAPI(store: store).respond(to: request)
        }
        if EntraRoutes.handles(request.path.lowercased()) {
            var answer = EntraRoutes(store: store).respond(to: request, baseURL: baseURL)
            if let fault = store.takeFault(for: request.path) { answer = apply(fault, to: answer) }
            store.record(
                RecordedRequest(method: request.method, path: request.path, query: "", status: answer.status, hadAuthorization: request.authorization != nil))
            return answer
        }
        var response = route(request, baseURL: baseURL)
        if let fault = store.takeFault(for: request.path) {
            response = apply(fault, to: response)
        }
        store.record(
            RecordedRequest(
                method: request.method, path: request.path, query: request.rawQuery, status: response.delivery == .normal ? response.status : 0,
                hadAuthorization: request.authorization != nil, clientRequestID: request.clientRequestID))
        response.headers.append(("x-ms-request-id", UUID().uuidString.lowercased()))
        response.headers.append(("x-ms-correlation-request-id", UUID().uuidString.lowercased()))
        response.headers.append(("x-ms-ratelimit-remaining-subscription-reads", "11999"))
        if let id = request.clientRequestID { response.headers.append(("x-ms-client-request-id", id)) }
        return response
    }

    private func apply(_ fault: Fault, to response: EmulatorResponse) -> EmulatorResponse {
        var response = response
        switch fault.kind {
        case .status:
            let status = fault.status ?? 500
            let code = status == 429 ? "TooManyRequests" : status >= 500 ? "InternalServerError" : "InjectedFault"
            response = .failure(ARMFailure(status, code, "Injected by the emulator's fault switchboard."))
            if let retryAfter = fault.retryAfter { response.headers.append(("Retry-After", retryAfter)) }
            if let ms = fault.retryAfterMs { response.headers.append(("retry-after-ms", String(ms))) }
        case .delay:
            response.delay = .milliseconds(fault.delayMs ?? 1000)
        case .malformed:
            response = EmulatorResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data("{\"value\": [ {\"name\": \"peer\", ".utf8))
        case .truncated:
            response.delivery = .truncated
        case .drop:
            response.delivery = .drop
        case .body:
            response = EmulatorResponse(status: 200, headers: [("Content-Type", "application/json")], body: Data((fault.body ?? "").utf8))
        }
        if fault.kind != .delay, let ms = fault.delayMs { response.delay = .milliseconds(ms) }
        return response
    }

    private func route(_ request: EmulatorRequest, baseURL: String) -> EmulatorResponse {
        let segments = request.path.split(separator: "/").map { PercentEncoding.decode($0) ?? String($0) }
        let lower = segments.map { $0.lowercased() }
        guard let authorization = request.authorization else {
            return .failure(ARMFailure(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is missing."))
        }
        let parts = authorization.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer", !parts[1].trimmed(newlines: false).isEmpty else {
            return .failure(ARMFailure(401, "AuthenticationFailed", "Authentication failed. The 'Authorization' header is provided in an invalid format."))
        }
        if let problem = store.strictTokenProblem(parts[1].trimmed(newlines: false)) { return .failure(problem) }
        let version = request.query["api-version"]
        if lower.count >= 2, lower[0] == "subscriptions",
            store.world.subscriptions.contains(where: { $0.subscriptionId.lowercased() == lower[1] && $0.accessDenied == true })
        {
            return .failure(ARMFailure(
                403, "AuthorizationFailed",
                "The client does not have authorization to perform action 'Microsoft.Network/virtualNetworks/read' over scope '\(request.path)' or the scope is invalid."))
        }
        do throws(ARMFailure) {
            switch (request.method, lower.count) {
            case ("GET", 1) where lower[0] == "subscriptions":
                try check(version, APIVersions.subscriptions)
                let subs = store.world.subscriptions.filter { $0.accessDenied != true }.map(subscriptionResource)
                return page(subs, request, baseURL)
            case ("GET", 2) where lower[0] == "subscriptions":
                try check(version, APIVersions.subscriptions)
                let world = store.world
                return .json(200, subscriptionResource(world.subscriptions[try world.subscriptionIndex(segments[1])]))
            case ("GET", 3) where lower[0] == "subscriptions" && lower[2] == "resourcegroups":
                try check(version, APIVersions.resourceGroups)
                let world = store.world
                let s = try world.subscriptionIndex(segments[1])
                let entry = world.subscriptions[s]
                let groups = entry.resourceGroups.map { group in
                    ResourceGroup(
                        id: "/subscriptions/\(entry.subscriptionId)/resourceGroups/\(group.name)", name: group.name,
                        type: "Microsoft.Resources/resourceGroups", location: group.location,
                        properties: ResourceGroupProperties(provisioningState: "Succeeded"))
                }
                return page(groups, request, baseURL)
            case ("GET", 5) where isProviderList(lower, at: 2):
                try check(version, APIVersions.network, type: "virtualNetworks")
                let world = store.world
                return page(world.vnets(subscription: try world.subscriptionIndex(segments[1])), request, baseURL)
            case ("GET", 7) where isGroup(lower) && isProviderList(lower, at: 4):
                try check(version, APIVersions.network, type: "virtualNetworks")
                let world = store.world
                let (s, g) = try world.groupIndex(segments[1], segments[3])
                return page(world.subscriptions[s].resourceGroups[g].virtualNetworks, request, baseURL)
            case (_, 8) where isGroup(lower) && isProviderList(lower, at: 4):
                try check(version, APIVersions.network, type: "virtualNetworks")
                return try vnetRoute(request, segments)
            case ("GET", 9) where isGroup(lower) && isProviderList(lower, at: 4) && lower[8] == "virtualnetworkpeerings":
                try check(version, APIVersions.network, type: "virtualNetworks/virtualNetworkPeerings")
                let world = store.world
                let vnet = world[try world.vnetIndex(segments[1], segments[3], segments[7])]
                return page(vnet.properties?.virtualNetworkPeerings ?? [], request, baseURL)
            case (_, 10) where isGroup(lower) && isProviderList(lower, at: 4) && lower[8] == "virtualnetworkpeerings":
                try check(version, APIVersions.network, type: "virtualNetworks/virtualNetworkPeerings")
                return try peeringRoute(request, segments)
            default:
                if let first = lower.first, first == "subscriptions" {
                    return .failure(ARMFailure(404, "InvalidResourceType", "The resource type could not be found in the namespace for api version '\(version ?? "")'."))
                }
                return .failure(ARMFailure(404, "NotFound", "No route matches \(request.method) \(request.path)."))
            }
        } catch {
            return .failure(error)
        }
    }

    private func check(_ version: String?, _ supported: Set<String>, type: String? = nil) throws(ARMFailure) {
        if let failure = APIVersions.check(version, supported: supported, networkType: type) { throw failure }
    }

    private func isGroup(_ lower: [String]) -> Bool { lower[0] == "subscriptions" && lower[2] == "resourcegroups" }

    private func isProviderList(_ lower: [String], at i: Int) -> Bool {
        lower.count > i + 2 && lower[0] == "subscriptions" && lower[i] == "providers" && lower[i + 1] == "microsoft.network"
            && lower[i + 2] == "virtualnetworks"
    }

    private func subscriptionResource(_ entry: WorldFile.SubscriptionEntry) -> Subscription {
        Subscription(
            id: "/subscriptions/\(entry.subscriptionId)", subscriptionId: entry.subscriptionId, tenantId: entry.tenantId,
            displayName: entry.displayName ?? entry.subscriptionId, state: entry.state ?? "Enabled", authorizationSource: "RoleBased")
    }

    private func vnetRoute(_ request: EmulatorRequest, _ segments: [String]) throws(ARMFailure) -> EmulatorResponse {
        switch request.method {
        case "GET":
            let world = store.world
            return .json(200, world[try world.vnetIndex(segments[1], segments[3], segments[7])])
        case "PUT":
            guard let body = try? JSONDecoder().decode(VirtualNetwork.self, from: request.body) else {
                throw .badRequest("InvalidRequestFormat", "Cannot parse the request body as a virtual network.")
            }
            let (vnet, created) = try store.mutate { (world: inout WorldFile) throws(ARMFailure) in
                try world.putVirtualNetwork(subscription: segments[1], group: segments[3], name: segments[7], body: body)
            }
            return .json(created ? 201 : 200, vnet)
        default:
            throw ARMFailure(405, "MethodNotAllowed", "The method \(request.method) is not allowed on a virtual network here.")
        }
    }

    private func peeringRoute(_ request: EmulatorRequest, _ segments: [String]) throws(ARMFailure) -> EmulatorResponse {
        let (sub, group, vnet, name) = (segments[1], segments[3], segments[7], segments[9])
        switch request.method {
        case "GET":
            let world = store.world
            let index = try world.vnetIndex(sub, group, vnet)
            guard let peering = world[index].properties?.virtualNetworkPeerings?.first(where: { $0.routeName.lowercased() == name.lowercased() })
            else {
                throw .peeringNotFound(ResourceID.peering(subscriptionId: sub, resourceGroup: group, virtualNetwork: vnet, name: name).description)
            }
            return .json(200, peering)
        case "PUT":
            if let problem = ARMNameRules.networkResourceProblem(name) {
                throw .badRequest("InvalidResourceName", "Resource name \(name) is invalid: it \(problem).")
            }
            guard let body = try? JSONDecoder().decode(VirtualNetworkPeering.self, from: request.body) else {
                throw .badRequest("InvalidRequestFormat", "Cannot parse the request body as a virtual network peering.")
            }
            let sync = request.query["syncremoteaddressspace"]?.lowercased() == "true"
            let (peering, created) = try store.mutate { (world: inout WorldFile) throws(ARMFailure) in
                try world.putPeering(subscription: sub, group: group, vnet: vnet, peering: name, body: body, syncRemoteAddressSpace: sync)
            }
            return .json(created ? 201 : 200, peering)
        case "DELETE":
            let existed = try store.mutate { (world: inout WorldFile) throws(ARMFailure) in
                try world.deletePeering(subscription: sub, group: group, vnet: vnet, peering: name)
            }
            return .empty(existed ? 200 : 204)
        default:
            throw ARMFailure(405, "MethodNotAllowed", "The method \(request.method) is not allowed on a peering.")
        }
    }

    /// One page of `items`, with a nextLink on the emulator's own host that carries api-version.
    private func page<T: Codable & Sendable>(_ items: [T], _ request: EmulatorRequest, _ baseURL: String) -> EmulatorResponse {
        let settings = store.settings
        let size = max(1, settings.pageSize)
        let start = max(0, Int(request.query["$skiptoken"] ?? "0") ?? 0)
        let slice = start < items.count ? Array(items[start..<min(items.count, start + size)]) : []
        var nextLink: String?
        if start + size < items.count {
            let base = settings.nextLinkBase ?? baseURL
            let version = request.query["api-version"] ?? ""
            let next = settings.loopNextLink ? start : start + size
            nextLink = "\(base)\(request.path)?api-version=\(version)&$skiptoken=\(next)"
        }
        return .json(200, Page(value: slice, nextLink: nextLink))
    }
}
