"""Tests of antq.core: criteria, the engine, verdicts and periods."""
