import ARMModels
import AsyncHTTPClient
import FoundationEssentials
import Logging
import NIOCore
import NIOHTTP1
import Synchronization

/// The shared API client: every front end reads ARM through this.
///
/// Operations check their input before sending anything, follow nextLink
/// as async sequences, and throw ``ARMError``.
public final class ARMClient: Sendable {
    public let configuration: ARMClientConfiguration
    let pipeline: ARMPipeline
    /// VNets read for the both-sides view, with when they were read.
    let vnetCache = Mutex<[String: (vnet: VirtualNetwork, at: Date)]>([:])
    /// The last pages of peering lists, so that an unchanged refresh is not decoded again.
    let peeringPages = PageMemo()

    /// One HTTP client for the whole process, with redirects off so a token can't follow one.
    ///
    /// It lives as long as the process, like `HTTPClient.shared`, so no
    /// code path can crash by dropping a client that was not shut down.
    static let httpClient: HTTPClient = {
        var httpConfiguration = HTTPClient.Configuration(redirectConfiguration: .disallow)
        httpConfiguration.timeout.connect = .seconds(4)
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: httpConfiguration)
    }()

    /// Creates a client.
    /// - Parameters:
    ///   - sleep: how retries wait; tests pass one that records instead of sleeping.
    ///   - random: the jitter source, a number in 0..<1.
    ///   - now: the clock used to read Retry-After dates.
    public init(
        configuration: ARMClientConfiguration,
        credential: any TokenCredential,
        logger: Logger = Logger(label: "peerscope.arm", factory: { _ in SwiftLogNoOpLogHandler() }),
        sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) },
        random: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) },
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.configuration = configuration
        self.pipeline = ARMPipeline(
            configuration: configuration, credential: credential, httpClient: ARMClient.httpClient, logger: logger,
            sleep: sleep, random: random, now: now, meter: RequestMeter(), limiter: AsyncLimiter(limit: 4))
    }

    /// Requests in the last minute and ARM's remaining-reads figure.
    public var meter: RequestMeter { pipeline.meter }

    /// Ends the client's use; the process-wide connection pool stays for other clients.
    public func shutdown() async {}

    // MARK: Operations

    /// Subscriptions - List.
    public func subscriptions() -> PageSequence<Subscription> {
        pages("/subscriptions", apiVersion: configuration.subscriptionsAPIVersion, scope: RequestScope())
    }

    /// Resource Groups - List.
    public func resourceGroups(subscriptionId: String) throws(ARMError) -> PageSequence<ResourceGroup> {
        let sub = try Validate.subscription(subscriptionId)
        return pages("/subscriptions/\(sub)/resourcegroups", apiVersion: configuration.resourceGroupsAPIVersion, scope: RequestScope(subscription: sub))
    }

    /// Virtual Networks - List All (the whole subscription), each with its peerings embedded.
    public func virtualNetworks(subscriptionId: String) throws(ARMError) -> PageSequence<VirtualNetwork> {
        let sub = try Validate.subscription(subscriptionId)
        return pages(
            "/subscriptions/\(sub)/providers/Microsoft.Network/virtualNetworks", apiVersion: configuration.networkAPIVersion,
            scope: RequestScope(subscription: sub))
    }

    /// Virtual Networks - List (one resource group).
    public func virtualNetworks(subscriptionId: String, resourceGroup: String) throws(ARMError) -> PageSequence<VirtualNetwork> {
        let sub = try Validate.subscription(subscriptionId)
        let group = try Validate.resourceGroup(resourceGroup)
        return pages(
            "/subscriptions/\(sub)/resourceGroups/\(Validate.encode(group))/providers/Microsoft.Network/virtualNetworks",
            apiVersion: configuration.networkAPIVersion, scope: RequestScope(subscription: sub, resourceGroup: group))
    }

    /// Virtual Networks - Get, with the embedded peerings `peerings` asks for (all by default).
    public func virtualNetwork(
        subscriptionId: String, resourceGroup: String, name: String, peerings: VirtualNetworkReader.EmbeddedPeerings = .all
    ) async throws -> VirtualNetwork {
        let path = try vnetPath(subscriptionId, resourceGroup, name)
        let scope = RequestScope(subscription: subscriptionId, resourceGroup: resourceGroup, virtualNetwork: name)
        return try await get(path, scope: scope) { try VirtualNetworkReader.virtualNetwork($0, peerings: peerings) }
    }

    /// Virtual Network Peerings - List.
    public func peerings(subscriptionId: String, resourceGroup: String, virtualNetwork: String) throws(ARMError) -> PageSequence<VirtualNetworkPeering> {
        let path = try vnetPath(subscriptionId, resourceGroup, virtualNetwork) + "/virtualNetworkPeerings"
        var sequence: PageSequence<VirtualNetworkPeering> = pages(
            path, apiVersion: configuration.networkAPIVersion,
            scope: RequestScope(subscription: subscriptionId, resourceGroup: resourceGroup, virtualNetwork: virtualNetwork))
        sequence.memo = peeringPages
        return sequence
    }

    /// Virtual Network Peerings - Get.
    public func peering(subscriptionId: String, resourceGroup: String, virtualNetwork: String, name: String) async throws -> VirtualNetworkPeering {
        let peeringName = try Validate.networkName(name, option: "peering name")
        let path = try vnetPath(subscriptionId, resourceGroup, virtualNetwork) + "/virtualNetworkPeerings/\(Validate.encode(peeringName))"
        let scope = RequestScope(subscription: subscriptionId, resourceGroup: resourceGroup, virtualNetwork: virtualNetwork, peering: name)
        return try await get(path, scope: scope)
    }

    // MARK: Plumbing

    private func vnetPath(_ subscriptionId: String, _ resourceGroup: String, _ name: String) throws(ARMError) -> String {
        let sub = try Validate.subscription(subscriptionId)
        let group = try Validate.resourceGroup(resourceGroup)
        let vnet = try Validate.networkName(name, option: "--vnet-name")
        return "/subscriptions/\(sub)/resourceGroups/\(Validate.encode(group))/providers/Microsoft.Network/virtualNetworks/\(Validate.encode(vnet))"
    }

    private func url(_ path: String, apiVersion: String) -> String {
        "\(configuration.endpoint)\(path)?api-version=\(Validate.encode(apiVersion))"
    }

    private func pages<T: ListPageDecoding>(_ path: String, apiVersion: String, scope: RequestScope) -> PageSequence<T> {
        PageSequence(pipeline: pipeline, firstURL: url(path, apiVersion: apiVersion), scope: scope)
    }

    private func get<T: Decodable>(_ path: String, scope: RequestScope, decode: (Data) throws -> T = { try JSONDecoder().decode(T.self, from: $0) }) async throws -> T {
        let (data, info) = try await pipeline.send(.GET, url(path, apiVersion: configuration.networkAPIVersion), scope: scope)
        do {
            return try decode(data)
        } catch {
            var failure = ARMError(kind: .malformedResponse, message: "ARM's answer for \(scope.phrase) cannot be read: \(DecodingProblem.describe(error))")
            failure.requestID = info.requestID
            throw failure
        }
    }
}
