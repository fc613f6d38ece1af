import ARMModels
import FoundationEssentials

/// Which pane has the keyboard.
public enum Focus: Sendable, Equatable { case list, detail }

/// Where times of day on screen are read: the local zone of the machine (its TZ), or UTC.
public enum ClockZone: Sendable, Equatable { case local, utc }

/// The columns the list can be sorted by.
public enum SortColumn: String, Sendable, CaseIterable {
    case name = "name", state = "state", sync = "sync", remote = "remote"
}

/// One state or sync-level transition seen between two refreshes.
public struct PeeringEvent: Sendable, Equatable {
    public var time: Date
    public var peering: String
    public var field: String
    public var from: String
    public var to: String
}

/// Everything the browser shows, as plain values: the view-model's state.
public struct BrowserState: Sendable {
    public var vnet: ResourceID
    /// Shown in the header when the endpoint is not the public cloud.
    public var endpointLabel: String?
    /// Peerings keyed by lowercased resource id (names repeat: the first sample has two called "peer").
    public private(set) var peerings: [String: VirtualNetworkPeering] = [:]
    /// Display rows of `peerings`, built once per refresh rather than once per frame.
    public private(set) var rows: [String: PeeringRow] = [:]
    /// "24 Connected · 1 Disconnected" for the header, counted when the rows change rather than once per frame.
    public private(set) var health: String?
    /// Ids in display order after filter and sort.
    public private(set) var visible: [String] = []
    public var selectedID: String?
    public var scroll = 0
    public var focus: Focus = .list
    public var detailScroll = 0
    public var filter = ""
    public var editingFilter = false
    public var sort: SortColumn = .name
    public var ascending = true
    public var lastRefresh: Date?
    public var lastError: String?
    public var lastErrorAt: Date?
    public var refreshInterval: Int
    public var paused = false
    public var showHelp = false
    public var showEvents = false
    public var events: [PeeringEvent] = []
    /// Changed fields of rows changed by the last refreshes, with when they changed.
    public var changes: [String: (fields: Set<String>, at: Date)] = [:]
    public var generation = 0
    public var loading = false
    /// When the refresh in flight (of any screen) started; the header says "refreshing" only once it is slow.
    public var refreshStarted: Date?
    /// The zone the header's clock times are shown in: the machine's local time, or UTC (for tests).
    public var clockZone: ClockZone = .local
    public var consecutiveFailures = 0
    public var nextRefresh: Date?
    public var message: String?
    /// Who is signed in (identity type and tenant), for the header; never a token.
    public var identity: String?
    /// A sign-in instruction to show over everything (device code), until data arrives.
    public var notice: String?
    /// What is known of each peering's remote side, by peering key.
    public var remotes: [String: RemoteSide] = [:]
    /// The VNet being browsed, as last read (address space, encryption), for the findings.
    public var localVNet: VirtualNetwork?
    /// Show only peerings with findings.
    public var onlyFindings = false
    /// Remote sides being read.
    public var pendingRemote: Set<String> = []
    /// "12 req/min · 11999 reads left": what the session costs ARM.
    public var usage: String?
    /// The subscriptions and VNets screens.
    public var nav = NavigationState()

    /// How long a changed row stays highlighted.
    public static let highlightSeconds: TimeInterval = 8
    /// How long a refresh runs before the header says "refreshing": a quick one changes nothing on screen.
    public static let slowRefreshSeconds: TimeInterval = 1

    public init(vnet: ResourceID, refreshInterval: Int = 10, endpointLabel: String? = nil) {
        self.vnet = vnet
        self.refreshInterval = max(2, refreshInterval)
        self.endpointLabel = endpointLabel
    }

    /// The selected peering, if any.
    public var selected: VirtualNetworkPeering? { selectedID.flatMap { peerings[$0] } }

    /// The selection's index in `visible`.
    public var selectedIndex: Int? { selectedID.flatMap { visible.firstIndex(of: $0) } }

    /// The list as the last refresh delivered it, to recognise a refresh that changed nothing at a glance.
    public internal(set) var lastDelivered: [VirtualNetworkPeering] = []
    /// The keys of `lastDelivered`, by position: an id seen at the same place again keeps its key without lowercasing anew.
    var lastDeliveredKeys: [String] = []

    /// Replaces the peerings, rebuilding display rows only for peerings that changed.
    public mutating func setPeerings(_ next: [String: VirtualNetworkPeering]) {
        lastDelivered = []
        lastDeliveredKeys = []
        let changed = Set(next.compactMap { key, peering in peerings[key] == peering ? nil : key })
        _ = setPeerings(next, changed: changed)
    }

