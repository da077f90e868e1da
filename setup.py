"""Only what pyproject.toml cannot say: the package `rundun_resources` lives in the folder `resources/`
(the repository keeps that name; installed, it needs a name of its own). Everything else is in pyproject.toml."""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(
            include=["server", "server.*", "rundun_desktop", "rundun_desktop.*", "rundun_migrations"]
        ),
        "rundun_resources",
    ],
    package_dir={"rundun_resources": "resources"},
)
