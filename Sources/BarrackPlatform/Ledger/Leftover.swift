import BarrackAPI
import BarrackScript
import Foundation

/// What the ledger's outstanding entries are on the platform now: each is read live (by id, or
/// for a create whose answer was lost, looked for by name), and the ledger is settled by what is
/// found: a resource gone or DELETING is marked deleted, a create whose name is not there was
/// never made. What is left may still bill.
///
/// `barrack leftovers` shows them (and `--clean` deletes them); `created()` gives this run's.
public struct Leftover: Sendable {
    /// The ledger's entry, with the id and cost found.
    public var entry: LedgerEntry
    /// The status read now; nil when it could not be read (`problem` says why).
    public var status: String?
    /// Why the resource could not be read or looked up, when it could not.
    public var problem: String?

    /// Reads each of `entries` through `connection` and settles `ledger`; returns the entries whose
    /// resource exists, or may.
    public static func read(_ entries: [LedgerEntry], through connection: any PlatformConnection,
                            ledger: Ledger) async -> [Leftover] {
        var found: [Leftover] = []
        for var entry in entries {
            do {
                guard let resource = try await Self.resource(of: entry, through: connection) else {
                    entry.state = entry.resourceID == nil ? .failed : .deleted
                    ledger.update(entry)
                    continue
                }
                let status = resource["status"]?.stringValue
                if status == "DELETED" || status == "DELETING" {
                    entry.state = .deleted
                    ledger.update(entry)
                    continue
                }
                let before = entry
                entry.state = .created
                entry.resourceID = resource["id"]?.stringValue ?? entry.resourceID
                entry.hourlyCost = resource["hourly_cost"]?.doubleValue ?? entry.hourlyCost
                entry.currency = resource["currency"]?.stringValue ?? entry.currency
                if entry != before { ledger.update(entry) }
                found.append(Leftover(entry: entry, status: status))
            } catch is CancellationError {
                found.append(Leftover(entry: entry, status: nil, problem: "interrupted"))
            } catch {
                found.append(Leftover(entry: entry, status: nil, problem: "\(error)"))
            }
        }
        return found
    }

    /// The resource `entry` stands for, read now; nil when it certainly does not exist (gone, or a
    /// lost create whose name is not there). Throws when that cannot be known.
    static func resource(of entry: LedgerEntry, through connection: any PlatformConnection) async throws -> JSONValue? {
        if let id = entry.resourceID {
            do {
                let answer = try await connection.call(entry.kind.read, pathParameters: ["id": id], query: [], body: nil)
                return PlatformCall.payload(answer, endpoint: entry.kind.read.endpoint)
            } catch let error as BarrackAPIError where ErrorCode(rawValue: error.code) == .notFound {
                return nil
            }
        }
        guard let name = entry.name else {
            throw BarrackAPIError(.notFound, message: "\(entry.operation) was sent without a name and its answer was lost, so it cannot be looked up")
        }
        let listing = entry.kind.list
        let query = entry.region.map { [QueryItem(name: "region", value: $0)] } ?? []
        let answer = try await connection.call(listing, pathParameters: [:], query: query, body: nil)
        let items = listing.endpoint.itemsKey.flatMap { answer[$0]?.arrayValue } ?? []
        return items.first { item in
            let status = item["status"]?.stringValue ?? ""
            return item["name"]?.stringValue == name && status != "DELETED" && status != "DELETING"
        }
    }

    /// Deletes this leftover through `connection` and marks it deleted in `ledger`.
    public func delete(through connection: any PlatformConnection, ledger: Ledger) async throws {
        guard let id = entry.resourceID else {
            throw BarrackAPIError(.notFound, message: "\(entry.kind.rawValue) '\(entry.name ?? "?")' has no known id to delete: \(problem ?? "it was not found")")
        }
        _ = try await connection.call(entry.kind.delete, pathParameters: ["id": id], query: [], body: nil)
        ledger.deleted(entry.kind, id: id)
    }

    /// As a script value: `kind`, `id`, `name`, `status`, `hourly_cost`, `currency`, `region`,
    /// `operation`, `recorded` (ISO-8601 UTC), and `problem` when it could not be read.
    public var value: Value {
        let row = MapObject()
        row["kind"] = .string(entry.kind.rawValue)
        row["id"] = entry.resourceID.map { .string($0) } ?? .null
        row["name"] = entry.name.map { .string($0) } ?? .null
        row["status"] = status.map { .string($0) } ?? .string("UNKNOWN")
        row["hourly_cost"] = entry.hourlyCost.map { .float($0) } ?? .null
        row["currency"] = entry.currency.map { .string($0) } ?? .null
        row["region"] = entry.region.map { .string($0) } ?? .null
        row["operation"] = .string(entry.operation)
        row["recorded"] = .string(Leftover.isoTime(entry.recorded))
        if let problem { row["problem"] = .string(problem) }
        return .map(row)
    }

    /// `2026-12-07T11:29:30Z`.
    static func isoTime(_ seconds: Double) -> String {
        Date(timeIntervalSince1970: seconds.rounded(.down)).formatted(.iso8601)
    }
}
