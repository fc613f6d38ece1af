import FoundationEssentials

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
    private let localOffset: @Sendable (Date) -> Int

    /// Creates the credential.
    /// - Parameters:
    ///   - executable: the `az` program; a bare name is looked up on PATH.
    ///   - environment: the environment `az` runs with and PATH comes from.
    ///   - timeout: how long `az` may take.
    ///   - localOffset: seconds east of UTC of the local zone at a time, for the CLI's local-time `expiresOn`.
    public init(
        executable: String = "az", environment: [String: String] = ProcessInfo.processInfo.environment, timeout: Duration = .seconds(10),
        localOffset: @escaping @Sendable (Date) -> Int = { _ in 0 }
    ) {
        self.executable = executable
        self.environment = environment
        self.timeout = timeout
        self.localOffset = localOffset
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
        return try AzureCLICredential.parse(result.stdout, localOffset: localOffset)
    }

    /// Parses the JSON `az account get-access-token` prints.
    ///
    /// Reads `expires_on` (epoch seconds, a number or a string) and falls back to `expiresOn`
    /// (local time, "yyyy-MM-dd HH:mm:ss.SSSSSS"), read with `localOffset` (seconds east of UTC at a time).
    public static func parse(_ data: Data, localOffset: (Date) -> Int = { _ in 0 }) throws -> AccessToken {
        guard let answer = try? JSONDecoder().decode(CLIAnswer.self, from: data) else {
            throw ARMError.credentialUnavailable("Azure CLI printed something that is not a JSON object")
        }
        guard let token = answer.accessToken, !token.isEmpty else {
            throw ARMError.credentialUnavailable("Azure CLI output has no accessToken")
        }
        if let epoch = answer.expiresOnEpoch {
            return AccessToken(token: token, expiresOn: Date(timeIntervalSince1970: epoch))
        }
        if let text = answer.expiresOnLocal, let asUTC = localTimeAsUTC(text) {
            // The offset at the instant itself: first guess with the offset at the UTC reading, then correct once.
            let guess = asUTC.addingTimeInterval(-Double(localOffset(asUTC)))
            return AccessToken(token: token, expiresOn: asUTC.addingTimeInterval(-Double(localOffset(guess))))
        }
        throw ARMError.credentialUnavailable("Azure CLI output has neither expires_on nor a readable expiresOn")
    }

    /// "2026-12-01 14:05:32.000000" read as if it were UTC; nil unless it has that shape.
    static func localTimeAsUTC(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == ":" })
        guard parts.count == 6, let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              let hour = Int(parts[3]), let minute = Int(parts[4]),
              let seconds = Double(parts[5]), (1...12).contains(month), (1...31).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0..<61).contains(seconds) else { return nil }
        let days = CivilDate.daysSinceEpoch(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60) + seconds)
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

/// The members of the CLI's answer that matter; `expires_on` comes as a number or a numeric string.
private struct CLIAnswer: Decodable {
    var accessToken: String?
    var expiresOnEpoch: Double?
    var expiresOnLocal: String?

    enum CodingKeys: String, CodingKey { case accessToken, expiresOnEpoch = "expires_on", expiresOnLocal = "expiresOn" }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try? container.decodeIfPresent(String.self, forKey: .accessToken)
        expiresOnLocal = try? container.decodeIfPresent(String.self, forKey: .expiresOnLocal)
        if let number = try? container.decodeIfPresent(Double.self, forKey: .expiresOnEpoch) {
            expiresOnEpoch = number
        } else if let text = try? container.decodeIfPresent(String.self, forKey: .expiresOnEpoch) {
            expiresOnEpoch = Double(text)
        }
    }
}
