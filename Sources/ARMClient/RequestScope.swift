/// What a request is about, so that an error can name it in a sentence.
struct RequestScope: Sendable {
    var subscription: String?
    var resourceGroup: String?
    var virtualNetwork: String?
    var peering: String?

    /// The thing the request reads, as a person would name it.
    var phrase: String {
        if let peering, let virtualNetwork { return "peering \(peering) of virtual network \(virtualNetwork)\(groupSuffix)" }
        if let virtualNetwork { return "virtual network \(virtualNetwork)\(groupSuffix)" }
        if let resourceGroup { return "resource group \(resourceGroup)\(subscriptionSuffix)" }
        if let subscription { return "subscription \(subscription)" }
        return "the subscriptions list"
    }

    private var groupSuffix: String {
        guard let resourceGroup else { return subscriptionSuffix }
        return " in resource group \(resourceGroup)\(subscriptionSuffix)"
    }

    private var subscriptionSuffix: String {
        guard let subscription else { return "" }
        return " (subscription \(subscription))"
    }

    /// Turns an ARM error response into a sentence a person can act on.
    func describe(status: Int, code: String?, message: String?) -> (ARMError.Kind, String) {
        let detail = [code, message].compactMap { $0 }.joined(separator: ": ")
        let suffix = detail.isEmpty ? "" : " [\(detail)]"
        switch status {
        case 401:
            return (
                .unauthenticated,
                "ARM rejected the credential (401): the token is missing, expired or for another audience; run 'az login' again or set a fresh PEERSCOPE_ACCESS_TOKEN\(suffix)"
            )
        case 403:
            return (.forbidden, "the signed-in identity has no read access to \(phrase)\(suffix)")
        case 404:
            switch code?.lowercased() {
            case "resourcegroupnotfound":
                return (.notFound, "resource group \(resourceGroup ?? "?") not found in subscription \(subscription ?? "?")")
            case "subscriptionnotfound", "invalidsubscriptionid":
                return (.notFound, "subscription \(subscription ?? "?") not found, or not visible to the signed-in identity")
            default:
                return (.notFound, "\(phrase) not found\(suffix)")
            }
        case 429:
            return (.throttled, "ARM is throttling requests for \(phrase) (429)\(suffix)")
        case 500...599:
            return (.server, "ARM failed to answer for \(phrase) (\(status))\(suffix)")
        default:
            return (.other, "ARM refused the request for \(phrase) (\(status))\(suffix)")
        }
    }
}
