"""zhclaims: numeric claims from Chinese finance news, as a normalized table.

Public interface (contract §6):
- `find_quantities(text)` — every number, percentage and money amount in a text;
- `extract(text, doc_id="doc")` — the claim table of one article (a DataFrame).
"""
from .extract import extract, extract_file
from .quantities import Quantity, find_quantities

__all__ = ["extract", "extract_file", "find_quantities", "Quantity"]
__version__ = "0.1.0"
