"""zhclaims: numeric claims from Chinese finance news, as a normalized table.

Public interface (contract §6):
- `find_quantities(text)` — every number, percentage and money amount in a text;
- `extract(text, doc_id="doc")` — the claim table of one article (a DataFrame).

The stages are subpackages, in the order the data flows: `io` (load, table, batch),
`text` (normalize, clean, segment), `quantities`, `periods`, `claims`, then `eval`
(scoring and reports); `extract.py` runs one article through them.
"""
from importlib.metadata import PackageNotFoundError, version

from .extract import extract, extract_file
from .quantities import Quantity, find_quantities

try:
    __version__ = version("zhclaims")
except PackageNotFoundError:      # running from a source tree that is not installed
    __version__ = "0+unknown"

__all__ = ["Quantity", "__version__", "extract", "extract_file", "find_quantities"]
