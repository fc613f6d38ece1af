import ARMModels
import FoundationEssentials

/// The browser's logic: a pure function from state and action to new state and effects.
public enum BrowserReducer {

    /// Applies `action` at time `now`, returning the effects to run.
    public static func reduce(_ state: inout BrowserState, _ action: BrowserAction, now: Date, pageSize: Int = 10) -> [BrowserEffect] {
        let before = state.selectedID
        var effects = reduceCore(&state, action, now: now, pageSize: pageSize)
        // The selected peering's remote side is read when the selection lands on it and after each refresh.
        if let key = state.selectedID, state.peerings[key] != nil {
            var refreshed = false
            if case .loaded(_, .success) = action { refreshed = true }
            if key != before || refreshed || state.remotes[key] == nil && !state.pendingRemote.contains(key) {
                if !state.pendingRemote.contains(key) {
                    state.pendingRemote.insert(key)
                    effects.append(.fetchRemote(key: key, fresh: refreshed))
                }
            }
        }
        return effects
    }

    static func reduceCore(_ state: inout BrowserState, _ action: BrowserAction, now: Date, pageSize: Int) -> [BrowserEffect] {
        if let effects = NavigationReducer.reduce(&state, action, now: now, pageSize: pageSize) { return effects }
        if state.editingFilter {
            switch action {
            case .filterInput(let c):
                state.filter.append(c)
                state.relayout()
                return []
            case .filterBackspace:
                if !state.filter.isEmpty { state.filter.removeLast() }
                state.relayout()
                return []
            case .filterCommit:
                state.editingFilter = false
                return []
            case .filterCancel:
                state.editingFilter = false
                state.filter = ""
                state.relayout()
                return []
            case .tick, .loaded, .quit, .redraw, .signInNotice, .identity, .remoteLoaded, .subscriptionsLoaded, .vnetsLoaded, .usage:
                break
            default:
                return []
            }
        }
        if state.showHelp {
            switch action {
            case .tick, .loaded, .quit, .redraw, .signInNotice, .identity, .remoteLoaded, .subscriptionsLoaded, .vnetsLoaded, .usage: break
            default:
                state.showHelp = false
                return []
            }
        }
        switch action {
        case .moveUp: move(&state, by: -1)
        case .moveDown: move(&state, by: 1)
        case .pageUp: move(&state, by: -max(1, pageSize))
        case .pageDown: move(&state, by: max(1, pageSize))
        case .top: move(&state, by: -Int.max / 2)
        case .bottom: move(&state, by: Int.max / 2)
        case .focusDetail:
            if state.focus == .detail { state.detailScroll += 1 } else { state.focus = .detail }
        case .focusList:
            if state.showEvents {
                state.showEvents = false
            } else if state.focus == .detail {
                state.focus = .list
                state.detailScroll = 0
            } else if !state.filter.isEmpty {
                state.filter = ""
                state.relayout()
            } else {
                return NavigationReducer.reduce(&state, .goVNets(subscription: state.vnet.subscriptionId), now: now, pageSize: pageSize) ?? []
            }
        case .startFilter:
            state.editingFilter = true
        case .filterInput, .filterBackspace, .filterCommit:
            break
        case .filterCancel:
            state.filter = ""
            state.relayout()
        case .cycleSort:
            let all = SortColumn.allCases
            state.sort = all[((all.firstIndex(of: state.sort) ?? 0) + 1) % all.count]
            state.relayout()
        case .reverseSort:
            state.ascending.toggle()
            state.relayout()
        case .refreshNow:
            return startRefresh(&state, now: now)
        case .togglePause:
            state.paused.toggle()
            if !state.paused { return startRefresh(&state, now: now) }
        case .faster:
            state.refreshInterval = max(2, state.refreshInterval - (state.refreshInterval > 10 ? 5 : 1))
            state.nextRefresh = (state.lastRefresh ?? now).addingTimeInterval(Double(state.refreshInterval))
        case .slower:
            state.refreshInterval = min(600, state.refreshInterval + (state.refreshInterval >= 10 ? 5 : 1))
            state.nextRefresh = (state.lastRefresh ?? now).addingTimeInterval(Double(state.refreshInterval))
        case .toggleEvents:
            state.showEvents.toggle()
        case .toggleHelp:
            state.showHelp.toggle()
        case .copyID:
            if let id = state.selected?.id {
                state.message = "copied the resource id to the clipboard (OSC 52)"
                return [.copyToClipboard(id)]
            }
        case .redraw:
            return [.redrawAll]
        case .quit:
            return [.quit]
        case .tick:
            state.changes = state.changes.filter { now.timeIntervalSince($0.value.at) < BrowserState.highlightSeconds }
            if !state.paused, !state.loading, let due = state.nextRefresh, now >= due {
                return startRefresh(&state, now: now)
            }
            if state.nextRefresh == nil, !state.loading { return startRefresh(&state, now: now) }
        case .signInNotice(let text):
            state.notice = text.map(DisplayText.sanitize)
        case .identity(let text):
            state.identity = DisplayText.sanitize(text)
        case .usage(let requests, let remaining):
            state.usage = "\(requests) req/min" + (remaining.map { " · \($0) reads left" } ?? "")
        case .remoteLoaded(let key, let remote, let localVNet):
            state.pendingRemote.remove(key)
            state.remotes[key] = remote
            if let localVNet { state.localVNet = localVNet }
            if state.onlyFindings { state.relayout() }
        case .toggleOnlyFindings:
            state.onlyFindings.toggle()
            state.relayout()
        case .goSubscriptions, .goVNets, .goPeerings, .jumpToRemote, .startCommand, .commandInput, .commandBackspace, .commandCommit,
            .commandCancel, .subscriptionsLoaded, .vnetsLoaded:
            break  // handled by NavigationReducer
        case .loaded(let generation, let result):
            guard generation == state.generation else { return [] }
            state.loading = false
            switch result {
            case .success(let peerings):
                state.notice = nil
                apply(&state, peerings, now: now)
                state.lastError = nil
                state.lastErrorAt = nil
                state.consecutiveFailures = 0
                state.nextRefresh = now.addingTimeInterval(Double(state.refreshInterval))
            case .failure(let failure):
                state.lastError = failure.message
                state.lastErrorAt = now
                state.consecutiveFailures += 1
                state.nextRefresh = now.addingTimeInterval(retryDelay(state, failure))
            }
        }
        return []
    }

