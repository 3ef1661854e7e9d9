"""Print-ready pocket cards for the 'Voor wie doen we wat?' reflection tool.

The pipeline is visible in the sub-packages: load → validate → render → impose → write, on
top of core and model; revise keeps the record of a revision, build runs the pipeline, desk
is the live preview and cli the command line (see tests/test_architecture.py).
"""

__version__ = "0.1.0"
