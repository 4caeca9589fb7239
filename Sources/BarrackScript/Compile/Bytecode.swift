/// A function compiled to register bytecode, with the tables its instructions index.
///
/// Every instruction keeps the source range that the tree evaluator's node for it had, so that
/// errors, carets and call stacks read exactly as they do on the tree.
final class Bytecode {
    /// The instructions, in one buffer the dispatch loop walks with a pointer.
    let code: UnsafeMutableBufferPointer<Instruction>
    /// For each instruction, where an error it raises is reported.
    let ranges: [SourceRange]
    let source: Source
    let constants: [Value]
    /// `constants` again, as operands the dispatch loop reads in place.
    let constantValues: UnsafeMutablePointer<Value>
    let calls: [CallSite]
    let methods: [MethodSite]
    /// `methods` again, read by an instruction without retaining a site.
    let methodSites: [Unmanaged<MethodSite>]
    let prototypes: [FunctionPrototype]
    let handlers: [Handler]
    let cleanups: [CleanupSite]
    let defers: [DeferSite]
    let waits: [WaitSite]
    let parallels: [ParallelSite]
    let modules: [Module]
    /// The entry of each parameter's default value, run on the callee's frame (nil: required).
    let defaults: [Int?]
    /// Registers a frame needs: the resolver's slots, then temporaries.
    let registerCount: Int

    init(code: [Instruction], ranges: [SourceRange], source: Source, tables: BytecodeTables, registerCount: Int) {
        self.code = .allocate(capacity: max(1, code.count))
        _ = self.code.initialize(from: code)
        self.ranges = ranges
        self.source = source
        self.constants = tables.constants
        self.constantValues = .allocate(capacity: max(1, tables.constants.count))
        _ = UnsafeMutableBufferPointer(start: constantValues, count: tables.constants.count).initialize(from: tables.constants)
        self.calls = tables.calls
        self.methods = tables.methods
        self.methodSites = tables.methods.map { Unmanaged.passUnretained($0) }
        self.prototypes = tables.prototypes
        self.handlers = tables.handlers
        self.cleanups = tables.cleanups
        self.defers = tables.defers
        self.waits = tables.waits
        self.parallels = tables.parallels
        self.modules = tables.modules
        self.defaults = tables.defaults
        self.registerCount = registerCount
    }

    deinit {
        code.deallocate()
        constantValues.deinitialize(count: constants.count)
        constantValues.deallocate()
    }

    /// The handlers of piece `owner` that cover instruction `pc`, innermost first.
    func handlers(at pc: Int, owner: Int) -> [Handler] {
        handlers.filter { $0.owner == owner && $0.start <= pc && pc < $0.end }.sorted { $0.level > $1.level }
    }
}

/// The tables a function's code indexes, gathered while it is compiled.
struct BytecodeTables {
    var constants: [Value] = []
    var calls: [CallSite] = []
    var methods: [MethodSite] = []
    var prototypes: [FunctionPrototype] = []
    var handlers: [Handler] = []
    var cleanups: [CleanupSite] = []
    var defers: [DeferSite] = []
    var waits: [WaitSite] = []
    var parallels: [ParallelSite] = []
    var modules: [Module] = []
    var defaults: [Int?] = []
}

/// What a call instruction needs besides its registers: the names and places of its arguments.
/// A class, so that an instruction reaches it without copying its arrays.
final class CallSite {
    let count: Int
    let labels: [String?]
    let hasLabels: Bool
    let argumentRanges: [SourceRange]
    let keywordRanges: [SourceRange?]
    let calleeName: String
    let range: SourceRange

    init(count: Int, labels: [String?], hasLabels: Bool, argumentRanges: [SourceRange], keywordRanges: [SourceRange?],
         calleeName: String, range: SourceRange) {
        self.count = count
        self.labels = labels
        self.hasLabels = hasLabels
        self.argumentRanges = argumentRanges
        self.keywordRanges = keywordRanges
        self.calleeName = calleeName
        self.range = range
    }
}

/// A method call: the call, and the built-in methods of its name looked up once.
final class MethodSite {
    let name: String
    let optional: Bool
    /// The call's site in `Bytecode.calls`.
    let call: Int
    let listMethod: BuiltinFunction?
    let mapMethod: BuiltinFunction?
    let stringMethod: BuiltinFunction?
    /// The receiver's slot (nil) before the call's own labels.
    let labels: [String?]
    let fastMethod: MethodCallNode.FastMethod?
    let receiverRange: SourceRange
    /// The global slot of a receiver read where it is (the compiler did not load it into the
    /// register after the method's), or -1.
    let globalReceiver: Int

    init(name: String, optional: Bool, call: Int, listMethod: BuiltinFunction?, mapMethod: BuiltinFunction?,
         stringMethod: BuiltinFunction?, labels: [String?], fastMethod: MethodCallNode.FastMethod?, receiverRange: SourceRange,
         globalReceiver: Int? = nil) {
        self.globalReceiver = globalReceiver ?? -1
        self.name = name
        self.optional = optional
        self.call = call
        self.listMethod = listMethod
        self.mapMethod = mapMethod
        self.stringMethod = stringMethod
        self.labels = labels
        self.fastMethod = fastMethod
        self.receiverRange = receiverRange
    }
}

/// A range of instructions whose errors go to `target`: a `catch` (which takes only errors a
/// script may catch) or a cleanup (which takes every error, and `exit`, to run a `finally` or
/// `defer` body on the way out). `owner` is the piece of code it belongs to: 0 for the function's
/// body, else the entry of a piece run on its own, so that a handler outside such a piece never
/// takes an error raised inside it.
struct Handler {
    enum Kind {
        /// The error goes into `register`.
        case `catch`(register: Int)
        case cleanup
    }

    let start: Int
    let end: Int
    let target: Int
    let kind: Kind
    let owner: Int
    /// How deeply the region nests: the deepest covering handler takes an error.
    let level: Int
}

/// A `finally` body: the entry of its code.
struct CleanupSite {
    var entry: Int
}

/// The `defer` bodies of one block, in the order they stand.
struct DeferSite {
    var entries: [Int]
}

/// `wait until`: the entries of the pieces run on their own each time the condition is checked.
struct WaitSite {
    /// Gives the condition's value; for a comparison, gives the comparison and leaves its left
    /// side in `observedRegister`.
    var condition: Int
    var observedRegister: Int?
    var timeout: Int?
    var interval: Int?
    var timeoutRange: SourceRange?
    var intervalRange: SourceRange?
    let callsNothing: Bool
    let range: SourceRange
}

/// `parallel for`: the body's prototype and where errors about the loop are reported.
struct ParallelSite {
    let body: FunctionPrototype
    let twoNames: Bool
    let iterableRange: SourceRange
    let limitRange: SourceRange?
}
