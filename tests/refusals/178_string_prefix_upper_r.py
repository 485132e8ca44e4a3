# upper-case R raw-string prefix
print(R"x")
