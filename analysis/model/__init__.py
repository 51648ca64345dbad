"""The data model: what an application, an offer and an interview are (columns, statuses,
stages, keys, dates), the workspace that keeps them, and the edits and filters applied to
them. The ground floor: it imports nothing else from ``analysis``.
"""
