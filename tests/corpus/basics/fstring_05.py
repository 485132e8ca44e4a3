# f-string self-documenting '=' specifier and escapes around fields
x = 10
y = "s"
print(f"{x=}")
print(f"{x =}")
print(f"{y=!r}")
print(f"{x*2=}")
print(f"\t{x}\n{y}")
print(f"{x:*^7}")