    /// Seconds to wait after a failed refresh: Retry-After when given, else doubling from the interval, capped at 5 minutes.
    static func retryDelay(_ state: BrowserState, _ failure: RefreshFailure) -> TimeInterval {
        if let wait = failure.retryAfter {
            return max(Double(state.refreshInterval), Double(wait.components.seconds))
        }
        let exponent = min(state.consecutiveFailures - 1, 6)
        return min(300, Double(state.refreshInterval) * Double(1 << max(0, exponent)))
    }

    static func startRefresh(_ state: inout BrowserState, now: Date) -> [BrowserEffect] {
        state.generation += 1
        state.loading = true
        state.refreshStarted = now
        state.nextRefresh = now.addingTimeInterval(Double(state.refreshInterval))
        return [.fetch(generation: state.generation)]
    }

    private static func move(_ state: inout BrowserState, by delta: Int) {
        if state.focus == .detail {
            state.detailScroll = max(0, state.detailScroll + max(-1000, min(1000, delta)))
            return
        }
        guard !state.visible.isEmpty else { return }
        let current = state.selectedIndex ?? 0
        let target = max(0, min(state.visible.count - 1, current.addingReportingOverflow(delta).overflow ? current : current + delta))
        state.selectedID = state.visible[target]
        state.detailScroll = 0
    }

    /// Whether `a` is the very array `b` is: the client hands out the same array again when no page of the list changed.
    static func sameArray(_ a: [VirtualNetworkPeering], _ b: [VirtualNetworkPeering]) -> Bool {
        a.count == b.count && a.withUnsafeBufferPointer { x in b.withUnsafeBufferPointer { y in x.baseAddress == y.baseAddress } }
    }

