import ARMEmulator
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// A real HTTP exchange with an emulator on loopback, for tests.
struct EmulatorHTTP {
    let server: EmulatorServer

    static func start(_ store: WorldStore) async throws -> EmulatorHTTP {
        EmulatorHTTP(server: try await EmulatorServer.start(store: store))
    }

    func send(_ method: HTTPMethod, _ path: String, token: String? = "t", body: String? = nil) async throws -> (Int, Data) {
        var request = HTTPClientRequest(url: server.url + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 50 * 1024 * 1024)
        return (Int(response.status.code), Data(bytes.readableBytesView))
    }

    func json(_ method: HTTPMethod, _ path: String, body: String? = nil) async throws -> (Int, [String: Any]) {
        let (status, data) = try await send(method, path, body: body)
        return (status, (try? JSONSerialization.jsonObject(with: data) as? [String: Any]) ?? [:])
    }
}

let sampleVNet = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/peerTest/providers/Microsoft.Network/virtualNetworks"
let v = "?api-version=2025-05-01"

func errorCode(_ object: [String: Any]) -> String? {
    (object["error"] as? [String: Any])?["code"] as? String
}
