import ARMModels
import Foundation
import PeeringBrowser

/// Reads a peering list with PeeringListReader (and the bytes as a VNet with VirtualNetworkReader), checks both
/// against JSONDecoder, and runs everything the browser does with a list.
///
/// The reader may refuse what JSONDecoder lets through (it is stricter about
/// trailing commas and leading zeros), but what it accepts JSONDecoder must
/// accept too, and both must make the same peerings of it.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    let read = try? PeeringListReader.page(bytes)
    let decoded = try? JSONDecoder().decode(Page<VirtualNetworkPeering>.self, from: bytes)
    if let read {
        guard let decoded else { fatalError("PeeringListReader accepted what JSONDecoder refused: \(String(decoding: bytes, as: UTF8.self).debugDescription)") }
        guard read == decoded else { fatalError("PeeringListReader and JSONDecoder read different peerings: \(String(decoding: bytes, as: UTF8.self).debugDescription)") }
    }
    // The same bytes as one VNet, whose reader shares the peering reader's parts.
    if let vnet = try? VirtualNetworkReader.virtualNetwork(bytes) {
        guard let expected = try? JSONDecoder().decode(VirtualNetwork.self, from: bytes) else {
            fatalError("VirtualNetworkReader accepted what JSONDecoder refused: \(String(decoding: bytes, as: UTF8.self).debugDescription)")
        }
        guard vnet == expected else { fatalError("VirtualNetworkReader and JSONDecoder read different VNets: \(String(decoding: bytes, as: UTF8.self).debugDescription)") }
    }
    guard let page = read ?? decoded else { return 0 }
    for peering in page.value {
        _ = PeeringRow(peering)
        _ = DetailBuilder.sections(for: peering, localSubscription: "00000000-0000-0000-0000-000000000000")
        _ = PeeringFindings.check(local: peering, localVNet: nil, remote: .loaded(vnet: VirtualNetwork(), reciprocal: page.value.first))
    }
    _ = try? JSONEncoder().encode(page)
    return 0
}
