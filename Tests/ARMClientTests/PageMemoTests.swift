@testable import ARMClient
import ARMModels
import Foundation
import Testing

/// The memo hands a page out again only for the same bytes at the same URL, and stays within its limits.
@Suite struct PageMemoTests {
    private func page(_ name: String) -> Page<VirtualNetworkPeering> { Page(value: [VirtualNetworkPeering(name: name)]) }

    @Test func onlyTheSameBytesAtTheSameURLGiveThePageBack() {
        let memo = PageMemo()
        let body = Data(#"{"value":[{"name":"a"}]}"#.utf8)
        memo.remember(page("a"), at: "u1", body: body)
        #expect(memo.page(at: "u1", body: Data(body), as: VirtualNetworkPeering.self)?.value.first?.name == "a")
        // One byte changed, one byte more, another URL: not the page.
        var changed = body
        changed[changed.count - 4] = UInt8(ascii: "b")
        #expect(memo.page(at: "u1", body: changed, as: VirtualNetworkPeering.self) == nil)
        #expect(memo.page(at: "u1", body: body + Data(" ".utf8), as: VirtualNetworkPeering.self) == nil)
        #expect(memo.page(at: "u2", body: body, as: VirtualNetworkPeering.self) == nil)
        // A new body at the same URL replaces the old one.
        memo.remember(page("b"), at: "u1", body: changed)
        #expect(memo.page(at: "u1", body: body, as: VirtualNetworkPeering.self) == nil)
        #expect(memo.page(at: "u1", body: changed, as: VirtualNetworkPeering.self)?.value.first?.name == "b")
    }

    @Test func bodiesPastTheByteLimitClearTheOthers() {
        let memo = PageMemo(limit: 64, byteLimit: 250)
        let body = Data(repeating: UInt8(ascii: " "), count: 100)
        memo.remember(page("a"), at: "u1", body: body)
        memo.remember(page("b"), at: "u2", body: body)
        // Replacing a page counts its new bytes only once.
        memo.remember(page("b"), at: "u2", body: body)
        #expect(memo.page(at: "u1", body: body, as: VirtualNetworkPeering.self) != nil)
        memo.remember(page("c"), at: "u3", body: body)
        #expect(memo.page(at: "u1", body: body, as: VirtualNetworkPeering.self) == nil)
        #expect(memo.page(at: "u2", body: body, as: VirtualNetworkPeering.self) == nil)
        #expect(memo.page(at: "u3", body: body, as: VirtualNetworkPeering.self) != nil)
    }
}
