import ARMModels
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PeeringBrowser
import Synchronization

/// Runs the interactive browser on the calling thread until the user quits or the terminal goes away.
///
/// One thread owns the terminal and sleeps in poll() on stdin and a wake
/// pipe; refreshes run as tasks whose results come back through an inbox.
public final class BrowserApp {
    /// How the browser ended, as a process exit code.
    public enum Exit: Int32, Sendable {
        case quit = 0, hangup = 129, interrupt = 130, terminated = 143
    }

    private let source: any PeeringSource
    private var state: BrowserState
    /// Where other threads post actions (sign-in prompts); posting wakes the UI thread.
    public let inbox = Inbox()

    public init(state: BrowserState, source: any PeeringSource) {
        self.state = state
        self.source = source
    }

    /// Opens the terminal, runs the loop, and always gives the terminal back.
    public func run() throws -> Exit {
        let pipe = try WakePipe()
        inbox.attach(pipe)
        let terminal = try CursesTerminal()
        pipe.installSignalHandlers()
        defer {
            terminal.close()
            pipe.restoreSignalHandlers()
        }
        return loop(terminal, pipe)
    }

    private func loop(_ terminal: CursesTerminal, _ pipe: WakePipe) -> Exit {
        var dirty = true
        var fullRedraw = false
        var emptyReads = 0
        var pendingClipboard: String?
        _ = perform(BrowserReducer.reduce(&state, .tick, now: Date()), pipe, &fullRedraw, &pendingClipboard)
        if state.nav.subscriptions.isEmpty, state.nav.screen != .subscriptions {
            // Names for the breadcrumb.
            _ = perform([.fetchSubscriptions(generation: state.nav.generation)], pipe, &fullRedraw, &pendingClipboard)
        }
        // What of the last frame drawn followed from the clock alone: a timed wake draws only when it changed.
        var drawnLook: BrowserState.TimedLook?
        while true {
            let now = Date()
            if dirty {
                let state = self.state
                terminal.frame(full: fullRedraw) { canvas in Screen.render(state, now: now, on: &canvas) }
                drawnLook = state.timedLook(now: now)
                fullRedraw = false
                dirty = false
                if let text = pendingClipboard {
                    Clipboard.copy(text)
                    pendingClipboard = nil
                }
            }
            var fds = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0), pollfd(fd: pipe.readFD, events: Int16(POLLIN), revents: 0)]
            // Sleep until a key, a result, a signal, or the next moment the frame changes by itself.
            let ready = poll(&fds, 2, Self.timeout(until: state.nextTimedChange(after: now), now: now))
            if ready == 0, state.timedLook(now: Date()) != drawnLook { dirty = true }
            if ready < 0 && errno != EINTR { return .hangup }
            if fds[0].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
            if fds[1].revents & Int16(POLLIN) != 0 {
                for byte in pipe.drain() {
                    switch Int32(byte) {
                    case SIGHUP: return .hangup
                    case SIGINT: return .interrupt
                    case SIGTERM: return .terminated
                    default: break
                    }
                }
            }
            var gotKey = false
            while let key = terminal.readKey() {
                gotKey = true
                dirty = true
                guard let key, let action = Keymap.action(for: key, editingFilter: state.editingFilter, editingCommand: state.nav.command != nil) else { continue }
                state.message = nil
                let (w, h) = terminal.size
                let page = max(1, (w >= 110 ? h - 4 : (h - 3) / 2 - 1))
                if perform(BrowserReducer.reduce(&state, action, now: Date(), pageSize: page), pipe, &fullRedraw, &pendingClipboard) {
                    return .quit
                }
            }
            if ready > 0, fds[0].revents & Int16(POLLIN) != 0, !gotKey {
                emptyReads += 1
                if emptyReads >= 5 { return .hangup }
            } else if gotKey {
                emptyReads = 0
            }
            for action in inbox.take() {
                dirty = true
                _ = perform(BrowserReducer.reduce(&state, action, now: Date()), pipe, &fullRedraw, &pendingClipboard)
            }
            // A tick that starts a refresh changes nothing on screen; one that ends a highlight does.
            let before = state.changes.count
            _ = perform(BrowserReducer.reduce(&state, .tick, now: Date()), pipe, &fullRedraw, &pendingClipboard)
            if before != state.changes.count { dirty = true }
        }
    }

    /// Milliseconds poll() may sleep before `deadline`: at least 1, at most a minute (a safety net, not a clock).
    static func timeout(until deadline: Date?, now: Date) -> Int32 {
        guard let deadline else { return 60_000 }
        let ms = (deadline.timeIntervalSince(now) * 1000).rounded(.up)
        return Int32(max(1, min(60_000, ms)))
    }

    /// Runs effects; returns true when the browser should quit.
    private func perform(_ effects: [BrowserEffect], _ pipe: WakePipe, _ fullRedraw: inout Bool, _ clipboard: inout String?) -> Bool {
        for effect in effects {
            switch effect {
            case .quit: return true
            case .redrawAll: fullRedraw = true
            case .copyToClipboard(let text): clipboard = text
            case .fetchSubscriptions(let generation):
                guard let network = source as? any NetworkSource else { continue }
                let inbox = self.inbox
                Task.detached {
                    let result: Result<[Subscription], RefreshFailure>
                    do { result = .success(try await network.listSubscriptions()) } catch { result = .failure(RefreshFailure.from(error)) }
                    inbox.post(.subscriptionsLoaded(generation: generation, result: result))
                }
            case .fetchVNets(let subscription, let generation):
                guard let network = source as? any NetworkSource else { continue }
                let inbox = self.inbox
                Task.detached {
                    let result: Result<[VirtualNetwork], RefreshFailure>
                    do { result = .success(try await network.listVirtualNetworks(subscription: subscription)) } catch { result = .failure(RefreshFailure.from(error)) }
                    inbox.post(.vnetsLoaded(generation: generation, subscription: subscription, result: result))
                }
            case .fetchRemote(let key, let fresh):
                guard let peering = state.peerings[key] else { continue }
                let source = self.source, vnet = state.vnet, inbox = self.inbox
                Task.detached {
                    let (remote, local) = await source.remoteSide(of: peering, localVNet: vnet, fresh: fresh)
                    inbox.post(.remoteLoaded(key: key, remote: remote, localVNet: local))
                }
            case .fetch(let generation):
                let source = self.source, vnet = state.vnet, inbox = self.inbox
                Task.detached {
                    let result: Result<[VirtualNetworkPeering], RefreshFailure>
                    do {
                        result = .success(try await source.peerings(of: vnet))
                    } catch {
                        result = .failure(RefreshFailure.from(error))
                    }
                    if case .success = result, !source.signedInAs.isEmpty { inbox.put(.identity(source.signedInAs)) }
                    if let usage = source.usage { inbox.put(.usage(requestsLastMinute: usage.requestsLastMinute, remainingReads: usage.remainingReads)) }
                    inbox.put(.loaded(generation: generation, result: result))
                    pipe.wake()
                }
            }
        }
        return false
    }
}

