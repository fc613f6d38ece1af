/// What ARM said about a response besides its body: request ids and the remaining read quota.
public struct ARMResponseInfo: Sendable, Hashable {
    /// `x-ms-request-id`.
    public var requestID: String?
    /// `x-ms-correlation-request-id`.
    public var correlationID: String?
    /// The `x-ms-client-request-id` this client sent (the same across retries).
    public var clientRequestID: String
    /// `x-ms-ratelimit-remaining-subscription-reads`: how many reads ARM still allows this hour.
    public var remainingSubscriptionReads: Int?
    /// How many tries the request took (1 when no retry was needed).
    public var tries: Int

    public init(requestID: String? = nil, correlationID: String? = nil, clientRequestID: String, remainingSubscriptionReads: Int? = nil, tries: Int = 1) {
        self.requestID = requestID
        self.correlationID = correlationID
        self.clientRequestID = clientRequestID
        self.remainingSubscriptionReads = remainingSubscriptionReads
        self.tries = tries
    }
}

/// One page of a list, with what ARM said about it.
public struct ARMPage<Element: Sendable>: Sendable {
    public var items: [Element]
    public var info: ARMResponseInfo
    /// Whether the body was byte for byte the last one at this URL, and the items are the ones decoded then.
    public internal(set) var unchanged = false
    public init(items: [Element], info: ARMResponseInfo) {
        self.items = items
        self.info = info
    }
}
