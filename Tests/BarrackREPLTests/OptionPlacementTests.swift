import ArgumentParser
import Testing
@testable import barrack

/// How `barrack`'s own options after the script's name are moved before it (`OptionPlacement`);
/// `BarrackCLITests.OptionPlacementTests` runs the binary with each of them.
struct OptionPlacementTests {
    @Test func optionsAfterTheScriptMoveBeforeIt() {
        #expect(OptionPlacement.arranged(["two.brk", "--dry-run"]) == ["--dry-run", "two.brk"])
        #expect(OptionPlacement.arranged(["run", "two.brk", "a", "--output", "json", "b"]) == ["run", "--output", "json", "two.brk", "a", "b"])
        #expect(OptionPlacement.arranged(["--profile", "prod", "two.brk", "-o=yaml"]) == ["--profile", "prod", "-o=yaml", "two.brk"])
        #expect(OptionPlacement.arranged(["plan", "two.brk", "--json"]) == ["plan", "--json", "two.brk"])
        #expect(OptionPlacement.arranged(["-e", "print args", "a", "-y"]) == ["-e", "print args", "-y", "a"])
    }

    @Test func afterTwoDashesAndUnknownOptionsEverythingStaysWithTheScript() {
        #expect(OptionPlacement.arranged(["two.brk", "--", "--dry-run", "--"]) == ["two.brk", "--dry-run", "--"])
        #expect(OptionPlacement.arranged(["two.brk", "--frobnicate", "--help"]) == ["two.brk", "--frobnicate", "--help"])
        #expect(OptionPlacement.arranged(["plan", "two.brk", "--max-steps", "3"]) == ["plan", "two.brk", "--max-steps", "3"],
                "plan has no --max-steps: it is the script's")
    }

    @Test func otherCommandsAndLinesWithoutAScriptStayAsTheyAre() {
        #expect(OptionPlacement.arranged(["check", "a.brk", "--dry-run"]) == ["check", "a.brk", "--dry-run"])
        #expect(OptionPlacement.otherSubcommands == ["check", "parse", "builtins", "help", "sandbox", "playground", "costs", "leftovers", "gpus", "disassemble", "fmt", "lsp"])
        #expect(OptionPlacement.arranged(["--sandbox"]) == ["--sandbox"])
        #expect(OptionPlacement.arranged([]) == [])
    }

    /// The table agrees with the options ArgumentParser reads, so the two cannot drift apart: a
    /// flag leaves the script's name alone, an option with a value takes the next word.
    @Test(arguments: OptionPlacement.run + [OptionPlacement.Option(names: ["--json"], takesValue: false)])
    func theTableMatchesTheDeclaredOptions(option: OptionPlacement.Option) {
        for name in option.names {
            let value = name == "--timeout" ? "5s" : (name == "--output" || name == "-o" ? "json" : "1")
            let words = (option.takesValue ? [name, value] : [name]) + ["x.brk"]
            let run = (try? RunCommand.parse(words))?.arguments
            let plan = (try? PlanCommand.parse(words))?.arguments
            #expect(run == ["x.brk"] || plan == ["x.brk"], "\(words): run read \(String(describing: run)), plan \(String(describing: plan))")
        }
    }

    @Test func everyOptionOfRunIsInTheTable() {
        let names = Set(OptionPlacement.run.flatMap(\.names))
        let help = RootHelp.section("OPTIONS:", of: RunCommand.helpMessage(columns: 200)) ?? ""
        #expect(help.contains("--dry-run"))
        for option in UsageSuggestion.optionNames(inHelp: help) where option != "--help" && option != "-h" {
            #expect(names.contains(option), "run's \(option) is missing from OptionPlacement.run")
        }
    }
}
