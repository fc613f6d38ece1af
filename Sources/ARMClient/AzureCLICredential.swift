import Foundation

/// Gets tokens from the Azure CLI, as `az account get-access-token` prints them.
///
/// The CLI runs without a shell, with a 10 second limit. Keeping tokens until
/// they are due for renewal is ``CachingCredential``'s job, which wraps every chain.
public struct AzureCLICredential: TokenCredential {
    public let name = "AzureCliCredential"
    public var identity: String { "Azure CLI sign-in" }
    private let executable: String
    private let environment: [String: String]
    private let timeout: Duration

    /// Creates the credential.
    /// - Parameters:
    ///   - executable: the `az` program; a bare name is looked up on PATH.
    ///   - environment: the environment `az` runs with and PATH comes from.
    ///   - timeout: how long `az` may take.
    public init(executable: String = "az", environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Duration = .seconds(10)) {
        self.executable = executable
        self.environment = environment
        self.timeout = timeout
    }

    public func token(for audience: String) async throws -> AccessToken {
        try await fetch(audience)
    }

    private func fetch(_ audience: String) async throws -> AccessToken {
        guard let path = AzureCLICredential.locate(executable, path: environment["PATH"] ?? "") else {
            throw ARMError.credentialUnavailable(
                "Azure CLI ('\(executable)') was not found on PATH: install it and run 'az login', or set PEERSCOPE_ACCESS_TOKEN")
        }
        let result = try await ProcessRunner.run(
            path, arguments: ["account", "get-access-token", "--resource", audience, "-o", "json"],
            environment: environment, timeout: timeout)
        guard !result.timedOut else {
            throw ARMError.credentialUnavailable("Azure CLI did not answer within \(timeout): run 'az login' again or set PEERSCOPE_ACCESS_TOKEN")
        }
        guard result.status == 0 else {
            let firstLine = String(decoding: result.stderr, as: UTF8.self)
                .split(whereSeparator: \.isNewline).first.map(String.init) ?? "no message"
            throw ARMError.credentialUnavailable("Azure CLI failed (exit \(result.status)): \(firstLine.prefix(200)) — run 'az login'")
        }
        return try AzureCLICredential.parse(result.stdout)
    }

    /// Parses the JSON `az account get-access-token` prints.
    ///
    /// Reads `expires_on` (epoch seconds, a number or a string) and falls
    /// back to `expiresOn` (local time, "yyyy-MM-dd HH:mm:ss.SSSSSS").
    public static func parse(_ data: Data) throws -> AccessToken {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw ARMError.credentialUnavailable("Azure CLI printed something that is not a JSON object")
        }
        guard let token = object["accessToken"] as? String, !token.isEmpty else {
            throw ARMError.credentialUnavailable("Azure CLI output has no accessToken")
        }
        if let epoch = object["expires_on"] as? Double {
            return AccessToken(token: token, expiresOn: Date(timeIntervalSince1970: epoch))
        }
        if let text = object["expires_on"] as? String, let epoch = Double(text) {
            return AccessToken(token: token, expiresOn: Date(timeIntervalSince1970: epoch))
        }
        if let text = object["expiresOn"] as? String {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone.current
            for format in ["yyyy-MM-dd HH:mm:ss.SSSSSS", "yyyy-MM-dd HH:mm:ss"] {
                formatter.dateFormat = format
                if let date = formatter.date(from: text) { return AccessToken(token: token, expiresOn: date) }
            }
        }
        throw ARMError.credentialUnavailable("Azure CLI output has neither expires_on nor a readable expiresOn")
    }

    /// Finds `name` on `path` unless it already names a file.
    static func locate(_ name: String, path: String) -> String? {
        let manager = FileManager.default
        if name.contains("/") { return manager.isExecutableFile(atPath: name) ? name : nil }
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if manager.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}
