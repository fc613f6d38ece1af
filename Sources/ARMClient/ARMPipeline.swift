import ARMModels
import AsyncHTTPClient
import FoundationEssentials
import Logging
import NIOCore
import NIOHTTP1

/// Sends one logical request to ARM: token, request ids, retries, timeouts and error mapping.
///
/// Tokens go only to the configured endpoint's scheme, host and port, and
/// only over https unless that host is loopback. Nothing here logs a header.
struct ARMPipeline: Sendable {
    let configuration: ARMClientConfiguration
    let credential: any TokenCredential
    let httpClient: HTTPClient
    let logger: Logger
    let sleep: @Sendable (Duration) async throws -> Void
    let random: @Sendable () -> Double
    let now: @Sendable () -> Date
    let meter: RequestMeter
    let limiter: AsyncLimiter

    /// Sends `method url` and returns the body and what ARM said about it.
    func send(_ method: HTTPMethod, _ url: String, scope: RequestScope, body: Data? = nil) async throws -> (Data, ARMResponseInfo) {
        guard let components = URLComponents(string: url) else {
            throw ARMError(kind: .malformedResponse, message: "ARM gave a URL that cannot be parsed: \(url.prefix(120))")
        }
        guard configuration.endpoint.owns(components) else {
            throw ARMError(
                kind: .foreignHost,
                message: "refusing to send the token to \(components.host ?? "an unknown host"): it is not the configured ARM endpoint \(configuration.endpoint)")
        }
        guard configuration.endpoint.scheme == "https" || ARMEndpoint.isLoopback(configuration.endpoint.host) else {
            throw ARMError(kind: .insecureTransport, message: "refusing to send a token over plain http to \(configuration.endpoint.host)")
        }
        let clientRequestID = UUID().uuidString.lowercased()
        var retriesDone = 0
        var renewedAfter401 = false
        while true {
            let started = ContinuousClock.now
            let token: AccessToken
            do {
                token = try await credential.token(for: configuration.audience)
            } catch let error as ARMError {
                throw error
            } catch {
                throw ARMError.credentialUnavailable("\(credential.name) could not give a token: \(error)")
            }
            var request = HTTPClientRequest(url: url)
            request.method = method
            request.headers.add(name: "Authorization", value: "Bearer \(token.token)")
            request.headers.add(name: "Accept", value: "application/json")
            request.headers.add(name: "User-Agent", value: configuration.userAgent)
            request.headers.add(name: "x-ms-client-request-id", value: clientRequestID)
            request.headers.add(name: "x-ms-return-client-request-id", value: "true")
            if let body {
                request.headers.add(name: "Content-Type", value: "application/json")
                request.body = .bytes(ByteBuffer(bytes: body))
            }
            let status: Int
            let headers: HTTPHeaders
            let data: Data
            do {
                let timeout = TimeAmount.nanoseconds(Int64(configuration.retry.perTryTimeout.seconds * 1e9))
                let client = httpClient, limit = configuration.maxResponseBytes, sending = request
                (status, headers, data) = try await limiter.run {
                    let response = try await client.execute(sending, timeout: timeout, logger: nil)
                    let buffer = try await ARMPipeline.collect(response, upTo: limit)
                    return (Int(response.status.code), response.headers, ARMPipeline.data(sharing: buffer))
                }
            } catch {
                let reason = ARMPipeline.describeTransport(error)
                logger.debug("\(method) \(components.path) failed after \(ContinuousClock.now - started): \(reason)")
                let decision = configuration.retry.decide(status: nil, retriesDone: retriesDone, retryAfter: nil, random: random())
                if case .retry(let delay) = decision {
                    retriesDone += 1
                    try await sleep(delay)
                    continue
                }
                var failure = ARMError(kind: .transport, message: "could not reach ARM at \(configuration.endpoint) for \(scope.phrase): \(reason)")
                failure.clientRequestID = clientRequestID
                throw failure
            }
            let info = ARMResponseInfo(
                requestID: headers.first(name: "x-ms-request-id"),
                correlationID: headers.first(name: "x-ms-correlation-request-id"),
                clientRequestID: clientRequestID,
                remainingSubscriptionReads: headers.first(name: "x-ms-ratelimit-remaining-subscription-reads").flatMap { Int($0) },
                tries: retriesDone + 1)
            meter.record(at: now(), remainingReads: info.remainingSubscriptionReads)
            logger.debug("\(method) \(components.path) \(status) in \(ContinuousClock.now - started) request-id=\(info.requestID ?? "-")")
            if (200..<300).contains(status) { return (data, info) }
            if status == 401, !renewedAfter401 {
                // The token may have expired or been revoked early: renew once and try again.
                renewedAfter401 = true
                await credential.invalidate()
                continue
            }

            let retryAfter = RetryPolicy.retryAfter(headers.map { ($0.name, $0.value) }, now: now())
            switch configuration.retry.decide(status: status, retriesDone: retriesDone, retryAfter: retryAfter, random: random()) {
            case .retry(let delay):
                retriesDone += 1
                try await sleep(delay)
                continue
            case .throttled(let wait):
                var failure = mapError(status: status, data: data, info: info, scope: scope)
                failure.kind = .throttled
                failure.retryAfter = wait
                failure.message = "ARM is throttling requests for \(scope.phrase): try again in \(Int(wait.seconds.rounded(.up))) s"
                throw failure
            case .giveUp:
                var failure = mapError(status: status, data: data, info: info, scope: scope)
                failure.retryAfter = retryAfter
                throw failure
            }
        }
    }

