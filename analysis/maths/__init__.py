"""Estimators that know nothing of job searches: Kaplan-Meier curves and the log-rank
test, quantiles, Wilson intervals. Imports nothing else from ``analysis``.
"""
