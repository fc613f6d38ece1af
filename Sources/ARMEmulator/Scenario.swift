import ARMModels

/// The demo world's script: changes at fixed offsets in a repeating cycle, driven by a clock the caller advances.
///
/// It never touches the sample's resource group peerTest. Tests advance it
/// explicitly; `--demo` advances it with real time.
public struct Scenario: Sendable {
    /// One scripted change.
    public struct Event: Sendable {
        public var at: Duration
        public var summary: String
        var apply: @Sendable (inout WorldFile) throws(ARMFailure) -> Void
    }

    public var period: Duration
    public var events: [Event]
    /// The world as it was at the start of each cycle; restored when a cycle ends.
    var initial: WorldFile?

    public static let none = Scenario(period: .seconds(3600), events: [], initial: nil)

    /// The demo script: within a minute a peering connects, one disconnects, one loses sync.
    public static func demo(initial: WorldFile) -> Scenario {
        Scenario(
            period: .seconds(90),
            events: [
                Event(at: .seconds(12), summary: "vnet-spoke-29 peers back to the hub: hub-to-spoke-29 Initiated → Connected") { world throws(ARMFailure) in
                    try DemoWorld.createSpokeSide(&world, 29)
                },
                Event(at: .seconds(25), summary: "vnet-spoke-20 deletes its peering: hub-to-spoke-20 Connected → Disconnected") { world throws(ARMFailure) in
                    try DemoWorld.deleteSpokeSide(&world, 20)
                },
                Event(at: .seconds(40), summary: "vnet-spoke-07 grows its address space: hub-to-spoke-07 goes out of sync") { world throws(ARMFailure) in
                    let index = try DemoWorld.spokeIndex(world, 7)
                    world.changeAddressSpace(index, to: AddressSpace(addressPrefixes: ["10.7.0.0/16", "10.107.0.0/16"]))
                },
                Event(at: .seconds(65), summary: "spoke-07-to-hub is synced: both sides FullyInSync") { world throws(ARMFailure) in
                    _ = try world.putPeering(
                        subscription: DemoWorld.spokeSubscription(7), group: DemoWorld.spokeGroup(7), vnet: DemoWorld.spokeName(7),
                        peering: DemoWorld.spokePeeringName(7), body: VirtualNetworkPeering(), syncRemoteAddressSpace: true)
                },
            ],
            initial: initial)
    }

    /// Applies every event between `from` and `to`, restoring the initial world at each cycle's end.
    func run(_ world: inout WorldFile, from: Duration, to: Duration) -> [String] {
        guard to > from else { return [] }
        var log: [String] = []
        let periodSeconds = period.seconds
        var cycle = Int((from.seconds / periodSeconds).rounded(.down))
        while Double(cycle) * periodSeconds <= to.seconds {
            let start = Duration.seconds(Double(cycle) * periodSeconds)
            if cycle > 0, start > from, start <= to, let initial {
                restore(&world, from: initial)
                log.append("cycle \(cycle): the demo network is back to its starting state")
            }
            for event in events {
                let time = start + event.at
                guard time > from, time <= to else { continue }
                do {
                    try event.apply(&world)
                    log.append(event.summary)
                } catch {
                    log.append("\(event.summary): failed (\(error.code))")
                }
            }
            cycle += 1
        }
        return log
    }

    /// Puts back every subscription but the sample's, whose state only clients change.
    private func restore(_ world: inout WorldFile, from initial: WorldFile) {
        let sample = world.subscriptions.filter { $0.subscriptionId == SampleWorld.subscriptionId }
        world.subscriptions = sample + initial.subscriptions.filter { $0.subscriptionId != SampleWorld.subscriptionId }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
