# The sensor logger: sample, filter, report.
import config
import display
from sensor import Thermistor
from sensor.filters import MovingAverage, median


def run():
    sensors = [
        Thermistor(config.SENSORS[0], base=940, seed=1),
        Thermistor(config.SENSORS[1], base=830, seed=2),
    ]
    smooth = MovingAverage(config.WINDOW)
    summary = {}
    for s in sensors:
        readings = list(s.samples(config.SAMPLES))
        smoothed = smooth(readings)
        display.report(s.name, smoothed)
        summary[s.name] = (min(readings), median(readings), max(readings))
    print("== summary ==")
    for name in config.SENSORS:
        lo, mid, hi = summary[name]
        print(name, "min", display.celsius(lo), "median", display.celsius(mid), "max", display.celsius(hi))
    try:
        median([])
    except ValueError as e:
        print("checked:", e)


run()
