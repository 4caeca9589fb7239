import BarrackScript

/// How the REPL, `show` and the command-line verbs print a value as text (DESIGN.md, "What a
/// user sees").
///
/// - A map prints as a block of aligned keys and values.
/// - A list of maps prints as a table: one column per key, the most important first (`ColumnOrder`:
///   id, name, status, the GPUs, region, cost, …, lists and maps last); on a terminal the columns
///   that do not fit its width are left out and named below the table.
/// - Any other value prints in its literal form (`"text"`, `[1, 2]`, `10m`).
///
/// `columns` chooses the keys shown, in that order; without `showsHeader` a table has no header
/// line and a block prints its values alone, one per line (for `cut` and `read`).
///
/// Inside a block or a table a string shows as its text; a nil is an empty table cell.
///
///     ResultFormatter(width: 80, colors: false).format(.map(["id": .string("BRK-1"), "gpus": .int(8)]))
///     // id    BRK-1
///     // gpus  8
struct ResultFormatter {
    /// The terminal's width in columns; nil (not a terminal) shows every column and every cell
    /// whole.
    var width: Int?
    /// Whether to use ANSI colours.
    var colors: Bool
    /// The keys to show, in this order; nil chooses by importance.
    var columns: [String]?
    /// Whether a table has its header line and a block its keys.
    var showsHeader = true

    /// A table cell longer than this is cut with `…` on a terminal, so that one long value (a
    /// startup script, a key) does not push every other column off a terminal of 80 to 200 columns.
    static let maxCellWidth = 40
    /// The space between columns.
    static let gap = "  "

    init(width: Int?, colors: Bool, columns: [String]? = nil, showsHeader: Bool = true) {
        self.width = width
        self.colors = colors
        self.columns = columns
        self.showsHeader = showsHeader
    }

    /// The text for `value`, without a final newline.
    func format(_ value: Value) -> String {
        switch value {
        case .map(let map) where map.count > 0:
            return block(map)
        case .list(let list) where !list.elements.isEmpty:
            guard let rows = ResultFormatter.rows(of: list) else { return value.literal }
            return table(rows)
        default:
            return value.literal
        }
    }

    /// The maps of a list made only of maps.
    static func rows(of list: ListObject) -> [MapObject]? {
        let rows = list.elements.compactMap { element -> MapObject? in
            if case .map(let map) = element { return map }
            return nil
        }
        return rows.count == list.elements.count ? rows : nil
    }

    private func block(_ map: MapObject) -> String {
        let keys = columns ?? map.keys
        let keyWidth = keys.map(\.count).max() ?? 0
        return keys.map { key in
            let value = map[key] ?? .null
            let text = if case .null = value { showsHeader ? dimmed("nil") : "" } else { cell(value) }
            return showsHeader ? emphasised(pad(key, to: keyWidth)) + ResultFormatter.gap + text : text
        }.joined(separator: "\n")
    }

    private func table(_ rows: [MapObject]) -> String {
        let columns = self.columns ?? ColumnOrder.columns(of: rows)
        let cells = rows.map { row in columns.map { key in row[key].map(cell) ?? "" } }
        let cellLimit = width == nil ? Int.max : ResultFormatter.maxCellWidth
        var widths = columns.indices.map { index in
            min(cellLimit, cells.map { $0[index].count }.reduce(showsHeader ? columns[index].count : 0, max))
        }
        let shown = fittingColumns(widths)
        if let width, let first = shown.first { widths[first] = min(widths[first], max(1, width)) }
        func line(_ texts: [String], style: (String) -> String) -> String {
            var line = shown.enumerated().map { position, index -> String in
                let text = ResultFormatter.truncate(texts[index], to: widths[index])
                return style(position == shown.count - 1 ? text : pad(text, to: widths[index]))
            }.joined(separator: ResultFormatter.gap)
            while line.last == " " { line.removeLast() }
            return line
        }
        var lines = showsHeader ? [line(columns, style: emphasised)] : []
        lines += cells.map { line($0, style: { $0 }) }
        if shown.count < columns.count {
            let hidden = columns.indices.filter { !shown.contains($0) }.map { columns[$0] }
            let noun = hidden.count == 1 ? "column" : "columns"
            lines.append(dimmed("(\(hidden.count) more \(noun) not shown: \(hidden.joined(separator: ", ")))"))
        }
        return lines.joined(separator: "\n")
    }

    /// The indices of the columns shown: all of them without a width; else, in order, each
    /// column that still fits, so that one wide column does not hide the narrow ones after it.
    /// The first column always shows (cut to the width if need be).
    private func fittingColumns(_ widths: [Int]) -> [Int] {
        guard let width else { return Array(widths.indices) }
        var shown: [Int] = []
        var used = 0
        for (index, columnWidth) in widths.enumerated() {
            let needed = (shown.isEmpty ? 0 : ResultFormatter.gap.count) + columnWidth
            if !shown.isEmpty, used + needed > width { continue }
            used += needed
            shown.append(index)
        }
        return shown
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

extension ResultFormatter {
    /// The keys of a report's first row, in the report's own order: a report (a plan, the costs)
    /// lays its columns out as it means them to be read, not by the ranking used for the
    /// platform's records.
    static func reportColumns(of rows: Value) -> [String]? {
        guard case .list(let list) = rows, case .map(let first)? = list.elements.first else { return nil }
        return first.keys
    }
}
