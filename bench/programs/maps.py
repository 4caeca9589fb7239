# Map insert and lookup: 200k string keys, then 200k lookups of which half hit.
def main():
    m = {}
    for i in range(200_000):
        m[f"k{i}"] = i * 3
    hits = 0
    total = 0
    for i in range(200_000):
        key = f"k{i * 2}"
        if key in m:
            hits += 1
            total = (total + m.get(key)) % 1_000_007
    print(len(m), hits, total)


main()
