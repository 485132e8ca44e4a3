# mpy-cross knows the input path as given (besides the -s name) as a qstr before parsing, so a long string
# literal equal to it is interned instead of becoming a str object
p = "tests/corpus/basics/qstr_input_path.py"
q = "m_qstr_input_path.py"
print(p[-7:], q[:5], len(p) + len(q))
