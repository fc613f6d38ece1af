import ARMModels
import Foundation
import Synchronization

/// The last answer for each page URL of a list, decoded: a refresh whose bytes are the same is not decoded again.
///
/// A watched VNet's peerings mostly come back byte for byte as they were; the
/// browser then gets the very same values (strings sharing their storage), so
/// its diff finds "unchanged" in a pointer comparison instead of a decode and a
/// field-by-field compare. It holds one body per page URL, at most `limit` pages.
final class PageMemo: Sendable {
    private let pages = Mutex<[String: (body: Data, page: any Sendable)]>([:])
    let limit: Int

    init(limit: Int = 64) { self.limit = limit }

    /// The page decoded from the same `body` at `url` last time, if the body is unchanged.
    func page<Item: Sendable>(at url: String, body: Data, as: Item.Type) -> Page<Item>? {
        pages.withLock { pages in
            guard let entry = pages[url], entry.body == body else { return nil }
            return entry.page as? Page<Item>
        }
    }

    /// Remembers `page` as what `body` at `url` decodes to.
    func remember<Item: Sendable>(_ page: Page<Item>, at url: String, body: Data) {
        pages.withLock { pages in
            if pages.count >= limit, pages[url] == nil { pages.removeAll() }
            pages[url] = (body, page)
        }
    }
}