    /// Takes a refresh's peerings, diffing against the last ones and logging transitions.
    static func apply(_ state: inout BrowserState, _ peerings: [VirtualNetworkPeering], now: Date) {
        // The very list delivered last time: nothing to diff.
        if !peerings.isEmpty, sameArray(peerings, state.lastDelivered) {
            state.lastRefresh = now
            return
        }
        if applyInPlace(&state, peerings, now: now) { return }
        var next: [String: VirtualNetworkPeering] = [:]
        next.reserveCapacity(peerings.count)
        var keys: [String] = []
        keys.reserveCapacity(peerings.count)
        let previous = state.lastDelivered, previousKeys = state.lastDeliveredKeys
        for (index, peering) in peerings.enumerated() {
            let key: String
            if index < previousKeys.count, index < previous.count, let id = peering.id, id == previous[index].id {
                key = previousKeys[index]
            } else {
                key = (peering.id ?? "#\(index):\(peering.name ?? "")").lowercased()
            }
            keys.append(key)
            next[key] = peering
        }
        let firstLoad = state.lastRefresh == nil && state.peerings.isEmpty
        // One comparison per peering: the keys that are new or differ, for the diff and for the rows.
        var changed: Set<String> = []
        for (key, new) in next {
            let old = state.peerings[key]
            if let old, old == new { continue }
            changed.insert(key)
            guard !firstLoad else { continue }
            if let old {
                let fields = PeeringDiff.changedFields(old, new)
                if !fields.isEmpty { state.changes[key] = (fields, now) }
            } else {
                state.changes[key] = (["peering"], now)
            }
            state.events += PeeringDiff.events(old, new, at: now)
        }
        let added = changed.filter { state.peerings[$0] == nil }.count
        if !firstLoad, next.count - added != state.peerings.count {
            for (key, old) in state.peerings where next[key] == nil {
                state.events += PeeringDiff.events(old, nil, at: now)
            }
        }
        if state.events.count > 1000 { state.events.removeFirst(state.events.count - 1000) }
        let relayoutNeeded = state.setPeerings(next, changed: changed)
        state.lastDelivered = peerings
        state.lastDeliveredKeys = keys
        state.lastRefresh = now
        if relayoutNeeded { state.relayout() }
    }

    /// `apply` for the usual refresh: the same peerings in the same order, some of them changed.
    ///
    /// Peerings are compared with the one at the same place last time, so the keys of unchanged
    /// ones are not hashed again and the dictionary is updated in place instead of rebuilt. Returns
    /// false, having changed nothing, when the list is not aligned with the last one (a peering
    /// added, removed or moved, an id missing, or two with one key): `apply` then does it all.
    private static func applyInPlace(_ state: inout BrowserState, _ peerings: [VirtualNetworkPeering], now: Date) -> Bool {
        let previous = state.lastDelivered, keys = state.lastDeliveredKeys
        guard !peerings.isEmpty, peerings.count == previous.count, keys.count == previous.count, state.peerings.count == previous.count else { return false }
        var changedIndexes: [Int] = []
        for index in peerings.indices {
            guard let id = peerings[index].id, id == previous[index].id else { return false }
            if peerings[index] != previous[index] { changedIndexes.append(index) }
        }
        var next = state.peerings
        var changed: Set<String> = []
        for index in changedIndexes {
            let key = keys[index], old = previous[index], new = peerings[index]
            changed.insert(key)
            next[key] = new
            let fields = PeeringDiff.changedFields(old, new)
            if !fields.isEmpty { state.changes[key] = (fields, now) }
            state.events += PeeringDiff.events(old, new, at: now)
        }
        if state.events.count > 1000 { state.events.removeFirst(state.events.count - 1000) }
        let relayoutNeeded = state.setPeerings(next, changed: changed)
        state.lastDelivered = peerings
        state.lastRefresh = now
        if relayoutNeeded { state.relayout() }
        return true
    }
}
