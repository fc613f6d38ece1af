import ARMModels
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PeeringBrowser

/// Lays out and draws a whole frame from the browser state: header, list, detail, status line and overlays.
public enum Screen {
    public static let minWidth = 60
    public static let minHeight = 12

    /// Draws the frame for `state` at time `now` onto `canvas`.
    public static func render<C: Canvas>(_ state: BrowserState, now: Date, on canvas: inout C) {
        let (w, h) = (canvas.width, canvas.height)
        guard w >= minWidth, h >= minHeight else {
            let lines = ["terminal too small: \(w)x\(h)", "PeerScope needs \(minWidth)x\(minHeight)", "q quits"]
            for (i, line) in lines.enumerated() where i < h {
                canvas.put(max(0, (w - DisplayText.width(line)) / 2), max(0, h / 2 - 1) + i - (h < 3 ? h / 2 : 0), line, i == 0 ? .warning : .normal)
            }
            return
        }
        Header.draw(state, now: now, on: &canvas)
        let status = StatusLine.lines(state, width: w)
        let bodyTop = 2
        let bodyHeight = h - bodyTop - status.count
        if state.showEvents {
            EventLogPane.draw(state, x: 0, y: bodyTop, width: w, height: bodyHeight, on: &canvas)
        } else if state.nav.screen == .subscriptions {
            SubscriptionsPane.draw(state, x: 0, y: bodyTop, width: w, height: bodyHeight, on: &canvas)
        } else if state.nav.screen == .vnets {
            VNetsPane.draw(state, x: 0, y: bodyTop, width: w, height: bodyHeight, on: &canvas)
        } else if w >= 110 {
            let listWidth = max(50, w * 56 / 100)
            ListPane.draw(state, now: now, x: 0, y: bodyTop, width: listWidth, height: bodyHeight, on: &canvas)
            for row in bodyTop..<(bodyTop + bodyHeight) { canvas.put(listWidth, row, "│", .dim) }
            DetailPane.draw(state, now: now, x: listWidth + 2, y: bodyTop, width: w - listWidth - 2, height: bodyHeight, on: &canvas)
        } else if state.focus == .detail {
            DetailPane.draw(state, now: now, x: 1, y: bodyTop, width: w - 1, height: bodyHeight, on: &canvas)
        } else {
            let listHeight = max(4, min(state.visible.count + 1, bodyHeight / 2))
            ListPane.draw(state, now: now, x: 0, y: bodyTop, width: w, height: listHeight, on: &canvas)
            canvas.put(0, bodyTop + listHeight, String(repeating: "─", count: w), .dim)
            DetailPane.draw(state, now: now, x: 1, y: bodyTop + listHeight + 1, width: w - 1, height: bodyHeight - listHeight - 1, on: &canvas)
        }
        for (i, line) in status.enumerated() {
            let y = h - status.count + i
            canvas.fill(0, y, w, line.style)
            canvas.put(0, y, line.text, line.style, maxWidth: w)
        }
        if state.showHelp { HelpOverlay.draw(on: &canvas) }
        if let notice = state.notice { NoticeOverlay.draw(notice, on: &canvas) }
    }
}

/// The two header rows: where you are, and how fresh the data is.
enum Header {
    static func draw<C: Canvas>(_ state: BrowserState, now: Date, on canvas: inout C) {
        let w = canvas.width
        canvas.fill(0, 0, w, .header)
        let crumb = " PeerScope  " + breadcrumb(state)
        let fresh: (text: String, style: CellStyle) = state.nav.screen == .peerings
            ? freshness(state, now: now)
            : ((state.refreshIsSlow(now: now) ? "refreshing · " : "") + (state.paused ? "PAUSED · " : "") + "every \(state.refreshInterval)s", CellStyle.header)
        let freshWidth = DisplayText.width(fresh.text)
        // When the breadcrumb is too long, its start goes: the VNet's name at the end matters most.
        let room = max(10, w - freshWidth - 2)
        canvas.put(0, 0, DisplayText.width(crumb) > room ? " PeerScope " + clipLeading(crumb, to: room - 11) : crumb, .header, maxWidth: room)
        canvas.put(w - freshWidth - 1, 0, fresh.text, fresh.style)
        if state.nav.screen != .peerings {
            var line = state.nav.screen == .subscriptions
                ? " \(state.nav.subscriptions.count) subscription\(state.nav.subscriptions.count == 1 ? "" : "s")"
                : " \(state.nav.vnets.count) virtual network\(state.nav.vnets.count == 1 ? "" : "s") · Enter opens · Esc goes up"
            if let identity = state.identity, !identity.isEmpty { line += "   as \(identity)" }
            if let endpoint = state.endpointLabel { line += "   endpoint \(endpoint)" }
            canvas.put(0, 1, line, .dim, maxWidth: w - 1)
            return
        }
        let rows = state.rows.values
        var line = " \(rows.count) peering\(rows.count == 1 ? "" : "s")" + (state.health.map { " · " + $0 } ?? "")
        if let identity = state.identity, !identity.isEmpty { line += "   as \(identity)" }
        if let usage = state.usage { line += "   \(usage)" }
        if let endpoint = state.endpointLabel { line += "   endpoint \(endpoint)" }
        var right = "sort \(state.sort.rawValue) \(state.ascending ? "↑" : "↓")"
        if let index = state.selectedIndex { right = "\(index + 1)/\(state.visible.count) · " + right }
        if !state.filter.isEmpty || state.editingFilter { right = "filter \"\(DisplayText.sanitize(state.filter))\"  " + right }
        canvas.put(0, 1, line, .dim, maxWidth: max(10, w - DisplayText.width(right) - 2))
        canvas.put(w - DisplayText.width(right) - 1, 1, right, .dim)
    }

