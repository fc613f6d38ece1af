import PeeringBrowser

/// How a cell is drawn: a meaning, plus whether it is the selected row.
public enum CellStyle: Sendable, Equatable {
    case normal, dim, ok, warning, error, title, highlight, selected, header, status, changed

    init(_ style: TextStyle) {
        switch style {
        case .normal: self = .normal
        case .dim: self = .dim
        case .ok: self = .ok
        case .warning: self = .warning
        case .error: self = .error
        case .title: self = .title
        case .highlight: self = .highlight
        }
    }
}

/// A surface a frame is drawn on: curses, or a grid of text in tests.
public protocol Canvas {
    var width: Int { get }
    var height: Int { get }
    /// Writes `text` at column `x`, row `y`, clipped to `maxWidth` columns and to the canvas.
    mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle, maxWidth: Int?)
}

extension Canvas {
    mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle = .normal) {
        put(x, y, text, style, maxWidth: nil)
    }

    /// Fills a row segment with spaces in a style (for bars and the selection).
    mutating func fill(_ x: Int, _ y: Int, _ count: Int, _ style: CellStyle) {
        guard count > 0 else { return }
        put(x, y, String(repeating: " ", count: count), style, maxWidth: count)
    }
}

/// An in-memory canvas: what tests compare with golden files.
public struct TextCanvas: Canvas {
    public let width: Int
    public let height: Int
    /// Each cell's character (NUL for the right half of a wide one) and style.
    private var cells: [[(Character, CellStyle)]]
    static let continuation: Character = "\u{0}"

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Array(repeating: (" ", CellStyle.normal), count: max(0, width)), count: max(0, height))
    }

    public mutating func put(_ x: Int, _ y: Int, _ text: String, _ style: CellStyle, maxWidth: Int?) {
        guard y >= 0, y < height, x < width else { return }
        let limit = min(width - max(0, x), maxWidth ?? Int.max)
        guard limit > 0 else { return }
        let clipped = DisplayText.clip(text, to: limit)
        var column = max(0, x)
        for character in clipped {
            let w = DisplayText.width(of: character)
            guard w > 0 else { continue }
            guard column + w <= width else { break }
            clearHalves(y, column, w)
            cells[y][column] = (character, style)
            for extra in 1..<max(1, w) { cells[y][column + extra] = (TextCanvas.continuation, style) }
            column += w
        }
    }

    /// Blanks the other half of any wide character that a write of width `w` at `column` would split.
    private mutating func clearHalves(_ y: Int, _ column: Int, _ w: Int) {
        if cells[y][column].0 == TextCanvas.continuation, column > 0 { cells[y][column - 1].0 = " " }
        let after = column + w
        if after < width, cells[y][after].0 == TextCanvas.continuation { cells[y][after].0 = " " }
    }

    /// The canvas as lines of text, trailing spaces kept.
    public var text: String {
        cells.map { row in String(row.compactMap { $0.0 == TextCanvas.continuation ? nil : $0.0 }) }.joined(separator: "\n")
    }

    /// The style of one cell.
    public func style(_ x: Int, _ y: Int) -> CellStyle { cells[y][x].1 }
}
