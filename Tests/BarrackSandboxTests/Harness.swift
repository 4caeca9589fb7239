import BarrackAPI
import Foundation
import Testing

@testable import BarrackSandbox

/// One answer of the sandbox, with short ways to its parts.
struct Answer {
    let status: Int
    let json: JSONValue
    let headers: [String: String]

    /// The error code of an error answer.
    var code: String? { json["error"]?["code"]?.stringValue }
    var message: String { json["message"]?.stringValue ?? "" }
    subscript(key: String) -> JSONValue? { json[key] }
}

/// A sandbox with a frozen clock and short ways to talk to it, for tests.
final class Harness: @unchecked Sendable {
    let sandbox: Sandbox
    let directory: URL?

    init(directory: URL? = nil, seed: UInt64 = 1) throws {
        self.directory = directory
        sandbox = try Sandbox(configuration: .init(dataDirectory: directory, speed: 0, seed: seed))
    }

    @discardableResult
    func request(_ method: String, _ path: String, _ body: JSONValue? = nil, query: [String: String] = [:]) -> Answer {
        let response = sandbox.handle(method: method, path: path,
                                      query: query.sorted { $0.key < $1.key }.map { QueryItem(name: $0.key, value: $0.value) },
                                      body: body?.jsonData())
        let json = (try? JSONValue(parsing: response.body)) ?? .null
        return Answer(status: response.status, json: json, headers: response.headers)
    }

    @discardableResult
    func get(_ path: String, query: [String: String] = [:]) -> Answer { request("GET", path, query: query) }
    @discardableResult
    func post(_ path: String, _ body: JSONValue? = nil) -> Answer { request("POST", path, body) }
    @discardableResult
    func delete(_ path: String) -> Answer { request("DELETE", path) }

    /// The id of the SSH key `default` that a fresh sandbox has.
    var defaultKeyID: String { self.get("/api/ssh-keys/")["ssh_keys"]?[0]?["id"]?.stringValue ?? "" }

    /// A valid deploy body for an Advanced (FINLAND-1, H100-SXM5) or Legacy (CANADA-1, RTX-A6000)
    /// region, with `changes` applied (`.null` removes a member).
    func deployBody(legacy: Bool = false, _ changes: [String: JSONValue] = [:]) -> JSONValue {
        var object: JSONObject = [
            "gpu_model": legacy ? "RTX-A6000" : "H100-SXM5-80GB",
            "gpu_count": 1,
            "region": legacy ? "CANADA-1" : "FINLAND-1",
            "boot_source": ["type": "os_image", "os_image_id": "ubuntu-22.04-r550-cuda12.4"],
            "ssh_key_ids": [.string(defaultKeyID)],
        ]
        for (key, value) in changes { object[key] = value.isNull ? nil : value }
        return .object(object)
    }

    @discardableResult
    func deploy(legacy: Bool = false, _ changes: [String: JSONValue] = [:]) -> Answer {
        post("/api/instances/", deployBody(legacy: legacy, changes))
    }

    /// Deploys and waits (in simulated time) until ACTIVE; returns the id.
    func deployActive(legacy: Bool = false, _ changes: [String: JSONValue] = [:]) -> String {
        let answer = deploy(legacy: legacy, changes)
        let id = answer["instance"]?["id"]?.stringValue ?? ""
        advance(SandboxCatalogue.standard.deployDuration.upperBound)
        return id
    }

    func advance(_ seconds: Double) { sandbox.advance(by: seconds) }

    func instance(_ id: String) -> JSONValue { self.get("/api/instances/\(id)/")["instance"] ?? .null }
    func status(_ id: String) -> String { instance(id)["status"]?.stringValue ?? "?" }
    /// The balance as the account holds it, in fractions of a cent (the billing tests measure
    /// per-minute charges with it); `shownBalance()` is what the platform answers.
    func balance() -> Double { sandbox.inspect { $0.balance } }
    /// The balance the platform answers, to the cent.
    func shownBalance() -> Double { self.get("/api/balance/")["balance"]?["amount"]?.doubleValue ?? .nan }

    func stock(_ region: String = "FINLAND-1", _ model: String = "H100-SXM5-80GB") -> Int {
        sandbox.inspect { $0.state.stock[region]?[model] ?? -1 }
    }
}

extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}

/// A fresh temporary folder, removed by the caller.
func temporaryDirectory() -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("barrack-sandbox-tests-" + UUID().uuidString)
    try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// A real public key line of `type` with `keyBytes` random-looking bytes, built as OpenSSH writes it.
func publicKeyLine(type: String = "ssh-ed25519", embeddedType: String? = nil, keyBytes: Int = 32) -> String {
    func prefixed(_ bytes: [UInt8]) -> [UInt8] {
        let count = UInt32(bytes.count)
        return [UInt8(count >> 24), UInt8(count >> 16 & 0xff), UInt8(count >> 8 & 0xff), UInt8(count & 0xff)] + bytes
    }
    let blob = prefixed(Array((embeddedType ?? type).utf8)) + prefixed((0..<keyBytes).map { UInt8($0 * 7 % 256) })
    return type + " " + Data(blob).base64EncodedString() + " test@example"
}
