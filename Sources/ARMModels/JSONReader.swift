/// A forward-only reader of JSON text in UTF-8, for decoding ARM's long lists quickly.
///
/// It is a pull parser: the caller asks for the value it expects where it
/// expects it (an object, a string, a Boolean), nothing is built for members it
/// does not know (they are skipped, but still checked to be JSON), and every
/// failure says what was wrong and where. It reads under the same rules as
/// Foundation's JSONDecoder for the types PeerScope decodes, about ten times
/// faster, because it never builds an intermediate tree or boxes a value.
///
/// The bytes must outlive the reader; `JSONReader.read(_:_:)` scopes that.
public struct JSONReader {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private var index = 0
    private var depth = 0
    /// Values read earlier from this document, to hand out again when the same bytes come again.
    var memo = ReadMemo()
    /// The member names each kind of object had, by position, as read last in this document.
    private var guesses = KeyGuesses()
    /// The unescaped copies of strings that had escapes, freed when `read(_:_:)` ends, so a `JSONKey` is plain
    /// pointers (no reference counting for every string read).
    private var unescapedCopies: [UnsafeMutableBufferPointer<UInt8>] = []
    /// Where a string value with escapes is unescaped, reused from one to the next (a value's bytes are made into
    /// a String before the next string is read; member names, kept while their value is read, get a copy each).
    private var scratch: UnescapedBytes?

    /// How deeply arrays and objects may nest (as JSONDecoder allows); deeper input is refused, not recursed into.
    public static let maximumDepth = 512

    private init(_ base: UnsafePointer<UInt8>, count: Int) {
        self.base = base
        self.end = count
    }

