import ARMModels
import Crypto
import FoundationEssentials
import SwiftASN1
import Synchronization
import X509
import _CryptoExtras

/// The emulator's Entra ID endpoints: token (client credentials, certificate and federated assertions,
/// device code, refresh token), device code, and managed identity in both styles.
struct EntraRoutes {
    let store: WorldStore

    /// Whether this request is for one of these endpoints.
    static func handles(_ lowerPath: String) -> Bool {
        lowerPath.hasSuffix("/oauth2/v2.0/token") || lowerPath.hasSuffix("/oauth2/v2.0/devicecode")
            || lowerPath == "/metadata/identity/oauth2/token" || lowerPath == "/msi/token"
    }

    struct TokenBody: Encodable {
        var token_type = "Bearer"
        var access_token: String
        var expires_in: Int
        var ext_expires_in: Int
        var refresh_token: String?
    }

    struct ManagedBody: Encodable {
        var access_token: String
        var expires_on: String
        var expires_in: String
        var resource: String
        var token_type = "Bearer"
    }

    struct DeviceBody: Encodable {
        var device_code: String
        var user_code: String
        var verification_uri: String
        var expires_in: Int
        var interval: Int
        var message: String
    }

    struct OAuthError: Encodable {
        var error: String
        var error_description: String
    }

    static func oauthError(_ status: Int, _ error: String, _ description: String) -> EmulatorResponse {
        .json(status, OAuthError(error: error, error_description: description))
    }

    func respond(to request: EmulatorRequest, baseURL: String) -> EmulatorResponse {
        let lower = request.path.lowercased()
        if lower == "/metadata/identity/oauth2/token" || lower == "/msi/token" { return managedIdentity(request, appService: lower == "/msi/token") }
        guard request.method == "POST" else { return Self.oauthError(405, "invalid_request", "Use POST.") }
        let form = Self.form(request.body)
        if lower.hasSuffix("/devicecode") { return deviceCode(form, baseURL: baseURL) }
        return token(form, url: baseURL + request.path)
    }

