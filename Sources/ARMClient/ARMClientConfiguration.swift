import FoundationEssentials

/// Where the client talks to and which api-versions it asks for.
public struct ARMClientConfiguration: Sendable {
    /// The public cloud's ARM endpoint.
    public static let publicCloudEndpoint = "https://management.azure.com"

    /// The ARM endpoint, e.g. `https://management.azure.com` or an emulator's `http://127.0.0.1:PORT`.
    public var endpoint: ARMEndpoint
    /// The token audience for ARM (the Azure CLI's `--resource`).
    public var audience: String
    /// api-version for Microsoft.Network operations.
    public var networkAPIVersion = "2025-05-01"
    /// api-version for Subscriptions - List.
    public var subscriptionsAPIVersion = "2022-12-01"
    /// api-version for Resource Groups - List.
    public var resourceGroupsAPIVersion = "2021-04-01"
    /// How each try is retried and how long it may take.
    public var retry = RetryPolicy()
    /// The longest body accepted from one response.
    public var maxResponseBytes = 64 * 1024 * 1024
    /// The User-Agent sent with every request.
    public var userAgent = "peerscope/\(PeerScopeVersion.current)"

    public init(endpoint: ARMEndpoint, audience: String? = nil) {
        self.endpoint = endpoint
        self.audience = audience ?? ARMClientConfiguration.publicCloudEndpoint
    }
}

/// The version PeerScope reports in its User-Agent.
public enum PeerScopeVersion {
    public static let current = "0.1.0"
}

/// A parsed ARM endpoint: scheme, host and port, with the transport rules that apply to it.
public struct ARMEndpoint: Sendable, Hashable, CustomStringConvertible {
    public let scheme: String
    public let host: String
    public let port: Int
    /// The path prefix under which ARM routes live (usually empty).
    public let basePath: String

    /// Parses an endpoint URL, rejecting anything but http(s) with a host.
    ///
    /// Plain http is allowed only to loopback hosts, where the emulator runs,
    /// because a bearer token must never cross a network unencrypted.
    public init(_ text: String) throws(ARMError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty
        else {
            throw ARMError.invalidInput(option: "--endpoint", rule: "must be a URL such as https://management.azure.com; got '\(text.prefix(80))'")
        }
        guard scheme == "https" || scheme == "http" else {
            throw ARMError.invalidInput(option: "--endpoint", rule: "must use https (or http to a loopback emulator); got '\(scheme)'")
        }
        if scheme == "http", !ARMEndpoint.isLoopback(host) {
            throw ARMError.invalidInput(
                option: "--endpoint", rule: "plain http is allowed only to loopback (127.0.0.1, ::1, localhost); use https for '\(host)'")
        }
        self.scheme = scheme
        var bare = host.lowercased()
        if bare.hasPrefix("["), bare.hasSuffix("]") { bare = String(bare.dropFirst().dropLast()) }
        self.host = bare
        self.port = components.port ?? (scheme == "https" ? 443 : 80)
        var path = components.percentEncodedPath
        while path.hasSuffix("/") { path.removeLast() }
        self.basePath = path
    }

    public var description: String {
        let defaultPort = scheme == "https" ? 443 : 80
        let hostPart = host.contains(":") ? "[\(host)]" : host
        return port == defaultPort ? "\(scheme)://\(hostPart)\(basePath)" : "\(scheme)://\(hostPart):\(port)\(basePath)"
    }

    /// Whether this is the public cloud's ARM endpoint.
    public var isPublicCloud: Bool { scheme == "https" && host == "management.azure.com" && port == 443 }

    /// Whether `host` names the loopback interface (127.0.0.0/8, ::1, localhost).
    public static func isLoopback(_ host: String) -> Bool {
        var h = host.lowercased()
        if h.hasPrefix("["), h.hasSuffix("]") { h = String(h.dropFirst().dropLast()) }
        if h == "localhost" || h == "::1" { return true }
        let octets = h.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && (Int($0) ?? 256) <= 255 }) else {
            return false
        }
        return octets[0] == "127"
    }

    /// Whether `url` points at this endpoint's scheme, host and port (the only place a token may go).
    public func owns(_ url: URLComponents) -> Bool {
        guard let scheme = url.scheme?.lowercased(), var host = url.host?.lowercased() else { return false }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        let port = url.port ?? (scheme == "https" ? 443 : 80)
        return scheme == self.scheme && host == self.host && port == self.port
    }
}
