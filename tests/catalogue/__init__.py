"""Tests of antq.catalogue: the criteria catalogue and the rule forms."""