    /// Runs `body` with a reader over `bytes`, then checks that nothing but whitespace follows the value it read.
    public static func read<Bytes: Sequence<UInt8>, T>(
        _ bytes: Bytes, _ body: (inout JSONReader) throws(JSONReadError) -> T
    ) throws(JSONReadError) -> T {
        func run(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<T, JSONReadError> {
            guard let base = buffer.baseAddress, buffer.count > 0 else { return .failure(JSONReadError("the body is empty", offset: 0)) }
            var reader = JSONReader(base, count: buffer.count)
            defer {
                for copy in reader.unescapedCopies { copy.deallocate() }
                reader.scratch?.deallocate()
                reader.guesses.deallocate()
            }
            // A UTF-8 byte order mark is allowed before the value, as JSONDecoder allows it.
            if buffer.count >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF { reader.index = 3 }
            do throws(JSONReadError) {
                let value = try body(&reader)
                reader.skipWhitespace()
                guard reader.index == reader.end else { throw JSONReadError("unexpected text after the JSON value", offset: reader.index) }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try withBuffer(bytes, run).get()
    }

    /// `body` run on the bytes of `bytes` as one buffer: contiguous bytes as they are, others copied once.
    @inlinable
    public static func withBuffer<Bytes: Sequence<UInt8>, R>(_ bytes: Bytes, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        bytes.withContiguousStorageIfAvailable(body) ?? Array(bytes).withUnsafeBufferPointer(body)
    }

    /// Where the reader is, as a byte offset into the body.
    var offset: Int { index }
    /// How many bytes of the body are still to be read.
    var remaining: Int { end - index }

    // MARK: Objects and arrays

    /// Opens an object: true after `{`, false for `null`; anything else is the wrong type.
    @inline(__always)
    public mutating func beginObject() throws(JSONReadError) -> Bool {
        // The usual case, the brace right here, without a call; whitespace, `null` and errors take the call.
        if index < end, base[index] == UInt8(ascii: "{"), depth < Self.maximumDepth {
            depth &+= 1
            index &+= 1
            return true
        }
        return try begin(UInt8(ascii: "{"), expected: "an object")
    }

    /// Opens a container starting with `open` (or reads `null`), counting how deep containers nest.
    private mutating func begin(_ open: UInt8, expected: String) throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard index < end else { throw truncated() }
        switch base[index] {
        case open:
            depth += 1
            guard depth <= Self.maximumDepth else { throw JSONReadError("JSON nested too deeply", offset: index) }
            index &+= 1
            return true
        case UInt8(ascii: "n"):
            try literal("null")
            return false
        default:
            throw wrongType(expected)
        }
    }

    /// The next member's key of the open object, or nil at its closing `}`; `first` tracks the commas.
    @inline(__always)
    public mutating func nextKey(_ first: inout Bool) throws(JSONReadError) -> JSONKey? {
        skipWhitespace()
        guard index < end else { throw truncated() }
        if base[index] == UInt8(ascii: "}") {
            index &+= 1
            depth -= 1
            return nil
        }
        if first {
            first = false
        } else {
            guard base[index] == UInt8(ascii: ",") else { throw JSONReadError("expected ',' or '}' in an object", offset: index) }
            index &+= 1
            skipWhitespace()
        }
        guard index < end else { throw truncated() }
        guard base[index] == UInt8(ascii: "\"") else { throw JSONReadError("expected a member name in quotes", offset: index) }
        let key = try stringBytes(kept: true)
        skipWhitespace()
        guard index < end else { throw truncated() }
        guard base[index] == UInt8(ascii: ":") else { throw JSONReadError("expected ':' after a member name", offset: index) }
        index &+= 1
        return key
    }

    /// Opens an array: true after `[`, false for `null`; anything else is the wrong type.
    @inline(__always)
    public mutating func beginArray() throws(JSONReadError) -> Bool {
        if index < end, base[index] == UInt8(ascii: "["), depth < Self.maximumDepth {
            depth &+= 1
            index &+= 1
            return true
        }
        return try begin(UInt8(ascii: "["), expected: "an array")
    }

    /// Whether another element follows in the open array (false at its closing `]`); `first` tracks the commas.
    public mutating func nextElement(_ first: inout Bool) throws(JSONReadError) -> Bool {
        skipWhitespace()
        guard index < end else { throw truncated() }
        if base[index] == UInt8(ascii: "]") {
            index &+= 1
            depth -= 1
            return false
        }
        if first {
            first = false
            return true
        }
        guard base[index] == UInt8(ascii: ",") else { throw JSONReadError("expected ',' or ']' in an array", offset: index) }
        index &+= 1
        return true
    }

    /// Where a caller's loop over an object's members is: commas so far and which known members were seen.
    public struct MemberCursor {
        fileprivate var first = true
        fileprivate var seen: UInt64 = 0
        /// Which kind of object this is, for `KeyGuesses` (0: none, guesses off).
        fileprivate let shape: Int
        /// How many members have been read so far.
        fileprivate var position = 0

        /// A cursor for an object of no particular kind.
        public init() { shape = 0 }

        /// A cursor for an object of `kind`, whose members are tried in the order the last object of that kind in
        /// the document had them.
        init(_ kind: ObjectKind) { shape = kind.rawValue }
    }

    /// The next member of the open object that `field` knows and that has not been seen yet, or nil at its `}`.
    ///
    /// Unknown members and repeats are skipped (JSONDecoder too keeps the first of two members with one
    /// name). The caller reads the member's value, wrapping a failure with `error.inside(key.name)`; the loop
    /// is the caller's own (no closure), so the value it builds stays a plain local that is moved, not copied.
    @inline(__always)
    public mutating func nextMember<Field: RawRepresentable<Int>>(
        _ cursor: inout MemberCursor, _ field: (JSONKey) -> Field?
    ) throws(JSONReadError) -> (Field, JSONKey)? {
        if cursor.shape != 0, let hit: (Field, JSONKey) = guessedMember(&cursor) { return hit }
        while let key = try nextKey(&cursor.first) {
            let position = cursor.position
            cursor.position &+= 1
            guard let known = field(key), known.rawValue < 64, cursor.seen & (1 << known.rawValue) == 0 else {
                do throws(JSONReadError) { try skipValue() } catch { throw error.inside(key.name) }
                continue
            }
            cursor.seen |= 1 << known.rawValue
            if cursor.shape != 0 { guesses.learn(key, field: known.rawValue, shape: cursor.shape, position: position) }
            return (known, key)
        }
        return nil
    }

    /// The member at `cursor`'s position when its name is the one the last object of its kind had there.
    ///
    /// ARM writes every element of a list with its members in one order, so the name is checked by one
    /// compare of the bytes `,"name":` instead of scanned and then looked up. Only compact JSON takes
    /// this path (no whitespace around the name); anything else, and every miss, goes the general way.
    /// A hit is exactly what the general way would read: the guessed name is a known member's, which
    /// holds no quote or backslash, so the same bytes between quotes are that name unescaped.
    @inline(__always)
    private mutating func guessedMember<Field: RawRepresentable<Int>>(_ cursor: inout MemberCursor) -> (Field, JSONKey)? {
        guard let guess = guesses.guess(shape: cursor.shape, position: cursor.position) else { return nil }
        var at = index
        if !cursor.first {
            guard at < end, base[at] == UInt8(ascii: ",") else { return nil }
            at &+= 1
        }
        let count = guess.count
        guard end &- at >= count &+ 3, base[at] == UInt8(ascii: "\""), base[at &+ 1 &+ count] == UInt8(ascii: "\""),
              base[at &+ 2 &+ count] == UInt8(ascii: ":"), cursor.seen & (1 << guess.field) == 0,
              bytesEqual(base + (at &+ 1), guess.start, count), let known = Field(rawValue: guess.field) else { return nil }
        index = at &+ 3 &+ count
        cursor.first = false
        cursor.position &+= 1
        cursor.seen |= 1 << guess.field
        return (known, JSONKey(start: base + (at &+ 1), count: count, ascii: true))
    }

    /// An array of values read by `element`, or nil for `null`.
    @inline(__always)
    public mutating func array<T>(_ element: (inout JSONReader) throws(JSONReadError) -> T) throws(JSONReadError) -> [T]? {
        guard try beginArray() else { return nil }
        var values: [T] = []
        var first = true
        while try nextElement(&first) {
            do throws(JSONReadError) {
                values.append(try element(&self))
            } catch {
                throw error.inside("[\(values.count)]")
            }
        }
        return values
    }

    /// Reads a value with `read`, unless the same bytes were read into `slot` before: then that value is handed out again.
    ///
    /// ARM repeats whole values across a list (every peering has its VNet's local address space, and the remote
    /// address space twice); sharing them saves building and keeping copies. A value is compared as raw bytes
    /// after it has been checked once, so a miss costs one extra pass over its text.
    @inline(__always)
    mutating func remembered<T>(
        _ slot: WritableKeyPath<ReadMemo, RecentValues<T>>, _ read: (inout JSONReader) throws(JSONReadError) -> T
    ) throws(JSONReadError) -> T {
        skipWhitespace()
        let start = index
        if let hit = memo[keyPath: slot].find(base + start, available: end - start, depth: depth) {
            // The remembered text is a complete value that was checked at this depth, so these bytes are the same value.
            index = start + hit.count
            return hit.value
        }
        let value = try read(&self)
        memo[keyPath: slot].remember(value, start: base + start, count: index - start, depth: depth)
        return value
    }

    // MARK: Scalars

    /// A string, or nil for `null`.
    public mutating func string() throws(JSONReadError) -> String? {
        guard let (token, at) = try stringToken() else { return nil }
        guard let text = token.string else { throw JSONReadError("a string that is not UTF-8", offset: at) }
        return text
    }

    /// A string-valued enumeration, or nil for `null`: a known value is matched byte for byte and handed back
    /// as the shared constant (no String is built), anything else is kept as sent.
    public mutating func expandable<E: ExpandableStringEnum>(_: E.Type) throws(JSONReadError) -> E? {
        guard let (token, at) = try stringToken() else { return nil }
        for known in E.knownValues where token.equals(known.rawValue) { return known }
        guard let text = token.string else { throw JSONReadError("a string that is not UTF-8", offset: at) }
        return E(rawValue: text)
    }

    /// A string's bytes and where it starts, or nil for `null`; any other value is the wrong type. The bytes of a
    /// string with escapes are valid until the next string is read.
    private mutating func stringToken() throws(JSONReadError) -> (JSONKey, Int)? {
        skipWhitespace()
        guard index < end else { throw truncated() }
        switch base[index] {
        case UInt8(ascii: "\""):
            let at = index
            return (try stringBytes(kept: false), at)
        case UInt8(ascii: "n"):
            try literal("null")
            return nil
        default: throw wrongType("a string")
        }
    }

    /// A string that may not be null (an element of a string array).
    public mutating func requiredString() throws(JSONReadError) -> String {
        guard let value = try string() else { throw JSONReadError("expected a string, found null", offset: index) }
        return value
    }

    /// A Boolean, or nil for `null`.
    public mutating func bool() throws(JSONReadError) -> Bool? {
        skipWhitespace()
        // The common cases are one four-byte compare each ("true", "fals" then "e").
        if end &- index >= 5 {
            // The bytes read little-endian: "true" is 74 72 75 65, "fals" 66 61 6C 73.
            let word = UInt32(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt32.self))
            if word == 0x6575_7274 {
                index &+= 4
                return true
            }
            if word == 0x736C_6166, base[index &+ 4] == UInt8(ascii: "e") {
                index &+= 5
                return false
            }
        }
        guard index < end else { throw truncated() }
        switch base[index] {
        case UInt8(ascii: "t"):
            try literal("true")
            return true
        case UInt8(ascii: "f"):
            try literal("false")
            return false
        case UInt8(ascii: "n"):
            try literal("null")
            return nil
        default: throw wrongType("true or false")
        }
    }

    /// Reads past one value of any kind, checking that it is well-formed JSON.
    public mutating func skipValue() throws(JSONReadError) {
        skipWhitespace()
        guard index < end else { throw truncated() }
        switch base[index] {
        case UInt8(ascii: "{"):
            _ = try beginObject()
            var first = true
            while try nextKey(&first) != nil { try skipValue() }
        case UInt8(ascii: "["):
            _ = try beginArray()
            var first = true
            while try nextElement(&first) { try skipValue() }
        case UInt8(ascii: "\""): _ = try stringBytes(kept: false)
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw JSONReadError("not a JSON value", offset: index)
        }
    }

    // MARK: Lexing

    private mutating func skipWhitespace() {
        while index < end {
            switch base[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index &+= 1
            default: return
            }
        }
    }

    @inline(__always)
    private mutating func literal(_ word: StaticString) throws(JSONReadError) {
        let count = word.utf8CodeUnitCount
        guard end - index >= count else { throw truncated() }
        // `true`, `null` and the start of `false` are one four-byte compare each (the word is a constant).
        let here = base + index, wanted = word.utf8Start
        let same = count >= 4
            ? UnsafeRawPointer(here).loadUnaligned(as: UInt32.self) == UnsafeRawPointer(wanted).loadUnaligned(as: UInt32.self)
                && bytesEqual(here + 4, wanted + 4, count - 4)
            : bytesEqual(here, wanted, count)
        guard same else { throw JSONReadError("not a JSON value", offset: index) }
        index &+= count
    }

    /// A number's text, checked against JSON's grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
    private mutating func number() throws(JSONReadError) {
        let start = index
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.index
            while reader.index < reader.end, reader.base[reader.index] >= 0x30, reader.base[reader.index] <= 0x39 { reader.index += 1 }
            return reader.index - from
        }
        if base[index] == UInt8(ascii: "-") { index += 1 }
        guard index < end else { throw truncated() }
        if base[index] == UInt8(ascii: "0") {
            index &+= 1
        } else if digits(&self) == 0 {
            throw JSONReadError("not a JSON number", offset: start)
        }
        if index < end, base[index] == UInt8(ascii: ".") {
            index &+= 1
            guard digits(&self) > 0 else { throw JSONReadError("not a JSON number", offset: start) }
        }
        if index < end, base[index] == UInt8(ascii: "e") || base[index] == UInt8(ascii: "E") {
            index &+= 1
            if index < end, base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-") { index += 1 }
            guard digits(&self) > 0 else { throw JSONReadError("not a JSON number", offset: start) }
        }
    }

