# String building: interpolation of 200k pieces, then one join.
def main():
    parts = []
    for i in range(200_000):
        parts.append(f"{i}-{i % 7}")
    s = ",".join(parts)
    print(len(s), parts[12_345], parts[-1])


main()
