import Dispatch
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's standard streams, for the commands that print rather than draw.
public enum StandardStreams {
    /// Whether standard input is a terminal.
    public static var inputIsTerminal: Bool { isatty(0) == 1 }
    /// Whether standard output is a terminal.
    public static var outputIsTerminal: Bool { isatty(1) == 1 }

    /// Writes `text` to standard output in full (a closed pipe ends the write quietly).
    public static func writeOutput(_ text: String) { write(text, to: 1) }
    /// Writes `text` to standard error in full.
    public static func writeError(_ text: String) { write(text, to: 2) }

    /// Writes `bytes` to standard output in full (a closed pipe ends the write quietly).
    public static func writeOutput(bytes: [UInt8]) { bytes.withUnsafeBufferPointer { write($0, to: 1) } }

    private static func write(_ text: String, to fd: Int32) {
        var text = text
        text.withUTF8 { write($0, to: fd) }
    }

    private static func write(_ bytes: UnsafeBufferPointer<UInt8>, to fd: Int32) {
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if n > 0 {
                offset += n
            } else if n < 0, errno == EINTR {
                continue
            } else {
                return
            }
        }
    }
}

/// The machine's local time zone, as the C library reads it (TZ, /etc/localtime).
public enum LocalTime {
    /// Seconds east of UTC in the local zone at `date`.
    public static func secondsFromGMT(at date: Date) -> Int {
        var epoch = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard localtime_r(&epoch, &parts) != nil else { return 0 }
        return Int(parts.tm_gmtoff)
    }
}

/// Waits for SIGINT or SIGTERM, which stop being fatal once this exists: for servers that shut down cleanly.
public final class TerminationSignals {
    private let stop = DispatchSemaphore(value: 0)
    private let sources: [any DispatchSourceSignal]

    /// Starts catching SIGINT and SIGTERM.
    public init() {
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let stop = self.stop
        sources = [SIGINT, SIGTERM].map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            return source
        }
    }

    /// Blocks until one of the signals arrives.
    public func wait() { stop.wait() }

    /// Stops catching the signals.
    public func cancel() { sources.forEach { $0.cancel() } }
}
