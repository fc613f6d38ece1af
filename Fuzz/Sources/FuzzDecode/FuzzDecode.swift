import ARMModels
import Foundation
import PeeringBrowser

/// Decodes a peering list and runs everything the browser does with one: rows, detail, findings.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    guard let page = try? JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: bytes) else { return 0 }
    for peering in page.value {
        _ = PeeringRow(peering)
        _ = DetailBuilder.sections(for: peering, localSubscription: "00000000-0000-0000-0000-000000000000")
        _ = PeeringFindings.check(local: peering, localVNet: nil, remote: .loaded(vnet: VirtualNetwork(), reciprocal: page.value.first))
    }
    _ = try? JSONEncoder().encode(page)
    return 0
}
