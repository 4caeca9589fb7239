/// Calls on the VM: built-ins are called at once; a script function gets a frame with its
/// arguments bound, which the dispatch loop then enters.
extension VM {
    enum Call {
        /// What a call instruction leaves to the loop.
        enum Target {
            /// The result is in its register.
            case done
            /// Enter `prototype` on `frame` (pushed), called as `function`. Unretained: the
            /// caller's register holds the function, and the function its prototype.
            case enter(Unmanaged<FunctionObject>, Unmanaged<FunctionPrototype>, Frame)
        }

        /// `rA = rB(rB+1 …)`.
        @inline(__always)
        static func function(_ instruction: Instruction, _ code: Bytecode, _ frame: Frame) throws -> Target {
            let site = Int(instruction.c)
            guard case .function(let function) = frame.slots[Int(instruction.b)] else {
                try notCallable(frame.slots[Int(instruction.b)], code.calls[site])
                return .done
            }
            return try invoke(function, arguments: frame.slots + Int(instruction.b) + 1, site: site, code: code,
                              frame: frame, destination: Int(instruction.a))
        }

        /// Where a plain call goes on: the callee's prototype, code and pushed frame.
        struct Entry {
            let prototype: Unmanaged<FunctionPrototype>
            let code: Unmanaged<Bytecode>
            let frame: Frame
        }

        /// A plain call (`flag` = arguments + 1) of a script function compiled for the VM that
        /// takes exactly those arguments: the arguments are moved from their temporaries, which
        /// nothing reads again, into the new frame. Nil, touching nothing, for any other callee,
        /// which the general path calls.
        @inline(__always)
        static func enterPlain(_ function: Unmanaged<FunctionObject>, given: Int, arguments: UnsafeMutablePointer<Value>,
                               site: Int, code caller: Unmanaged<Bytecode>, context: ExecutionContext) throws -> Entry? {
            // Fields read through small closures the optimizer inlines, so that nothing is retained.
            let (compiled, captures) = function._withUnsafeGuaranteedRef { ($0.compiled, $0.captures.baseAddress) }
            guard let prototype = compiled?.unmanaged else { return nil }
            let (code, parameterCount, capturesParameters) = prototype._withUnsafeGuaranteedRef {
                ($0.compiledCode, $0.parameterCount, $0.capturesParameters)
            }
            guard let code, parameterCount == given else { return nil }
            let callee = try prototype._withUnsafeGuaranteedRef { try context.pushFrame($0, captures: captures) }
            // The new frame's slots hold nil, which needs no destroying.
            callee.slots.moveInitialize(from: arguments, count: given)
            arguments.initialize(repeating: .null, count: given)
            do {
                try context.tick()
            } catch {
                throw failedEntry(error, function, prototype, callee, caller, site: site)
            }
            if capturesParameters { prototype._withUnsafeGuaranteedRef { $0.captureParameters(in: callee) } }
            return Entry(prototype: prototype, code: code, frame: callee)
        }

        /// A plain entry that failed once its frame was pushed: the frame goes, and the error is
        /// traced as `invoke` traces it.
        @inline(never)
        private static func failedEntry(_ error: Error, _ function: Unmanaged<FunctionObject>,
                                        _ prototype: Unmanaged<FunctionPrototype>, _ frame: Frame,
                                        _ caller: Unmanaged<Bytecode>, site: Int) -> Error {
            frame.context.popFrame(frame, prototype.takeUnretainedValue())
            return traced(error, calling: function.takeUnretainedValue(), code: caller.takeUnretainedValue(), site: site)
        }

        /// An error raised while `function` was being entered at call site `site`: one already
        /// placed (in a default value) gets the call on its call stack.
        @inline(never)
        static func traced(_ error: Error, calling function: FunctionObject, code: Bytecode, site: Int) -> Error {
            if let error = error as? ErrorObject, error.location != nil {
                error.trace.append(ErrorLocation(function: function.name, source: code.source, range: code.calls[site].range))
            }
            return error
        }

        /// The error of calling `callee`, which is not a function.
        static func notCallable(_ callee: Value, _ site: CallSite) throws {
            throw ErrorObject.type("'\(site.calleeName)' is \(article(callee.typeName)) \(callee.typeName), not a function")
        }

