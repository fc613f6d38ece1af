import ARMModels
import FoundationEssentials
import PeeringBrowser

/// The peerings list: one row per peering, the selection in reverse video, recent changes marked.
enum ListPane {
    static func syncLabel(_ level: String) -> String {
        switch level.lowercased() {
        case "fullyinsync": return "InSync"
        case "remotenotinsync": return "Remote!"
        case "localnotinsync": return "Local!"
        case "localandremotenotinsync": return "Both!"
        default: return level
        }
    }

    static func draw<C: Canvas>(_ state: BrowserState, now: Date, x: Int, y: Int, width: Int, height: Int, on canvas: inout C) {
        guard height > 1 else { return }
        let stateW = 13, syncW = 8, flagsW = 5
        let remoteW = width >= 64 ? 20 : 15
        let rest = width - 2 - stateW - syncW - flagsW - remoteW
        let nameW = rest >= 30 ? max(16, min(24, rest / 2)) : max(8, rest)
        let prefixW = rest >= 30 ? rest - nameW : 0
        var columns: [(String, Int)] = [("NAME", nameW), ("STATE", stateW), ("SYNC", syncW), ("REMOTE VNET", remoteW), ("AFGR", flagsW)]
        if prefixW > 0 { columns.append(("REMOTE PREFIXES", prefixW)) }
        var cx = x + 2
        for (title, cw) in columns {
            canvas.put(cx, y, title, .title, maxWidth: cw - 1)
            cx += cw
        }
        let rows = height - 1
        guard !state.visible.isEmpty else {
            let text: String
            if state.lastRefresh == nil { text = state.lastError == nil ? "loading peerings…" : "could not load peerings (see below)" }
            else if !state.filter.isEmpty { text = "no peering matches the filter" }
            else { text = "this virtual network has no peerings" }
            canvas.put(x + 2, y + 1, text, .dim, maxWidth: width - 2)
            if state.lastRefresh == nil, let error = state.lastError {
                for (i, line) in Wrap.lines(error, width: width - 4).prefix(max(0, height - 3)).enumerated() {
                    canvas.put(x + 2, y + 3 + i, line, .error, maxWidth: width - 2)
                }
            }
            return
        }
        let selected = state.selectedIndex ?? 0
        let top = max(0, min(selected - rows / 2, state.visible.count - rows))
        for (offset, key) in state.visible.dropFirst(top).prefix(rows).enumerated() {
            guard let row = state.rows[key] else { continue }
            let ry = y + 1 + offset
            let isSelected = top + offset == selected
            let changed = state.changes[key].map { now.timeIntervalSince($0.at) < BrowserState.highlightSeconds } ?? false
            let base: CellStyle = isSelected ? .selected : (changed ? .changed : .normal)
            if isSelected || changed { canvas.fill(x, ry, width, base) }
            canvas.put(x, ry, changed ? "*" : (isSelected ? ">" : " "), base)
            let findings = state.findings(for: key)
            if findings.contains(where: { $0.severity != .info }) {
                canvas.put(x + 1, ry, "!", isSelected ? base : (findings.contains { $0.severity == .error } ? .error : .warning))
            }
            var cx = x + 2
            let stateStyle: CellStyle
            switch row.stateKind {
            case .connected: stateStyle = .ok
            case .initiated: stateStyle = .warning
            case .disconnected: stateStyle = .error
            case .other: stateStyle = .normal
            }
            let cells: [(String, CellStyle)] = [
                (row.name, base), (row.state, isSelected ? base : stateStyle), (syncLabel(row.syncLevel), row.inSync || isSelected ? base : .warning),
                (row.remote, base), (row.flags, base), (row.remotePrefixes, isSelected ? base : .dim),
            ]
            for (i, (title, cw)) in columns.enumerated() {
                _ = title
                canvas.put(cx, ry, cells[i].0, cells[i].1, maxWidth: cw - 1)
                cx += cw
            }
        }
    }
}

/// Word wrapping by display width.
enum Wrap {
    static func lines(_ text: String, width: Int) -> [String] {
        guard width > 4 else { return [text] }
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false).map(String.init) {
            let candidate = current.isEmpty ? word : current + " " + word
            if DisplayText.width(candidate) <= width {
                current = candidate
            } else {
                if !current.isEmpty { lines.append(current) }
                current = DisplayText.width(word) > width ? DisplayText.clip(word, to: width) : word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}
