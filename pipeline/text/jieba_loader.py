"""jieba and jieba.posseg, imported for a fast cold start.

Two steps of `import jieba.posseg` cost a one-article run about a third of its second:

- jieba imports pkg_resources (about 0.07 s) only to open its own data files; without it,
  jieba opens them by their path beside its module, the same files;
- jieba.posseg builds, at import, a tagger for the global dictionary, whose tag table it
  reads line by line from jieba's dictionary file (about 0.25 s).

The tag table is kept in the user's cache (dictionary_cache) and handed to that tagger,
which then reads an empty file at import instead of the dictionary: jieba.posseg ends up
exactly as jieba would have built it. Nothing is done when the host program has imported
jieba or jieba.posseg already, or has given jieba a dictionary of its own; the first run
on a machine takes jieba's own path and fills the cache.
"""
from __future__ import annotations

import importlib
import os
import sys
from types import ModuleType

from . import dictionary_cache


def import_jieba() -> ModuleType:
    """jieba, imported without pkg_resources unless the host program imported either already."""
    if "jieba" not in sys.modules and "pkg_resources" not in sys.modules:
        sys.modules["pkg_resources"] = None  # type: ignore[assignment]  # jieba then opens files by path
        try:
            return importlib.import_module("jieba")
        finally:
            del sys.modules["pkg_resources"]     # the host program can still import it
    return importlib.import_module("jieba")


def import_posseg() -> ModuleType:
    """jieba.posseg, its global tag table taken from the cache when there is one."""
    jieba = import_jieba()
    if "jieba.posseg" in sys.modules or jieba.dt.dictionary != jieba.DEFAULT_DICT:
        return importlib.import_module("jieba.posseg")
    key = dictionary_cache.tag_key()
    table = dictionary_cache.load_tags(key)
    if table is None:
        posseg = importlib.import_module("jieba.posseg")
        dictionary_cache.save_tags(posseg.dt.word_tag_tab, key)
        return posseg
    jieba.dt.dictionary = os.devnull             # read by the global tagger's constructor only
    try:
        posseg = importlib.import_module("jieba.posseg")
    finally:
        jieba.dt.dictionary = jieba.DEFAULT_DICT
    posseg.dt.word_tag_tab = table
    return posseg
