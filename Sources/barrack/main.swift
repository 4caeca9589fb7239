import BarrackScript
print("barrack \(BarrackScript.version)")
