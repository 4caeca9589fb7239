/// A simulation of the whole Barrack platform.
public enum BarrackSandboxInfo {}
