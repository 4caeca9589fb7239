"""Checks what Neovim read from `barrack lsp` (the JSON nvim_client.lua wrote)."""
import json
import sys

result = json.load(open(sys.argv[1]))
problems = []
if "error" in result:
    problems.append("the Lua client failed: " + result["error"])
else:
    if result.get("filetype") != "barrack":
        problems.append(f"filetype is {result.get('filetype')!r}, not 'barrack'")
    if result.get("clients") != 1:
        problems.append(f"{result.get('clients')} language clients attached, not 1")
    diagnostics = result.get("diagnostics", [])
    if [(d["line"], d["col"]) for d in diagnostics] != [(1, 6), (2, 0)] or "did you mean 'name'" not in diagnostics[0]["message"]:
        problems.append(f"diagnostics: {diagnostics}")
    if "deploy" not in result.get("completion", []):
        problems.append(f"completion lacks 'deploy': {result.get('completion')}")
for problem in problems:
    print("neovim:", problem, file=sys.stderr)
print(f"neovim read {len(result.get('diagnostics', []))} diagnostics and {len(result.get('completion', []))} completions")
print("neovim: " + ("1 passed, 0 failed" if not problems else "0 passed, 1 failed"))
sys.exit(1 if problems else 0)