        /// A statement that is only a name: a function is called, anything else is the value.
        static func bare(_ instruction: Instruction, _ code: Bytecode, _ frame: Frame) throws -> Target {
            let value = frame.slots[Int(instruction.b)]
            guard case .function(let function) = value else {
                frame.slots[Int(instruction.a)] = value
                return .done
            }
            return try invoke(function, arguments: frame.slots + Int(instruction.b) + 1, site: Int(instruction.c),
                              code: code, frame: frame, destination: Int(instruction.a))
        }

        /// Calls `function` with the arguments of call site `site` at `arguments`: a built-in at
        /// once (its result stored), a script function by a new frame for the loop to enter.
        @inline(__always)
        static func invoke(_ function: FunctionObject, arguments: UnsafeMutablePointer<Value>, site: Int,
                           code: Bytecode, frame: Frame, destination: Int) throws -> Target {
            guard let compiled = function.compiled else {
                try callBuiltin(function, arguments: arguments, site: site, code: code, frame: frame, destination: destination)
                return .done
            }
            unowned(unsafe) let call = code.calls[site]
            return try compiled.with { prototype in
                let context = frame.context
                let callee = try context.pushFrame(prototype, function: function)
                do {
                    let given = call.count
                    if !call.hasLabels && given <= prototype.parameterCount {
                        for index in 0..<given { callee.slots[index] = arguments[index] }
                        if given < prototype.parameterCount { try context.fillDefaults(prototype, callee, after: given) }
                    } else {
                        try context.bind(prototype, callee, arguments: Array(UnsafeBufferPointer(start: arguments, count: given)),
                                         labels: call.labels)
                    }
                    // The step is counted once the arguments are bound (the tree counts it there too).
                    try context.tick()
                } catch {
                    context.popFrame(callee, prototype)
                    throw traced(error, calling: function, code: code, site: site)
                }
                if prototype.capturesParameters { prototype.captureParameters(in: callee) }
                return .enter(Unmanaged.passUnretained(function), Unmanaged.passUnretained(prototype), callee)
            }
        }

        @inline(never)
        private static func callBuiltin(_ function: FunctionObject, arguments: UnsafeMutablePointer<Value>, site: Int,
                                        code: Bytecode, frame: Frame, destination: Int) throws {
            guard let builtin = function.builtin else {
                frame.slots[destination] = .null
                return
            }
            let values = Array(UnsafeBufferPointer(start: arguments, count: code.calls[site].count))
            do {
                frame.slots[destination] = try frame.context.callBuiltin(builtin, values, labels: code.calls[site].labels)
            } catch {
                throw located(error, code: code, arguments: code.calls[site].argumentRanges,
                              keywords: code.calls[site].keywordRanges)
            }
        }

        /// An error from a built-in about one argument goes under that argument (or its keyword).
        static func located(_ error: Error, code: Bytecode, arguments: [SourceRange], keywords: [SourceRange?]) -> Error {
            if let error = error as? ErrorObject, let offset = error.argumentOffset, arguments.indices.contains(offset) {
                let keyword = error.blamesKeyword && keywords.indices.contains(offset) ? keywords[offset] : nil
                error.locate(code.source, keyword ?? arguments[offset])
            }
            return error
        }

        // MARK: - Methods

        /// What `findMethod` leaves in its register for `callMethod`: the function stored in a
        /// map, or which built-in methods to use (`fastKind`: the commonest, done in line).
        static let fastKind = 3
        private static func kind(_ value: Value) -> Value {
            switch value {
            case .map: return .int(1)
            case .string: return .int(2)
            default: return .int(0)
            }
        }

        /// Finds the method for the receiver in rA+1 into rA; true when `?.` met nil (or a map
        /// without the key), which skips the call and gives nil. As `MethodCallNode` decides; the
        /// loop has already taken a fast method (`takesFast`).
        static func findMethod(_ instruction: Instruction, _ code: Bytecode, _ frame: Frame) throws -> Bool {
            unowned(unsafe) let site = code.methods[Int(instruction.b)]
            let register = Int(instruction.a)
            let value = frame.slots[register + 1]
            let name = site.name
            let found: Bool
            switch value {
            case .map(let map):
                if let stored = map[name] {
                    guard case .function = stored else {
                        throw ErrorObject.type("'\(name)' is \(article(stored.typeName)) \(stored.typeName) in this map, not a function")
                    }
                    frame.slots[register] = stored
                    return false
                }
                found = site.mapMethod != nil
            case .list, .range: found = site.listMethod != nil
            case .string: found = site.stringMethod != nil
            case .null where site.optional: return true
            default: found = false
            }
            guard found else {
                let optional = site.optional
                if case .map(let map) = value, !optional { throw Access.missingKey(name, in: map) }
                if optional, case .map = value { return true }
                throw Access.noMember(name, on: value)
            }
            frame.slots[register] = kind(value)
            return false
        }

