import ARMModels
import FoundationEssentials
import PeeringBrowser

/// The detail pane: every property of the selected peering, grouped, with changed fields highlighted.
enum DetailPane {
    static let labelWidth = 21

    static func draw<C: Canvas>(_ state: BrowserState, now: Date, x: Int, y: Int, width: Int, height: Int, on canvas: inout C) {
        guard height > 0, width > 10 else { return }
        guard let peering = state.selected, let key = state.selectedID else {
            canvas.put(x, y, "no peering selected", .dim, maxWidth: width)
            return
        }
        let changed = state.changes[key].flatMap { now.timeIntervalSince($0.at) < BrowserState.highlightSeconds ? $0.fields : nil } ?? []
        var lines: [(String, String, CellStyle, CellStyle)] = []
        // A long name is clipped so that the way back and the "↓ more" marker stay visible.
        let hint = state.focus == .detail ? "  (detail · ←/Esc back)" : ""
        let title = DisplayText.clip(DisplayText.sanitize(peering.name ?? "?"), to: max(8, width - DisplayText.width(hint) - 8)) + hint
        lines.append((title, "", .title, .title))
        var sections = DetailBuilder.sections(for: peering, localSubscription: state.vnet.subscriptionId)
        let remote = state.remotes[key] ?? .unknown
        let extra = [DetailBuilder.findingsSection(state.findings(for: key), remote: remote), DetailBuilder.bothSidesSection(local: peering, remote: remote)]
        sections.insert(contentsOf: extra, at: min(4, sections.count))
        let valueWidth = max(10, width - labelWidth - 1)
        for section in sections {
            lines.append(("", "", .normal, .normal))
            lines.append((section.title, "", .title, .title))
            for line in section.lines {
                let isChanged = line.field.map(changed.contains) ?? false
                if line.wraps {
                    for part in Wrap.lines(line.value, width: width - 2) {
                        lines.append(("", part, .normal, CellStyle(line.style)))
                    }
                    continue
                }
                _ = valueWidth
                lines.append((line.label, line.value, isChanged ? .changed : .dim, isChanged ? .changed : CellStyle(line.style)))
            }
        }
        let scroll = max(0, min(state.detailScroll, lines.count - height))
        for (i, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            if line.1.isEmpty && line.2 == .title {
                canvas.put(x, y + i, line.0, .title, maxWidth: width)
            } else if line.0.isEmpty, !line.1.isEmpty {
                canvas.put(x + 1, y + i, line.1, line.3, maxWidth: width - 1)
            } else if !line.0.isEmpty {
                let marker = line.2 == .changed ? "*" : " "
                canvas.put(x, y + i, marker + line.0, line.2, maxWidth: labelWidth)
                canvas.put(x + labelWidth + 1, y + i, line.1, line.3, maxWidth: width - labelWidth - 1)
            }
        }
        if lines.count > height {
            let more = scroll + height < lines.count ? "↓ more" : "end"
            canvas.put(x + width - DisplayText.width(more) - 1, y, more, .dim)
        }
    }
}
