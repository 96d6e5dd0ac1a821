"""Reliability tests: bad input, properties of the rules, fuzzing and determinism."""
