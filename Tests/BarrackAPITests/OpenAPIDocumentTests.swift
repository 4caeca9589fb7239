@testable import BarrackAPI
import Foundation
import XCTest

/// The OpenAPI document (api/barrack.openapi.yaml) against the client's endpoint table: the same 67
/// operations both ways, with the same methods, paths, parameters and bodies.
final class OpenAPIDocumentTests: XCTestCase {
    struct Operation: Hashable {
        let id: String
        let method: String
        let path: String
    }

    private func document() throws -> JSONValue {
        try JSONValue(parsing: OpenAPIDocument.json)
    }

    /// Every operation of the document's `paths`, with its path item's and its own parameters.
    private func operations() throws -> [(Operation, JSONValue, [JSONValue])] {
        let document = try document()
        var result: [(Operation, JSONValue, [JSONValue])] = []
        for path in document["paths"]?.objectValue ?? JSONObject() {
            let shared = path.value["parameters"]?.arrayValue ?? []
            for member in path.value.objectValue ?? JSONObject() where ["get", "post", "put", "delete"].contains(member.key) {
                let id = member.value["operationId"]?.stringValue ?? "?"
                let parameters = (shared + (member.value["parameters"]?.arrayValue ?? [])).map { resolve($0, in: document) }
                result.append((Operation(id: id, method: member.key.uppercased(), path: path.key), member.value, parameters))
            }
        }
        return result
    }

    private func resolve(_ value: JSONValue, in document: JSONValue) -> JSONValue {
        guard let reference = value["$ref"]?.stringValue else { return value }
        return reference.dropFirst(2).split(separator: "/").reduce(document) { $0[String($1)] ?? .null }
    }

    func testTheDocumentHasExactlyTheClientsOperations() throws {
        let documented = Set(try operations().map(\.0))
        let client = Set(EndpointTable.all.map {
            Operation(id: $0.operation.rawValue, method: $0.method.rawValue, path: $0.pathTemplate)
        })
        XCTAssertEqual(documented.count, 67)
        for missing in client.subtracting(documented) {
            XCTFail("expected the document to have \(missing.id) as \(missing.method) \(missing.path), got none")
        }
        for extra in documented.subtracting(client) {
            XCTFail("expected the client's endpoint table to have \(extra.id) as \(extra.method) \(extra.path), got none")
        }
    }

    func testParametersAndBodiesMatchTheEndpointTable() throws {
        for (operation, item, parameters) in try operations() {
            guard let id = OperationID(rawValue: operation.id) else { continue }
            let endpoint = id.endpoint
            let query = parameters.filter { $0["in"] == "query" }.compactMap { $0["name"]?.stringValue }
            let path = parameters.filter { $0["in"] == "path" }.compactMap { $0["name"]?.stringValue }
            XCTAssertEqual(Set(query), Set(endpoint.queryParameters), "query parameters of \(id)")
            XCTAssertEqual(path, endpoint.pathParameters, "path parameters of \(id)")
            let body = item["requestBody"]
            XCTAssertEqual(body != nil, endpoint.bodySchema != nil, "request body of \(id)")
            if body != nil {
                XCTAssertEqual(body?["required"] == .bool(false), endpoint.isBodyOptional, "whether \(id)'s body is optional")
            }
            XCTAssertNotNil(item["responses"]?["4XX"], "\(id) documents its error answers")
        }
    }

    func testTheCompiledInDocumentIsTheYAMLFile() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("api/barrack.openapi.yaml")
        let text = try String(contentsOf: file, encoding: .utf8)
        XCTAssertEqual(OpenAPIDocument.yaml, String(text.dropLast(text.hasSuffix("\n") ? 1 : 0)),
                       "api/barrack.openapi.yaml changed since it was embedded: run api/embed")
        XCTAssertEqual(try document()["openapi"], "3.1.0")
    }

    func testUnknownFieldsAreFoundAtAnyDepth() {
        let body: JSONValue = [
            "gpu_model": "H100-SXM5-80GB", "os_volume_size": 500,
            "boot_source": ["type": "os_image", "os_image_id": "ubuntu-22.04-r550-cuda12.4"],
            "new_data_volumes": [["size_gb": 100, "volume_typ": "NVMe"]],
        ]
        let unknown = RequestSchema.unknownFields(in: body, for: .deployInstance)
        XCTAssertEqual(unknown.map(\.path), ["os_volume_size", "new_data_volumes[0].volume_typ"])
        XCTAssertTrue(unknown[0].known.contains("os_volume_size_gb"))
        XCTAssertTrue(unknown[1].description.contains("volume_type"), unknown[1].description)
        XCTAssertEqual(RequestSchema.unknownFields(in: ["size_gb": 200], for: .resizeVolume), [])
        XCTAssertEqual(RequestSchema.unknownFields(in: ["anything": 1], for: .getBalance), [])
    }

    func testTheClientWarnsWhenABodyHasAnUnknownField() async throws {
        let collector = LogCollector()
        let client = BarrackClient(transport: RecordingTransport(), retryPolicy: .none, logger: collector.logger())
        var warnings: [String] { collector.lines.filter { $0.hasPrefix("warning") } }
        _ = try await client.call(.createVolume, body: ["name": "data", "region": "FINLAND-1", "size_gb": 100,
                                                        "volume_type": "NVMe", "os_image": "x"])
        XCTAssertEqual(warnings.count, 1)
        XCTAssertTrue(warnings.first?.contains("create_volume: unknown field 'os_image'") == true, "\(warnings)")
        _ = try await client.call(.resizeVolume, path: ["id": "BRK-000001V"], body: ["size_gb": 200])
        XCTAssertEqual(warnings.count, 1, "no warning for a body of known fields")
    }
}
