# Method calls on a list: append, len and index, one million times each.
proc main {} {
    set xs {}
    set acc 0
    for {set i 0} {$i < 1000000} {incr i} {
        lappend xs [expr {$i % 1000}]
        set acc [expr {($acc + [lindex $xs [expr {$i / 2}]] + [llength $xs]) % 1000007}]
    }
    puts "$acc [llength $xs]"
}

main
