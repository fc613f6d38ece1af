import FoundationEssentials
import Synchronization

/// Tries credentials in order and sticks with the first that works, as the SDKs' DefaultAzureCredential does.
///
/// When every step fails, one error lists each credential tried and why,
/// in order, and says what to do.
public final class ChainedTokenCredential: TokenCredential {
    public let name = "DefaultAzureCredential"
    public let steps: [any TokenCredential]
    private let chosen = Mutex<Int?>(nil)

    public init(_ steps: [any TokenCredential]) { self.steps = steps }

    public var identity: String {
        chosen.withLock { $0 }.map { steps[$0].identity } ?? "not signed in yet"
    }

    public func token(for audience: String) async throws -> AccessToken {
        if let index = chosen.withLock({ $0 }) { return try await steps[index].token(for: audience) }
        var failures: [String] = []
        for (index, step) in steps.enumerated() {
            do {
                let token = try await step.token(for: audience)
                chosen.withLock { $0 = index }
                return token
            } catch let error as ARMError {
                failures.append(error.message.hasPrefix(step.name) ? error.message : "\(step.name): \(error.message)")
            } catch {
                failures.append("\(step.name): \(error)")
            }
        }
        throw ARMError.credentialUnavailable(
            "no credential could sign in — " + failures.joined(separator: "; ")
                + ". Run 'az login', set AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET, or use --auth device-code")
    }

    public func invalidate() async {
        for step in steps { await step.invalidate() }
    }
}

/// A chain step whose inputs are absent: it fails at once, saying which.
public struct UnavailableCredential: TokenCredential {
    public let name: String
    let reason: String
    public init(name: String, reason: String) {
        self.name = name
        self.reason = reason
    }
    public func token(for audience: String) async throws -> AccessToken {
        throw ARMError.credentialUnavailable("\(name): \(reason)")
    }
}
