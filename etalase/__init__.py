"""Etalase: a static site generator for catalogs of Indonesian IKM/UMKM products."""

__version__ = "0.1.0"
