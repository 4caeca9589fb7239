# Integer arithmetic in a 10-million-iteration loop.
def main():
    acc = 0
    for i in range(10_000_000):
        acc = (acc + i * 7 + 3) % 1_000_007
    print(acc)


main()
