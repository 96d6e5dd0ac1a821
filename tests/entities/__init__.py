"""Tests of antq.entities."""
