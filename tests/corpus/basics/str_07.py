# string comparison, sorting, min/max and hashing as dict keys
words = ["pear", "Apple", "banana", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, reverse=True)[:2])
print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a")
counts = {}
for w in words:
    k = w.lower()
    counts[k] = counts.get(k, 0) + 1
print(counts)
print(max(words, key=len), min(words))
