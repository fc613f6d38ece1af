import FoundationEssentials

/// The emulator's admin API, under `/_emulator/`: faults, settings, the scenario clock and the request log.
///
/// | route                         | does                                                   |
/// |-------------------------------|--------------------------------------------------------|
/// | `POST /_emulator/faults`      | adds a ``Fault`` (JSON body)                           |
/// | `DELETE /_emulator/faults`    | removes all faults                                     |
/// | `GET/PUT /_emulator/settings` | reads / replaces ``EmulatorSettings``                  |
/// | `POST /_emulator/clock`       | `{"advanceSeconds": N}` runs the scenario N seconds on |
/// | `GET/DELETE /_emulator/requests` | reads / clears the log of received requests         |
/// | `GET /_emulator/world`        | the whole world as a world file                        |
/// | `GET /_emulator/devicecode`   | user codes waiting for sign-in                         |
/// | `POST /_emulator/devicecode`  | `{"userCode": "…", "approve": true}` approves or declines |
struct AdminAPI {
    let store: WorldStore

    struct ClockRequest: Codable { var advanceSeconds: Double }
    struct ClockResponse: Codable {
        var elapsedSeconds: Double
        var changes: [String]
    }

    func respond(to request: EmulatorRequest) -> EmulatorResponse {
        let route = request.path.lowercased().dropFirst("/_emulator/".count)
        switch (request.method, String(route)) {
        case ("POST", "faults"):
            guard let fault = try? JSONDecoder().decode(Fault.self, from: request.body) else { return bad("a fault needs at least 'kind'") }
            store.addFault(fault)
            return .json(201, fault)
        case ("DELETE", "faults"):
            store.clearFaults()
            return .empty(204)
        case ("GET", "settings"):
            return .json(200, store.settings)
        case ("PUT", "settings"), ("POST", "settings"):
            guard let settings = try? JSONDecoder().decode(EmulatorSettings.self, from: request.body) else {
                return bad("settings need 'pageSize' and 'loopNextLink'")
            }
            store.settings = settings
            return .json(200, settings)
        case ("POST", "clock"):
            guard let body = try? JSONDecoder().decode(ClockRequest.self, from: request.body), body.advanceSeconds >= 0 else {
                return bad("the clock needs a non-negative 'advanceSeconds'")
            }
            let changes = store.advance(by: .milliseconds(Int64(body.advanceSeconds * 1000)))
            return .json(200, ClockResponse(elapsedSeconds: store.elapsed.seconds, changes: changes))
        case ("GET", "requests"):
            return .json(200, store.requests)
        case ("DELETE", "requests"):
            store.clearRequests()
            return .empty(204)
        case ("POST", "devicecode"):
            struct Resolve: Codable {
                var userCode: String
                var approve: Bool
            }
            guard let body = try? JSONDecoder().decode(Resolve.self, from: request.body) else { return bad("needs 'userCode' and 'approve'") }
            return store.resolveDeviceCode(userCode: body.userCode, approve: body.approve) ? .empty(204) : bad("no pending code \(body.userCode)")
        case ("GET", "devicecode"):
            return .json(200, store.pendingUserCodes)
        case ("GET", "world"):
            return .json(200, store.world)
        default:
            return .failure(ARMFailure(404, "NotFound", "No admin route \(request.method) \(request.path)."))
        }
    }

    private func bad(_ message: String) -> EmulatorResponse {
        .failure(ARMFailure(400, "InvalidAdminRequest", message))
    }
}
