import ARMClient
import ArgumentParser
import Foundation

/// PeerScope: a terminal browser for Azure virtual network peerings.
@main
struct PeerScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peerscope",
        abstract: "Browse Azure virtual network peerings in the terminal and watch their state change live.",
        version: PeerScopeVersion.current,
        subcommands: [ListCommand.self, EmulatorCommand.self])

    @OptionGroup var selection: SelectionOptions

    @Option(help: "Seconds between refreshes (at least 2).")
    var refresh = 10

    func validate() throws {
        guard refresh >= 2 else { throw ValidationError("--refresh must be at least 2 seconds") }
    }

    func run() throws {
        try BrowserCommand.run(selection: selection, refresh: refresh)
    }
}
