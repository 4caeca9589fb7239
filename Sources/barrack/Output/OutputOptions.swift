import BarrackAPI
import BarrackScript

/// How a command-line verb or `show` prints its value: the format, the columns, the header.
struct OutputOptions {
    /// `table` (aligned text), `json` or `yaml`.
    var format: OutputFormat = .table
    /// The keys to show, in this order (`--columns id,status`); nil chooses by importance.
    var columns: [String]?
    /// `--no-header` clears it.
    var showsHeader = true

    /// `value` as text for standard output, ending in a newline.
    func render(_ value: Value, terminal: Terminal = .standardOutput) -> String {
        let chosen = columns.map { ValueProjection.keeping($0, of: value) } ?? value
        switch format {
        case .json:
            return ((try? JSONText.pretty(chosen)) ?? chosen.literal) + "\n"
        case .yaml:
            return YAMLText.document(chosen)
        case .table:
            // Nothing to list prints nothing, as `ls` of an empty folder does.
            if case .list(let list) = value, list.elements.isEmpty { return "" }
            let formatter = ResultFormatter(
                width: terminal.isTerminal ? terminal.width : nil,
                colors: terminal.usesColors,
                columns: columns, showsHeader: showsHeader)
            return formatter.format(value) + "\n"
        }
    }

    /// The requested columns that no row of `value` has, for an error that names them; empty
    /// when all are known, or when there are no rows to know them from.
    func unknownColumns(in value: Value) -> (unknown: [String], known: [String]) {
        guard let columns else { return ([], []) }
        let rows: [MapObject]
        switch value {
        case .map(let map): rows = [map]
        case .list(let list): rows = ResultFormatter.rows(of: list) ?? []
        default: rows = []
        }
        guard !rows.isEmpty else { return ([], []) }
        let known = ColumnOrder.columns(of: rows)
        return (columns.filter { !known.contains($0) }, known)
    }

    /// Parses `--columns a,b`.
    static func columns(_ text: String) -> [String] {
        text.split(separator: ",").map { $0.filter { $0 != " " } }.filter { !$0.isEmpty }
    }
}

/// A value cut down to some keys: each map (or each map of a list) keeps those keys, in that
/// order.
enum ValueProjection {
    static func keeping(_ keys: [String], of value: Value) -> Value {
        switch value {
        case .map(let map):
            let kept = MapObject()
            for key in keys { kept[key] = map[key] ?? .null }
            return .map(kept)
        case .list(let list):
            return .list(ListObject(list.elements.map { keeping(keys, of: $0) }))
        default:
            return value
        }
    }
}
