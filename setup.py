"""One build step beyond pyproject.toml: the wheel carries the repository's layouts/ folder as
generator/_layouts, so that an installed generator has layouts of its own.

layouts/ stays the one copy in git (the repository's shape keeps cards/, layouts/ and
generator/ side by side); MANIFEST.in puts it into the sdist, and a wheel built from the sdist
copies it the same way. An editable install copies nothing: generator/core/project.py then finds
the top-level layouts/ folder itself.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

LAYOUTS = "layouts"
PACKAGED_AS = ("generator", "_layouts")


class BuildWithLayouts(build_py):
    """build_py, then layouts/ copied into the package being built (afresh: a layout file
    removed since the last build must not linger in build/)."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            target = Path(self.build_lib, *PACKAGED_AS)
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(LAYOUTS, target)


setup(cmdclass={"build_py": BuildWithLayouts})
