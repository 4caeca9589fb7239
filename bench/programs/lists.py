# Method calls on a list: append, len and index, one million times each.
def main():
    xs = []
    acc = 0
    for i in range(1_000_000):
        xs.append(i % 1000)
        acc = (acc + xs[i // 2] + len(xs)) % 1_000_007
    print(acc, len(xs))


main()