    /// Replaces the peerings when the caller already knows which keys are new or changed.
    ///
    /// Rows are rebuilt for `changed` only and dropped for keys that are gone.
    /// Returns whether the visible list may have to be laid out again: keys came
    /// or went, or a rebuilt row sorts or filters differently. A refresh where
    /// one peering's state changed keeps the order and skips the sort.
    public mutating func setPeerings(_ next: [String: VirtualNetworkPeering], changed: Set<String>) -> Bool {
        var relayoutNeeded = onlyFindings && !changed.isEmpty
        let added = changed.contains { peerings[$0] == nil }
        if added || next.count != peerings.count {
            relayoutNeeded = true
            for key in Array(rows.keys) where next[key] == nil { rows[key] = nil }
        }
        let needle = filter.lowercased()
        for key in changed {
            guard let peering = next[key] else { continue }
            let row = PeeringRow(peering, localSubscription: vnet.subscriptionId)
            if let old = rows[key] {
                if old.sortKey(sort) != row.sortKey(sort) { relayoutNeeded = true }
                if !needle.isEmpty, DisplayText.contains(old.searchText, needle) != DisplayText.contains(row.searchText, needle) { relayoutNeeded = true }
            } else {
                relayoutNeeded = true
            }
            rows[key] = row
        }
        peerings = next
        if relayoutNeeded || !changed.isEmpty { health = PeeringHealth.summary(rows.values) }
        return relayoutNeeded
    }

    /// The findings for one peering, from what is known of its remote side.
    public func findings(for key: String) -> [Finding] {
        guard let peering = peerings[key] else { return [] }
        return PeeringFindings.check(local: peering, localVNet: localVNet, remote: remotes[key] ?? .unknown)
    }

    /// Whether a refresh of the current screen has been running long enough to say so.
    public func refreshIsSlow(now: Date) -> Bool {
        guard nav.screen == .peerings ? loading : nav.loading, let started = refreshStarted else { return false }
        return now.timeIntervalSince(started) >= Self.slowRefreshSeconds
    }

    /// What of the frame follows from the clock alone, at `now`: a stale marker, a slow-refresh marker, the
    /// rows still highlighted.
    ///
    /// The run loop draws again after a timed wake only when this has changed: a refresh falling due (the
    /// usual wake) changes nothing on screen until its answer comes.
    public func timedLook(now: Date) -> TimedLook {
        var highlighted = 0
        for change in changes.values where now.timeIntervalSince(change.at) < Self.highlightSeconds { highlighted += 1 }
        return TimedLook(stale: isStale(now: now), slow: refreshIsSlow(now: now), highlighted: highlighted)
    }

    /// The parts of a frame that change with time alone; see `timedLook(now:)`.
    public struct TimedLook: Equatable, Sendable {
        public var stale: Bool
        public var slow: Bool
        public var highlighted: Int
    }

    /// The next moment after `now` at which the frame changes with no key and no data: a refresh falls due,
    /// a highlight ends, the data turns stale, or a slow refresh starts to show.
    ///
    /// The run loop sleeps until then, so an idle browser wakes only when something is to be done or drawn.
    public func nextTimedChange(after now: Date) -> Date? {
        var candidates: [Date] = []
        let busy = nav.screen == .peerings ? loading : nav.loading
        // A refresh already due is started by the tick that runs before this is asked; should it not be, look again shortly.
        if !paused, !busy, let due = nextRefresh { candidates.append(max(due, now.addingTimeInterval(0.25))) }
        if busy, let started = refreshStarted { candidates.append(started.addingTimeInterval(Self.slowRefreshSeconds)) }
        for change in changes.values { candidates.append(change.at.addingTimeInterval(Self.highlightSeconds)) }
        if let lastRefresh { candidates.append(lastRefresh.addingTimeInterval(Double(2 * refreshInterval) + 0.05)) }
        return candidates.filter { $0 > now }.min()
    }

    /// Whether the data is older than twice the refresh interval.
    public func isStale(now: Date) -> Bool {
        guard let lastRefresh else { return lastError != nil }
        return now.timeIntervalSince(lastRefresh) > Double(2 * refreshInterval)
    }

    /// Recomputes `visible` from the peerings, filter and sort, keeping the selection on the same id.
    public mutating func relayout() {
        let needle = filter.lowercased()
        let column = sort
        var keyed: [(key: String, sortKey: String)] = []
        keyed.reserveCapacity(rows.count)
        for (key, row) in rows {
            if !needle.isEmpty, !DisplayText.contains(row.searchText, needle) { continue }
            if onlyFindings, findings(for: key).isEmpty { continue }
            keyed.append((key, row.sortKey(column)))
        }
        keyed.sort { a, b in
            if a.sortKey != b.sortKey { return ascending ? a.sortKey < b.sortKey : a.sortKey > b.sortKey }
            return a.key < b.key
        }
        visible = keyed.map(\.key)
        if let selectedID, visible.contains(selectedID) { return }
        selectedID = visible.first
    }
}
