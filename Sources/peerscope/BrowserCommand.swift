import ArgumentParser
import Foundation

/// Starts the interactive browser.
enum BrowserCommand {
    static func run(selection: SelectionOptions, refresh: Int) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            FileHandle.standardError.write(Data("peerscope: the browser needs a terminal (stdin and stdout must be a TTY); for scripts use 'peerscope list'\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardError.write(Data("peerscope: the browser is not built yet; use 'peerscope list'\n".utf8))
        throw ExitCode(1)
    }
}
