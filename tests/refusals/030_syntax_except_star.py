# except* (exception groups, not supported)
try:
    pass
except* ValueError:
    pass
