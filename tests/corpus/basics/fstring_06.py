# f-strings with quotes of the other kind inside fields and escapes outside fields
d = {"key": "value"}
print(f"{d['key']}")
print(f'{d["key"]}')
print(f"quote\"inside {1}")
print(f'apostrophe\'s {2}')
print(f"""triple {d["key"]} "quoted" """)
print(f"backslash \\ {3}")
