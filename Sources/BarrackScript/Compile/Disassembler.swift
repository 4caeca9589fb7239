/// The bytecode listing `barrack disassemble` prints, as `luac -l` and Python's `dis` do: each
/// function with its registers and instructions, and the source line above the instructions
/// it became.
public enum Disassembler {
    /// The listing of `program` and of every function it reaches, or nil when the program was
    /// compiled for the tree (an interpreter whose `engine` is not `.vm`).
    public static func listing(_ program: Program) -> String? {
        guard program.prototype.bytecode != nil else { return nil }
        var text = ""
        var queue = [program.prototype]
        var seen: Set<ObjectIdentifier> = []
        while !queue.isEmpty {
            let prototype = queue.removeFirst()
            guard seen.insert(ObjectIdentifier(prototype)).inserted, let code = prototype.bytecode else { continue }
            if !text.isEmpty { text += "\n" }
            text += listing(of: prototype, code)
            queue += code.prototypes + code.parallels.map(\.body) + code.modules.map(\.prototype)
        }
        return text
    }

    private static func listing(of prototype: FunctionPrototype, _ code: Bytecode) -> String {
        let start = code.source.location(of: prototype.range.start)
        let parameters = prototype.parameterNames.isEmpty ? "" : " (" + prototype.parameterNames.joined(separator: ", ") + ")"
        var text = "function \(prototype.name)\(parameters) at \(code.source.name):\(start.line): "
            + "\(code.registerCount) registers, \(prototype.cellCount) cells, \(prototype.captureSources.count) captures, "
            + "\(code.code.count) instructions\n"
        let lines = String(decoding: code.source.bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        var lastLine = -1
        for pc in 0..<code.code.count {
            let line = code.source.location(of: min(code.ranges[pc].start, max(0, code.source.bytes.count - 1))).line
            if line != lastLine, line >= 1, line <= lines.count {
                text += "      ; \(line) | \(lines[line - 1].trimmingCharacters(in: " \t"))\n"
                lastLine = line
            }
            let instruction = code.code[pc]
            let name = "\(instruction.op)".padding(to: 16)
            text += String(pc).leftPadded(to: 5) + "  " + name + operands(instruction, code) + "\n"
        }
        return text
    }

    /// The operands in the notation of `Opcode`'s documentation.
    static func operands(_ instruction: Instruction, _ code: Bytecode) -> String {
        let a = Int(instruction.a), b = Int(instruction.b), c = Int(instruction.c)
        func constant(_ index: Int) -> String {
            code.constants.indices.contains(index) ? code.constants[index].literal : "K\(index)"
        }
        switch instruction.op {
        case .loadNull: return "r\(a) = nil"
        case .loadConstant: return "r\(a) = \(constant(b))"
        case .loadInt: return "r\(a) = \(b)"
        case .move: return "r\(a) = r\(b)"
        case .loadCell: return "r\(a) = cell \(b)"
        case .storeCell: return "cell \(a) = r\(b)"
        case .loadCapture: return "r\(a) = capture \(b)"
        case .storeCapture: return "capture \(a) = r\(b)"
        case .loadGlobal: return "r\(a) = global \(b)"
        case .storeGlobal: return "global \(a) = r\(b)"
        case .freshCell: return "cell \(a) = new"
        case .add, .subtract, .multiply, .divide, .floorDivide, .remainder, .equal, .notEqual, .less, .lessEqual,
             .greater, .greaterEqual, .makeRange:
            let flag = instruction.flag
            let left = flag & OperandFlag.leftConstant != 0 ? constant(b) : "r\(b)"
            let right = flag & OperandFlag.rightInt != 0 ? "\(c)" : flag & OperandFlag.rightConstant != 0 ? constant(c) : "r\(c)"
            return "r\(a) = \(left) \(VM.binaryOperator(instruction.op).rawValue) \(right)"
        case .addInt: return "r\(a) = r\(b) + \(c)"
        case .subtractInt: return "r\(a) = r\(b) - \(c)"
        case .negate: return "r\(a) = -r\(b)"
        case .not: return "r\(a) = not r\(b)"
        case .gpuRequest: return "r\(a) = r\(b) x r\(c)"
        case .compound: return "r\(a) = r\(b) \(AssignmentOperator(code: instruction.flag).rawValue) r\(c)"
        case .jump: return "→ \(a)"
        case .jumpIfFalse: return "if not r\(a) → \(b)"
        case .jumpIfTrue: return "if r\(a) → \(b)"
        case .jumpIfNotNull: return "if r\(a) != nil → \(b)"
        case .compareJump, .compareIntJump:
            let right = instruction.op == .compareIntJump ? "\(b)"
                : instruction.flag & Comparison.rightConstant != 0 ? constant(b) : "r\(b)"
            let condition = "r\(a) \(Comparison.op(instruction.flag).rawValue) \(right)"
            return instruction.flag & Comparison.jumpWhenTrue != 0 ? "if \(condition) → \(c)" : "if not (\(condition)) → \(c)"
        case .newList: return "r\(a) = [r\(b) ..< r\(b + c)]"
        case .newMap: return "r\(a) = {\(c) pairs from r\(b)}"
        case .interpolate: return "r\(a) = \"r\(b) ..< r\(b + c)\""
        case .closure:
            let name = code.prototypes.indices.contains(b) ? code.prototypes[b].name : "?"
            return "r\(a) = fn \(name)"
        case .member: return "r\(a) = r\(b)\(instruction.flag == 1 ? "?." : ".")\(code.name(c))"
        case .memberForUpdate: return "r\(a) = r\(b).\(code.name(c))"
        case .index: return instruction.flag == 1 ? "r\(a) = global \(b)[r\(c)]" : "r\(a) = r\(b)[r\(c)]"
        case .setMember: return "r\(a).\(code.name(b)) = r\(c)"
        case .setIndex: return "r\(a)[r\(b)] = r\(c)"
        case .findMethod:
            let name = code.methods.indices.contains(b) ? code.methods[b].name : "?"
            let global = code.methods.indices.contains(b) ? code.methods[b].globalReceiver : -1
            let receiver = global < 0 ? "r\(a + 1)" : "global \(global)"
            return "r\(a) = method .\(name) of \(receiver)" + (c >= 0 ? ", nil → \(c)" : "")
        case .checkCallable: return "r\(a) must be a function"
        case .call:
            let count = code.calls.indices.contains(c) ? code.calls[c].count : 0
            return "r\(a) = r\(b)(\(count) argument\(count == 1 ? "" : "s"))"
        case .callMethod:
            let count = code.methods.indices.contains(c) ? code.calls[code.methods[c].call].count : 0
            let global = code.methods.indices.contains(c) ? code.methods[c].globalReceiver : -1
            let receiver = global < 0 ? "r\(b + 1)" : "global \(global)"
            return "r\(a) = r\(b) on \(receiver)(\(count) argument\(count == 1 ? "" : "s"))"
        case .callBare: return "r\(a) = r\(b)() if a function"
        case .returnValue: return "return r\(a)"
        case .keepResult: return "result = r\(a)"
        case .raise: return "raise r\(a)"
        case .rethrow: return "raise r\(a) again"
        case .runCleanup: return "finally \(a)"
        case .unwindCleanup: return "finally \(a), then go on unwinding"
        case .runDefers: return "defers \(a) (r\(b) registered)"
        case .unwindDefers: return "defers \(a) (r\(b) registered), then go on unwinding"
        case .endSub: return "end of piece: r\(a)"
        case .forPrepare: return "iterate r\(b) in r\(a)…r\(a + 4)"
        case .forNext: return "r\(c >= 0 ? c : a + 3) = next of r\(a) or → \(b)"
        case .tick: return "count a step"
        case .wait: return "wait until, site \(a)"
        case .parallelFor:
            return instruction.flag == 0 ? "r\(a) = iterations of r\(a)" : "parallel for r\(a) limit \(b < 0 ? "default" : "r\(b)")"
        case .importModule: return "import module \(a)"
        }
    }
}

private extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }

    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}

private extension Substring {
    func trimmingCharacters(in set: String) -> Substring {
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return text
    }
}
