"""Helpers the tests share: importable by test modules and benchmarks alike (never a test
module importing another)."""
