/// The Barrack platform client: typed operations over a `Transport`.
public enum BarrackAPI {}
