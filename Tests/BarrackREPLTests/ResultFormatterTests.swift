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
        #expect(ColumnOrder.columns(of: [first, second]) == ["id", "status", "b", "a"])
    }

    /// An instance as the platform answers it: a long map before the cost.
    static func instance() -> Value {
        let boot = MapObject()
        boot["type"] = .string("os_image")
        boot["os_image_id"] = .string("ubuntu-24.04-r570-cuda12.8")
        let row = MapObject()
        row["id"] = .string("BRK-773411VM")
        row["name"] = .string("train-1")
        row["status"] = .string("ACTIVE")
        row["gpu_model"] = .string("H100-SXM5-80GB")
        row["gpu_count"] = .int(8)
        row["region"] = .string("FINLAND-1")
        row["tier"] = .string("advanced")
        row["boot_source"] = .map(boot)
        row["ssh_key_ids"] = .list([.string("BRK-589303K")])
        row["hourly_cost"] = .float(19.95)
        row["currency"] = .string("USD")
        row["created_at"] = .string("2026-01-01T00:00:00Z")
        return .list([.map(row)])
    }

    @Test func theCostIsShownBeforeALongBootSourceTakesTheWidth() {
        let text = ResultFormatter(width: 100, colors: false).format(Self.instance())
        let lines = text.split(separator: "\n")
        #expect(lines[0] == "id            name     status  gpu_model       gpu_count  region     hourly_cost  currency  tier")
        #expect(lines[2] == "(3 more columns not shown: created_at, boot_source, ssh_key_ids)")
    }

    @Test func aNarrowColumnAfterAWideOneStillShows() {
        let row = MapObject()
        row["id"] = .int(1)
        row["notes"] = .string(String(repeating: "n", count: 30))
        row["ok"] = .bool(true)
        let text = ResultFormatter(width: 20, colors: false).format(.list([.map(row)]))
        #expect(text == "id  ok\n1   true\n(1 more column not shown: notes)")
    }

    @Test func chosenColumnsAndNoHeader() {
        let table = ResultFormatter(width: 80, colors: false, columns: ["status", "id"], showsHeader: false)
        #expect(table.format(Self.instance()) == "ACTIVE  BRK-773411VM")
        let block = ResultFormatter(width: 80, colors: false, columns: ["hourly_cost", "currency"], showsHeader: false)
        if case .list(let rows) = Self.instance() {
            #expect(block.format(rows.elements[0]) == "19.95\nUSD")
        }
    }

    @Test func withoutATerminalEveryColumnShowsWhole() {
        let text = ResultFormatter(width: nil, colors: false).format(Self.instance())
        #expect(text.split(separator: "\n")[0].hasSuffix("created_at            boot_source                                                    ssh_key_ids"))
    }

    @Test func yamlQuotesWhatAReaderCouldMisread() {
        let map = MapObject()
        map["id"] = .string("BRK-1")
        map["answer"] = .string("no")
        map["ip"] = .string("10.0.0.1")
        map["time"] = .string("2026-01-01T00:00:00Z")
        map["text"] = .string("a: b")
        map["empty"] = .list([])
        map["nothing"] = .null
        map["list"] = .list([.map(["a": .int(1), "b": .list([.int(2)])]), .list([.int(3)])])
        #expect(YAMLText.document(.map(map)) == """
            id: BRK-1
            answer: "no"
            ip: "10.0.0.1"
            time: "2026-01-01T00:00:00Z"
            text: "a: b"
            empty: []
            nothing: null
            list:
            - a: 1
              b:
              - 2
            - - 3

            """)
    }
}
