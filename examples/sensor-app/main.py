# Entry point: boards run /main.py after boot. Runs the sensor loop a fixed number of times.
import app

app.run(iterations=8)
