import Glibc
// A measurement, not part of Barrack Script: how fast a register bytecode runs on this machine
// in Swift, to choose the evaluator's next design by measurement (issue 11, docs/PERFORMANCE.md,
// "Choosing the next core"). Run it with bench/experiments/run.
//
// It runs two of bench/programs by hand-compiled bytecode: fib(27) and the 10M-iteration integer
// loop, with what the language requires kept: overflow-checked int arithmetic, a type check on
// every operand, a step budget decremented on every call and back-edge, and a call-depth limit.
// The dispatch loop is generic over the value representation, so the same bytecode runs twice:
// over a 16-byte POD value (a tag and 8 bytes: nothing to retain) and over an enum shaped like
// today's `Value` (scalars inline, strings and objects as references), whose copies switch on the
// case to retain.

/// What a value representation must offer the loop.
protocol Slot {
    static var null: Self { get }
    static func int(_ value: Int) -> Self
    var intValue: Int? { get }
}

/// A tag and eight bytes: ints and floats inline, objects by index into a side table.
struct PODValue: Slot {
    enum Tag: UInt8 { case null, bool, int, float, object }
    var tag: Tag
    var bits: UInt64

    static var null: PODValue { PODValue(tag: .null, bits: 0) }
    @inline(__always) static func int(_ value: Int) -> PODValue { PODValue(tag: .int, bits: UInt64(bitPattern: Int64(value))) }
    @inline(__always) var intValue: Int? { tag == .int ? Int(Int64(bitPattern: bits)) : nil }
}

final class Box {}

/// The shape of today's `Value`: an enum with a string and reference payloads.
enum EnumValue: Slot {
    case null, bool(Bool), int(Int), float(Double), string(String), range(Int, Int), object(Box)

    @inline(__always) var intValue: Int? { if case .int(let value) = self { return value } else { return nil } }
}

/// Register instructions: `a`, `b`, `c` are frame slots, constants or jump offsets.
struct Instruction {
    enum Op: UInt8 {
        case loadInt, add, addConst, subConst, mulConst, modConst
        case jumpUnlessLessConst, jumpUnlessLess, jump, call, ret
    }
    var op: Op
    var a: Int32
    var b: Int32
    var c: Int32
}

struct Function {
    var code: [Instruction]
    var slotCount: Int
}

enum Failure: Error { case type, overflow, steps, depth }

/// Where a call returns to.
struct CallFrame {
    var code: UnsafeMutablePointer<Instruction>
    var pc: Int
    var base: Int
    var result: Int
}

struct Machine<V: Slot> {
    var functions: [Function]
    var stepBudget = Int.max
    var maxDepth = 200