    /// The string starting at the opening quote under `index`, unescaped only when it has escapes.
    ///
    /// Nearly all of ARM's strings are plain ASCII: sixteen bytes at a time are
    /// checked for a quote, backslash, control character or non-ASCII byte, and
    /// when the first such byte is the closing quote the string is handed back as
    /// a view of the input, with nothing kept in registers but the scan. Anything
    /// else (an escape, UTF-8, the last bytes of the body) is left to
    /// `carefulStringBytes`, from where the scan stopped. Every string is checked
    /// to be UTF-8, also in members nobody reads (JSON is UTF-8 throughout).
    @inline(__always)
    private mutating func stringBytes(kept: Bool) throws(JSONReadError) -> JSONKey {
        let start = index &+ 1
        var at = start
        while end &- at >= 16 {
            let offset = Self.firstSpecialByte(in: base + at)
            if offset < 16 {
                at &+= offset
                guard base[at] == UInt8(ascii: "\"") else { break }
                index = at &+ 1
                return JSONKey(start: base + start, count: at &- start, ascii: true)
            }
            at &+= 16
        }
        return try carefulStringBytes(kept: kept, plainUntil: at)
    }

    /// `stringBytes` for any string: escapes, UTF-8 (checked), and the body's last bytes. The bytes before
    /// `plainUntil` are known to be plain ASCII, so the scan goes on from there.
    @inline(never)
    private mutating func carefulStringBytes(kept: Bool, plainUntil: Int) throws(JSONReadError) -> JSONKey {
        let open = index
        let start = index &+ 1
        index = plainUntil
        var highBits: UInt8 = 0
        while true {
            skipPlainWords()
            guard index < end else { throw JSONReadError("a string is not closed", offset: open) }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                if highBits >= 0x80, !Self.isValidUTF8(UnsafeBufferPointer(start: base + start, count: index - start)) {
                    throw JSONReadError("a string that is not UTF-8", offset: start)
                }
                let key = JSONKey(start: base + start, count: index - start, ascii: highBits < 0x80)
                index &+= 1
                return key
            }
            if byte < 0x20 { throw JSONReadError("a control character inside a string", offset: index) }
            if byte == UInt8(ascii: "\\") { return try escapedStringBytes(open: open, start: start, highBits: highBits, kept: kept) }
            highBits |= byte
            index &+= 1
        }
    }

    /// The rest of a string from its first escape (under `index`), unescaped into a copy the reader frees at the
    /// end when `kept`, or else into the reused scratch buffer, valid until the next string is read.
    @inline(never)
    private mutating func escapedStringBytes(open: Int, start: Int, highBits plainBits: UInt8, kept: Bool) throws(JSONReadError) -> JSONKey {
        var highBits = plainBits
        var bytes: UnescapedBytes
        if !kept, var reused = scratch {
            scratch = nil
            reused.removeAll()
            bytes = reused
        } else {
            bytes = UnescapedBytes(capacity: index - start + 64)
        }
        var runStart = start
        do throws(JSONReadError) {
            while true {
                skipPlainWords()
                guard index < end else { throw JSONReadError("a string is not closed", offset: open) }
                let byte = base[index]
                if byte == UInt8(ascii: "\"") {
                    bytes.append(base + runStart, count: index - runStart)
                    if highBits >= 0x80, !Self.isValidUTF8(UnsafeBufferPointer(start: bytes.start, count: bytes.count)) {
                        throw JSONReadError("a string that is not UTF-8", offset: start)
                    }
                    index &+= 1
                    if kept {
                        unescapedCopies.append(UnsafeMutableBufferPointer(start: bytes.start, count: bytes.capacity))
                    } else {
                        scratch = bytes
                    }
                    return JSONKey(start: bytes.start, count: bytes.count, ascii: highBits < 0x80)
                }
                if byte < 0x20 { throw JSONReadError("a control character inside a string", offset: index) }
                guard byte == UInt8(ascii: "\\") else {
                    highBits |= byte
                    index &+= 1
                    continue
                }
                bytes.append(base + runStart, count: index - runStart)
                guard index + 1 < end else { throw JSONReadError("a string is not closed", offset: open) }
                let escape = base[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): bytes.append(escape)
                case UInt8(ascii: "b"): bytes.append(0x08)
                case UInt8(ascii: "f"): bytes.append(0x0C)
                case UInt8(ascii: "n"): bytes.append(0x0A)
                case UInt8(ascii: "r"): bytes.append(0x0D)
                case UInt8(ascii: "t"): bytes.append(0x09)
                case UInt8(ascii: "u"):
                    try unicodeEscape(into: &bytes)
                    // What a \u escape makes is valid UTF-8, but the check below is simplest kept for the whole string.
                    highBits |= 0x80
                default: throw JSONReadError("an unknown escape in a string", offset: index - 2)
                }
                runStart = index
            }
        } catch {
            bytes.deallocate()
            throw error
        }
    }

    /// Where the first quote, backslash, control character or byte ≥ 0x80 is among the sixteen bytes at `bytes`,
    /// or 16 when there is none.
    ///
    /// Two eight-byte words: a byte is flagged when it is a quote or a backslash (x - 1 borrows only from zero),
    /// below 0x20, or ≥ 0x80. A borrow can flag a byte above a real hit in the same word, never below one, so the
    /// lowest flag of the first word with any is exact. (Plain integer words, not SIMD types: those are generic
    /// code in a debug build, eight times slower than this there.)
    @inline(__always)
    private static func firstSpecialByte(in bytes: UnsafePointer<UInt8>) -> Int {
        let low = specialBytes(UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        let high = specialBytes(UnsafeRawPointer(bytes).loadUnaligned(fromByteOffset: 8, as: UInt64.self))
        if low | high == 0 { return 16 }
        return low != 0 ? low.trailingZeroBitCount &>> 3 : 8 &+ (high.trailingZeroBitCount &>> 3)
    }

    /// The high bit of each byte of `word` (read little-endian) that may need a look; see `firstSpecialByte`.
    @inline(__always)
    private static func specialBytes(_ word: UInt64) -> UInt64 {
        let word = UInt64(littleEndian: word)
        let ones: UInt64 = 0x0101_0101_0101_0101
        let quote = word ^ (ones &* 0x22), backslash = word ^ (ones &* 0x5C)
        return (((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word) & 0x8080_8080_8080_8080
    }

    /// Moves `index` to the next quote, backslash, control character or byte ≥ 0x80, sixteen and then eight bytes
    /// at a time, or to within eight bytes of the end.
    @inline(__always)
    private mutating func skipPlainWords() {
        while end &- index >= 16 {
            let offset = Self.firstSpecialByte(in: base + index)
            if offset < 16 {
                index &+= offset
                return
            }
            index &+= 16
        }
        while end &- index >= 8 {
            let found = Self.specialBytes(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
            if found != 0 {
                // Step to the first byte that needs a look, past the plain ones before it.
                index &+= found.trailingZeroBitCount &>> 3
                return
            }
            index &+= 8
        }
    }

    /// The four hex digits after `\u` (and a low surrogate's escape after a high one), appended as UTF-8.
    private mutating func unicodeEscape(into bytes: inout UnescapedBytes) throws(JSONReadError) {
        let at = index - 2
        let unit = try hex4()
        var scalarValue = UInt32(unit)
        if (0xD800...0xDBFF).contains(unit) {
            guard end - index >= 6, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                throw JSONReadError("a \\u escape with half of a surrogate pair", offset: at)
            }
            index += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else { throw JSONReadError("a \\u escape with half of a surrogate pair", offset: at) }
            scalarValue = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(unit) {
            throw JSONReadError("a \\u escape with half of a surrogate pair", offset: at)
        }
        guard let scalar = Unicode.Scalar(scalarValue) else { throw JSONReadError("a \\u escape that is no character", offset: at) }
        if let encoded = UTF8.encode(scalar) { for byte in encoded { bytes.append(byte) } }
    }

    private mutating func hex4() throws(JSONReadError) -> UInt16 {
        guard end - index >= 4 else { throw truncated() }
        var value: UInt16 = 0
        for _ in 0..<4 {
            let byte = base[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw JSONReadError("a \\u escape needs four hex digits", offset: index)
            }
            value = value << 4 | UInt16(digit)
            index &+= 1
        }
        return value
    }

    /// Whether `bytes` are well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF).
    static func isValidUTF8(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var i = 0
        let n = bytes.count
        while i < n {
            let lead = bytes[i]
            if lead < 0x80 {
                i += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return false
            }
            guard n - i >= length else { return false }
            // Only the second byte has a narrower range; the rest are plain continuation bytes.
            guard bytes[i + 1] >= low, bytes[i + 1] <= high else { return false }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return false }
            i += length
        }
        return true
    }

    private func truncated() -> JSONReadError { JSONReadError("the JSON ends early", offset: index) }

    /// "expected a string" for a value of another type; "not a JSON value" for what starts no value at all.
    private func wrongType(_ expected: String) -> JSONReadError {
        switch base[index] {
        case UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "\""), UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"),
            UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return JSONReadError("expected \(expected)", offset: index)
        default:
            return JSONReadError("not a JSON value", offset: index)
        }
    }
}

/// The last few values of one kind a reader built, with the exact bytes each was read from.
///
/// Only values that end themselves (objects, arrays, strings, `null`) may be remembered: bytes that begin with
/// such a value's text hold exactly that value, whatever follows it. A number would not (`1` begins `12`).
struct RecentValues<T> {
    private struct Entry {
        var start: UnsafePointer<UInt8>
        var count: Int
        var depth: Int
        var value: T
    }

    /// The values; once `capacity` are kept, a new one replaces the one used longest ago.
    private var entries: [Entry] = []
    /// When each entry was last read or found, by the count of `find` calls.
    private var lastUse: [Int] = []
    private var clock = 0
    /// How many values are kept: enough for a list's repeated local and remote address spaces.
    private static var capacity: Int { 4 }

    /// The remembered value, read at `depth`, whose bytes begin the text at `start`, with how many bytes it took.
    ///
    /// Replacing the value used longest ago keeps what every element repeats (a VNet's own address space)
    /// while values seen once (each peering's remote space) pass through; replacing the oldest dropped the
    /// shared one every few elements, to be read again.
    mutating func find(_ start: UnsafePointer<UInt8>, available: Int, depth: Int) -> (value: T, count: Int)? {
        clock &+= 1
        // By index, so a miss copies no value; the last sixteen bytes first, as similar values differ at their
        // ends (`["10.0.5.0/24"]}` after the same `{"addressPrefixes":`).
        for i in entries.indices {
            let count = entries[i].count, known = entries[i].start
            guard entries[i].depth == depth, count <= available else { continue }
            if known != start {
                if count >= 16 {
                    let a = UnsafeRawPointer(known) + (count - 16), b = UnsafeRawPointer(start) + (count - 16)
                    guard a.loadUnaligned(fromByteOffset: 8, as: UInt64.self) == b.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
                          a.loadUnaligned(as: UInt64.self) == b.loadUnaligned(as: UInt64.self) else { continue }
                }
                guard bytesEqual(known, start, count) else { continue }
            }
            lastUse[i] = clock
            return (entries[i].value, count)
        }
        return nil
    }

    /// Keeps `value`, read at `depth` from `count` bytes at `start`, in place of the one used longest ago when full.
    mutating func remember(_ value: T, start: UnsafePointer<UInt8>, count: Int, depth: Int) {
        let entry = Entry(start: start, count: count, depth: depth, value: value)
        guard entries.count == Self.capacity else {
            entries.append(entry)
            lastUse.append(clock)
            return
        }
        var oldest = 0
        for i in 1..<lastUse.count where lastUse[i] < lastUse[oldest] { oldest = i }
        entries[oldest] = entry
        lastUse[oldest] = clock
    }
}

/// Whether `count` bytes at `a` and at `b` are the same, compared eight at a time: the last eight overlap the
/// word before them rather than going byte by byte (four and four, overlapping, below eight).
@inline(__always)
private func bytesEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let x = UnsafeRawPointer(a), y = UnsafeRawPointer(b)
    if count >= 8 {
        var k = 0
        while count &- k > 8 {
            if x.loadUnaligned(fromByteOffset: k, as: UInt64.self) != y.loadUnaligned(fromByteOffset: k, as: UInt64.self) { return false }
            k &+= 8
        }
        return x.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self) == y.loadUnaligned(fromByteOffset: count &- 8, as: UInt64.self)
    }
    if count >= 4 {
        return x.loadUnaligned(as: UInt32.self) == y.loadUnaligned(as: UInt32.self)
            && x.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self) == y.loadUnaligned(fromByteOffset: count &- 4, as: UInt32.self)
    }
    var k = 0
    while k < count {
        if a[k] != b[k] { return false }
        k &+= 1
    }
    return true
}

