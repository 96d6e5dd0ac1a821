"""Tests of the ``antq`` command line (:mod:`antq.cli`)."""
