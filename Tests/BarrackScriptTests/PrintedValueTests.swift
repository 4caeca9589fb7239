import BarrackScript
import PropertyBased
import Testing

/// Properties of values over random values (issue 12): the literal form a value prints as reads
/// back as an equal value of the same type, and `parse_json(json(v)) == v` for every value JSON
/// can hold.
///
/// A value is decoded from a list of small numbers (`RandomValue`), so when a property fails the
/// library shrinks the list, and with it the value, to a small failing case.
@Suite struct PrintedValueTests {
    /// Lists of up to 40 numbers: values up to four levels deep.
    static let recipes = Gen.int(in: 0...9_999).array(of: 0...40)

    @Test func printedValuesReadBackAsEqualValues() async {
        await propertyCheck(count: 300, input: Self.recipes) { recipe in
            let value = RandomValue.decode(recipe)
            let text = value.literal
            let back = ScriptEvaluation.value(of: text)
            #expect(back == value, "\(text) read back as \(back?.literal ?? "an error")")
            #expect(back?.literal == text, "printing what \(text) reads back as")
        }
    }

    @Test func jsonRoundTripsEveryValueJSONCanHold() async {
        await propertyCheck(count: 300, input: Self.recipes) { recipe in
            let value = RandomValue.decode(recipe, jsonOnly: true)
            let back = ScriptEvaluation.value(of: "parse_json(json(original))", defining: ["original": value])
            #expect(back == value, "\(value.literal) came back as \(back?.literal ?? "an error")")
            let pretty = ScriptEvaluation.value(of: "parse_json(json(original, pretty: true))", defining: ["original": value])
            #expect(pretty == value, "pretty: \(value.literal) came back as \(pretty?.literal ?? "an error")")
        }
    }

    @Test func theDecoderReachesEveryKindOfValue() {
        // The generator is only as good as what it can make: a fixed recipe per kind.
        let kinds = (0..<RandomValue.kindCount).map { RandomValue.decode([$0, 3, 5, 7, 1, 2]).typeName }
        #expect(Set(kinds) == ["nil", "bool", "int", "float", "string", "duration", "list", "map", "range"])
    }
}

/// Runs one expression in a fresh interpreter and returns its value, or nil when it failed.
enum ScriptEvaluation {
    static func value(of expression: String, defining globals: [String: Value] = [:]) -> Value? {
        let interpreter = Interpreter()
        interpreter.output = { _ in }
        for (name, value) in globals { interpreter.define(name, value) }
        guard let program = try? interpreter.compile(Source(name: "property", text: "let result = \(expression)\n"))
        else { return nil }
        nonisolated(unsafe) var succeeded = false
        ThreadLauncher.runAndWait {
            succeeded = (try? interpreter.run(program)) != nil
        }
        return succeeded ? interpreter.global("result") : nil
    }
}

/// Turns a list of numbers into a value, reading the numbers as choices: the first picks the
/// kind, the next ones its contents. Running out of numbers reads zeros.
struct RandomValue {
    static let kindCount = 9
    private var numbers: [Int]
    private var position = 0
    private let jsonOnly: Bool

    static func decode(_ numbers: [Int], jsonOnly: Bool = false) -> Value {
        var decoder = RandomValue(numbers: numbers, jsonOnly: jsonOnly)
        return decoder.value(depth: 0)
    }

    private init(numbers: [Int], jsonOnly: Bool) {
        self.numbers = numbers
        self.jsonOnly = jsonOnly
    }

    private mutating func next() -> Int {
        defer { position += 1 }
        return position < numbers.count ? numbers[position] : 0
    }

    private mutating func pick<T>(_ choices: [T]) -> T {
        choices[next() % choices.count]
    }

    private static let ints = [0, 1, -1, 42, -7, 1_000_000, Int.max, Int.min, Int.max - 1, Int.min + 1]
    private static let floats = [0.0, -0.0, 0.5, -2.25, 1e-05, 1e21, Double.leastNonzeroMagnitude, 1.7976931348623157e308, 123.456, -1e-300, 0.1 + 0.2]
    private static let durations = [0, 1, 500, 1_000, 90_000, 5_400_000, 86_400_001, -1_500, Int.max, Int.min + 1]
    private static let pieces = ["a", "Z", " ", "\"", "\\", "{", "}", "\n", "\t", "\r", "\u{1}", "\u{7f}", "é", "🚀", "x{y}", "\\n", "$", "#"]
    private static let keys = ["a", "name", "odd key", "in", "nil", "FINLAND-1", "x1", "1x", "", "{", "é", "_"]

    private mutating func value(depth: Int) -> Value {
        let kinds = jsonOnly ? [0, 1, 2, 3, 4, 6, 7] : Array(0..<Self.kindCount)
        let kind = depth >= 4 ? pick(kinds.filter { $0 < 6 && $0 != 5 }) : pick(kinds)
        switch kind {
        case 0: return .null
        case 1: return .bool(next() % 2 == 1)
        case 2:
            let choice = next()
            return .int(choice % 2 == 0 ? pick(Self.ints) : choice * 7919 - 40_000_000)
        case 3:
            let choice = next()
            return .float(choice % 2 == 0 ? pick(Self.floats) : Double(choice) / 7 - 700)
        case 4:
            var text = ""
            for _ in 0..<(next() % 6) { text += pick(Self.pieces) }
            return .string(text)
        case 5:
            let choice = next()
            return .duration(choice % 2 == 0 ? pick(Self.durations) : choice * 61_001)
        case 6:
            return .list((0..<(next() % 4)).map { _ in value(depth: depth + 1) })
        case 7:
            let map = MapObject()
            for _ in 0..<(next() % 4) {
                let key = pick(Self.keys)
                map[key] = value(depth: depth + 1)
            }
            return .map(map)
        default:
            let low = next() % 50 - 25
            return .range(low, low + next() % 30)
        }
    }
}
