# deeply nested blocks of if/for/while/try
def deep(n):
    out = []
    for a in range(n):
        if a % 2 == 0:
            for b in range(n):
                while b < 2:
                    try:
                        if b == 1:
                            try:
                                out.append((a, b))
                            finally:
                                out.append("f")
                        b += 1
                    except Exception:
                        pass
                break
    return out
print(deep(3))
