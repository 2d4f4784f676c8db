"""Batch: many article files → one claim table, never dying on one bad file.

Each file is extracted on its own; a file that fails is recorded in the error
list with its reason and the batch goes on. With jobs > 1 files are spread over
worker processes (the work is CPU-bound pure Python).
"""
from __future__ import annotations

from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
from tqdm import tqdm

from pipeline.extract import extract_with_metadata

from .load import find_articles, load_file
from .table import COLUMNS, EXTRA_COLUMNS, to_frame


def _one(path: Path) -> tuple[str, pd.DataFrame | None, dict | None, str]:
    try:
        claims, document = extract_with_metadata(load_file(path))
        return str(path), claims, document, ""
    except Exception as exc:
        return str(path), None, None, f"{type(exc).__name__}: {exc}"


def extract_many(paths: list[str | Path], jobs: int = 1, progress: bool = True,
                 documents: list | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(claims of every article found under `paths`, errors: doc_id, path, error).

    When `documents` is a list, each article's document record (title, credits,
    encoding …) is appended to it.
    """
    files = find_articles(paths)
    bar = tqdm(total=len(files), unit="doc", disable=not progress, leave=False)
    results = []
    if jobs > 1 and len(files) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for result in pool.map(_one, files, chunksize=4):
                results.append(result)
                bar.update()
    else:
        for path in files:
            results.append(_one(path))
            bar.update()
    bar.close()
    frames = [frame for _, frame, _, _ in results if frame is not None and len(frame)]
    if documents is not None:
        documents.extend(document for _, _, document, _ in results if document is not None)
    claims = pd.concat(frames, ignore_index=True) if frames else to_frame([])
    claims = claims[COLUMNS + EXTRA_COLUMNS]
    errors = pd.DataFrame([{"doc_id": Path(p).stem, "path": p, "error": e} for p, _, _, e in results if e],
                          columns=["doc_id", "path", "error"])
    return claims, errors
