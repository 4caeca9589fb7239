/// Serves the sandbox over real HTTP.
public enum SandboxServerInfo {}