    static func form(_ body: Data) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in PercentEncoding.decode(s, plusIsSpace: true) ?? String(s) }
            fields[decode(parts[0])] = parts.count > 1 ? decode(parts[1]) : ""
        }
        return fields
    }

    private func audience(fromScope scope: String?) -> String {
        let first = (scope ?? "").split(separator: " ").first { $0.hasSuffix("/.default") } ?? ""
        return String(first.dropLast("/.default".count))
    }

    private func granted(subject: String, scope: String?, refresh: Bool = false) -> EmulatorResponse {
        let (token, lifetime, refreshToken) = store.issueToken(subject: subject, audience: audience(fromScope: scope), refresh: refresh)
        return .json(200, TokenBody(access_token: token, expires_in: lifetime, ext_expires_in: lifetime, refresh_token: refreshToken))
    }

    private func token(_ form: [String: String], url: String) -> EmulatorResponse {
        let grant = form["grant_type"] ?? ""
        let client = form["client_id"] ?? ""
        store.logEntra("token grant=\(grant) client=\(client)")
        let entra = store.entra
        switch grant {
        case "client_credentials":
            if let secret = form["client_secret"] {
                guard let expected = entra.secrets[client] else {
                    return Self.oauthError(400, "unauthorized_client", "AADSTS700016: Application with identifier '\(client)' was not found in the directory.")
                }
                guard expected == secret else { return Self.oauthError(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.") }
                return granted(subject: client, scope: form["scope"])
            }
            guard let assertion = form["client_assertion"], form["client_assertion_type"] == "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" else {
                return Self.oauthError(400, "invalid_request", "AADSTS900144: The request body must contain client_secret or client_assertion.")
            }
            if let federated = entra.federatedTokens[client] {
                guard federated == assertion else { return Self.oauthError(401, "invalid_client", "AADSTS700211: No matching federated identity record found.") }
                return granted(subject: client, scope: form["scope"])
            }
            guard let pem = entra.certificates[client] else {
                return Self.oauthError(400, "unauthorized_client", "AADSTS700016: Application with identifier '\(client)' was not found in the directory.")
            }
            if let problem = Self.verifyAssertion(assertion, certificatePEM: pem, client: client, audience: url) {
                return Self.oauthError(401, "invalid_client", "AADSTS700027: Client assertion failed signature validation: \(problem)")
            }
            return granted(subject: client, scope: form["scope"])
        case "urn:ietf:params:oauth:grant-type:device_code":
            return pollDeviceCode(form["device_code"] ?? "")
        case "refresh_token":
            guard let subject = entra.refreshTokens[form["refresh_token"] ?? ""] else {
                return Self.oauthError(400, "invalid_grant", "AADSTS70000: The provided refresh token is invalid.")
            }
            return granted(subject: subject, scope: form["scope"], refresh: true)
        default:
            return Self.oauthError(400, "unsupported_grant_type", "AADSTS70003: The grant type '\(grant)' is not supported.")
        }
    }

    private func deviceCode(_ form: [String: String], baseURL: String) -> EmulatorResponse {
        store.logEntra("devicecode client=\(form["client_id"] ?? "")")
        let code = "emu-dc-" + UUID().uuidString.lowercased()
        let userCode = String(UUID().uuidString.filter { $0 != "-" }.prefix(9)).uppercased()
        let lifetime = 900
        store.state.withLock { state in
            state.entra.deviceCodes[code] = EntraState.DeviceCode(
                userCode: userCode, scope: form["scope"] ?? "", expires: state.elapsed + .seconds(lifetime), state: "pending",
                slowDownLeft: state.entra.slowDownPolls)
        }
        let uri = baseURL + "/devicelogin"
        return .json(200, DeviceBody(
            device_code: code, user_code: userCode, verification_uri: uri, expires_in: lifetime, interval: store.entra.deviceCodeInterval,
            message: "To sign in, use a web browser to open the page \(uri) and enter the code \(userCode) to authenticate."))
    }

    private func pollDeviceCode(_ code: String) -> EmulatorResponse {
        enum Outcome { case missing, slowDown, expired, pending, declined, approved(String, String) }
        let outcome: Outcome = store.state.withLock { state in
            guard var entry = state.entra.deviceCodes[code] else { return .missing }
            defer { state.entra.deviceCodes[code] = entry }
            if entry.slowDownLeft > 0 {
                entry.slowDownLeft -= 1
                return .slowDown
            }
            if entry.expires <= state.elapsed { return .expired }
            switch entry.state {
            case "approved":
                entry.state = "used"
                return .approved(entry.userCode, entry.scope)
            case "declined": return .declined
            case "used": return .missing
            default: return .pending
            }
        }
        switch outcome {
        case .missing: return Self.oauthError(400, "invalid_grant", "AADSTS70000: The device code is not valid.")
        case .slowDown: return Self.oauthError(400, "slow_down", "AADSTS70011: Polling too fast.")
        case .expired: return Self.oauthError(400, "expired_token", "AADSTS70020: The provided value for the input parameter 'device_code' is not valid. This device code has expired.")
        case .pending: return Self.oauthError(400, "authorization_pending", "AADSTS70016: OAuth 2.0 device flow error. Authorization is pending.")
        case .declined: return Self.oauthError(400, "authorization_declined", "AADSTS70000: The user declined the sign-in.")
        case .approved(let user, let scope): return granted(subject: "user-\(user)", scope: scope, refresh: true)
        }
    }

    private func managedIdentity(_ request: EmulatorRequest, appService: Bool) -> EmulatorResponse {
        store.logEntra("managed-identity style=\(appService ? "app-service" : "imds")")
        let entra = store.entra
        if appService {
            guard request.headers["x-identity-header"] == entra.appServiceHeader else {
                return Self.oauthError(401, "invalid_request", "The X-IDENTITY-HEADER is missing or wrong.")
            }
        } else if request.headers["metadata"]?.lowercased() != "true" {
            return Self.oauthError(400, "invalid_request", "Required metadata header not specified")
        }
        guard entra.managedIdentity else {
            return Self.oauthError(400, "invalid_request", "Identity not found")
        }
        let resource = request.query["resource"] ?? ""
        let (token, lifetime, _) = store.issueToken(subject: "managed-identity\(request.query["client_id"].map { "-" + $0 } ?? "")", audience: resource)
        let expiresOn = Int(Date().timeIntervalSince1970) + lifetime
        return .json(200, ManagedBody(access_token: token, expires_on: String(expiresOn), expires_in: String(lifetime), resource: resource))
    }

    /// Checks a client assertion JWT: RS256 signature by the client's certificate, issuer, subject, audience and time.
    static func verifyAssertion(_ jwt: String, certificatePEM: String, client: String, audience: String) -> String? {
        let parts = jwt.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let headerData = Base64URL.decode(parts[0]), let claimsData = Base64URL.decode(parts[1]), let signature = Base64URL.decode(parts[2]) else {
            return "not a JWT"
        }
        guard let header = try? JSONDecoder().decode(AssertionHeader.self, from: headerData), header.alg == "RS256" else {
            return "alg must be RS256"
        }
        guard let claims = try? JSONDecoder().decode(AssertionClaims.self, from: claimsData) else { return "claims are not JSON" }
        guard claims.iss == client, claims.sub == client else { return "iss and sub must be the client id" }
        guard claims.aud == audience else { return "aud must be the token endpoint" }
        guard let exp = claims.exp, exp > Date().timeIntervalSince1970 else { return "the assertion has expired" }
        guard let certificate = try? Certificate(pemEncoded: certificatePEM), let key = _RSA.Signing.PublicKey(certificate.publicKey) else {
            return "the registered certificate has no RSA key"
        }
        let signingInput = Data("\(parts[0]).\(parts[1])".utf8)
        guard key.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: signingInput, padding: .insecurePKCS1v1_5) else {
            return "the signature does not match the registered certificate"
        }
        return nil
    }
}

/// The JOSE header of a client assertion, as far as it is checked.
private struct AssertionHeader: Decodable {
    var alg: String?
}

/// The claims of a client assertion that are checked; a member of the wrong type reads as missing.
private struct AssertionClaims: Decodable {
    var iss: String?
    var sub: String?
    var aud: String?
    var exp: Double?

    enum CodingKeys: String, CodingKey { case iss, sub, aud, exp }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        iss = try? container.decodeIfPresent(String.self, forKey: .iss)
        sub = try? container.decodeIfPresent(String.self, forKey: .sub)
        aud = try? container.decodeIfPresent(String.self, forKey: .aud)
        exp = try? container.decodeIfPresent(Double.self, forKey: .exp)
    }
}
