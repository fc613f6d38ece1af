/// The api-versions the emulator accepts for each kind of route.
enum APIVersions {
    static let network: Set<String> = [
        "2026-03-01", "2026-01-01", "2025-11-01", "2025-09-01", "2025-07-01", "2025-05-01", "2025-03-01", "2025-01-01", "2024-10-01", "2024-07-01", "2024-05-01", "2024-03-01", "2024-01-01",
        "2023-11-01", "2023-09-01", "2023-06-01", "2023-05-01", "2023-04-01", "2023-02-01",
    ]
    static let subscriptions: Set<String> = ["2022-12-01", "2021-01-01", "2020-01-01", "2016-06-01"]
    static let resourceGroups: Set<String> = ["2021-04-01", "2022-09-01", "2023-07-01", "2024-03-01", "2024-07-01", "2024-11-01", "2025-04-01"]

    /// Checks a request's api-version against a set, with ARM's codes and messages.
    static func check(_ version: String?, supported: Set<String>, networkType: String?) -> ARMFailure? {
        guard let version, !version.isEmpty else {
            return .badRequest("MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.")
        }
        guard supported.contains(version) else {
            let list = supported.sorted(by: >).joined(separator: ", ")
            if let networkType {
                return .badRequest(
                    "NoRegisteredProviderFound",
                    "No registered resource provider found for location 'westeurope' and API version '\(version)' for type '\(networkType)'. The supported api-versions are '\(list)'.")
            }
            return .badRequest("InvalidApiVersionParameter", "The api-version '\(version)' is invalid. The supported versions are '\(list)'.")
        }
        return nil
    }
}
