#!/usr/bin/env python3
"""Build the Etalase catalog site: ``python build.py [build|validate|serve|new] --help``."""

from etalase.cli import main

if __name__ == "__main__":
    main()