/// Actions from background tasks, waiting for the UI thread.
public final class Inbox: Sendable {
    private let actions = Mutex<[BrowserAction]>([])
    private let pipe = Mutex<WakePipe?>(nil)
    func attach(_ pipe: WakePipe) { self.pipe.withLock { $0 = pipe } }
    func put(_ action: BrowserAction) { actions.withLock { $0.append(action) } }
    func take() -> [BrowserAction] { actions.withLock { list in defer { list.removeAll() }; return list } }

    /// Posts an action from any thread and wakes the UI.
    public func post(_ action: BrowserAction) {
        put(action)
        pipe.withLock { $0 }?.wake()
    }
}

/// Copies text to the local clipboard with OSC 52, which works over SSH and inside tmux.
enum Clipboard {
    static func copy(_ text: String) {
        let sequence = "\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}"
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBufferPointer { write(1, $0.baseAddress, $0.count) }
    }
}

extension RefreshFailure {
    /// A refresh failure from any error, keeping ARM's requested wait when it gave one.
    static func from(_ error: any Error) -> RefreshFailure {
        if let described = error as? any RefreshDescribable {
            return RefreshFailure(message: described.refreshMessage, retryAfter: described.refreshRetryAfter)
        }
        return RefreshFailure(message: DisplayText.sanitize("\(error)"))
    }
}

