"""Evaluation: scoring a claim table against gold (contract §4–5), reports, and the
find_quantities conformance suites."""
