import ARMModels
import FoundationEssentials

/// The part of the reducer that moves between screens and runs the subscriptions and VNets screens.
///
/// Returns nil for actions it leaves to the peerings screen.
enum NavigationReducer {
    static func reduce(_ state: inout BrowserState, _ action: BrowserAction, now: Date, pageSize: Int) -> [BrowserEffect]? {
        if state.nav.command != nil {
            switch action {
            case .commandInput(let c): state.nav.command?.append(c); return []
            case .commandBackspace:
                if state.nav.command?.isEmpty == false { state.nav.command?.removeLast() }
                return []
            case .commandCancel: state.nav.command = nil; return []
            case .commandCommit: return commit(&state, now: now, pageSize: pageSize)
            case .tick, .loaded, .quit, .redraw, .signInNotice, .identity, .remoteLoaded, .subscriptionsLoaded, .vnetsLoaded, .usage: break
            default: return []
            }
        }
        switch action {
        case .startCommand:
            state.nav.command = ""
            return []
        case .goSubscriptions:
            state.nav.screen = .subscriptions
            state.message = nil
            return refresh(&state, now: now)
        case .goVNets(let subscription):
            if state.nav.vnetSubscription?.lowercased() != subscription.lowercased() {
                state.nav.vnets = []
                state.nav.vnetsLoaded = false
            }
            state.nav.vnetSubscription = subscription
            state.nav.selectedSubscription = subscription
            state.nav.screen = .vnets
            state.message = nil
            if state.peerings.isEmpty == false || state.lastRefresh != nil {
                state.nav.selectedVNet[subscription.lowercased()] = state.nav.selectedVNet[subscription.lowercased()] ?? state.vnet.comparisonKey
            }
            return refresh(&state, now: now)
        case .goPeerings(let vnet, let select):
            return goPeerings(&state, vnet, select: select, now: now)
        case .jumpToRemote:
            guard state.nav.screen == .peerings, let peering = state.selected else { return [] }
            guard let text = peering.properties?.remoteVirtualNetwork?.id, let remote = try? ResourceID(parsing: text), remote.virtualNetworkName != nil else {
                state.message = "this peering names no remote VNet"
                return []
            }
            if let key = state.selectedID, state.remotes[key] == .noAccess {
                state.message = "no access to \(remote.virtualNetworkName ?? "the remote VNet")'s subscription"
                return []
            }
            return goPeerings(&state, remote.virtualNetworkID ?? remote, select: nil, now: now)
        case .subscriptionsLoaded(let generation, let result):
            guard generation == state.nav.generation else { return [] }
            state.nav.loading = false
            switch result {
            case .success(let subs):
                state.nav.subscriptions = subs
                state.nav.subscriptionsLoaded = true
                state.nav.lastError = nil
                if state.nav.subscriptionIndex == nil {
                    state.nav.selectedSubscription = state.nav.defaultSubscription.flatMap { d in subs.first { $0.subscriptionId?.lowercased() == d.lowercased() } }?.subscriptionId
                        ?? subs.first?.subscriptionId
                }
                if state.nav.screen == .subscriptions { state.nextRefresh = now.addingTimeInterval(Double(state.refreshInterval)) }
            case .failure(let failure):
                guard state.nav.screen == .subscriptions else { break }
                state.nav.lastError = failure.message
                state.nextRefresh = now.addingTimeInterval(BrowserReducer.retryDelay(state, failure))
            }
            return []
        case .vnetsLoaded(let generation, let subscription, let result):
            guard generation == state.nav.generation, subscription.lowercased() == state.nav.vnetSubscription?.lowercased() else { return [] }
            state.nav.loading = false
            switch result {
            case .success(let vnets):
                state.nav.vnets = vnets.compactMap(VNetRow.init).sorted { ($0.group.lowercased(), $0.name.lowercased()) < ($1.group.lowercased(), $1.name.lowercased()) }
                state.nav.vnetsLoaded = true
                state.nav.lastError = nil
                state.nextRefresh = now.addingTimeInterval(Double(state.refreshInterval))
            case .failure(let failure):
                state.nav.lastError = failure.message
                state.nextRefresh = now.addingTimeInterval(BrowserReducer.retryDelay(state, failure))
            }
            return []
        default:
            break
        }
        guard state.nav.screen != .peerings else { return nil }
        switch action {
        case .moveUp: move(&state, -1)
        case .moveDown: move(&state, 1)
        case .pageUp: move(&state, -max(1, pageSize))
        case .pageDown: move(&state, max(1, pageSize))
        case .top: move(&state, -1_000_000)
        case .bottom: move(&state, 1_000_000)
        case .focusDetail:
            if state.nav.screen == .subscriptions, let index = state.nav.subscriptionIndex, let id = state.nav.subscriptions[index].subscriptionId {
                return reduce(&state, .goVNets(subscription: id), now: now, pageSize: pageSize)
            }
            if state.nav.screen == .vnets, let index = state.nav.vnetIndex, index < state.nav.vnets.count {
                return goPeerings(&state, state.nav.vnets[index].id, select: nil, now: now)
            }
        case .focusList:
            if state.nav.screen == .vnets { return reduce(&state, .goSubscriptions, now: now, pageSize: pageSize) }
        case .refreshNow, .togglePause:
            if case .togglePause = action { state.paused.toggle() }
            return state.paused ? [] : refresh(&state, now: now)
        case .tick:
            if !state.paused, !state.nav.loading, state.nextRefresh.map({ now >= $0 }) ?? true { return refresh(&state, now: now) }
        case .faster, .slower, .toggleHelp, .redraw, .quit, .signInNotice, .identity, .remoteLoaded, .loaded, .usage:
            return nil
        default:
            break
        }
        return []
    }