    /// Runs function 0 with `argument` in slot 0; one loop for every call, frames on one stack.
    func run(_ argument: Int) throws(Failure) -> Int {
        let stack = UnsafeMutablePointer<V>.allocate(capacity: 1 << 16)
        stack.initialize(repeating: .null, count: 1 << 16)
        defer { stack.deallocate() }
        let codes = functions.map { function in
            let pointer = UnsafeMutablePointer<Instruction>.allocate(capacity: function.code.count)
            pointer.initialize(from: function.code, count: function.code.count)
            return pointer
        }
        defer { for code in codes { code.deallocate() } }
        var frames: [CallFrame] = []
        frames.reserveCapacity(maxDepth + 1)
        var code = codes[0]
        var pc = 0
        var base = 0
        var steps = stepBudget
        stack[0] = .int(argument)

        @inline(__always) func int(_ slot: Int32) throws(Failure) -> Int {
            guard let value = stack[base + Int(slot)].intValue else { throw .type }
            return value
        }
        while true {
            let instruction = code[pc]
            pc += 1
            switch instruction.op {
            case .loadInt:
                stack[base + Int(instruction.a)] = .int(Int(instruction.b))
            case .add:
                let (sum, overflow) = try int(instruction.b).addingReportingOverflow(try int(instruction.c))
                if overflow { throw .overflow }
                stack[base + Int(instruction.a)] = .int(sum)
            case .addConst:
                let (sum, overflow) = try int(instruction.b).addingReportingOverflow(Int(instruction.c))
                if overflow { throw .overflow }
                stack[base + Int(instruction.a)] = .int(sum)
            case .subConst:
                let (difference, overflow) = try int(instruction.b).subtractingReportingOverflow(Int(instruction.c))
                if overflow { throw .overflow }
                stack[base + Int(instruction.a)] = .int(difference)
            case .mulConst:
                let (product, overflow) = try int(instruction.b).multipliedReportingOverflow(by: Int(instruction.c))
                if overflow { throw .overflow }
                stack[base + Int(instruction.a)] = .int(product)
            case .modConst:
                let value = try int(instruction.b)
                let divisor = Int(instruction.c)
                stack[base + Int(instruction.a)] = .int(((value % divisor) + divisor) % divisor)
            case .jumpUnlessLessConst:
                if !(try int(instruction.a) < Int(instruction.b)) { pc += Int(instruction.c) }
            case .jumpUnlessLess:
                if !(try int(instruction.a) < (try int(instruction.b))) { pc += Int(instruction.c) }
            case .jump:
                pc += Int(instruction.c)
                steps -= 1
                if steps < 0 { throw .steps }
            case .call:
                // a: first argument slot (also where the result goes), b: function index.
                steps -= 1
                if steps < 0 { throw .steps }
                if frames.count >= maxDepth { throw .depth }
                frames.append(CallFrame(code: code, pc: pc, base: base, result: base + Int(instruction.a)))
                base += Int(instruction.a)
                code = codes[Int(instruction.b)]
                pc = 0
            case .ret:
                let value = stack[base + Int(instruction.a)]
                guard let caller = frames.popLast() else { return value.intValue ?? 0 }
                stack[caller.result] = value
                code = caller.code
                pc = caller.pc
                base = caller.base
            }
        }
    }
}

/// fib(n): `if n < 2 { return n }; return fib(n - 1) + fib(n - 2)`, slots n, t1, t2.
let fib = Function(code: [
    Instruction(op: .jumpUnlessLessConst, a: 0, b: 2, c: 1),
    Instruction(op: .ret, a: 0, b: 0, c: 0),
    Instruction(op: .subConst, a: 1, b: 0, c: 1),
    Instruction(op: .call, a: 1, b: 0, c: 0),
    Instruction(op: .subConst, a: 2, b: 0, c: 2),
    Instruction(op: .call, a: 2, b: 0, c: 0),
    Instruction(op: .add, a: 1, b: 1, c: 2),
    Instruction(op: .ret, a: 1, b: 0, c: 0),
], slotCount: 3)

/// `for i in range(n) { acc = (acc + i * 7 + 3) % 1_000_007 }`, slots n, acc, i, t.
let loop = Function(code: [
    Instruction(op: .loadInt, a: 1, b: 0, c: 0),
    Instruction(op: .loadInt, a: 2, b: 0, c: 0),
    Instruction(op: .jumpUnlessLess, a: 2, b: 0, c: 6),
    Instruction(op: .mulConst, a: 3, b: 2, c: 7),
    Instruction(op: .add, a: 3, b: 1, c: 3),
    Instruction(op: .addConst, a: 3, b: 3, c: 3),
    Instruction(op: .modConst, a: 1, b: 3, c: 1_000_007),
    Instruction(op: .addConst, a: 2, b: 2, c: 1),
    Instruction(op: .jump, a: 0, b: 0, c: -7),
    Instruction(op: .ret, a: 1, b: 0, c: 0),
], slotCount: 4)

let arguments = CommandLine.arguments.dropFirst()
guard arguments.count == 2, let program = arguments.first, let representation = arguments.last else {
    print("usage: register-vm fib|loop pod|enum")
    exit(2)
}
let function = program == "fib" ? fib : loop
let input = program == "fib" ? 27 : 10_000_000
do {
    let result = representation == "pod"
        ? try Machine<PODValue>(functions: [function]).run(input)
        : try Machine<EnumValue>(functions: [function]).run(input)
    print(result)
} catch {
    print("error: \(error)")
    exit(1)
}
