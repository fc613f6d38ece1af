import FoundationEssentials

/// The Azure CLI's azureProfile.json: which subscriptions `az login` saw and which is the default.
///
/// It lives under AZURE_CONFIG_DIR, else ~/.azure, and starts with a UTF-8 byte-order mark.
public struct AzureCLIProfile: Sendable {
    public struct Entry: Decodable, Sendable, Equatable {
        public var id: String
        public var name: String?
        public var tenantId: String?
        public var isDefault: Bool?
        public var environmentName: String?
    }

    public var subscriptions: [Entry]

    private struct File: Decodable { var subscriptions: [Entry]? }

    /// Reads the profile, or nil when there is none or it cannot be read.
    public static func load(environment: [String: String]) -> AzureCLIProfile? {
        let directory = environment["AZURE_CONFIG_DIR"].flatMap { $0.isEmpty ? nil : $0 }
            ?? environment["HOME"].map { "\($0)/.azure" }
        guard let directory, var data = FileManager.default.contents(atPath: "\(directory)/azureProfile.json") else { return nil }
        if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
        guard let file = try? JSONDecoder().decode(File.self, from: data) else { return nil }
        return AzureCLIProfile(subscriptions: file.subscriptions ?? [])
    }

    /// The subscription `az account set` chose.
    public var defaultSubscription: Entry? { subscriptions.first { $0.isDefault == true } }

    /// The tenant of a subscription, when the profile knows it.
    public func tenant(of subscription: String) -> String? {
        subscriptions.first { $0.id.lowercased() == subscription.lowercased() }?.tenantId
    }
}
