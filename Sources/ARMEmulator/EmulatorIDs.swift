import FoundationEssentials

/// Fresh etags and GUIDs for resources the emulator creates.
enum EmulatorIDs {
    static func guid() -> String { UUID().uuidString.lowercased() }
    static func etag() -> String { "W/\"\(guid())\"" }
}
