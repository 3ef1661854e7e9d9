"""Print-ready pocket cards for the 'Voor wie doen we wat?' reflection tool.

The pipeline is visible in the sub-packages: load → validate → render → impose → write.
"""

__version__ = "0.1.0"
