# String building: interpolation of 200k pieces, then one join.
proc main {} {
    set parts {}
    for {set i 0} {$i < 200000} {incr i} {
        lappend parts "$i-[expr {$i % 7}]"
    }
    set s [join $parts ,]
    puts "[string length $s] [lindex $parts 12345] [lindex $parts end]"
}

main
