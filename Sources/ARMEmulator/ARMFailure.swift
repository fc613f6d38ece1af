import ARMModels

/// An error the emulator answers with, in ARM's CloudError shape.
public struct ARMFailure: Error, Sendable, Equatable {
    public var status: Int
    public var code: String
    public var message: String

    public init(_ status: Int, _ code: String, _ message: String) {
        self.status = status
        self.code = code
        self.message = message
    }

    var cloudError: CloudError { CloudError(error: CloudErrorBody(code: code, message: message)) }

    static func subscriptionNotFound(_ id: String) -> ARMFailure {
        ARMFailure(404, "SubscriptionNotFound", "The subscription '\(id)' could not be found.")
    }
    static func groupNotFound(_ name: String) -> ARMFailure {
        ARMFailure(404, "ResourceGroupNotFound", "Resource group '\(name)' could not be found.")
    }
    static func vnetNotFound(_ name: String, group: String) -> ARMFailure {
        ARMFailure(404, "ResourceNotFound", "The Resource 'Microsoft.Network/virtualNetworks/\(name)' under resource group '\(group)' was not found.")
    }
    static func peeringNotFound(_ id: String) -> ARMFailure {
        ARMFailure(404, "NotFound", "Resource \(id) not found.")
    }
    static func badRequest(_ code: String, _ message: String) -> ARMFailure {
        ARMFailure(400, code, message)
    }
}
