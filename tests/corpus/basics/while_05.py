# while loop with else and a break inside a nested if within try
def search(items, goal):
    i = 0
    while i < len(items):
        try:
            if items[i] == goal:
                break
        finally:
            i += 1
    else:
        return "not found"
    return "found at %d" % (i - 1)
print(search([1, 2, 3], 2), search([1], 5))
