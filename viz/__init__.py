"""Plotly figure builders: precomputed arrays in, ``go.Figure`` out. No numerics, no Streamlit."""
