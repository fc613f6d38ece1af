import ARMModels

/// Checks user input before any request is sent, naming the option and the rule it breaks.
public enum Validate {
    /// A subscription id: a UUID.
    public static func subscription(_ value: String) throws(ARMError) -> String {
        guard ARMNameRules.isUUID(value) else {
            throw ARMError.invalidInput(option: "--subscription", rule: "must be a UUID (8-4-4-4-12 hexadecimal digits); got '\(value.prefix(60))'")
        }
        return value
    }

    /// A resource group name: 1–90 characters of ARM's allowed set.
    public static func resourceGroup(_ value: String) throws(ARMError) -> String {
        if let problem = ARMNameRules.resourceGroupProblem(value) {
            throw ARMError.invalidInput(option: "--resource-group", rule: problem)
        }
        return value
    }

    /// A virtual network or peering name.
    public static func networkName(_ value: String, option: String) throws(ARMError) -> String {
        if let problem = ARMNameRules.networkResourceProblem(value) {
            throw ARMError.invalidInput(option: option, rule: problem)
        }
        return value
    }

    /// Percent-encodes a path segment or query value, leaving only RFC 3986 unreserved characters.
    public static func encode(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
