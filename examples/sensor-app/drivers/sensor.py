# A TMP102-style I2C temperature sensor driver. Without an I2C bus (e.g. the unix port) it reads a
# deterministic simulated bus, so the application runs anywhere.

_ADDR = 0x48
_REG_TEMP = 0x00


class SimBus:
    """Stands in for machine.I2C: returns a slowly varying temperature register."""

    def __init__(self):
        self.t = 0

    def readfrom_mem(self, addr, reg, n):
        self.t += 1
        # 12-bit two's complement in 1/16 C steps: 21.0 C plus a small wave.
        raw = 21 * 16 + (self.t * 7) % 11 - 5
        raw &= 0xFFF
        return bytes(((raw >> 4) & 0xFF, (raw & 0xF) << 4))


def default_bus():
    try:
        from machine import I2C

        return I2C(0)
    except (ImportError, ValueError, TypeError):
        return SimBus()


class TempSensor:
    def __init__(self, bus=None, addr=_ADDR):
        self.bus = bus or default_bus()
        self.addr = addr

    def read_raw(self):
        b = self.bus.readfrom_mem(self.addr, _REG_TEMP, 2)
        v = (b[0] << 4) | (b[1] >> 4)
        if v & 0x800:
            v -= 0x1000
        return v

    def read_centi(self):
        # 1/16 C per step, returned in hundredths of a degree.
        return self.read_raw() * 100 // 16
