# Simulated ADC sensors: deterministic, so the example prints the same thing everywhere.
import config


class Lcg:
    """A tiny linear congruential generator (no `random` module needed)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self):
        self.state = (1103515245 * self.state + 12345) & 0x7FFFFFFF
        return self.state


class Thermistor:
    def __init__(self, name, base, seed):
        self.name = name
        self.base = base
        self.rng = Lcg(seed)
        self.count = 0

    def read_raw(self):
        """One ADC reading: a slow drift plus noise, clamped to the ADC range."""
        self.count += 1
        drift = (self.count * 7) % 40 - 20
        noise = self.rng.next() % 31 - 15
        raw = self.base + drift + noise
        top = (1 << config.ADC_BITS) - 1
        return 0 if raw < 0 else top if raw > top else raw

    def read_decicelsius(self):
        millivolts = self.read_raw() * config.VREF_MV // ((1 << config.ADC_BITS) - 1)
        # 10 mV per degree, 500 mV at 0 degrees (a TMP36-like sensor).
        return millivolts - 500

    def samples(self, n):
        for _ in range(n):
            yield self.read_decicelsius()
