# Closures and higher-order calls: map, filter and sort of 200k items.
proc map {xs f} {
    set r {}
    foreach x $xs { lappend r [apply $f $x] }
    return $r
}

proc filter {xs f} {
    set r {}
    foreach x $xs { if {[apply $f $x]} { lappend r $x } }
    return $r
}

proc main {} {
    set xs {}
    for {set i 0} {$i < 200000} {incr i} {
        lappend xs [expr {($i * 7919) % 200003}]
    }
    set k 5
    # Tcl lambdas do not capture: the captured value is passed in as a default argument.
    set ys [map $xs [list [list x [list k $k]] {expr {$x * 2 + $k}}]]
    set zs [filter $ys {{x} {expr {$x % 3 == 0}}}]
    set s [lsort -integer $zs]
    set n [llength $s]
    puts "[expr {[tcl::mathop::+ {*}$s] % 1000007}] $n [lindex $s 0] [lindex $s [expr {$n / 2}]] [lindex $s end]"
}

main
