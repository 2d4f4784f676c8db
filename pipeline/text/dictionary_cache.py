"""A per-user cache of the private jieba dictionary: the word frequencies after the finance terms are added.

jieba keeps its own dictionary cache as one marshal of a 500,000-entry dict, which takes about
0.55 s to load: most of a one-article cold start. Stored as one string of words and one array
of counts, the same table loads in under 0.2 s. The cache sits beside the rules cache in the
user's cache folder (never the shared temp folder), is keyed by jieba's version, its
dictionary file and the added words, and is written atomically; a cache that cannot be read
or written only means the slow path is taken.
"""
from __future__ import annotations

import array
import hashlib
import marshal
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.rules.cache import cache_dir, store

if TYPE_CHECKING:
    import jieba

_FORMAT = "zhclaims-dictionary-1"
_SEPARATOR = "\n"           # jieba words never hold a line break (its dictionary is one word per line)


def cache_key(words: list[str]) -> str:
    """The key of a dictionary: jieba's version, its dictionary file's size and time, the added words."""
    import jieba  # imported by jieba_loader before any cache is read

    default = Path(str(jieba.__file__)).with_name(jieba.DEFAULT_DICT_NAME)
    info = default.stat() if default.exists() else None
    stamp = f"{info.st_size}:{info.st_mtime_ns}" if info else "none"
    digest = hashlib.blake2b(digest_size=16)
    for part in (_FORMAT, jieba.__version__, stamp, _SEPARATOR.join(words)):
        digest.update(part.encode("utf-8") + b"\0")
    return digest.hexdigest()


def _path(key: str) -> Path:
    return cache_dir() / f"dictionary-{key}.marshal"


def load(private: jieba.Tokenizer, key: str) -> bool:
    """Fill `private` from the cache; False when there is no usable cache for `key`."""
    try:
        stored_key, total, words, counts = marshal.loads(_path(key).read_bytes())
        values = array.array("q")
        values.frombytes(counts)
        keys = words.split(_SEPARATOR)
    except (OSError, EOFError, ValueError, TypeError):
        return False
    if stored_key != key or len(keys) != len(values):
        return False
    private.FREQ, private.total, private.initialized = dict(zip(keys, values.tolist(), strict=True)), total, True
    return True


def save(private: jieba.Tokenizer, key: str) -> None:
    """Write the cache for `key`."""
    counts = array.array("q", private.FREQ.values()).tobytes()
    store(_path(key), marshal.dumps((key, private.total, _SEPARATOR.join(private.FREQ), counts)))


_TAG_FORMAT = "zhclaims-tags-1"


def tag_key() -> str:
    """The key of jieba's tag table: jieba's version and its dictionary file's size and time."""
    return cache_key([_TAG_FORMAT])


def load_tags(key: str) -> dict[str, str] | None:
    """jieba's word → part-of-speech table from the cache; None when there is no usable cache for `key`."""
    try:
        stored_key, words, tags = marshal.loads(_tag_path(key).read_bytes())
        table = dict(zip(words.split(_SEPARATOR), tags.split(_SEPARATOR), strict=True))
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return table if stored_key == key else None


def save_tags(table: dict[str, str], key: str) -> None:
    """Write the tag table for `key`."""
    store(_tag_path(key), marshal.dumps((key, _SEPARATOR.join(table), _SEPARATOR.join(table.values()))))


def _tag_path(key: str) -> Path:
    return cache_dir() / f"tags-{key}.marshal"
