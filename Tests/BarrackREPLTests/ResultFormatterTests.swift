import BarrackScript
import Testing
@testable import barrack

/// How the REPL prints values.
struct ResultFormatterTests {
    let plain = ResultFormatter(width: 80, colors: false)

    @Test func aMapPrintsAsAlignedKeysAndValues() {
        let value = Value.map(["id": .string("BRK-1"), "gpu_count": .int(8), "ip": .null, "tags": .list([.string("a")])])
        #expect(plain.format(value) == """
            id         BRK-1
            gpu_count  8
            ip         nil
            tags       ["a"]
            """)
    }

    @Test func aListOfMapsPrintsAsATableWithIdNameStatusFirst() {
        let rows = Value.list([
            .map(["region": .string("FINLAND-1"), "status": .string("ACTIVE"), "name": .string("train-1"), "id": .string("BRK-1")]),
            .map(["id": .string("BRK-22"), "cost": .float(2.5), "name": .string("x")]),
        ])
        #expect(plain.format(rows) == """
            id      name     status  region     cost
            BRK-1   train-1  ACTIVE  FINLAND-1
            BRK-22  x                           2.5
            """)
    }

    @Test func columnsThatDoNotFitAreLeftOutAndNamed() {
        let rows = Value.list([.map(["id": .string("BRK-1"), "name": .string("n"), "region": .string("FINLAND-1"), "zone": .string("z")])])
        let narrow = ResultFormatter(width: 16, colors: false)
        #expect(narrow.format(rows) == """
            id     name
            BRK-1  n
            (2 more columns not shown: region, zone)
            """)
    }

    @Test func aLongCellIsCut() {
        let long = String(repeating: "x", count: 100)
        let rows = Value.list([.map(["id": .int(1), "script": .string(long)])])
        let lines = plain.format(rows).split(separator: "\n")
        #expect(lines[1] == "1   " + String(repeating: "x", count: ResultFormatter.maxCellWidth - 1) + "…")
    }

    @Test func otherValuesPrintInLiteralForm() {
        #expect(plain.format(.string("text")) == "\"text\"")
        #expect(plain.format(.list([.int(1), .string("a"), .null])) == "[1, \"a\", nil]")
        #expect(plain.format(.list([.map(["a": .int(1)]), .int(2)])) == "[{a: 1}, 2]")
        #expect(plain.format(.duration(600_000)) == "10m")
        #expect(plain.format(.list([])) == "[]")
        #expect(plain.format(.map([:])) == "{}")
    }

    @Test func colorsEmphasiseKeysAndHeadersOnly() {
        let colored = ResultFormatter(width: 80, colors: true)
        #expect(colored.format(.map(["id": .int(1)])) == "\u{1B}[1mid\u{1B}[0m  1")
        #expect(colored.format(.int(5)) == "5")
    }

    @Test func columnsFollowFirstSeenOrderAfterTheLeadingOnes() {
        let first = MapObject()
        first["b"] = .int(1)
        first["status"] = .int(1)
        let second = MapObject()
        second["a"] = .int(1)
        second["id"] = .int(1)
        #expect(ResultFormatter.columns(of: [first, second]) == ["id", "status", "b", "a"])
    }
}
