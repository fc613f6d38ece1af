import ARMClient
import ArgumentParser
import FoundationEssentials
import NIOCore
import NIOPosix

/// PeerScope: a terminal browser for Azure virtual network peerings.
@main
struct PeerScope: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "peerscope",
        abstract: "Browse Azure virtual network peerings in the terminal and watch their state change live.",
        version: PeerScopeVersion.current,
        subcommands: [ListCommand.self, EmulatorCommand.self])

    @OptionGroup var selection: SelectionOptions

    @Option(help: "Seconds between refreshes, at least 2 (default 10; 3 with --demo).")
    var refresh: Int?

    /// Runs Swift concurrency's jobs on one NIO event loop thread, then the command.
    ///
    /// Every refresh is HTTP work that NIO does on its event loop; with the loop as the global
    /// executor, awaiting a response no longer hops between it and a second thread pool. One loop
    /// is plenty for a browser's few requests a second (NIO_SINGLETON_GROUP_LOOP_COUNT overrides it),
    /// and each loop more costs a thread and its task queue.
    static func main() {
        if ProcessInfo.processInfo.environment["NIO_SINGLETON_GROUP_LOOP_COUNT"] == nil {
            NIOSingletons.groupLoopCountSuggestion = 1
        }
        NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()
        main(nil)
    }

    func validate() throws {
        if let refresh, refresh < 2 { throw ValidationError("--refresh must be at least 2 seconds") }
    }

    func run() throws {
        try BrowserCommand.run(selection: selection, refresh: refresh ?? (selection.demo ? 3 : 10))
    }
}
