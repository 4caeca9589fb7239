# Floats: escape-time iterations of z = z*z + c over a 240x160 grid of the complex plane.
proc main {} {
    set inside 0
    set total 0
    for {set py 0} {$py < 160} {incr py} {
        set y0 [expr {$py * 2.0 / 160 - 1.0}]
        for {set px 0} {$px < 240} {incr px} {
            set x0 [expr {$px * 3.0 / 240 - 2.0}]
            set x 0.0
            set y 0.0
            set i 0
            while {$i < 60 && $x * $x + $y * $y <= 4.0} {
                set xt [expr {$x * $x - $y * $y + $x0}]
                set y [expr {2.0 * $x * $y + $y0}]
                set x $xt
                incr i
            }
            if {$i == 60} { incr inside }
            incr total $i
        }
    }
    puts "$inside $total"
}

main
