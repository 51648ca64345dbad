"""Reading the user's files: bytes to grids of cells, grids to the canonical applications,
offers and interviews tables, with every problem reported by file, row, column and
value. Imports ``analysis.model`` and ``analysis.interviews``.
"""