        /// Whether the site's fast method, if it has one, applies to the receiver: a map does not
        /// store a function under its name.
        @inline(__always)
        static func takesFast(_ site: MethodSite, _ receiver: UnsafeMutablePointer<Value>) -> Bool {
            guard let method = site.fastMethod else { return false }
            switch method {
            case .append:
                if case .list = receiver.pointee { return true }
                return false
            case .len:
                switch receiver.pointee {
                case .list, .string: return true
                case .map: return receiver.borrowedMap?._withUnsafeGuaranteedRef { $0[site.name] == nil } ?? false
                default: return false
                }
            case .has, .get:
                return receiver.borrowedMap?._withUnsafeGuaranteedRef { $0[site.name] == nil } ?? false
            }
        }

        /// `rA = method(rB+1, rB+2 …)` with the method `findMethod` left in rB (a fast method the
        /// loop has already done).
        static func method(_ instruction: Instruction, _ code: Bytecode, _ frame: Frame) throws -> Target {
            unowned(unsafe) let site = code.methods[Int(instruction.c)]
            let register = Int(instruction.b)
            let destination = Int(instruction.a)
            let arguments = frame.slots + register + 2
            let call = site.call
            switch frame.slots[register] {
            case .function(let function):
                return try invoke(function, arguments: arguments, site: call, code: code, frame: frame,
                                  destination: destination)
            case .int(let kind):
                let method = kind == 1 ? site.mapMethod : kind == 2 ? site.stringMethod : site.listMethod
                guard let method else { return .done }
                let values = Array(UnsafeBufferPointer(start: frame.slots + register + 1, count: code.calls[call].count + 1))
                do {
                    frame.slots[destination] = try frame.context.callBuiltin(method, values, labels: site.labels)
                } catch {
                    throw located(error, code: code, arguments: [site.receiverRange] + code.calls[call].argumentRanges,
                                  keywords: [nil] + code.calls[call].keywordRanges)
                }
                return .done
            default:
                return .done
            }
        }

        /// The commonest methods without binding arguments, on the receiver where it is.
        /// The receiver and the list or map in it are borrowed, and an appended argument is moved
        /// from its temporary, so that none of them is retained; `keepsResult` false: the result
        /// is not read.
        @inline(__always)
        static func fastMethod(_ site: MethodSite, _ receiver: UnsafeMutablePointer<Value>,
                               _ arguments: UnsafeMutablePointer<Value>, keepsResult: Bool) throws -> Value {
            switch site.fastMethod {
            case .append?:
                if let list = receiver.borrowedList {
                    let element = arguments.take()
                    list._withUnsafeGuaranteedRef { $0.elements.append(element) }
                }
                // The list again, unless nothing reads it (a copy is a retain and a release).
                return keepsResult ? receiver.pointee : .null
            case .len?:
                if let list = receiver.borrowedList { return .int(list._withUnsafeGuaranteedRef { $0.elements.count }) }
                if let map = receiver.borrowedMap { return .int(map._withUnsafeGuaranteedRef { $0.count }) }
                if case .string(let text) = receiver.pointee { return .int(text.count) }
                return .null
            case .has?:
                guard let map = receiver.borrowedMap else { return .null }
                let key = try stringKey(site, arguments[0])
                return .bool(map._withUnsafeGuaranteedRef { $0[key] != nil })
            case .get?:
                guard let map = receiver.borrowedMap else { return .null }
                let key = try stringKey(site, arguments[0])
                return map._withUnsafeGuaranteedRef { $0[key] } ?? .null
            case nil:
                return .null
            }
        }

        private static func stringKey(_ site: MethodSite, _ key: Value) throws -> String {
            guard case .string(let text) = key else {
                throw ErrorObject.type("map.\(site.name): 'key' must be a string, not \(key.typeName)")
            }
            return text
        }
    }
}
