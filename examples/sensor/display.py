# Text output of readings and alarms.
import config


def celsius(deci):
    sign = "-" if deci < 0 else ""
    deci = abs(deci)
    return "{}{}.{}C".format(sign, deci // 10, deci % 10)


def bar(deci, lo=150, hi=300, width=20):
    filled = max(0, min(width, (deci - lo) * width // (hi - lo)))
    return "#" * filled + "." * (width - filled)


def alarm(deci):
    if deci > config.TEMP_HIGH:
        return "HIGH"
    if deci < config.TEMP_LOW:
        return "LOW"
    return ""


def report(name, smoothed):
    print("--", name, "--")
    for i, value in enumerate(smoothed):
        flag = alarm(value)
        print(f"{i:2d} {celsius(value):>7} {bar(value)} {flag}".rstrip())
