# map/filter/zip/enumerate/iter/next and sorted with keys
words = ["kiwi", "fig", "banana", "apple"]
print(list(map(len, words)))
print(list(filter(lambda w: "a" in w, words)))
print(sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
it = iter(words)
print(next(it), next(it))
print(list(zip(*[(1, "a"), (2, "b")])))
print(dict(enumerate(words)))
print(min(words, key=len), max(words, key=lambda w: w[-1]))
