# string identity is not guaranteed but equality is; long keys in dict lookups
d = {"configuration_value_alpha": 1, "configuration_value_beta": 2}
key = "configuration_value_" + "beta"
print(d[key], d.get("configuration_value_alpha"), "configuration_value_gamma" in d)
