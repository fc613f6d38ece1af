import ARMModels
import FoundationEssentials
import Synchronization

/// The last answer for each page URL of a list, decoded: a refresh whose bytes are the same is not decoded again.
///
/// A watched VNet's peerings mostly come back byte for byte as they were; the
/// browser then gets the very same values (even the same array when no page
/// changed), so its diff finds "unchanged" at a glance instead of after a
/// decode and a field-by-field compare. It holds, per page URL (at most
/// `limit` pages and `byteLimit` bytes), the body itself: comparing the
/// megabyte of a thousand peerings takes some tens of microseconds, where
/// its SHA-256 took half a millisecond of every idle refresh.
final class PageMemo: Sendable {
    private struct State {
        var pages: [String: (body: Data, page: any Sendable)] = [:]
        /// The bytes of every body in `pages`.
        var bytes = 0
        /// Whole lists by their first page's URL, with the revision they were collected at.
        var lists: [String: (items: any Sendable, revision: Int)] = [:]
        /// Counts pages remembered: a list collected before a page changed is never handed out again.
        var revision = 0
    }

    private let state = Mutex(State())
    let limit: Int
    let byteLimit: Int

    init(limit: Int = 64, byteLimit: Int = 8 << 20) {
        self.limit = limit
        self.byteLimit = byteLimit
    }

    /// The page decoded from the same `body` at `url` last time, if the body is unchanged.
    func page<Item: Sendable>(at url: String, body: Data, as: Item.Type) -> Page<Item>? {
        state.withLock { state in
            guard let entry = state.pages[url], entry.body == body else { return nil }
            return entry.page as? Page<Item>
        }
    }

    /// Remembers `page` as what `body` at `url` decodes to; when that would pass a limit, the others go.
    func remember<Item: Sendable>(_ page: Page<Item>, at url: String, body: Data) {
        state.withLock { state in
            if let old = state.pages.removeValue(forKey: url) { state.bytes -= old.body.count }
            if state.pages.count >= limit || state.bytes + body.count > byteLimit {
                state.pages.removeAll()
                state.bytes = 0
            }
            state.pages[url] = (body, page)
            state.bytes += body.count
            state.revision += 1
        }
    }

    /// The whole list collected from the pages starting at `url`, if no page has changed since.
    func list<Item: Sendable>(for url: String, as: Item.Type) -> [Item]? {
        state.withLock { state in
            guard let entry = state.lists[url], entry.revision == state.revision else { return nil }
            return entry.items as? [Item]
        }
    }

    /// Remembers the whole list collected from the pages starting at `url`.
    func rememberList<Item: Sendable>(_ items: [Item], for url: String) {
        state.withLock { state in
            if state.lists.count >= limit, state.lists[url] == nil { state.lists.removeAll() }
            state.lists[url] = (items, state.revision)
        }
    }
}
