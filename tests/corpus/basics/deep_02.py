# deeply nested expressions: parentheses, lists and calls
x = ((((((((((1 + 2) * 3) - 4) // 2) + 5) * 6) % 7) + 8) - 9) * 10)
print(x)
l = [[[[[[[[1]]]]]]]]
print(l[0][0][0][0][0][0][0][0])
print(str(len(str(abs(int(float(str(-42))))))))
d = {"a": {"b": {"c": {"d": {"e": "deep"}}}}}
print(d["a"]["b"]["c"]["d"]["e"])
print(1 if (2 if 3 else 4) else 5 if 6 else 7)
