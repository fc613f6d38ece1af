import ARMModels
import Foundation
import PeeringBrowser
import Testing

/// When the browser must wake with no key and no data: it sleeps until then, and not before.
@Suite struct TimedChangeTests {
    func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    @Test func afterARefreshTheNextWakeIsTheNextRefresh() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 10)
        _ = loaded(&state, [peering("a")], at: 100)
        #expect(state.nextTimedChange(after: at(100)) == at(110))
        #expect(state.nextTimedChange(after: at(105)) == at(110))
    }

    @Test func aRefreshInFlightWakesOnlyToSayItIsSlow() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 10)
        _ = loaded(&state, [peering("a")], at: 100)
        _ = BrowserReducer.reduce(&state, .tick, now: at(110))
        #expect(state.loading)
        #expect(state.nextTimedChange(after: at(110)) == at(111))
        #expect(!state.refreshIsSlow(now: at(110.5)))
        #expect(state.refreshIsSlow(now: at(111)))
        // Once it shows, nothing more is due until the data turns stale (twice the interval after the last good data).
        #expect(state.nextTimedChange(after: at(111)) == at(120.05))
    }

    @Test func aHighlightEndingBeforeTheRefreshWakesFirst() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 30)
        _ = loaded(&state, [peering("a")], at: 100)
        _ = loaded(&state, [peering("a", state: .disconnected)], at: 101)
        #expect(state.changes.count == 1)
        #expect(state.nextTimedChange(after: at(101)) == at(109))
        _ = BrowserReducer.reduce(&state, .tick, now: at(109))
        #expect(state.changes.isEmpty)
        #expect(state.nextTimedChange(after: at(109)) == at(131))
    }

    @Test func pausedWakesOnlyWhenTheDataTurnsStaleThenNever() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 5)
        _ = loaded(&state, [peering("a")], at: 100)
        _ = BrowserReducer.reduce(&state, .togglePause, now: at(101))
        #expect(state.nextTimedChange(after: at(101)) == at(110.05))
        #expect(state.isStale(now: at(110.05)))
        #expect(state.nextTimedChange(after: at(110.05)) == nil)
    }

    @Test func aRefreshAlreadyDueIsLookedAtAgainShortlyNotSpunOn() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 10)
        _ = loaded(&state, [peering("a")], at: 100)
        let next = state.nextTimedChange(after: at(115))
        #expect(next == at(115.25))
    }

    /// What a timed wake could change on screen: a refresh falling due changes none of it, so the loop does not
    /// draw then; the slow marker, the stale marker and a highlight ending each do.
    @Test func theTimedLookChangesOnlyWithWhatTheClockShows() {
        var state = BrowserState(vnet: vnetID, refreshInterval: 10)
        _ = loaded(&state, [peering("a")], at: 100)
        let settled = state.timedLook(now: at(100))
        #expect(!settled.stale && !settled.slow && settled.highlighted == 0)
        // The refresh falls due and starts: nothing on screen changes.
        #expect(state.timedLook(now: at(110)) == settled)
        _ = BrowserReducer.reduce(&state, .tick, now: at(110))
        #expect(state.loading)
        #expect(state.timedLook(now: at(110.5)) == settled)
        // A second in, it shows as slow; past twice the interval the data is stale.
        #expect(state.timedLook(now: at(111)).slow)
        #expect(state.timedLook(now: at(120.05)).stale)
        // A change is highlighted for its time, then not.
        _ = loaded(&state, [peering("a", state: .disconnected)], at: 121)
        #expect(state.timedLook(now: at(121)).highlighted == 1)
        #expect(state.timedLook(now: at(129)).highlighted == 0)
    }
}
