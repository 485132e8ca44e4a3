# Settings of the sensor logger.
from micropython import const

SAMPLES = const(24)
WINDOW = const(4)
ADC_BITS = const(12)
VREF_MV = const(3300)

# Alarm thresholds, in tenths of a degree Celsius.
TEMP_HIGH = 265
TEMP_LOW = 180

SENSORS = ("indoor", "outdoor")
