# annotated const assignment and const of a string used in a dict and a comparison
_NAME: str = const("sensor-name-long")
_PORT: int = const(8080)
cfg = {_NAME: _PORT}
print(cfg, _NAME == "sensor-name-long", _PORT + 1)
