import ARMModels
import FoundationEssentials

/// How the pages of one ARM list are decoded: JSONDecoder unless a type has a faster reader.
///
/// Peering lists are the ones that are long and read every few seconds, so
/// they go through `PeeringListReader`, and VNets (which embed their peerings)
/// through `VirtualNetworkReader`; the rest are short and use Codable.
public protocol ListPageDecoding: Codable, Sendable {
    /// The page in `data`, or an error that says what is wrong with it.
    static func decodePage(from data: Data) throws -> Page<Self>
}

extension ListPageDecoding {
    public static func decodePage(from data: Data) throws -> Page<Self> {
        try JSONDecoder().decode(Page<Self>.self, from: data)
    }
}

extension VirtualNetworkPeering: ListPageDecoding {
    public static func decodePage(from data: Data) throws -> Page<VirtualNetworkPeering> {
        try PeeringListReader.page(data)
    }
}

extension VirtualNetwork: ListPageDecoding {
    public static func decodePage(from data: Data) throws -> Page<VirtualNetwork> {
        try VirtualNetworkReader.page(data)
    }
}
extension Subscription: ListPageDecoding {}
extension ResourceGroup: ListPageDecoding {}