    private func mapError(status: Int, data: Data, info: ARMResponseInfo, scope: RequestScope) -> ARMError {
        let body = (try? JSONDecoder().decode(CloudError.self, from: data))?.error
        let (kind, message) = scope.describe(status: status, code: body?.code, message: body?.message)
        var failure = ARMError(kind: kind, message: message, httpStatus: status, armCode: body?.code)
        failure.armMessage = body?.message
        failure.target = body?.target
        failure.requestID = info.requestID
        failure.correlationID = info.correlationID
        failure.clientRequestID = info.clientRequestID
        return failure
    }

    /// A short reason for a failure below HTTP (refused, timed out, closed).
    static func describeTransport(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .readTimeout, .deadlineExceeded: return "timed out waiting for an answer"
            case .connectTimeout: return "timed out connecting"
            case .remoteConnectionClosed: return "the connection was closed before the answer was complete"
            case .bodyLengthMismatch: return "the answer was cut short"
            default: return "\(error)"
            }
        }
        if error is NIOTooManyBytesError { return "the answer was larger than allowed" }
        let text = "\(error)"
        if text.lowercased().contains("connection refused") { return "connection refused" }
        return text
    }
}

extension ARMPipeline {
    /// The whole body, in one buffer sized by Content-Length when ARM sends one (not grown by doubling).
    static func collect(_ response: HTTPClientResponse, upTo limit: Int) async throws -> ByteBuffer {
        let declared = response.headers.first(name: "content-length").flatMap { Int($0) }
        if let declared, declared > limit { throw NIOTooManyBytesError(maxBytes: limit) }
        var body = ByteBufferAllocator().buffer(capacity: min(declared ?? 0, limit))
        for try await var chunk in response.body {
            guard body.readableBytes + chunk.readableBytes <= limit else { throw NIOTooManyBytesError(maxBytes: limit) }
            body.writeBuffer(&chunk)
        }
        return body
    }

    /// The buffer's readable bytes as Data without copying them: the Data keeps the buffer's storage alive.
    ///
    /// This is what NIOFoundationCompat's `.noCopy` transfer does, here without the Foundation it imports.
    static func data(sharing buffer: ByteBuffer) -> Data {
        buffer.withUnsafeReadableBytesWithStorageManagement { bytes, storage in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return Data() }
            _ = storage.retain()
            return Data(bytesNoCopy: UnsafeMutableRawPointer(mutating: base), count: bytes.count, deallocator: .custom { _, _ in storage.release() })
        }
    }
}
