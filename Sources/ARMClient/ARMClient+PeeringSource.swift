import ARMModels
import PeeringBrowser

extension ARMClient: PeeringSource {
    public var signedInAs: String { pipeline.credential.identity }

    /// Lists every peering of a VNet, for the browser.
    public func peerings(of vnet: ResourceID) async throws -> [VirtualNetworkPeering] {
        guard let group = vnet.resourceGroup, let name = vnet.virtualNetworkName else {
            throw ARMError(kind: .invalidInput, message: "\(vnet) is not a virtual network id")
        }
        return try await peerings(subscriptionId: vnet.subscriptionId, resourceGroup: group, virtualNetwork: name).collect()
    }
}

extension ARMError: RefreshDescribable {
    public var refreshMessage: String { DisplayText.sanitize(description) }
    public var refreshRetryAfter: Duration? { retryAfter }
}
