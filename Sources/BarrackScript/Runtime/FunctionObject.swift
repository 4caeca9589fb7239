/// A callable value: a script function (a closure over its captured variables) or a built-in.
///
/// One final class with optional parts rather than a class hierarchy, so that a call checks a
/// field instead of doing a dynamic cast.
public final class FunctionObject: @unchecked Sendable {
    /// The name shown in `<fn name>`, error messages and stack traces.
    public let name: String
    /// The compiled script function, when this is one.
    let prototype: FunctionPrototype?
    /// `prototype` again, read by a call without retaining it.
    let compiled: Borrowed<FunctionPrototype>?
    /// The variables the script function captured, by reference: retained when the closure is
    /// made and released with it, so that a frame reads them without reference counting.
    let captures: UnsafeMutableBufferPointer<Unmanaged<Cell>>
    /// The built-in, when this is one.
    public let builtin: BuiltinFunction?

    /// A closure of `prototype` over `captures`, whose cells (each retained once) it now owns.
    init(prototype: FunctionPrototype, captures: UnsafeMutableBufferPointer<Unmanaged<Cell>>) {
        self.name = prototype.name
        self.prototype = prototype
        self.compiled = Borrowed(prototype)
        self.captures = captures
        self.builtin = nil
    }

    /// Wraps a built-in as a value.
    public init(builtin: BuiltinFunction) {
        self.name = builtin.name
        self.prototype = nil
        self.compiled = nil
        self.captures = UnsafeMutableBufferPointer(start: nil, count: 0)
        self.builtin = builtin
    }

    deinit {
        for cell in captures { cell.release() }
        captures.deallocate()
    }
}

/// A captured variable: shared by the frame that declared it and every closure that uses it.
final class Cell {
    @exclusivity(unchecked) var value: Value

    init(_ value: Value = .null) {
        self.value = value
    }
}

/// Where a closure's captured variable comes from when the closure is created.
struct CaptureSource {
    /// True: the creating frame's own cell `index`; false: the creating closure's capture `index`.
    var isLocal: Bool
    var index: Int
}

/// A compiled script function: what every closure made from one `fn` shares.
final class FunctionPrototype: @unchecked Sendable {
    let name: String
    let parameterNames: [String]
    /// Default values, evaluated in the callee's frame after the given arguments are stored.
    let defaults: [ExprNode?]
    let parameterCount: Int
    /// How many value slots and cells a call's frame needs.
    @exclusivity(unchecked) var slotCount = 0
    @exclusivity(unchecked) var cellCount = 0
    /// Parameters that closures capture: (parameter slot, cell index), moved into cells on entry.
    @exclusivity(unchecked) var capturedParameters: [(slot: Int, cell: Int)] = [] {
        didSet { capturesParameters = !capturedParameters.isEmpty }
    }
    @exclusivity(unchecked) private(set) var capturesParameters = false
    @exclusivity(unchecked) var captureSources: [CaptureSource] = []
    @exclusivity(unchecked) var body: StmtNode {
        didSet { entry = Borrowed(body) }
    }
    /// `body`, read by a call without retaining it.
    @exclusivity(unchecked) private(set) var entry: Borrowed<StmtNode>
    let source: Source
    let range: SourceRange
    /// The function compiled for the VM (`Compile/`), when the interpreter runs on it.
    @exclusivity(unchecked) var bytecode: Bytecode? {
        didSet { compiledCode = bytecode.map { Unmanaged.passUnretained($0) } }
    }
    /// `bytecode` again, read by a call without retaining it.
    @exclusivity(unchecked) private(set) var compiledCode: Unmanaged<Bytecode>?

    init(name: String, parameterNames: [String], defaults: [ExprNode?], source: Source, range: SourceRange) {
        self.name = name
        self.parameterNames = parameterNames
        self.defaults = defaults
        self.parameterCount = parameterNames.count
        self.source = source
        self.range = range
        let empty = EmptyNode()
        self.body = empty
        self.entry = Borrowed(empty)
    }
}

extension FunctionPrototype {
    /// Moves the parameters that closures capture into cells of their own, on entry to `frame`.
    @inline(never)
    func captureParameters(in frame: Frame) {
        for (slot, cell) in capturedParameters { frame.cells[cell] = Cell(frame.slots[slot]) }
    }

    /// The default value of parameter `index` computed in the callee's `frame`, on the engine the
    /// function was compiled for; nil when the parameter has none.
    func defaultValue(_ index: Int, _ frame: Frame) throws -> Value? {
        guard let node = defaults[index] else { return nil }
        if let bytecode, let entry = bytecode.defaults[index] {
            return try VM.runPiece(bytecode, entry: entry, frame: frame)
        }
        return try node.eval(frame)
    }
}
