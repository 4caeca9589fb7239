# Map insert and lookup: 200k string keys, then 200k lookups of which half hit.
proc main {} {
    set m [dict create]
    for {set i 0} {$i < 200000} {incr i} {
        dict set m "k$i" [expr {$i * 3}]
    }
    set hits 0
    set total 0
    for {set i 0} {$i < 200000} {incr i} {
        set key "k[expr {$i * 2}]"
        if {[dict exists $m $key]} {
            incr hits
            set total [expr {($total + [dict get $m $key]) % 1000007}]
        }
    }
    puts "[dict size $m] $hits $total"
}

main
