import ARMClient
import ARMEmulator
import ARMModels
import ArgumentParser
import FoundationEssentials
import PeeringBrowser
import TerminalUI

/// Starts the interactive browser.
enum BrowserCommand {
    static func run(selection options: SelectionOptions, refresh: Int) throws {
        guard StandardStreams.inputIsTerminal, StandardStreams.outputIsTerminal else {
            StandardStreams.writeError("peerscope: the browser needs a terminal (stdin and stdout must be a TTY); for scripts use 'peerscope list'\n")
            throw ExitCode(2)
        }
        let target: VNetSelection
        let session: Session
        do {
            var selection = try options.selection(allowSubscriptionOnly: true) ?? (options.demo ? DemoSelection.hub : nil)
            var subscriptionOnly: String?
            if let chosen = selection, chosen.vnet.isEmpty {
                subscriptionOnly = chosen.subscription
                selection = nil
            }
            let hint = selection.flatMap { $0.subscription.isEmpty ? nil : $0.subscription } ?? options.subscription
            let opened = try runBlocking { try await Session.open(options, scenarioClock: true, subscriptionHint: hint) }
            if var chosen = selection {
                if !ARMNameRules.isUUID(chosen.subscription) {
                    let given = chosen.subscription
                    chosen.subscription = try runBlocking { try await opened.resolveSubscription(given) }
                }
                target = chosen
            } else {
                // No VNet named: open the VNets of the default subscription, or the subscriptions list.
                let given = subscriptionOnly ?? options.subscription
                let resolved = try? runBlocking { try await opened.resolveSubscription(given) }
                if given != nil, resolved == nil {
                    _ = try runBlocking { try await opened.resolveSubscription(given) }
                }
                target = VNetSelection(subscription: resolved ?? "", resourceGroup: "", vnet: "")
            }
            session = opened
        } catch {
            StandardStreams.writeError("peerscope: \(CommandErrors.describe(error))\n")
            throw ExitCode(1)
        }
        let endpoint = session.client.configuration.endpoint
        let label = endpoint.isPublicCloud ? nil : (options.demo ? "\(endpoint) (demo emulator)" : endpoint.description)
        let placeholder = ResourceID(subscriptionId: target.subscription.isEmpty ? "00000000-0000-0000-0000-000000000000" : target.subscription)
        var state = BrowserState(vnet: target.vnet.isEmpty ? placeholder : target.id, refreshInterval: refresh, endpointLabel: label)
        state.identity = session.credential.identity
        state.nav.defaultSubscription = options.demo ? DemoWorld.connectivitySubscription : (target.subscription.isEmpty ? nil : target.subscription)
        if let peering = target.peering, !target.vnet.isEmpty {
            state.selectedID = "\(target.id)/virtualNetworkPeerings/\(peering)".lowercased()
        }
        if target.vnet.isEmpty {
            state.nav.screen = target.subscription.isEmpty ? .subscriptions : .vnets
            state.nav.vnetSubscription = target.subscription.isEmpty ? nil : target.subscription
            state.nav.selectedSubscription = state.nav.vnetSubscription
        }
        let exit: BrowserApp.Exit
        do {
            let app = BrowserApp(state: state, source: session.client)
            let inbox = app.inbox
            session.prompts.route { prompt in inbox.post(.signInNotice("Sign in: open \(prompt.verificationURI) and enter the code \(prompt.userCode)")) }
            exit = try app.run()
        } catch {
            _ = try? runBlocking { await session.close() }
            StandardStreams.writeError("peerscope: \(error)\n")
            throw ExitCode(1)
        }
        _ = try? runBlocking { await session.close() }
        if exit != .quit { throw ExitCode(exit.rawValue) }
    }
}
