import ARMModels
import Foundation
import PeeringBrowser
import Testing

/// A refresh keeps the list's order when nothing that orders or filters it changed, and lays it out again when something did.
@Suite struct RefreshDiffTests {
    func names(_ state: BrowserState) -> [String?] { state.visible.map { state.peerings[$0]?.name } }

    @Test func aStateChangeUnderTheStateSortReordersTheList() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a"), peering("b"), peering("c")], at: 0)
        _ = BrowserReducer.reduce(&state, .cycleSort, now: Date(timeIntervalSince1970: 1))
        #expect(state.sort == .state)
        _ = loaded(&state, [peering("a"), peering("b", state: .disconnected), peering("c")], at: 10)
        #expect(names(state) == ["a", "c", "b"])
        #expect(state.changes.count == 1)
    }

    @Test func aStateChangeUnderTheNameSortKeepsTheOrderAndUpdatesTheRow() throws {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a"), peering("b"), peering("c")], at: 0)
        let before = state.visible
        _ = loaded(&state, [peering("c"), peering("b", state: .disconnected), peering("a")], at: 10)
        #expect(state.visible == before)
        let key = try #require(state.visible.dropFirst().first)
        #expect(state.rows[key]?.state == "Disconnected")
        #expect(state.peerings[key]?.properties?.peeringState == .disconnected)
    }

    /// The same changes delivered in the last order (diffed place by place) and in another (diffed by key) log and show the same.
    @Test func inPlaceAndByKeyDiffsAgree() throws {
        let first = [peering("a"), peering("b"), peering("c", sync: .localNotInSync), peering("d")]
        let second = [peering("a"), peering("b", state: .disconnected), peering("c"), peering("d", remote: "vnetY")]
        var aligned = BrowserState(vnet: vnetID), shuffled = BrowserState(vnet: vnetID)
        _ = loaded(&aligned, first, at: 0)
        _ = loaded(&shuffled, first, at: 0)
        _ = loaded(&aligned, second, at: 10)
        _ = loaded(&shuffled, second.reversed(), at: 10)
        #expect(aligned.peerings == shuffled.peerings)
        #expect(aligned.rows == shuffled.rows)
        #expect(aligned.visible == shuffled.visible)
        #expect(aligned.health == shuffled.health)
        #expect(Set(aligned.events.map { "\($0.peering) \($0.field) \($0.from)→\($0.to)" }) == Set(shuffled.events.map { "\($0.peering) \($0.field) \($0.from)→\($0.to)" }))
        #expect(aligned.events.count == 2)
        #expect(aligned.changes.mapValues(\.fields) == shuffled.changes.mapValues(\.fields))
        #expect(Set(aligned.changes.keys).count == 3)
        // A third refresh in the same order with nothing changed keeps everything as it was.
        let rows = aligned.rows
        _ = loaded(&aligned, second, at: 20)
        #expect(aligned.rows == rows && aligned.events.count == 2)
    }

    @Test func aPeeringThatNowMatchesTheFilterAppears() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a"), peering("b")], at: 0)
        _ = BrowserReducer.reduce(&state, .startFilter, now: Date(timeIntervalSince1970: 1))
        for c in "disc" { _ = BrowserReducer.reduce(&state, .filterInput(c), now: Date(timeIntervalSince1970: 1)) }
        _ = BrowserReducer.reduce(&state, .filterCommit, now: Date(timeIntervalSince1970: 1))
        #expect(state.visible.isEmpty)
        _ = loaded(&state, [peering("a"), peering("b", state: .disconnected)], at: 10)
        #expect(names(state) == ["b"])
    }

    @Test func peeringsThatComeAndGoAreShownAndLogged() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a"), peering("b")], at: 0)
        _ = loaded(&state, [peering("b"), peering("c")], at: 10)
        #expect(names(state) == ["b", "c"])
        #expect(state.rows.count == 2)
        #expect(state.events.map(\.to).sorted() == ["Connected", "removed"])
    }

    @Test func aRefreshWithNothingChangedChangesNothing() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a"), peering("b")], at: 0)
        let (visible, rows) = (state.visible, state.rows)
        _ = loaded(&state, [peering("b"), peering("a")], at: 10)
        #expect(state.visible == visible)
        #expect(state.rows.keys.sorted() == rows.keys.sorted())
        #expect(state.changes.isEmpty)
        #expect(state.events.isEmpty)
    }
}

@Suite struct UnchangedRefreshTests {
    @Test func theSameListAgainOnlyMovesTheRefreshTime() {
        var state = BrowserState(vnet: vnetID)
        let list = [peering("a"), peering("b", state: .initiated)]
        _ = loaded(&state, list, at: 0)
        let (visible, rows) = (state.visible, state.rows)
        _ = loaded(&state, list, at: 10)
        #expect(state.lastRefresh == Date(timeIntervalSince1970: 10))
        #expect(state.visible == visible && state.rows == rows)
        #expect(state.changes.isEmpty && state.events.isEmpty)
        // A list that differs is still diffed after an unchanged one.
        _ = loaded(&state, [peering("a"), peering("b", state: .connected)], at: 20)
        #expect(state.events.map(\.to) == ["Connected"])
    }

    @Test func anotherVNetForgetsTheLastList() {
        var state = BrowserState(vnet: vnetID)
        _ = loaded(&state, [peering("a")], at: 0)
        #expect(!state.lastDelivered.isEmpty)
        state.setPeerings([:])
        #expect(state.lastDelivered.isEmpty)
        _ = loaded(&state, [peering("a")], at: 10)
        #expect(state.visible.count == 1)
    }
}