/// The kinds of ARM object that come many to a document, each read with its own `Field` enumeration.
///
/// A kind's guesses hold that enumeration's raw values, so two readers with different fields never share one.
enum ObjectKind: Int, CaseIterable {
    case peering = 1, peeringProperties, subResource, addressSpace, ipamAllocation, bgpCommunities, encryption
    case virtualNetwork, virtualNetworkProperties, subnet, subnetProperties
}

/// The member names objects of each kind had, by position, while one document is read: what
/// `JSONReader.nextMember` tries first.
///
/// An entry points at a name's bytes in the document (or in the reader's unescaped copies), so the table
/// lives no longer than the reader. It is allocated on the first name learned, so documents without
/// shaped objects cost nothing.
struct KeyGuesses {
    struct Guess {
        var start: UnsafePointer<UInt8>
        var count: Int
        var field: Int
    }

    /// How many kinds of object there are, with kind 0 ("none").
    static let shapes = ObjectKind.allCases.count + 1
    /// How many leading members of an object are guessed; later ones are read the general way.
    static let positions = 32

    private var table: UnsafeMutablePointer<Guess?>?

    /// The name that was at `position` in the last object of kind `shape`, if one was learned.
    @inline(__always)
    func guess(shape: Int, position: Int) -> Guess? {
        guard let table, position < Self.positions else { return nil }
        return table[shape &* Self.positions &+ position]
    }

