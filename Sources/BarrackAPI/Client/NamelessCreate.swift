import Foundation

/// A deploy sent without a name gets one from the client before its first send, so that a lost
/// answer can be settled by looking the name up (`LostAnswerRecovery`) instead of leaving an
/// unknown instance billing. The name follows the platform's own pattern for names it makes up
/// (barrack-api.md section 4, `barrack-{gpu}-{random}`): `barrack-h100-kqzvtx`.
///
/// A restore is left alone: the platform names it `<snapshot>-restored` (section 6), a name the
/// client cannot know without reading the snapshot, and a user expects.
///
/// The platform bridge's ledger names a deploy the same way before it records it, so that even an
/// answer lost to a killed process can be found by name (`NamelessCreate.named(_:request:)`).
public enum NamelessCreate {
    /// The creates whose name the platform would otherwise make up at random.
    static let operations: Set<OperationID> = [.deployInstance]
    /// Random letters at the end: 26^6 ≈ 3 × 10⁸ names per GPU.
    static let suffixLength = 6

    /// `body` with a generated `name` when `operation` is a nameless create; `nil` to send it as it is.
    static func named(_ operation: OperationID, body: Data?) -> Data? {
        guard let body, let request = try? JSONValue(parsing: body) else { return nil }
        return named(operation, request: request)?.jsonData()
    }

    /// `request` with a generated `name` when `operation` is a nameless create (a deploy whose
    /// `name` is missing or blank); `nil` to send it as it is.
    ///
    /// ```swift
    /// NamelessCreate.named(.deployInstance, request: ["gpu_model": "H100-SXM5-80GB"])?["name"]  // "barrack-h100-kqzvtx"
    /// ```
    public static func named(_ operation: OperationID, request: JSONValue?) -> JSONValue? {
        guard operations.contains(operation), var object = request?.objectValue else { return nil }
        if let given = object["name"]?.stringValue, !given.allSatisfy(\.isWhitespace) { return nil }
        object["name"] = .string(name(gpuModel: object["gpu_model"]?.stringValue))
        return .object(object)
    }

    /// `barrack-` + the GPU model's first part (`h100` of `H100-SXM5-80GB`, else `gpu`) + `-` + letters.
    static func name(gpuModel: String?) -> String {
        let first = gpuModel?.split(separator: "-").first?.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? ""
        let gpu = first.isEmpty ? "gpu" : String(first.prefix(8))
        let letters = (0..<suffixLength).map { _ in String(UnicodeScalar(UInt8.random(in: 97...122))) }.joined()
        return "barrack-\(gpu)-\(letters)"
    }
}
