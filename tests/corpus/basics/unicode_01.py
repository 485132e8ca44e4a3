# unicode identifiers and unicode string contents
π = 3.14159
größe = 10
名前 = "なまえ"
print(π, größe, 名前, len(名前))
def grüß(wer):
    return "Grüß " + wer
print(grüß("Gott"))
s = "héllo wörld ✓"
print(s.upper(), len(s), len(s.encode()))
print(s[1], s[-1], s.find("ö"))
