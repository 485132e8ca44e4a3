# Simulated sensors and the filters applied to their readings.
from sensor.reader import Thermistor

__all__ = ["Thermistor"]