    /// Remembers that a known member `key` (`field`) was at `position` in an object of kind `shape`.
    mutating func learn(_ key: JSONKey, field: Int, shape: Int, position: Int) {
        guard position < Self.positions, shape > 0, shape < Self.shapes else { return }
        let table = self.table ?? {
            let made = UnsafeMutablePointer<Guess?>.allocate(capacity: Self.shapes * Self.positions)
            made.initialize(repeating: nil, count: Self.shapes * Self.positions)
            self.table = made
            return made
        }()
        table[shape * Self.positions + position] = Guess(start: key.start, count: key.count, field: field)
    }

    func deallocate() { table?.deallocate() }
}

/// The kinds of value a peering list repeats, remembered while one document is read.
struct ReadMemo {
    var addressSpaces = RecentValues<AddressSpace?>()
    var resourceTypes = RecentValues<String?>()
}

/// A growing buffer of unescaped string bytes, owned by hand: it ends up in the reader's list of copies,
/// or is deallocated when the string turns out to be malformed.
struct UnescapedBytes {
    private(set) var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private(set) var capacity: Int

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { reserve(1) }
        start[count] = byte
        count &+= 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafePointer<UInt8>, count n: Int) {
        guard n > 0 else { return }
        if capacity &- count < n { reserve(n) }
        var k = 0
        while k < n {
            start[count &+ k] = bytes[k]
            k &+= 1
        }
        count &+= n
    }

    @inline(never)
    private mutating func reserve(_ n: Int) {
        guard capacity - count < n else { return }
        let grown = max(capacity * 2, count + n)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        bigger.moveInitialize(from: start, count: count)
        start.deallocate()
        start = bigger
        capacity = grown
    }

    mutating func removeAll() { count = 0 }

    func deallocate() { start.deallocate() }
}

