import CNcurses
import FoundationEssentials
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PeeringBrowser

/// The curses terminal: the only Swift file that talks to ncurses.
///
/// It is not Sendable on purpose: every curses call happens on the thread
/// that runs the browser loop.
final class CursesTerminal {
    private var screen: OpaquePointer?
    private let window: UnsafeMutablePointer<WINDOW>
    let color: Bool

    /// Opens the terminal: locale, newterm, modes and colours.
    init() throws {
        setlocale(LC_ALL, "")
        if ps_codeset_is_utf8() == 0 { setlocale(LC_ALL, "C.UTF-8") }
        unsetenv("LINES")
        unsetenv("COLUMNS")
        guard let screen = newterm(nil, ps_stdout(), ps_stdin()) else {
            throw TerminalError("cannot open the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? "unset"))")
        }
        self.screen = screen
        guard let window = ps_stdscr() else {
            endwin()
            delscreen(screen)
            throw TerminalError("cannot open the terminal's screen")
        }
        self.window = window
        guard ps_can_address_cursor() != 0 else {
            endwin()
            delscreen(screen)
            self.screen = nil
            throw TerminalError("terminal type '\(ProcessInfo.processInfo.environment["TERM"] ?? "unset")' cannot move the cursor; use a terminal such as xterm-256color, or 'peerscope list'")
        }
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        nodelay(window, true)
        curs_set(0)
        // The cursor is hidden: leave it where the last change was instead of moving it back after
        // every update (about 14 bytes a refresh, over SSH).
        leaveok(window, true)
        set_escdelay(25)
        let noColor = !(ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty
        if !noColor && has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_GREEN), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_RED), -1)
            init_pair(4, Int16(COLOR_CYAN), -1)
            init_pair(5, Int16(COLOR_BLACK), Int16(COLOR_YELLOW))
            color = true
        } else {
            color = false
        }
    }

    var size: (width: Int, height: Int) { (Int(getmaxx(window)), Int(getmaxy(window))) }

    /// Draws one frame: `draw` paints onto a curses canvas, then ncurses sends only the cells that changed.
    func frame(full: Bool, _ draw: (inout CursesCanvas) -> Void) {
        if full { clearok(window, true) }
        werase(window)
        var canvas = CursesCanvas(terminal: self)
        draw(&canvas)
        wnoutrefresh(window)
        doupdate()
    }

    /// Writes already-clipped text at a position with a style's attributes.
    fileprivate func write(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle) {
        let attributes = CursesTerminal.attributes(for: style, color: color)
        ps_attron(window, attributes)
        var wide = text.unicodeScalars.map { wchar_t(bitPattern: $0.value) } + [0]
        mvwaddwstr(window, Int32(y), Int32(x), &wide)
        ps_attroff(window, attributes)
    }

    /// The curses attributes for a style; without colour, bold, underline and reverse carry the meaning.
    static func attributes(for style: CellStyle, color: Bool) -> Int32 {
        let bold = Int32(ps_attr_bold()), reverse = Int32(ps_attr_reverse()), dim = Int32(ps_attr_dim()), underline = Int32(ps_attr_underline())
        func pair(_ n: Int32) -> Int32 { color ? Int32(ps_color_pair(n)) : 0 }
        switch style {
        case .normal: return 0
        case .dim: return dim
        case .ok: return pair(1)
        case .warning: return pair(2) | bold
        case .error: return color ? pair(3) | bold : bold | underline
        case .title: return bold | pair(4)
        case .highlight, .changed: return color ? pair(5) : bold | underline
        case .selected: return reverse | bold
        case .header: return reverse | bold
        case .status: return reverse
        }
    }

    /// Reads one key if one is waiting.
    func readKey() -> Key?? {
        var wch: wint_t = 0
        let result = wget_wch(window, &wch)
        if result == ERR { return nil }
        if result == KEY_CODE_YES {
            switch Int32(wch) {
            case KEY_UP: return .some(.up)
            case KEY_DOWN: return .some(.down)
            case KEY_LEFT: return .some(.left)
            case KEY_RIGHT: return .some(.right)
            case KEY_PPAGE: return .some(.pageUp)
            case KEY_NPAGE: return .some(.pageDown)
            case KEY_HOME: return .some(.home)
            case KEY_END: return .some(.end)
            case KEY_ENTER: return .some(.enter)
            case KEY_BACKSPACE: return .some(.backspace)
            case KEY_RESIZE: return .some(.resize)
            case ps_key_f(5): return .some(.f5)
            default: return .some(nil)
            }
        }
        switch wch {
        case 27: return .some(.escape)
        case 9: return .some(.tab)
        case 10, 13: return .some(.enter)
        case 8, 127: return .some(.backspace)
        case 1...26: return .some(.ctrl(Character(Unicode.Scalar(UInt8(wch) + 96))))
        default:
            guard let scalar = Unicode.Scalar(UInt32(wch)) else { return .some(nil) }
            return .some(.char(Character(scalar)))
        }
    }

    /// Gives the terminal back: drains pending input, leaves the alternate screen, shows the cursor.
    func close() {
        guard let screen else { return }
        flushinp()
        curs_set(1)
        endwin()
        delscreen(screen)
        self.screen = nil
    }
}

/// A terminal that could not be opened or used, in a sentence.
public struct TerminalError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// The curses implementation of ``Canvas``: each put goes straight to the curses window.
struct CursesCanvas: Canvas {
    fileprivate let terminal: CursesTerminal
    let width: Int
    let height: Int

    fileprivate init(terminal: CursesTerminal) {
        self.terminal = terminal
        (width, height) = terminal.size
    }

    mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle, maxWidth: Int?) {
        guard y >= 0, y < height, x >= 0, x < width else { return }
        let limit = min(width - x, maxWidth ?? Int.max)
        guard limit > 0 else { return }
        var clipped = DisplayText.clip(text, to: limit)
        // The bottom-right cell cannot be written without scrolling the screen: drop it, without an ellipsis.
        if y == height - 1, x + DisplayText.width(clipped) >= width {
            var trimmed = ""
            var used = 0
            for character in clipped {
                let w = DisplayText.width(of: character)
                if x + used + w > width - 1 { break }
                trimmed.append(character)
                used += w
            }
            clipped = trimmed
        }
        terminal.write(x, y, clipped, style)
    }
}
