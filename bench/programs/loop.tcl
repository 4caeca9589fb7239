# Integer arithmetic in a 10-million-iteration loop.
proc main {} {
    set acc 0
    for {set i 0} {$i < 10000000} {incr i} {
        set acc [expr {($acc + $i * 7 + 3) % 1000007}]
    }
    puts $acc
}

main
