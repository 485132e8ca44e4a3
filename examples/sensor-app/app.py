# The application: sample the sensor, smooth the readings, show them on the display.
from drivers.sensor import TempSensor
from drivers.display import CharDisplay
from dsp.filter import smooth, peak

WINDOW = 8


def format_temp(centi):
    sign = "-" if centi < 0 else ""
    centi = abs(centi)
    return "{}{}.{:02d}C".format(sign, centi // 100, centi % 100)


class App:
    def __init__(self, sensor, display):
        self.sensor = sensor
        self.display = display
        self.samples = bytearray(2 * WINDOW)
        self.count = 0

    def step(self):
        raw = self.sensor.read_centi()
        # Keep a ring of unsigned 16-bit samples (offset by 100.00 C so they stay positive).
        i = (self.count % WINDOW) * 2
        v = raw + 10000
        self.samples[i] = v & 0xFF
        self.samples[i + 1] = v >> 8
        self.count += 1
        n = min(self.count, WINDOW)
        avg = smooth(self.samples, n) - 10000
        hi = peak(self.samples, n) - 10000
        self.display.clear()
        self.display.text(0, "T {}".format(format_temp(raw)))
        self.display.text(1, "avg {}".format(format_temp(avg)))
        self.display.text(2, "max {}".format(format_temp(hi)))
        self.display.text(3, "n={}".format(self.count))
        return avg


def run(iterations=8, sensor=None, display=None):
    app = App(sensor or TempSensor(), display or CharDisplay())
    last = 0
    for _ in range(iterations):
        last = app.step()
        app.display.show()
    return last
