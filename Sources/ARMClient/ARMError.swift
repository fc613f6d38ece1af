/// The one error type of the ARM client: what went wrong, in a sentence a person can act on.
///
/// It carries the HTTP status, ARM's error code, message and target, and the
/// request ids support asks for. It never carries a token or an
/// Authorization header, so its description is safe to print and log.
public struct ARMError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure; new kinds can be added without breaking callers.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Code: Hashable, Sendable {
            case invalidInput, credentialUnavailable, authenticationFailed, unauthenticated, forbidden, notFound, throttled
            case server, transport, malformedResponse, insecureTransport, foreignHost, pagingLoop, other
        }
        private let code: Code
        private init(_ code: Code) { self.code = code }
        public static let invalidInput = Kind(.invalidInput)
        public static let credentialUnavailable = Kind(.credentialUnavailable)
        public static let authenticationFailed = Kind(.authenticationFailed)
        public static let unauthenticated = Kind(.unauthenticated)
        public static let forbidden = Kind(.forbidden)
        public static let notFound = Kind(.notFound)
        public static let throttled = Kind(.throttled)
        public static let server = Kind(.server)
        public static let transport = Kind(.transport)
        public static let malformedResponse = Kind(.malformedResponse)
        public static let insecureTransport = Kind(.insecureTransport)
        public static let foreignHost = Kind(.foreignHost)
        public static let pagingLoop = Kind(.pagingLoop)
        public static let other = Kind(.other)
        public var description: String { "\(code)" }
    }

    public var kind: Kind
    /// The sentence shown to the user.
    public var message: String
    public var httpStatus: Int?
    /// ARM's `error.code`, e.g. `ResourceGroupNotFound`.
    public var armCode: String?
    /// ARM's `error.message`.
    public var armMessage: String?
    public var target: String?
    /// `x-ms-request-id` of the failing response.
    public var requestID: String?
    public var correlationID: String?
    /// The `x-ms-client-request-id` this client sent.
    public var clientRequestID: String?
    /// For throttling: how long the server asked to wait.
    public var retryAfter: Duration?

    public init(kind: Kind, message: String, httpStatus: Int? = nil, armCode: String? = nil) {
        self.kind = kind
        self.message = message
        self.httpStatus = httpStatus
        self.armCode = armCode
    }

    public var description: String {
        var text = message
        if let requestID { text += " (request id \(requestID))" }
        return text
    }

    static func invalidInput(option: String, rule: String) -> ARMError {
        ARMError(kind: .invalidInput, message: "\(option) \(rule)")
    }

    static func authenticationFailed(_ message: String) -> ARMError {
        ARMError(kind: .authenticationFailed, message: message)
    }

    static func credentialUnavailable(_ message: String) -> ARMError {
        ARMError(kind: .credentialUnavailable, message: message)
    }
}
