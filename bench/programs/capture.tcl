# Closures: make, compose and call 200k closures that capture loop variables, and a counter.
# Tcl has no closures: a lambda gets its captured values as leading arguments (a command prefix),
# and the counter keeps its state in a namespace variable.
proc adder {n} {
    return [list apply {{n x} {expr {$x + $n}}} $n]
}

proc compose {f g} {
    return [list apply {{f g x} {{*}$f [{*}$g $x]}} $f $g]
}

namespace eval counter { variable count 0 }
proc tick {step} {
    incr counter::count $step
}

proc main {} {
    set total 0
    for {set i 0} {$i < 200000} {incr i} {
        set f [compose [adder $i] [adder [expr {$i % 7}]]]
        set total [expr {($total + [{*}$f $i]) % 1000007}]
        tick [expr {$i % 3}]
    }
    puts "$total [tick 0]"
}

main
