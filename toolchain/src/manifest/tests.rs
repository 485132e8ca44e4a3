//! Tests of the manifest evaluator (see tests/ for the suite against MicroPython behaviour).
