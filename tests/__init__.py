"""antq's tests, mirroring src/antq: a package, so tests/io does not shadow the standard io."""
