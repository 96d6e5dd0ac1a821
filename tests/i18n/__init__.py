"""Tests of antq.i18n: catalogues and formatting."""
