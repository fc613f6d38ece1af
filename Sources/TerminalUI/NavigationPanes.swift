import ARMModels
import FoundationEssentials
import PeeringBrowser

/// The subscriptions screen: every subscription the identity can read, the default one marked.
enum SubscriptionsPane {
    static func draw<C: Canvas>(_ state: BrowserState, x: Int, y: Int, width: Int, height: Int, on canvas: inout C) {
        let nav = state.nav
        canvas.put(x + 2, y, "SUBSCRIPTION", .title)
        canvas.put(x + 2 + 40, y, "ID", .title)
        canvas.put(x + 2 + 40 + 38, y, "STATE", .title, maxWidth: max(0, width - 82))
        guard !nav.subscriptions.isEmpty else {
            canvas.put(x + 2, y + 1, nav.subscriptionsLoaded ? "the signed-in identity can read no subscription" : "loading subscriptions…", .dim, maxWidth: width - 2)
            errorBlock(nav.lastError, x: x, y: y + 3, width: width, height: height - 3, on: &canvas)
            return
        }
        let rows = height - 1
        let selected = nav.subscriptionIndex ?? 0
        let top = max(0, min(selected - rows / 2, nav.subscriptions.count - rows))
        for (offset, sub) in nav.subscriptions.dropFirst(top).prefix(rows).enumerated() {
            let ry = y + 1 + offset
            let isSelected = top + offset == selected
            let base: CellStyle = isSelected ? .selected : .normal
            if isSelected { canvas.fill(x, ry, width, base) }
            let isDefault = sub.subscriptionId?.lowercased() == nav.defaultSubscription?.lowercased()
            canvas.put(x, ry, (isSelected ? ">" : " ") + (isDefault ? "*" : " "), base)
            canvas.put(x + 2, ry, DisplayText.sanitize(sub.displayName ?? "?") + (isDefault ? " (default)" : ""), base, maxWidth: 39)
            canvas.put(x + 42, ry, DisplayText.sanitize(sub.subscriptionId ?? "?"), base, maxWidth: 37)
            canvas.put(x + 80, ry, DisplayText.sanitize(sub.state ?? ""), base, maxWidth: max(0, width - 80))
        }
    }
}

/// The VNets screen: every VNet of a subscription grouped by resource group, with peering health.
enum VNetsPane {
    static func draw<C: Canvas>(_ state: BrowserState, x: Int, y: Int, width: Int, height: Int, on canvas: inout C) {
        let nav = state.nav
        let narrow = width < 100
        let nameW = narrow ? 18 : 24, locW = narrow ? 12 : 13, prefixW = width >= 110 ? 30 : (narrow ? 15 : 20), countW = narrow ? 4 : 9
        canvas.put(x + 2, y, "VNET", .title)
        canvas.put(x + 2 + nameW, y, "LOCATION", .title)
        canvas.put(x + 2 + nameW + locW, y, "ADDRESS PREFIXES", .title, maxWidth: prefixW - 1)
        canvas.put(x + 2 + nameW + locW + prefixW, y, narrow ? "#" : "PEERINGS", .title)
        canvas.put(x + 2 + nameW + locW + prefixW + countW, y, "HEALTH", .title, maxWidth: max(0, width - (2 + nameW + locW + prefixW + countW)))
        guard !nav.vnets.isEmpty else {
            canvas.put(x + 2, y + 1, nav.vnetsLoaded ? "this subscription has no virtual networks" : "loading virtual networks…", .dim, maxWidth: width - 2)
            errorBlock(nav.lastError, x: x, y: y + 3, width: width, height: height - 3, on: &canvas)
            return
        }
        // Lines: a group header before each resource group, then its VNets.
        var lines: [(group: String?, index: Int?)] = []
        var lastGroup: String?
        for (i, row) in nav.vnets.enumerated() {
            if row.group.lowercased() != lastGroup?.lowercased() {
                lines.append((row.group, nil))
                lastGroup = row.group
            }
            lines.append((nil, i))
        }
        let selected = nav.vnetIndex ?? 0
        let selectedLine = lines.firstIndex { $0.index == selected } ?? 0
        let rows = height - 1
        let top = max(0, min(selectedLine - rows / 2, lines.count - rows))
        for (offset, line) in lines.dropFirst(top).prefix(rows).enumerated() {
            let ry = y + 1 + offset
            if let group = line.group {
                canvas.put(x + 1, ry, "resource group " + group, .title, maxWidth: width - 1)
                continue
            }
            guard let index = line.index else { continue }
            let row = nav.vnets[index]
            let isSelected = index == selected
            let base: CellStyle = isSelected ? .selected : .normal
            if isSelected { canvas.fill(x, ry, width, base) }
            canvas.put(x, ry, isSelected ? ">" : " ", base)
            var cx = x + 2
            canvas.put(cx, ry, row.name, base, maxWidth: nameW - 1); cx += nameW
            canvas.put(cx, ry, row.location, isSelected ? base : .dim, maxWidth: locW - 1); cx += locW
            canvas.put(cx, ry, row.prefixes, isSelected ? base : .dim, maxWidth: prefixW - 1); cx += prefixW
            canvas.put(cx, ry, String(row.peerings), base, maxWidth: countW - 1); cx += countW
            let style: CellStyle = isSelected ? base : row.disconnected > 0 ? .error : (row.initiated > 0 || row.outOfSync > 0) ? .warning : row.peerings > 0 ? .ok : .dim
            canvas.put(cx, ry, narrow ? row.compactHealth : row.health, style, maxWidth: max(0, width - (cx - x)))
        }
    }
}

/// A failed load's message, wrapped, under an empty list.
func errorBlock<C: Canvas>(_ error: String?, x: Int, y: Int, width: Int, height: Int, on canvas: inout C) {
    guard let error, height > 0 else { return }
    for (i, line) in Wrap.lines(error, width: width - 4).prefix(height).enumerated() {
        canvas.put(x + 2, y + i, line, .error, maxWidth: width - 2)
    }
}
