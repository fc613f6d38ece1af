import ARMClient
import ARMModels
import ArgumentParser
import Foundation
import PeeringBrowser
import TerminalUI

/// Starts the interactive browser.
enum BrowserCommand {
    static func run(selection options: SelectionOptions, refresh: Int) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            FileHandle.standardError.write(Data("peerscope: the browser needs a terminal (stdin and stdout must be a TTY); for scripts use 'peerscope list'\n".utf8))
            throw ExitCode(2)
        }
        let target: VNetSelection
        let session: Session
        do {
            guard var chosen = try options.selection() ?? (options.demo ? DemoSelection.hub : nil) else {
                throw CommandFailure("name the virtual network: --subscription ID -g RG --vnet-name VNET, or --ids RESOURCE_ID (or try --demo)")
            }
            let hint = chosen.subscription.isEmpty ? nil : chosen.subscription
            let opened = try runBlocking { try await Session.open(options, scenarioClock: true, subscriptionHint: hint) }
            if !ARMNameRules.isUUID(chosen.subscription) {
                let given = chosen.subscription
                chosen.subscription = try runBlocking { try await opened.resolveSubscription(given) }
            }
            target = chosen
            session = opened
        } catch {
            FileHandle.standardError.write(Data("peerscope: \(CommandErrors.describe(error))\n".utf8))
            throw ExitCode(1)
        }
        let endpoint = session.client.configuration.endpoint
        let label = endpoint.isPublicCloud ? nil : (options.demo ? "\(endpoint) (demo emulator)" : endpoint.description)
        var state = BrowserState(vnet: target.id, refreshInterval: refresh, endpointLabel: label)
        state.identity = session.credential.identity
        let exit: BrowserApp.Exit
        do {
            let app = BrowserApp(state: state, source: session.client)
            let inbox = app.inbox
            session.prompts.route { prompt in inbox.post(.signInNotice("Sign in: open \(prompt.verificationURI) and enter the code \(prompt.userCode)")) }
            exit = try app.run()
        } catch {
            _ = try? runBlocking { await session.close() }
            FileHandle.standardError.write(Data("peerscope: \(error)\n".utf8))
            throw ExitCode(1)
        }
        _ = try? runBlocking { await session.close() }
        if exit != .quit { throw ExitCode(exit.rawValue) }
    }
}
