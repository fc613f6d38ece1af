import ARMModels
import FoundationEssentials
import PeeringBrowser

/// The `?` overlay: every key, drawn from the same table that dispatches them.
enum HelpOverlay {
    static func draw<C: Canvas>(on canvas: inout C) {
        var lines = Keymap.bindings.map { DisplayText.pad($0.label, to: 14) + $0.help }
        let legend = [
            "", "Colours and markers:",
            "Connected green · Initiated yellow · Disconnected red",
            "Sync Local!/Remote!/Both! = address space not in sync",
            "* changed in the last refresh · ! has findings (f filters)",
            "AFGR = VNet access, forwarded traffic,",
            "  gateway transit, remote gateways (- off, ? absent)",
            "", "any key closes this help",
        ]
        var all = ["Keys"] + lines + legend
        if all.count + 2 > canvas.height {
            // Too short for one column: two columns of keys, legend dropped.
            let half = (lines.count + 1) / 2
            let columnWidth = max(20, (canvas.width - 8) / 2)
            lines = (0..<half).map { i in
                let left = DisplayText.pad(lines[i], to: columnWidth)
                return i + half < lines.count ? left + "  " + lines[i + half] : left
            }
            all = ["Keys (any key closes)"] + lines
        }
        let boxWidth = min(canvas.width - 2, (all.map(DisplayText.width).max() ?? 40) + 4)
        let boxHeight = min(canvas.height - 2, all.count + 2)
        let x0 = max(0, (canvas.width - boxWidth) / 2), y0 = max(0, (canvas.height - boxHeight) / 2)
        for row in 0..<boxHeight { canvas.fill(x0, y0 + row, boxWidth, .status) }
        canvas.put(x0, y0, "┌" + String(repeating: "─", count: boxWidth - 2) + "┐", .status)
        canvas.put(x0, y0 + boxHeight - 1, "└" + String(repeating: "─", count: boxWidth - 2) + "┘", .status)
        for row in 1..<(boxHeight - 1) {
            canvas.put(x0, y0 + row, "│", .status)
            canvas.put(x0 + boxWidth - 1, y0 + row, "│", .status)
            let index = row - 1
            if index < all.count { canvas.put(x0 + 2, y0 + row, all[index], index == 0 ? .title : .status, maxWidth: boxWidth - 4) }
        }
    }
}

/// The `e` pane: every state and sync-level transition seen, newest first.
enum EventLogPane {
    static func draw<C: Canvas>(_ state: BrowserState, x: Int, y: Int, width: Int, height: Int, on canvas: inout C) {
        canvas.put(x + 1, y, "Event log (\(state.events.count)) · e or Esc closes", .title, maxWidth: width - 1)
        guard !state.events.isEmpty else {
            canvas.put(x + 1, y + 2, "no state or sync-level changes seen yet", .dim, maxWidth: width - 1)
            return
        }
        for (i, event) in state.events.reversed().prefix(max(0, height - 1)).enumerated() {
            let style: CellStyle = event.to == "Connected" || event.to == "FullyInSync" ? .ok : (event.to == "Disconnected" || event.to == "removed" ? .error : .warning)
            let text = "\(Header.clock(event.time, in: state.clockZone))  \(DisplayText.pad(event.peering, to: 24)) \(DisplayText.pad(event.field, to: 7)) \(event.from) → \(event.to)"
            canvas.put(x + 1, y + 1 + i, text, style, maxWidth: width - 1)
        }
    }
}

/// A boxed message over the frame: the device code sign-in instruction.
enum NoticeOverlay {
    static func draw<C: Canvas>(_ text: String, on canvas: inout C) {
        let lines = ["Sign-in needed", "", text, "", "PeerScope continues by itself once you have signed in."]
        let boxWidth = min(canvas.width - 2, (lines.map(DisplayText.width).max() ?? 40) + 4)
        let boxHeight = lines.count + 2
        let x0 = max(0, (canvas.width - boxWidth) / 2), y0 = max(0, (canvas.height - boxHeight) / 2)
        for row in 0..<boxHeight { canvas.fill(x0, y0 + row, boxWidth, .status) }
        canvas.put(x0, y0, "┌" + String(repeating: "─", count: max(0, boxWidth - 2)) + "┐", .status)
        canvas.put(x0, y0 + boxHeight - 1, "└" + String(repeating: "─", count: max(0, boxWidth - 2)) + "┘", .status)
        for (i, line) in lines.enumerated() {
            canvas.put(x0, y0 + 1 + i, "│", .status)
            canvas.put(x0 + boxWidth - 1, y0 + 1 + i, "│", .status)
            canvas.put(x0 + 2, y0 + 1 + i, line, i == 0 ? .title : .status, maxWidth: boxWidth - 4)
        }
    }
}
