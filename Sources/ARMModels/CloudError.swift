/// ARM's error response envelope: `{"error": {...}}`.
public struct CloudError: Codable, Hashable, Sendable, Error {
    public var error: CloudErrorBody?
    public init(error: CloudErrorBody?) { self.error = error }
}

/// The body of an ARM error: code, message, target and nested details.
public struct CloudErrorBody: Codable, Hashable, Sendable {
    public var code: String?
    public var message: String?
    public var target: String?
    public var details: [CloudErrorBody]?

    public init(code: String? = nil, message: String? = nil, target: String? = nil, details: [CloudErrorBody]? = nil) {
        self.code = code
        self.message = message
        self.target = target
        self.details = details
    }
}
