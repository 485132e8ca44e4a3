# unterminated triple-quoted string
s = """never
closed
