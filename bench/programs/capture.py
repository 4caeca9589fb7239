# Closures: make, compose and call 200k closures that capture loop variables, and a counter.
def adder(n):
    return lambda x: x + n


def compose(f, g):
    return lambda x: f(g(x))


def counter():
    count = 0

    def step_by(step):
        nonlocal count
        count += step
        return count
    return step_by


def main():
    total = 0
    tick = counter()
    for i in range(200_000):
        f = compose(adder(i), adder(i % 7))
        total = (total + f(i)) % 1_000_007
        tick(i % 3)
    print(total, tick(0))


main()