    /// The end of `text` that fits in `columns`, after an ellipsis.
    static func clipLeading(_ text: String, to columns: Int) -> String {
        guard columns > 1 else { return "" }
        var kept = ""
        var used = 0
        for character in text.reversed() {
            let w = DisplayText.width(of: character)
            if used + w > columns - 1 { break }
            kept.insert(character, at: kept.startIndex)
            used += w
        }
        return "…" + kept
    }

    /// Where you are: subscription › group/VNet, as far as the current screen goes.
    static func breadcrumb(_ state: BrowserState) -> String {
        func subscriptionName(_ id: String) -> String {
            state.nav.subscriptions.first { $0.subscriptionId?.lowercased() == id.lowercased() }?.displayName.map(DisplayText.sanitize)
                ?? DisplayText.sanitize(String(id.prefix(8))) + "…"
        }
        switch state.nav.screen {
        case .subscriptions: return "Subscriptions"
        case .vnets: return "Subscriptions › " + subscriptionName(state.nav.vnetSubscription ?? "?")
        case .peerings:
            let vnet = state.vnet
            return "\(subscriptionName(vnet.subscriptionId)) › \(DisplayText.sanitize(vnet.resourceGroup ?? "?")) › \(DisplayText.sanitize(vnet.virtualNetworkName ?? "?"))"
        }
    }

    /// "updated 14:05:32 · every 10s", with PAUSED, a slow refresh or a STALE marker.
    ///
    /// The time of the last good data, not its age: an age would change every second and cost the
    /// terminal (and an SSH link) bytes while nothing happens.
    static func freshness(_ state: BrowserState, now: Date) -> (text: String, style: CellStyle) {
        guard let last = state.lastRefresh else {
            if state.lastError != nil { return ("no data yet · retrying", .error) }
            return ("loading…", .header)
        }
        var text = "updated \(clock(last, in: state.clockZone))"
        if state.paused {
            text += " · PAUSED"
        } else if state.refreshIsSlow(now: now) {
            text += " · refreshing"
        }
        text += " · every \(state.refreshInterval)s"
        if state.isStale(now: now) { return ("STALE " + text, .error) }
        return (text, .header)
    }

    /// "14:05:32": a time of day in `zone`.
    static func clock(_ date: Date, in zone: ClockZone) -> String {
        let local = Int(date.timeIntervalSince1970.rounded(.down)) + (zone == .local ? LocalTime.secondsFromGMT(at: date) : 0)
        let seconds = ((local % 86_400) + 86_400) % 86_400
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}

/// The bottom line: the filter being typed, the last error, a message, or key hints.
///
/// An error that does not fit wraps onto up to three lines, so what went wrong
/// and what to do (at the end of ARM's sentences) are never cut off.
enum StatusLine {
    static let maximumErrorLines = 3

    static func lines(_ state: BrowserState, width: Int) -> [(text: String, style: CellStyle)] {
        if let command = state.nav.command {
            return [(" :\(DisplayText.sanitize(command))▏  paste a subscription, VNet or peering id · Enter go · Esc cancel", .status)]
        } else if state.editingFilter {
            return [(" filter: \(DisplayText.sanitize(state.filter))▏  Enter keep · Esc clear", .status)]
        } else if let message = state.message, state.nav.screen != .peerings || state.lastError == nil {
            return [(" " + message, .status)]
        } else if state.nav.screen != .peerings, let error = state.nav.lastError {
            return errorLines(error, width: width)
        } else if let error = state.lastError, state.nav.screen == .peerings {
            return errorLines(error, width: width)
        } else if let message = state.message {
            return [(" " + message, .status)]
        }
        return [(" " + Keymap.hints, .status)]
    }

    /// " ! message", wrapped to `width` with the continuation lines indented under the text.
    static func errorLines(_ error: String, width: Int) -> [(text: String, style: CellStyle)] {
        var wrapped = Wrap.lines(DisplayText.sanitize(error), width: max(10, width - 4))
        if wrapped.count > maximumErrorLines {
            wrapped = Array(wrapped.prefix(maximumErrorLines))
            wrapped[maximumErrorLines - 1] = DisplayText.clip(wrapped[maximumErrorLines - 1], to: max(10, width - 6)) + " …"
        }
        return wrapped.enumerated().map { (i, line) in ((i == 0 ? " ! " : "   ") + line, CellStyle.error) }
    }
}
