"""Quantities: every number, percentage and money amount in a text (contract §6).

Stage 'find quantities': ``find_quantities(text)`` → ``Quantity`` mentions.
"""
from .find import Quantity, find_quantities

__all__ = ["Quantity", "find_quantities"]
