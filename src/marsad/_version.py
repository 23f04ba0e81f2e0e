"""The one version of marsad: the package, the coder (``coder_version`` on every document), ``/healthz`` and
``marsad --version`` all read it from here, and pyproject.toml reads it too (setuptools dynamic version).

Raise it with every release of the coder. Imports nothing, so any module may import it without a cycle.
"""
__version__ = "0.7.0"
