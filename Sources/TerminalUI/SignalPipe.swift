import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the wake pipe, for the C signal handler (which cannot capture context).
nonisolated(unsafe) private var signalWakeFD: Int32 = -1

/// A pipe that wakes the UI thread's poll(): one byte per inbox message, or the number of a signal that arrived.
final class WakePipe: @unchecked Sendable {
    let readFD: Int32
    let writeFD: Int32
    private var previous: [Int32: sigaction] = [:]

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw TerminalError("cannot create the wake pipe: \(String(cString: strerror(errno)))") }
        readFD = fds[0]
        writeFD = fds[1]
        for fd in fds { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
    }

    /// Writes one byte; never blocks (a full pipe already means "wake up").
    func wake(_ byte: UInt8 = 0) {
        var value = byte
        _ = write(writeFD, &value, 1)
    }

    /// Routes SIGINT, SIGTERM and SIGHUP to the pipe (ncurses would _exit or ignore them).
    func installSignalHandlers() {
        signalWakeFD = writeFD
        for number in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { signal in
                var value = UInt8(truncatingIfNeeded: signal)
                _ = write(signalWakeFD, &value, 1)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = 0
            var old = sigaction()
            sigaction(number, &action, &old)
            previous[number] = old
        }
        signal(SIGPIPE, SIG_IGN)
    }

    /// Puts the previous handlers back.
    func restoreSignalHandlers() {
        for (number, old) in previous {
            var action = old
            sigaction(number, &action, nil)
        }
        previous.removeAll()
    }

    /// Reads every waiting byte.
    func drain() -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = read(readFD, &buffer, buffer.count)
            if n > 0 { bytes += buffer[0..<n] } else if n < 0, errno == EINTR { continue } else { break }
        }
        return bytes
    }

    deinit {
        close(readFD)
        close(writeFD)
    }
}
