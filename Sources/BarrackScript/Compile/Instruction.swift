/// One instruction of the register bytecode: an operation and three operands.
///
/// Operands are frame registers (the resolver's slots, then the compiler's temporaries), indexes
/// into the function's tables (constants, call sites, prototypes…), immediate ints or absolute
/// jump targets; `flag` carries a small extra operand (an operator, an option). Sixteen bytes,
/// so that a function's code is one flat array the dispatch loop walks with a pointer.
struct Instruction {
    var op: Opcode
    var flag: UInt8
    var a: Int32
    var b: Int32
    var c: Int32

    init(_ op: Opcode, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Int32 = 0, flag: UInt8 = 0) {
        self.op = op
        self.flag = flag
        self.a = a
        self.b = b
        self.c = c
    }
}

/// The operations of the VM. `rA` is register `a`; `K[b]` is constant `b`; `→ c` jumps to
/// instruction `c`. The listing (`barrack disassemble`) prints them in this notation.
enum Opcode: UInt8, CaseIterable {
    // Loads and stores.
    /// rA = nil
    case loadNull
    /// rA = K[b]
    case loadConstant
    /// rA = b (an int that fits 32 bits)
    case loadInt
    /// rA = rB
    case move
    /// rA = cell[b]
    case loadCell
    /// cell[a] = rB (making the cell if the frame has none yet)
    case storeCell
    /// rA = capture[b]
    case loadCapture
    /// capture[a] = rB
    case storeCapture
    /// rA = global[b]
    case loadGlobal
    /// global[a] = rB
    case storeGlobal
    /// cell[a] = a new cell holding nil (a block's captured variable, a loop variable's per iteration)
    case freshCell

    // Arithmetic and comparison: rA = rB op rC.
    case add, subtract, multiply, divide, floorDivide, remainder
    case equal, notEqual, less, lessEqual, greater, greaterEqual
    /// rA = rB..rC (inclusive)
    case makeRange
    /// rA = rB + c, c an immediate int
    case addInt
    /// rA = rB - c
    case subtractInt
    /// rA = -rB
    case negate
    /// rA = not rB
    case not
    /// rA = rB x rC (a GPU request)
    case gpuRequest
    /// rA = rB op= rC for compound assignment (`flag`: the assignment operator)
    case compound

    // Jumps. Conditional jumps are taken when the condition is false unless named otherwise.
    /// → a
    case jump
    /// if not rA → b
    case jumpIfFalse
    /// if rA → b
    case jumpIfTrue
    /// if rA is not nil → b
    case jumpIfNotNull
    /// if not (rA op rB) → c, `flag` the comparison (a `BinaryOperator` raw value)
    case compareJump
    /// if not (rA op b) → c with b an immediate int
    case compareIntJump

    // Values.
    /// rA = a list of rB ..< rB+c
    case newList
    /// rA = a map of c (key, value) register pairs from rB
    case newMap
    /// rA = the text of rB ..< rB+c joined
    case interpolate
    /// rA = a closure of prototype b over this frame
    case closure
    /// rA = rB.K[c] (`flag` 1: `?.`)
    case member
    /// rA = rB[rC] (`flag` 1: rA = global b [rC])
    case index
    /// rA.K[b] = rC
    case setMember
    /// rA[rB] = rC
    case setIndex
    /// rA = rB.K[c] without the optional rules (the current value of a compound member store)
    case memberForUpdate

    // Calls.
    /// find method site b of the receiver in rA+1 (or the site's global) into rA; `?.` on nil → c (the arguments are skipped)
    case findMethod
    /// raise TYPE_ERROR unless rA is a function (call site b): before arguments that could act
    case checkCallable
    /// rA = rB(rB+1 …), call site c
    case call
    /// rA = the method found in rB called on rB+1 with rB+2 …, method site c
    case callMethod
    /// rA = rB() when rB is a function, else rB (a statement that is only a name), call site c
    case callBare
    /// return rA
    case returnValue
    /// the REPL's result = rA
    case keepResult

    // Errors and cleanup.
    /// raise rA
    case raise
    /// raise the error in rA again (no handler of this `try` took it)
    case rethrow
    /// run cleanup site a (a `finally` body) with no error pending
    case runCleanup
    /// run cleanup site a with the error being unwound, then go on unwinding it
    case unwindCleanup
    /// run the `defer` bodies of site a registered so far (rB counts them), no error pending
    case runDefers
    /// run them with the error being unwound, then go on unwinding it
    case unwindDefers
    /// the end of a piece of code run on its own (a cleanup body, a default, a wait's parts): gives rA
    case endSub

    // Loops and statements with their own runtime.
    /// prepare iteration over rB into registers rA … rA+2; on a bad iterable raise at this instruction
    case forPrepare
    /// next element into rA+3 (its key or index into rA+4); when none is left → b
    case forNext
    /// count a step (a `while` iteration), raised at this instruction's range
    case tick
    /// `wait until`, site a
    case wait
    /// `parallel for` over rA with limit rB (-1: none), site c
    case parallelFor
    /// `import`, module a
    case importModule
}
