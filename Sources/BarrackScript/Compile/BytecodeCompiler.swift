/// The compiler from the resolved program to register bytecode.
///
/// It reads the executable tree the resolver made (`Resolve/`), in which every variable is
/// already a frame slot, a cell, a capture or a global, so it decides nothing about names: the
/// resolver's slots become the first registers of a frame and the compiler adds temporaries
/// above them, handed out and given back like a stack as expressions nest. Each instruction
/// takes the source range of the node it comes from.
struct BytecodeCompiler {
    /// A protected range being emitted: a `try`'s body (errors go to its `catch` code) or a
    /// block with a `finally` or `defer` (every way out runs the cleanup).
    struct Region {
        enum Exit {
            case none
            case cleanup(site: Int)
            case defers(site: Int, counter: Int)
        }

        let kind: Handler.Kind
        let level: Int
        var start: Int
        var target: Int = -1
        let exit: Exit
        /// Where a `return` that crosses this region keeps its value while cleanup runs.
        let returnRegister: Int?
        var pieces: [(start: Int, end: Int)] = []
    }

    /// A loop being emitted: where `continue` goes and the jumps `break` leaves to patch.
    struct Loop {
        let continueTarget: Int?
        var continueJumps: [Int] = []
        var breakJumps: [Int] = []
        /// How many regions were open when the loop began.
        let regionDepth: Int
    }

    let prototype: FunctionPrototype
    let source: Source
    private(set) var code: [Instruction] = []
    private(set) var ranges: [SourceRange] = []
    var tables = BytecodeTables()
    /// The first free temporary register, and the most used at once.
    var top: Int
    var maxTop: Int
    /// The piece of code being emitted (0: the body; else the entry of a piece run on its own).
    var owner = 0
    var regions: [Region] = []
    var handlers: [Handler] = []
    var loops: [Loop] = []

    /// Compiles `prototype` and every function, `parallel for` body and module it reaches that is
    /// not compiled yet; throws a diagnostic for a part the VM cannot run.
    static func compile(_ prototype: FunctionPrototype) throws(CompileFailure) {
        guard prototype.bytecode == nil else { return }
        var compiler = BytecodeCompiler(prototype: prototype)
        do {
            try compiler.compileFunction()
        } catch let failure as NotOnVM {
            throw CompileFailure(diagnostics: [Diagnostic(code: ErrorCode.notOnVM, message: failure.message,
                                                          range: failure.range, source: failure.source)])
        } catch let failure as CompileFailure {
            throw failure
        } catch {
            throw CompileFailure(diagnostics: [])
        }
    }

    private init(prototype: FunctionPrototype) {
        self.prototype = prototype
        self.source = prototype.source
        self.top = prototype.slotCount
        self.maxTop = prototype.slotCount
    }

    private mutating func compileFunction() throws {
        // Defaults first, each a piece of its own, run on the callee's frame by the binding.
        if prototype.defaults.contains(where: { $0 != nil }) {
            let over = emitJump(.jump, prototype.range)
            for defaultValue in prototype.defaults {
                guard let defaultValue else {
                    tables.defaults.append(nil)
                    continue
                }
                tables.defaults.append(try piece { compiler in try compiler.value(defaultValue) })
            }
            patch(over)
        }
        try statement(prototype.body)
        let result = temporary()
        // Falling off the end returns nil: listed under the function's last line (the script's,
        // or a `fn`'s closing brace), not its first. Neither instruction can raise.
        let end = SourceRange(start: max(prototype.range.start, prototype.range.end - 1), end: prototype.range.end)
        emit(Instruction(.loadNull, Int32(result)), end)
        emit(Instruction(.returnValue, Int32(result)), end)
        tables.handlers = handlers
        let bytecode = Bytecode(code: code, ranges: ranges, source: source, tables: tables, registerCount: maxTop)
        prototype.bytecode = bytecode
        // The frame a call reserves must hold the temporaries too.
        prototype.slotCount = maxTop
        for nested in tables.prototypes { try BytecodeCompiler.compileNested(nested) }
        for site in tables.parallels { try BytecodeCompiler.compileNested(site.body) }
        for module in tables.modules { try BytecodeCompiler.compileNested(module.prototype) }
    }

    private static func compileNested(_ prototype: FunctionPrototype) throws {
        guard prototype.bytecode == nil else { return }
        var compiler = BytecodeCompiler(prototype: prototype)
        try compiler.compileFunction()
    }

    // MARK: - Emitting

