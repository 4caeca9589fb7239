import Foundation

/// A deploy sent without a name gets one from the client before its first send, so that a lost
/// answer can be settled by looking the name up (`LostAnswerRecovery`) instead of leaving an
/// unknown instance billing. The name follows the platform's own pattern for names it makes up
/// (barrack-api.md section 4, `barrack-{gpu}-{random}`): `barrack-h100-kqzvtx`.
///
/// A restore is left alone: the platform names it `<snapshot>-restored` (section 6), a name the
/// client cannot know without reading the snapshot, and a user expects.
enum NamelessCreate {
    /// The creates whose name the platform would otherwise make up at random.
    static let operations: Set<OperationID> = [.deployInstance]
    /// Random letters at the end: 26^6 ≈ 3 × 10⁸ names per GPU.
    static let suffixLength = 6

    /// `body` with a generated `name` when `operation` is a nameless create; `nil` to send it as it is.
    static func named(_ operation: OperationID, body: Data?) -> Data? {
        guard operations.contains(operation), let body, var request = (try? JSONValue(parsing: body))?.objectValue
        else { return nil }
        if let given = request["name"]?.stringValue, !given.allSatisfy(\.isWhitespace) { return nil }
        request["name"] = .string(name(gpuModel: request["gpu_model"]?.stringValue))
        return JSONValue.object(request).jsonData()
    }

    /// `barrack-` + the GPU model's first part (`h100` of `H100-SXM5-80GB`, else `gpu`) + `-` + letters.
    static func name(gpuModel: String?) -> String {
        let first = gpuModel?.split(separator: "-").first?.lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) } ?? ""
        let gpu = first.isEmpty ? "gpu" : String(first.prefix(8))
        let letters = (0..<suffixLength).map { _ in String(UnicodeScalar(UInt8.random(in: 97...122))) }.joined()
        return "barrack-\(gpu)-\(letters)"
    }
}
