"""Streamlit glue: widgets that return plain values, cached core calls, text."""
