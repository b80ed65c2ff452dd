"""Static timeline site generator: news articles in, a dated, sourced timeline out."""

__version__ = "0.1.0"
