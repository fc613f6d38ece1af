import ARMClient
import ARMModels
import ArgumentParser

/// The options that pick a VNet and an ARM, shared by the browser and `list` (names follow the Azure CLI).
struct SelectionOptions: ParsableArguments {
    @Option(name: .long, help: "Subscription id (a UUID).")
    var subscription: String?

    @Option(name: [.customShort("g"), .customLong("resource-group")], help: "Resource group of the virtual network.")
    var resourceGroup: String?

    @Option(name: .customLong("vnet-name"), help: "Name of the virtual network.")
    var vnetName: String?

    @Option(name: .long, help: "Resource id of a virtual network or one of its peerings (as the portal or az prints it).")
    var ids: String?

    @Option(name: .long, help: "ARM endpoint URL (an emulator, a private ARM). Default: the cloud's.")
    var endpoint: String?

    @Option(name: .long, help: "AzureCloud, AzureUSGovernment or AzureChinaCloud.")
    var cloud: String?

    @Option(name: .customLong("api-version"), help: "api-version for Microsoft.Network calls (default 2025-05-01).")
    var apiVersion: String?

    @Option(name: .long, help: "Seconds to wait for each answer from ARM before trying again (default 30).")
    var timeout: Double?

    @Flag(name: .long, help: "Use a built-in emulator with the sample and a changing demo network (no Azure account needed).")
    var demo = false

    @Option(name: .long, help: "Credential to use: auto, env, workload, managed-identity, cli or device-code.")
    var auth: AuthMode = .auto
}

extension AuthMode: ExpressibleByArgument {}

/// A VNet chosen on the command line.
struct VNetSelection: Sendable, Equatable {
    var subscription: String
    var resourceGroup: String
    var vnet: String
    /// A peering to select, when --ids named one.
    var peering: String?

    var id: ResourceID { .virtualNetwork(subscriptionId: subscription, resourceGroup: resourceGroup, name: vnet) }
}

extension SelectionOptions {
    /// The VNet the options name, or nil when none is named; throws when the options contradict or are malformed.
    func selection(allowSubscriptionOnly: Bool = false) throws -> VNetSelection? {
        if let ids {
            let parsed: ResourceID
            do { parsed = try ResourceID(parsing: ids) } catch { throw CommandFailure("--ids: \(error.message)") }
            if parsed.resourceGroup == nil, parsed.providerNamespace == nil, allowSubscriptionOnly {
                // A subscription id: the browser opens its VNets screen.
                return VNetSelection(subscription: parsed.subscriptionId, resourceGroup: "", vnet: "")
            }
            guard let group = parsed.resourceGroup, let vnet = parsed.virtualNetworkName else {
                throw CommandFailure("--ids must name a virtual network or a peering\(allowSubscriptionOnly ? " (or a subscription)" : ""); '\(ids.prefix(120))' does not")
            }
            return VNetSelection(subscription: parsed.subscriptionId, resourceGroup: group, vnet: vnet, peering: parsed.peeringName)
        }
        let given = [resourceGroup, vnetName].compactMap { $0 }
        if given.isEmpty { return nil }
        guard let resourceGroup, let vnetName else {
            throw CommandFailure("name the virtual network with both --resource-group and --vnet-name (or with --ids)")
        }
        do {
            if let subscription, ARMNameRules.isUUID(subscription) || subscription.contains("-") && subscription.count == 36 {
                _ = try Validate.subscription(subscription)
            }
            _ = try Validate.resourceGroup(resourceGroup)
            _ = try Validate.networkName(vnetName, option: "--vnet-name")
        } catch { throw CommandFailure(error.message) }
        return VNetSelection(subscription: subscription ?? "", resourceGroup: resourceGroup, vnet: vnetName)
    }
}
