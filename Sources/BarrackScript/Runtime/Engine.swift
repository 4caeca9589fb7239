#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Which evaluator runs an interpreter's programs. Both run the same compiled program and give
/// the same output, errors and call stacks (docs/DESIGN.md, "The VM").
public enum Engine: String, Sendable, CaseIterable {
    /// The slot-resolved tree: each node evaluates itself.
    case tree
    /// The register VM: the tree compiled to bytecode (`Compile/`) and run by one dispatch loop
    /// per thread (`VM/`).
    case vm

    /// The engine `BARRACK_ENGINE` names (`tree` or `vm`), else the default, the tree.
    public static var fromEnvironment: Engine {
        guard let name = getenv("BARRACK_ENGINE") else { return .tree }
        return Engine(rawValue: String(cString: name).lowercased()) ?? .tree
    }
}