/// A member name or string as read from the JSON, compared without making a String.
///
/// It is plain pointers into the document (or into the reader's unescaped copy), valid while
/// `JSONReader.read(_:_:)` runs.
public struct JSONKey {
    /// The text's bytes, after unescaping.
    fileprivate let start: UnsafePointer<UInt8>
    fileprivate let count: Int
    /// Whether the bytes are all ASCII (and so valid UTF-8 without a second look).
    fileprivate let ascii: Bool

    /// How many bytes the text has (after unescaping): a cheap first cut between member names.
    public var length: Int { count }

    /// Whether this is `name`, byte for byte (JSON member names are case-sensitive, as in JSONDecoder).
    @inline(__always)
    public func `is`(_ name: StaticString) -> Bool {
        let length = name.utf8CodeUnitCount
        return count == length && bytesEqual(start, name.utf8Start, length)
    }

    /// Whether this is `text`, byte for byte.
    @inline(__always)
    func equals(_ text: String) -> Bool {
        let utf8 = text.utf8
        guard utf8.count == count else { return false }
        return utf8.withContiguousStorageIfAvailable { other in
            guard let q = other.baseAddress else { return count == 0 }
            return bytesEqual(start, q, count)
        } ?? utf8.elementsEqual(UnsafeBufferPointer(start: start, count: count))
    }

