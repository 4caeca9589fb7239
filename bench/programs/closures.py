# Closures and higher-order calls: map, filter and sort of 200k items.
def main():
    xs = []
    for i in range(200_000):
        xs.append((i * 7919) % 200_003)
    k = 5
    ys = list(map(lambda x: x * 2 + k, xs))
    zs = list(filter(lambda x: x % 3 == 0, ys))
    s = sorted(zs)
    print(sum(s) % 1_000_007, len(s), s[0], s[len(s) // 2], s[-1])


main()
