import ARMModels
import Crypto
import FoundationEssentials
import Synchronization

/// The last answer for each page URL of a list, decoded: a refresh whose bytes are the same is not decoded again.
///
/// A watched VNet's peerings mostly come back byte for byte as they were; the
/// browser then gets the very same values (even the same array when no page
/// changed), so its diff finds "unchanged" at a glance instead of after a
/// decode and a field-by-field compare. It holds, per page URL (at most
/// `limit`), the body's length and SHA-256 rather than the body itself: a
/// thousand peerings come in about a megabyte that need not stay resident.
final class PageMemo: Sendable {
    private struct State {
        var pages: [String: (body: BodyPrint, page: any Sendable)] = [:]
        /// Whole lists by their first page's URL, with the revision they were collected at.
        var lists: [String: (items: any Sendable, revision: Int)] = [:]
        /// Counts pages remembered: a list collected before a page changed is never handed out again.
        var revision = 0
    }

    private let state = Mutex(State())
    let limit: Int

    init(limit: Int = 64) { self.limit = limit }

    /// The page decoded from the same body (`print`) at `url` last time, if the body is unchanged.
    func page<Item: Sendable>(at url: String, body print: BodyPrint, as: Item.Type) -> Page<Item>? {
        state.withLock { state in
            guard let entry = state.pages[url], entry.body == print else { return nil }
            return entry.page as? Page<Item>
        }
    }

    /// Remembers `page` as what `body` at `url` decodes to.
    func remember<Item: Sendable>(_ page: Page<Item>, at url: String, body print: BodyPrint) {
        state.withLock { state in
            if state.pages.count >= limit, state.pages[url] == nil { state.pages.removeAll() }
            state.pages[url] = (print, page)
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

/// What identifies a body without keeping it: its length and SHA-256.
struct BodyPrint: Equatable, Sendable {
    let count: Int
    let digest: SHA256.Digest

    init(_ body: Data) {
        count = body.count
        digest = SHA256.hash(data: body)
    }
}