    /// The text, for error messages.
    public var name: String { string ?? "?" }

    /// The text as a String, or nil when it is not valid UTF-8 (which JSON must be).
    var string: String? {
        let bytes = UnsafeBufferPointer(start: start, count: count)
        // ASCII is valid UTF-8: the decoding initializer copies it without the validating one's detour.
        return ascii ? String(decoding: bytes, as: UTF8.self) : String(validating: bytes, as: UTF8.self)
    }
}

/// Why JSON could not be read, with the path of the value that was wrong.
public struct JSONReadError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What was wrong, as a phrase: "expected a string", "the JSON ends early".
    public var problem: String
    /// The byte offset in the body where it was found.
    public var offset: Int
    /// Member names and [indexes] from the top down to the value.
    public var path: [String] = []

    public init(_ problem: String, offset: Int) {
        self.problem = problem
        self.offset = offset
    }

    /// The same error, one level further out.
    public func inside(_ component: String) -> JSONReadError {
        var copy = self
        copy.path.insert(component, at: 0)
        return copy
    }

    /// "expected a string at value[3].properties.peeringState (byte 1234)".
    public var description: String {
        var where_ = ""
        for component in path {
            where_ += component.hasPrefix("[") || where_.isEmpty ? component : "." + component
        }
        return "\(problem) at \(where_.isEmpty ? "the top level" : where_) (byte \(offset))"
    }
}