    var pc: Int { code.count }

    @discardableResult
    mutating func emit(_ instruction: Instruction, _ range: SourceRange) -> Int {
        code.append(instruction)
        ranges.append(range)
        return code.count - 1
    }

    /// Marks the method call just emitted into `register`, if the last instruction is one, as a
    /// statement's whose result nothing reads (`MethodFlag.resultUnused`).
    mutating func markResultUnused(of register: Int) {
        guard let last = code.indices.last, code[last].op == .callMethod, code[last].a == Int32(register) else { return }
        code[last].flag |= MethodFlag.resultUnused
    }

    /// A jump whose target is patched later; returns its position.
    mutating func emitJump(_ op: Opcode, _ range: SourceRange, condition: Int = 0) -> Int {
        switch op {
        case .jump: return emit(Instruction(.jump, -1), range)
        default: return emit(Instruction(op, Int32(condition), -1), range)
        }
    }

    /// Points the jump at `position` to `target` (the next instruction by default).
    mutating func patch(_ position: Int, to target: Int? = nil) {
        let destination = Int32(target ?? pc)
        switch code[position].op {
        case .jump: code[position].a = destination
        case .jumpIfFalse, .jumpIfTrue, .jumpIfNotNull, .forNext: code[position].b = destination
        default: code[position].c = destination
        }
    }

    mutating func temporary() -> Int {
        let register = top
        top += 1
        maxTop = max(maxTop, top)
        return register
    }

    /// `count` consecutive temporaries; returns the first.
    mutating func temporaries(_ count: Int) -> Int {
        let first = top
        top += count
        maxTop = max(maxTop, top)
        return first
    }

    mutating func constant(_ value: Value) -> Int32 {
        tables.constants.append(value)
        return Int32(tables.constants.count - 1)
    }

    /// Emits `body` as a piece run on its own (jumped over where it stands), ending with
    /// `endSub` of the register `body` gives; returns the piece's entry.
    mutating func piece(_ body: (inout BytecodeCompiler) throws -> Int) throws -> Int {
        let over = emitJump(.jump, prototype.range)
        let entry = pc
        let savedOwner = owner
        let savedRegions = regions
        let savedLoops = loops
        let savedTop = top
        owner = entry
        regions = []
        loops = []
        let result = try body(&self)
        emit(Instruction(.endSub, Int32(result)), prototype.range)
        owner = savedOwner
        regions = savedRegions
        loops = savedLoops
        top = savedTop
        patch(over)
        return entry
    }

    // MARK: - Regions

    /// Opens a protected region; its handler's target is set by `closeRegion`.
    mutating func openRegion(_ kind: Handler.Kind, exit: Region.Exit, returnRegister: Int? = nil) {
        regions.append(Region(kind: kind, level: regions.count, start: pc, exit: exit, returnRegister: returnRegister))
    }

    /// Closes the innermost region; its handler goes to `target`.
    mutating func closeRegion(target: Int) {
        guard var region = regions.popLast() else { return }
        if region.start < pc { region.pieces.append((region.start, pc)) }
        for piece in region.pieces {
            // Nested regions win by level: a handler's `end` is exclusive and pieces never overlap.
            handlers.append(Handler(start: piece.start, end: piece.end, target: target, kind: region.kind,
                                    owner: owner, level: region.level))
        }
    }

    /// Leaves the regions above `depth` for a jump: each one's cleanup runs, from the innermost
    /// out, with it and every region inside it no longer protecting the code that runs it.
    mutating func leaveRegions(above depth: Int, _ range: SourceRange) {
        guard regions.count > depth else { return }
        for index in stride(from: regions.count - 1, through: depth, by: -1) {
            if regions[index].start < pc { regions[index].pieces.append((regions[index].start, pc)) }
            regions[index].start = Int.max
            switch regions[index].exit {
            case .none: break
            case .cleanup(let site): emit(Instruction(.runCleanup, Int32(site)), range)
            case .defers(let site, let counter): emit(Instruction(.runDefers, Int32(site), Int32(counter)), range)
            }
        }
    }

    /// Protects again, from here on, the regions `leaveRegions` left.
    mutating func resumeRegions(above depth: Int) {
        guard regions.count > depth else { return }
        for index in depth..<regions.count { regions[index].start = pc }
    }
}

/// A part of the tree the VM has no instructions for yet: the program is refused, never run wrongly.
struct NotOnVM: Error {
    let message: String
    let source: Source
    let range: SourceRange
}
