"""Tests of antq.emulation.awards."""
