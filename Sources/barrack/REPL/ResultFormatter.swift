import BarrackScript

/// How the REPL shows the value of an expression statement (DESIGN.md, "What a user sees").
///
/// - A map prints as a block of aligned keys and values.
/// - A list of maps prints as a table: one column per key, `id`, `name` and `status` first, then
///   the other keys in the order they are first seen; the columns that do not fit the terminal's
///   width are left out and named below the table.
/// - Any other value prints in its literal form (`"text"`, `[1, 2]`, `10m`).
///
/// Inside a block or a table a string shows as its text; a nil is an empty table cell.
///
///     ResultFormatter(width: 80, colors: false).format(.map(["id": .string("BRK-1"), "gpus": .int(8)]))
///     // id    BRK-1
///     // gpus  8
struct ResultFormatter {
    /// The terminal's width in columns.
    var width: Int
    /// Whether to use ANSI colours.
    var colors: Bool

    /// The columns a person looks for first in a list of resources.
    static let leadingColumns = ["id", "name", "status"]
    /// A table cell longer than this is cut with `…`, so that one long value (a startup script,
    /// a key) does not push every other column off a terminal of 80 to 200 columns.
    static let maxCellWidth = 40
    /// The space between columns.
    static let gap = "  "

    /// The text for `value`, without a final newline.
    func format(_ value: Value) -> String {
        switch value {
        case .map(let map) where map.count > 0:
            return block(map)
        case .list(let list) where !list.elements.isEmpty:
            let rows = list.elements.compactMap { element -> MapObject? in
                if case .map(let map) = element { return map }
                return nil
            }
            if rows.count == list.elements.count { return table(rows) }
            return value.literal
        default:
            return value.literal
        }
    }

    private func block(_ map: MapObject) -> String {
        let keyWidth = map.keys.map(\.count).max() ?? 0
        return map.entries.map { key, value in
            let text = if case .null = value { dimmed("nil") } else { cell(value) }
            return emphasised(pad(key, to: keyWidth)) + ResultFormatter.gap + text
        }.joined(separator: "\n")
    }

    private func table(_ rows: [MapObject]) -> String {
        let columns = ResultFormatter.columns(of: rows)
        let cells = rows.map { row in columns.map { key in row[key].map(cell) ?? "" } }
        var widths = columns.indices.map { index in
            min(ResultFormatter.maxCellWidth, cells.map { $0[index].count }.reduce(columns[index].count, max))
        }
        var shown = 0
        var used = 0
        for columnWidth in widths {
            let needed = (shown == 0 ? 0 : ResultFormatter.gap.count) + columnWidth
            if shown > 0, used + needed > width { break }
            used += needed
            shown += 1
        }
        widths[0] = min(widths[0], max(1, width))

        func line(_ texts: [String], style: (String) -> String) -> String {
            var line = (0..<shown).map { index -> String in
                let text = ResultFormatter.truncate(texts[index], to: widths[index])
                return style(index == shown - 1 ? text : pad(text, to: widths[index]))
            }.joined(separator: ResultFormatter.gap)
            while line.last == " " { line.removeLast() }
            return line
        }
        var lines = [line(columns, style: emphasised)]
        lines += cells.map { line($0, style: { $0 }) }
        if shown < columns.count {
            let hidden = columns[shown...]
            let noun = hidden.count == 1 ? "column" : "columns"
            lines.append(dimmed("(\(hidden.count) more \(noun) not shown: \(hidden.joined(separator: ", ")))"))
        }
        return lines.joined(separator: "\n")
    }

    /// The keys of all rows: the leading columns that occur, then the rest in first-seen order.
    static func columns(of rows: [MapObject]) -> [String] {
        var seen: [String] = []
        var known: Set<String> = []
        for row in rows {
            for key in row.keys where known.insert(key).inserted { seen.append(key) }
        }
        let leading = leadingColumns.filter { known.contains($0) }
        return leading + seen.filter { !leadingColumns.contains($0) }
    }

    /// A value inside a block or table: a one-line string as its text, nil as nothing, anything
    /// else (and a string with line breaks or control characters) in literal form.
    private func cell(_ value: Value) -> String {
        switch value {
        case .null: return ""
        case .string(let text) where !text.unicodeScalars.contains(where: { $0.value < 0x20 }): return text
        default: return value.literal
        }
    }

    static func truncate(_ text: String, to width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - 1))) + "…"
    }

    private func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }

    private func emphasised(_ text: String) -> String {
        colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text
    }

    private func dimmed(_ text: String) -> String {
        colors ? "\u{1B}[2m\(text)\u{1B}[0m" : text
    }
}
