"""Test settings shared by every module.

Hypothesis runs derandomized by default so the suite is deterministic on CI; set
HYPOTHESIS_PROFILE=explore to search with fresh random examples (and many more).
"""
import os

from hypothesis import settings

settings.register_profile("deterministic", derandomize=True, deadline=None)
settings.register_profile("explore", max_examples=5000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "deterministic"))
