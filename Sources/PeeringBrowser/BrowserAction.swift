import ARMModels
import FoundationEssentials

/// Something that happens to the browser: a key's meaning, a timer, or a refresh result.
public enum BrowserAction: Sendable {
    case moveUp, moveDown, pageUp, pageDown, top, bottom
    case focusDetail, focusList
    case startFilter, filterInput(Character), filterBackspace, filterCommit, filterCancel
    case cycleSort, reverseSort
    case refreshNow, togglePause, faster, slower
    case toggleEvents, toggleHelp, copyID, redraw, quit, toggleOnlyFindings
    /// The clock moved on; refreshes are due or highlights expire.
    case tick
    /// A refresh finished; results of an older generation are dropped.
    case loaded(generation: Int, result: Result<[VirtualNetworkPeering], RefreshFailure>)
    /// A sign-in instruction to show (nil clears it).
    case signInNotice(String?)
    /// Who the source is signed in as.
    case identity(String)
    /// Requests in the last minute and ARM's remaining reads.
    case usage(requestsLastMinute: Int, remainingReads: Int?)
    /// Go to the subscriptions screen.
    case goSubscriptions
    /// Go to the VNets screen of a subscription.
    case goVNets(subscription: String)
    /// Go to a VNet's peerings, optionally selecting one peering (by name).
    case goPeerings(vnet: ResourceID, select: String?)
    /// Go to the selected peering's remote VNet.
    case jumpToRemote
    case startCommand, commandInput(Character), commandBackspace, commandCommit, commandCancel
    case subscriptionsLoaded(generation: Int, result: Result<[Subscription], RefreshFailure>)
    case vnetsLoaded(generation: Int, subscription: String, result: Result<[VirtualNetwork], RefreshFailure>)
    /// The remote side of a peering arrived.
    case remoteLoaded(key: String, remote: RemoteSide, localVNet: VirtualNetwork?)
}

/// Why a refresh failed, in a sentence, with how long the server asked to wait.
public struct RefreshFailure: Error, Sendable, Equatable {
    public var message: String
    public var retryAfter: Duration?
    public init(message: String, retryAfter: Duration? = nil) {
        self.message = message
        self.retryAfter = retryAfter
    }
}

/// Work the reducer asks the outside world to do.
public enum BrowserEffect: Sendable, Equatable {
    case fetch(generation: Int)
    /// Read the remote side of the peering with this key.
    case fetchRemote(key: String, fresh: Bool)
    case fetchSubscriptions(generation: Int)
    case fetchVNets(subscription: String, generation: Int)
    case copyToClipboard(String)
    case redrawAll
    case quit
}

/// An error that knows how the browser should show it and how long to wait.
public protocol RefreshDescribable: Error {
    var refreshMessage: String { get }
    var refreshRetryAfter: Duration? { get }
}
