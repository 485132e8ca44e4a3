# break out of for loop inside try/except within a function
def search(rows, target):
    for r, row in enumerate(rows):
        for c, v in enumerate(row):
            try:
                if v == target:
                    break
            except Exception:
                pass
        else:
            continue
        return r, c
    return None
print(search([[1, 2], [3, 4]], 4), search([[1]], 9))
