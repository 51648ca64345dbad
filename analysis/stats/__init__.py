"""Measures of a search: the headline numbers, response times, rates with their
intervals, and what each number stands on. Imports ``analysis.model`` and
``analysis.maths``.
"""
