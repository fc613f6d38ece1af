import ARMModels
import Foundation

/// Parses arbitrary text as a resource id; a parsed id must print and parse back to itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzResourceID(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let id = try? ResourceID(parsing: text) else { return 0 }
    guard let again = try? ResourceID(parsing: id.description), again == id else {
        fatalError("resource id does not round-trip: \(text.debugDescription)")
    }
    _ = id.virtualNetworkID
    _ = id.peeringName
    return 0
}
