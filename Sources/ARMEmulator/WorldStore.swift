import ARMModels
import Synchronization

/// The emulator's state: the world, the scenario clock, faults, settings and the request log.
///
/// All access goes through one lock, so requests, the clock and the admin
/// API see one consistent world.
public final class WorldStore: Sendable {
    struct State: Sendable {
        var world: WorldFile
        var scenario: Scenario
        var elapsed: Duration = .zero
        var faults: [Fault] = []
        var settings: EmulatorSettings
        var requests: [RecordedRequest] = []
        var changes: [String] = []
        var entra = EntraState()
    }

    let state: Mutex<State>

    public init(world: WorldFile, scenario: Scenario = .none, settings: EmulatorSettings = EmulatorSettings()) {
        var world = world
        world.normalize()
        state = Mutex(State(world: world, scenario: scenario, settings: settings))
    }

    /// The default world (sample + changing demo network) with its scenario.
    public static func demo(pageSize: Int = 100) throws -> WorldStore {
        let world = try DemoWorld.world()
        return WorldStore(world: world, scenario: .demo(initial: world), settings: EmulatorSettings(pageSize: pageSize))
    }

    /// A copy of the world as it is now.
    public var world: WorldFile { state.withLock { $0.world } }

    /// Moves the scenario clock forward and returns what changed.
    @discardableResult
    public func advance(by step: Duration) -> [String] {
        state.withLock { state in
            let from = state.elapsed
            state.elapsed = from + step
            let log = state.scenario.run(&state.world, from: from, to: state.elapsed)
            state.changes += log
            return log
        }
    }

    /// How far the scenario clock has run.
    public var elapsed: Duration { state.withLock { $0.elapsed } }

    public func addFault(_ fault: Fault) { state.withLock { $0.faults.append(fault) } }
    public func clearFaults() { state.withLock { $0.faults.removeAll() } }
    public var settings: EmulatorSettings {
        get { state.withLock { $0.settings } }
        set { state.withLock { $0.settings = newValue } }
    }
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }
    public func clearRequests() { state.withLock { $0.requests.removeAll() } }

    /// Changes the world under the lock.
    public func mutate<T>(_ body: (inout WorldFile) throws(ARMFailure) -> T) throws(ARMFailure) -> T {
        try state.withLock { (state: inout State) throws(ARMFailure) -> T in try body(&state.world) }
    }

    func read<T>(_ body: (WorldFile) throws(ARMFailure) -> T) throws(ARMFailure) -> T {
        try state.withLock { (state: inout State) throws(ARMFailure) -> T in try body(state.world) }
    }

    /// Takes the first fault matching `path`, counting it down.
    func takeFault(for path: String) -> Fault? {
        state.withLock { state in
            guard let index = state.faults.firstIndex(where: { $0.matches(path) }) else { return nil }
            let fault = state.faults[index]
            if let count = fault.count {
                if count <= 1 { state.faults.remove(at: index) } else { state.faults[index].count = count - 1 }
            }
            return fault
        }
    }

    func record(_ request: RecordedRequest) {
        state.withLock { state in
            state.requests.append(request)
            if state.requests.count > 10_000 { state.requests.removeFirst(state.requests.count - 10_000) }
        }
    }
}
