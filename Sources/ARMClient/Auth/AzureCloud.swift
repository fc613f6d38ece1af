/// A national cloud: where ARM lives, which audience its tokens carry, and where to sign in.
public struct AzureCloud: Sendable, Equatable {
    public var name: String
    public var armEndpoint: String
    /// The token audience (resource) for ARM; for US Government it differs from the ARM host.
    public var audience: String
    /// The Entra ID authority host.
    public var authorityHost: String

    public static let public_ = AzureCloud(
        name: "AzureCloud", armEndpoint: "https://management.azure.com", audience: "https://management.azure.com",
        authorityHost: "https://login.microsoftonline.com")
    public static let usGovernment = AzureCloud(
        name: "AzureUSGovernment", armEndpoint: "https://management.usgovcloudapi.net", audience: "https://management.core.usgovcloudapi.net/",
        authorityHost: "https://login.microsoftonline.us")
    public static let china = AzureCloud(
        name: "AzureChinaCloud", armEndpoint: "https://management.chinacloudapi.cn", audience: "https://management.core.chinacloudapi.cn/",
        authorityHost: "https://login.chinacloudapi.cn")

    public static let all = [public_, usGovernment, china]

    /// The cloud with this name (case-insensitive), or nil.
    public static func named(_ name: String) -> AzureCloud? {
        all.first { $0.name.lowercased() == name.lowercased() }
    }

    /// The OAuth 2.0 scope for ARM: the audience with `/.default`.
    public static func scope(for audience: String) -> String {
        var base = audience
        while base.hasSuffix("/") { base.removeLast() }
        return base + "/.default"
    }
}
