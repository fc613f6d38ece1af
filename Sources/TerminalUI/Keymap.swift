import PeeringBrowser

/// A key as the terminal reported it, independent of curses.
public enum Key: Hashable, Sendable {
    case up, down, left, right, pageUp, pageDown, home, end, enter, tab, escape, backspace, f5, resize
    case char(Character)
    case ctrl(Character)
}

/// One key binding: the keys, what they do, and the help text — the one table that dispatches keys and draws help.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var label: String
    public var help: String
    public var action: BrowserAction
}

/// Every key of the browser.
public enum Keymap {
    public static let bindings: [KeyBinding] = [
        KeyBinding(keys: [.up, .char("k")], label: "↑/k", help: "move up (scroll the detail pane when it has focus)", action: .moveUp),
        KeyBinding(keys: [.down, .char("j")], label: "↓/j", help: "move down", action: .moveDown),
        KeyBinding(keys: [.pageUp, .ctrl("b")], label: "PgUp/^B", help: "page up", action: .pageUp),
        KeyBinding(keys: [.pageDown, .ctrl("f")], label: "PgDn/^F", help: "page down", action: .pageDown),
        KeyBinding(keys: [.home, .char("g")], label: "Home/g", help: "first peering", action: .top),
        KeyBinding(keys: [.end, .char("G")], label: "End/G", help: "last peering", action: .bottom),
        KeyBinding(keys: [.enter, .tab, .char("l"), .right], label: "Enter/Tab/l/→", help: "open the subscription or VNet; focus the detail pane", action: .focusDetail),
        KeyBinding(keys: [.left, .char("h"), .escape], label: "←/h/Esc", help: "back: detail → list → VNets → subscriptions", action: .focusList),
        KeyBinding(keys: [.char("/")], label: "/", help: "filter rows (Enter keeps it, Esc clears it)", action: .startFilter),
        KeyBinding(keys: [.char("s")], label: "s", help: "sort by the next column", action: .cycleSort),
        KeyBinding(keys: [.char("S")], label: "S", help: "reverse the sort order", action: .reverseSort),
        KeyBinding(keys: [.char("r"), .f5], label: "r/F5", help: "refresh now", action: .refreshNow),
        KeyBinding(keys: [.char("p")], label: "p", help: "pause / resume live updates", action: .togglePause),
        KeyBinding(keys: [.char("+"), .char("=")], label: "+", help: "refresh more often", action: .faster),
        KeyBinding(keys: [.char("-")], label: "-", help: "refresh less often", action: .slower),
        KeyBinding(keys: [.char("e")], label: "e", help: "event log of state and sync changes", action: .toggleEvents),
        KeyBinding(keys: [.char("f")], label: "f", help: "only peerings with findings (! in the list)", action: .toggleOnlyFindings),
        KeyBinding(keys: [.char("o")], label: "o", help: "open the remote VNet's peerings (walk hub ⇄ spoke)", action: .jumpToRemote),
        KeyBinding(keys: [.char(":")], label: ":", help: "go to a resource id (subscription, VNet or peering)", action: .startCommand),
        KeyBinding(keys: [.char("y")], label: "y", help: "copy the peering's resource id (OSC 52 clipboard)", action: .copyID),
        KeyBinding(keys: [.char("?")], label: "?", help: "this help", action: .toggleHelp),
        KeyBinding(keys: [.ctrl("l")], label: "^L", help: "redraw the screen", action: .redraw),
        KeyBinding(keys: [.char("q"), .ctrl("c")], label: "q/^C", help: "quit", action: .quit),
    ]

    /// The hints on the status line.
    public static let hints = "↑↓ move  Enter open  Esc back  / filter  f findings  o remote  : go to  e events  ? help  q quit"

    /// What a key means, given whether the filter is being typed.
    public static func action(for key: Key, editingFilter: Bool, editingCommand: Bool = false) -> BrowserAction? {
        if editingCommand {
            switch key {
            case .enter: return .commandCommit
            case .escape: return .commandCancel
            case .backspace: return .commandBackspace
            case .char(let c): return .commandInput(c)
            case .ctrl("c"): return .quit
            default: return nil
            }
        }
        if editingFilter {
            switch key {
            case .enter: return .filterCommit
            case .escape: return .filterCancel
            case .backspace: return .filterBackspace
            case .char(let c): return .filterInput(c)
            case .ctrl("c"): return .quit
            default: return nil
            }
        }
        if key == .resize { return .redraw }
        return bindings.first { $0.keys.contains(key) }?.action
    }
}
