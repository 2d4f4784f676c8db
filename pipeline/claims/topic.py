"""A metric named as a sentence's topic ("as for the share price, …") names the figures after it
that name none (rules/subjects.yaml topic_words, topic_lead)."""
from __future__ import annotations

import functools
from dataclasses import replace

import regex

from pipeline import rules

from .lexicon import MetricMention, alternation


@functools.cache
def _topic_tail() -> regex.Pattern:
    words = rules.load("subjects")["topic_words"]
    return regex.compile(rf"\s*(?:{alternation(words)})\s*[,，:：]")


@functools.cache
def _topic_lead() -> regex.Pattern:
    return regex.compile(rules.load("subjects")["topic_lead"])


def topic_metric(s) -> MetricMention | None:
    """The metric phrase a sentence opens with as its topic ("as for the share price, …"), if any
    (after a list item's heading, a period and a few narrowing words at most); terms written
    together ("maker wholesale" + "sales") are one phrase, the last one's metric."""
    if not s.metrics or not _topic_lead().fullmatch(s.text, 0, s.metrics[0].start):
        return None
    end = s.metrics[0].start
    for mention in s.metrics:
        if mention.start != end:
            return None
        if _topic_tail().match(s.text, mention.end):
            return replace(mention, start=s.metrics[0].start)
        end = mention.end
    return None
