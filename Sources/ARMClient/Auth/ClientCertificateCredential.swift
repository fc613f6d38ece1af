import Crypto
import ARMModels
import FoundationEssentials
import SwiftASN1
import X509
import _CryptoExtras

/// A service principal signing in with a certificate: a client assertion JWT signed with the certificate's RSA key.
///
/// The PEM file holds the certificate and its private key. The JWT is
/// assembled as RFC 7519 specifies; the signature comes from swift-crypto.
public struct ClientCertificateCredential: TokenCredential {
    public let name = "EnvironmentCredential (client certificate)"
    let tenantID: String
    let clientID: String
    let authorityHost: String
    private let key: _RSA.Signing.PrivateKey
    private let thumbprint: String
    private let now: @Sendable () -> Date

    /// Reads the certificate and key from a PEM file; errors name the file, never its contents.
    public init(tenantID: String, clientID: String, pemPath: String, authorityHost: String, now: @escaping @Sendable () -> Date = { Date() }) throws {
        let text: String
        do {
            text = try String(contentsOfFile: pemPath, encoding: .utf8)
        } catch {
            throw ARMError.credentialUnavailable("EnvironmentCredential: cannot read AZURE_CLIENT_CERTIFICATE_PATH (\(pemPath)): \(error)")
        }
        let blocks = PEMBlocks(text)
        guard let certificatePEM = blocks.first("CERTIFICATE") else {
            throw ARMError.credentialUnavailable("EnvironmentCredential: \(pemPath) holds no CERTIFICATE block (PKCS#12 is not supported; convert it with 'openssl pkcs12 -nodes')")
        }
        guard let keyPEM = blocks.first("PRIVATE KEY") ?? blocks.first("RSA PRIVATE KEY") else {
            throw ARMError.credentialUnavailable("EnvironmentCredential: \(pemPath) holds no unencrypted PRIVATE KEY block")
        }
        do {
            let certificate = try Certificate(pemEncoded: certificatePEM)
            var serializer = DER.Serializer()
            try serializer.serialize(certificate)
            thumbprint = Base64URL.encode(Data(Insecure.SHA1.hash(data: serializer.serializedBytes)))
            key = try _RSA.Signing.PrivateKey(pemRepresentation: keyPEM)
        } catch {
            throw ARMError.credentialUnavailable("EnvironmentCredential: the certificate or RSA key in \(pemPath) cannot be read")
        }
        self.tenantID = tenantID
        self.clientID = clientID
        self.authorityHost = authorityHost
        self.now = now
    }

    public var identity: String { "service principal \(clientID) (certificate, tenant \(tenantID))" }

    /// The signed client assertion for `audience` (the token endpoint URL).
    func assertion(for tokenURL: String) throws -> String {
        let issued = Int(now().timeIntervalSince1970)
        let header: [String: String] = ["alg": "RS256", "typ": "JWT", "x5t": thumbprint]
        let claims: [String: JSONValue] = [
            "aud": .string(tokenURL), "iss": .string(clientID), "sub": .string(clientID), "jti": .string(UUID().uuidString),
            "nbf": .number(issued), "iat": .number(issued), "exp": .number(issued + 600),
        ]
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let signingInput = Base64URL.encode(try encoder.encode(header)) + "." + Base64URL.encode(try encoder.encode(claims))
        let signature = try key.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + Base64URL.encode(signature.rawRepresentation)
    }

    public func token(for audience: String) async throws -> AccessToken {
        let url = Authority.tokenURL(authorityHost, tenant: tenantID)
        let (status, response) = try await TokenEndpointClient().postForm(
            url,
            [
                ("grant_type", "client_credentials"), ("client_id", clientID), ("scope", AzureCloud.scope(for: audience)),
                ("client_assertion_type", "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"), ("client_assertion", try assertion(for: url)),
            ],
            what: "the token endpoint")
        guard status == 200, let token = response.accessToken(now: now()) else {
            throw ARMError.authenticationFailed("\(name): the token endpoint refused client \(clientID) (\(status)): \(response.problem)")
        }
        return token
    }
}

/// A JSON value for JWT claims.
enum JSONValue: Encodable {
    case string(String)
    case number(Int)
    func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .string(let s): try c.encode(s)
        case .number(let n): try c.encode(n)
        }
    }
}

/// The labelled blocks of a PEM file.
struct PEMBlocks {
    private var blocks: [(label: String, text: String)] = []

    init(_ text: String) {
        var label: String?
        var lines: [Substring] = []
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmed(newlines: false)
            if trimmed.hasPrefix("-----BEGIN "), trimmed.hasSuffix("-----") {
                label = String(trimmed.dropFirst(11).dropLast(5))
                lines = [line]
            } else if let current = label {
                lines.append(line)
                if trimmed == "-----END \(current)-----" {
                    blocks.append((current, lines.joined(separator: "\n")))
                    label = nil
                }
            }
        }
    }

    func first(_ label: String) -> String? { blocks.first { $0.label == label }?.text }
}
