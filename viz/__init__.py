"""Plotly figure builders: precomputed arrays in, plain figure dicts out (``{"data", "layout"}``,
not ``plotly.graph_objects``). Only display arithmetic here (ranges, log levels, what is drawn);
the model's maths lives in ``core``, widgets in ``ui``."""
