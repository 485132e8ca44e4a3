# string literal forms: quotes, escapes, raw, concatenation, triple quotes
a = 'single'
b = "double"
c = """triple
quoted"""
d = r"raw\n\t"
e = "tab\there\nnewline"
f = "adjacent" " literals" ' joined'
print(a, b, c, d, e, f, sep="|")
print("\x41\u00e9\101\\", len("\x41\u00e9\101\\"))
print('it\'s', "say \"hi\"")
print('''a'b"c''')
