"""Pure NumPy core of the loss-surface lab: no Streamlit, no Plotly."""
