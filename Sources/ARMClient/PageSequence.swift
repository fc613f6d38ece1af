import ARMModels
import FoundationEssentials
import NIOHTTP1

/// The pages of an ARM list, fetched one at a time as the caller asks for them.
///
/// Each page's `nextLink` is followed verbatim, as the official SDKs do. A
/// nextLink naming another host is refused by the pipeline (no token goes
/// there); one that repeats a page already fetched ends the listing with an
/// error instead of looping.
public struct PageSequence<Item: ListPageDecoding>: AsyncSequence, Sendable {
    public typealias Element = ARMPage<Item>
    let pipeline: ARMPipeline
    let firstURL: String
    let scope: RequestScope
    /// Pages answered last time, for lists read again and again (the browser's peerings).
    var memo: PageMemo?

    public struct AsyncIterator: AsyncIteratorProtocol {
        let pipeline: ARMPipeline
        let scope: RequestScope
        let memo: PageMemo?
        var nextURL: String?
        var seen: Set<String> = []

        public mutating func next() async throws -> ARMPage<Item>? {
            guard let url = nextURL else { return nil }
            nextURL = nil
            seen.insert(url)
            let (data, info) = try await pipeline.send(.GET, url, scope: scope)
            var page: Page<Item>
            var unchanged = false
            do {
                if let memo, let remembered = memo.page(at: url, body: data, as: Item.self) {
                    page = remembered
                    unchanged = true
                } else {
                    page = try Item.decodePage(from: data)
                    memo?.remember(page, at: url, body: data)
                }
            } catch {
                var failure = ARMError(
                    kind: .malformedResponse,
                    message: "ARM's answer for \(scope.phrase) is not a valid list: \(DecodingProblem.describe(error))")
                failure.requestID = info.requestID
                failure.clientRequestID = info.clientRequestID
                throw failure
            }
            if let link = page.nextLink, !link.isEmpty {
                guard !seen.contains(link) else {
                    throw ARMError(kind: .pagingLoop, message: "ARM's nextLink for \(scope.phrase) repeats a page already fetched; stopped instead of looping")
                }
                nextURL = link
            }
            var result = ARMPage(items: page.value, info: info)
            result.unchanged = unchanged
            return result
        }
    }

    /// The same pages, not remembered: for a list read once (`peerscope list`), where keeping every page's
    /// body and peerings for a next time would only cost memory.
    public func readOnce() -> PageSequence {
        var once = self
        once.memo = nil
        return once
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(pipeline: pipeline, scope: scope, memo: memo, nextURL: firstURL)
    }

    /// Every item of every page, in order.
    ///
    /// When every page came back unchanged, the list handed out last time is handed out again (the
    /// same array), so a caller can tell "nothing changed" by identity instead of comparing.
    ///
    /// The pages are joined only when one changed: joining retains every item of every page,
    /// which for an unchanged list of 1,000 peerings was the larger part of an idle refresh's work.
    public func collect() async throws -> [Item] {
        var pages: [[Item]] = []
        var allUnchanged = true
        for try await page in self {
            pages.append(page.items)
            allUnchanged = allUnchanged && page.unchanged
        }
        if allUnchanged, let memo, let same = memo.list(for: firstURL, as: Item.self) { return same }
        var items: [Item] = []
        items.reserveCapacity(pages.reduce(0) { $0 + $1.count })
        for page in pages { items += page }
        memo?.rememberList(items, for: firstURL)
        return items
    }
}

/// Turns a DecodingError into a short phrase that names the field.
enum DecodingProblem {
    static func describe(_ error: any Error) -> String {
        if let error = error as? JSONReadError { return error.description }
        guard let error = error as? DecodingError else { return "\(error)" }
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "the top level" : keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }.joined(separator: ".")
        }
        switch error {
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "the body is not JSON" : "bad value at \(path(context.codingPath))"
        case .keyNotFound(let key, let context):
            return "missing '\(key.stringValue)' at \(path(context.codingPath))"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        @unknown default:
            return "\(error)"
        }
    }
}
