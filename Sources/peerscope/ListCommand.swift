import ARMClient
import ARMEmulator
import ARMModels
import ArgumentParser
import FoundationEssentials
import TerminalUI
import PeeringBrowser

/// `peerscope list`: one listing of a VNet's peerings, for scripts.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "Print a virtual network's peerings once (json, jsonc, table or tsv).")

    @OptionGroup var selection: SelectionOptions

    @Option(name: [.customShort("o"), .long], help: "Output format: json, jsonc, table or tsv.")
    var output: OutputFormat = .json

    func run() throws {
        let options = selection
        let format = output
        do {
            let output = try runBlocking {
                guard var target = try options.selection() ?? (options.demo ? DemoSelection.sample : nil) else {
                    throw CommandFailure("name the virtual network: --subscription ID -g RG --vnet-name VNET, or --ids RESOURCE_ID")
                }
                let session = try await Session.open(options, scenarioClock: false, subscriptionHint: target.subscription.isEmpty ? nil : target.subscription)
                do {
                    if !ARMNameRules.isUUID(target.subscription) { target.subscription = try await session.resolveSubscription(target.subscription) }
                    let pages = try session.client.peerings(
                        subscriptionId: target.subscription, resourceGroup: target.resourceGroup, virtualNetwork: target.vnet
                    ).readOnce()
                    let output: [[UInt8]]
                    if format == .json {
                        // Written page by page: only one page's peerings are held at a time.
                        var writer = JSONListWriter()
                        for try await page in pages {
                            for peering in page.items { try writer.append(peering) }
                        }
                        output = writer.finish()
                    } else {
                        output = [Array(try ListFormatter.format(try await pages.collect(), as: format, resourceGroup: target.resourceGroup).utf8)]
                    }
                    await session.close()
                    return output
                } catch {
                    await session.close()
                    throw error
                }
            }
            // Nothing is written until the whole list is read: a failure leaves stdout empty.
            for chunk in output { StandardStreams.writeOutput(bytes: chunk) }
        } catch {
            StandardStreams.writeError("peerscope: \(CommandErrors.describe(error))\n")
            throw ExitCode(1)
        }
    }
}

/// Where `--demo` points when no VNet is named.
enum DemoSelection {
    static let sample = VNetSelection(subscription: SampleWorld.subscriptionId, resourceGroup: SampleWorld.resourceGroup, vnet: SampleWorld.vnet)
    static let hub = VNetSelection(subscription: DemoWorld.connectivitySubscription, resourceGroup: DemoWorld.hubGroup, vnet: DemoWorld.hubName)
}

/// One-line descriptions of errors, safe for a terminal.
enum CommandErrors {
    static func describe(_ error: any Error) -> String {
        let text: String
        switch error {
        case let error as ARMError: text = error.description
        case let error as CommandFailure: text = error.description
        default: text = "\(error)"
        }
        return DisplayText.sanitize(text)
    }
}
