import Foundation
import PeeringBrowser

/// Sanitizes and clips arbitrary text: nothing unsafe may survive and nothing may exceed its width.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDisplayText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let safe = DisplayText.sanitize(text)
    for scalar in safe.unicodeScalars where scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) || (0x202A...0x202E).contains(scalar.value) {
        fatalError("unsafe scalar \(scalar.value) survived sanitizing")
    }
    for width in [0, 1, 2, 3, 10, 79] {
        let clipped = DisplayText.clip(safe, to: width)
        if DisplayText.width(clipped) > width { fatalError("clip to \(width) gave width \(DisplayText.width(clipped))") }
        if DisplayText.width(DisplayText.pad(safe, to: width)) != width { fatalError("pad to \(width) is not \(width) wide") }
    }
    return 0
}
