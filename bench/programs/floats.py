# Floats: escape-time iterations of z = z*z + c over a 240x160 grid of the complex plane.
def main():
    inside = 0
    total = 0
    for py in range(160):
        y0 = py * 2.0 / 160 - 1.0
        for px in range(240):
            x0 = px * 3.0 / 240 - 2.0
            x = 0.0
            y = 0.0
            i = 0
            while i < 60 and x * x + y * y <= 4.0:
                xt = x * x - y * y + x0
                y = 2.0 * x * y + y0
                x = xt
                i += 1
            if i == 60:
                inside += 1
            total += i
    print(inside, total)


main()
