# subscript with computed keys, negative indices and nested lookups in expressions
data = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}]}
print(data["users"][0]["name"], data["users"][-1]["name"])
print(len(data["users"][0]["tags"]), data["users"][0]["tags"][-1])
i = 0
print(data["users"][i + 1]["name"].upper())
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix[1][2], matrix[-1][-1], [matrix[k][k] for k in range(3)])