    /// Starts reading the current screen's data.
    static func refresh(_ state: inout BrowserState, now: Date) -> [BrowserEffect] {
        state.nav.generation += 1
        state.nav.loading = true
        state.refreshStarted = now
        state.nextRefresh = now.addingTimeInterval(Double(state.refreshInterval))
        switch state.nav.screen {
        case .subscriptions: return [.fetchSubscriptions(generation: state.nav.generation)]
        case .vnets:
            guard let sub = state.nav.vnetSubscription else { return [] }
            // The subscriptions list gives the breadcrumb its names.
            return [.fetchVNets(subscription: sub, generation: state.nav.generation)]
                + (state.nav.subscriptions.isEmpty ? [.fetchSubscriptions(generation: state.nav.generation)] : [])
        case .peerings: return []
        }
    }

    static func goPeerings(_ state: inout BrowserState, _ vnet: ResourceID, select: String?, now: Date) -> [BrowserEffect] {
        var effects: [BrowserEffect] = []
        if state.nav.subscriptions.isEmpty {
            state.nav.generation += 1
            effects.append(.fetchSubscriptions(generation: state.nav.generation))
        }
        if let current = state.selectedID { state.nav.selectedPeering[state.vnet.comparisonKey] = current }
        state.nav.screen = .peerings
        state.nav.selectedVNet[vnet.subscriptionId.lowercased()] = vnet.comparisonKey
        state.message = nil
        if vnet.comparisonKey != state.vnet.comparisonKey || state.lastRefresh == nil {
            state.vnet = vnet
            state.setPeerings([:])
            state.remotes = [:]
            state.pendingRemote = []
            state.localVNet = nil
            state.changes = [:]
            state.lastRefresh = nil
            state.lastError = nil
            state.focus = .list
            state.detailScroll = 0
            state.selectedID = select.map { "\(vnet)/virtualNetworkPeerings/\($0)".lowercased() } ?? state.nav.selectedPeering[vnet.comparisonKey]
            state.relayout()
            state.selectedID = select.map { "\(vnet)/virtualNetworkPeerings/\($0)".lowercased() } ?? state.nav.selectedPeering[vnet.comparisonKey]
        } else if let select {
            state.selectedID = "\(vnet)/virtualNetworkPeerings/\(select)".lowercased()
        }
        return BrowserReducer.startRefresh(&state, now: now) + effects
    }

    private static func move(_ state: inout BrowserState, _ delta: Int) {
        switch state.nav.screen {
        case .subscriptions:
            guard !state.nav.subscriptions.isEmpty else { return }
            let index = max(0, min(state.nav.subscriptions.count - 1, (state.nav.subscriptionIndex ?? 0) + delta))
            state.nav.selectedSubscription = state.nav.subscriptions[index].subscriptionId
        case .vnets:
            guard !state.nav.vnets.isEmpty, let sub = state.nav.vnetSubscription else { return }
            let index = max(0, min(state.nav.vnets.count - 1, (state.nav.vnetIndex ?? 0) + delta))
            state.nav.selectedVNet[sub.lowercased()] = state.nav.vnets[index].id.comparisonKey
        case .peerings:
            break
        }
    }

    /// Runs what was typed after `:` — a subscription, VNet or peering id.
    private static func commit(_ state: inout BrowserState, now: Date, pageSize: Int) -> [BrowserEffect] {
        let text = state.nav.command ?? ""
        state.nav.command = nil
        let id: ResourceID
        do {
            id = try ResourceID(parsing: text)
        } catch {
            state.message = DisplayText.sanitize(":\(text.prefix(60)) — \(error.message)")
            return []
        }
        if let vnet = id.virtualNetworkID {
            return goPeerings(&state, vnet, select: id.peeringName, now: now)
        }
        if id.resourceGroup == nil, id.providerNamespace == nil {
            return reduce(&state, .goVNets(subscription: id.subscriptionId), now: now, pageSize: pageSize) ?? []
        }
        state.message = DisplayText.sanitize(":\(text.prefix(60)) — not a subscription, virtual network or peering id")
        return []
    }
}
