import FoundationEssentials
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// The emulator as an HTTP server on loopback: start it, get its URL, stop it.
///
/// Used in-process by `--demo` and tests, and by `peerscope emulator`.
public final class EmulatorServer: Sendable {
    /// Where the emulator listens, e.g. `http://127.0.0.1:54321`.
    public let url: String
    public let store: WorldStore
    private let group: ServiceGroup
    private let task: Task<Void, any Error>
    private let clockTask: Mutex<Task<Void, Never>?> = Mutex(nil)

    private init(url: String, store: WorldStore, group: ServiceGroup, task: Task<Void, any Error>) {
        self.url = url
        self.store = store
        self.group = group
        self.task = task
    }

    /// Starts a server on `host:port` (port 0: any free port).
    /// - Parameter requestLog: receives one line per request (method, path, status, time); nil for none.
    public static func start(
        store: WorldStore, host: String = "127.0.0.1", port: Int = 0,
        requestLog: (@Sendable (String) -> Void)? = nil
    ) async throws -> EmulatorServer {
        let baseURL = Mutex<String>("")
        let router = ARMRouter(store: store)
        let responder = CallbackResponder<BasicRequestContext> { request, context in
            var request = request
            let started = ContinuousClock.now
            let body = (try? await request.collectBody(upTo: 16 * 1024 * 1024)) ?? ByteBuffer()
            let incoming = EmulatorRequest(
                method: request.method.rawValue, path: request.uri.path, rawQuery: request.uri.query ?? "",
                authorization: request.headers[.authorization],
                clientRequestID: HTTPField.Name("x-ms-client-request-id").flatMap { request.headers[$0] },
                body: Data(body.readableBytesView),
                headers: Dictionary(request.headers.map { ($0.name.canonicalName, $0.value) }, uniquingKeysWith: { a, _ in a }))
            let answer = await router.respond(to: incoming, baseURL: baseURL.withLock { $0 })
            if let delay = answer.delay { try? await Task.sleep(for: delay) }
            let elapsed = ContinuousClock.now - started
            let millis = Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
            requestLog?("\(incoming.method) \(incoming.path) \(answer.delivery == .normal ? String(answer.status) : "\(answer.delivery)") \(millis)ms")
            return EmulatorServer.httpResponse(answer)
        }
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        var logger = Logger(label: "peerscope.emulator")
        logger.logLevel = .critical
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            },
            logger: logger)
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task { try await group.run() }
        var boundPort = 0
        for await p in stream { boundPort = p }
        guard boundPort > 0 else {
            task.cancel()
            throw EmulatorError("the emulator could not listen on \(host):\(port)")
        }
        let hostPart = host.contains(":") ? "[\(host)]" : host
        let url = "http://\(hostPart):\(boundPort)"
        baseURL.withLock { $0 = url }
        return EmulatorServer(url: url, store: store, group: group, task: task)
    }

    /// Advances the scenario clock with real time, once a second, until stopped.
    public func runScenarioClock(tick: Duration = .seconds(1), onChange: (@Sendable ([String]) -> Void)? = nil) {
        let store = self.store
        let task = Task {
            while !Task.isCancelled {
                try? await Task.sleep(for: tick)
                let changes = store.advance(by: tick)
                if !changes.isEmpty { onChange?(changes) }
            }
        }
        clockTask.withLock { $0 = task }
    }

    /// Stops the server and the clock, waiting for the listener to close.
    public func stop() async {
        clockTask.withLock { $0?.cancel() }
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }

    static func httpResponse(_ answer: EmulatorResponse) -> Response {
        var fields = HTTPFields()
        for (name, value) in answer.headers {
            if let fieldName = HTTPField.Name(name) { fields.append(HTTPField(name: fieldName, value: value)) }
        }
        let status = HTTPResponse.Status(code: answer.status)
        let bytes = ByteBuffer(bytes: answer.body)
        switch answer.delivery {
        case .normal:
            return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: bytes))
        case .truncated:
            fields[.contentLength] = String(bytes.readableBytes)
            let half = bytes.getSlice(at: 0, length: bytes.readableBytes / 2) ?? ByteBuffer()
            return Response(
                status: status, headers: fields,
                body: ResponseBody(contentLength: bytes.readableBytes) { writer in
                    try await writer.write(half)
                    throw EmulatorError("emulator fault: body cut short")
                })
        case .drop:
            return Response(
                status: status, headers: fields,
                body: ResponseBody { _ in throw EmulatorError("emulator fault: connection dropped") })
        }
    }
}
