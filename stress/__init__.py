"""Layout stress corpus: seeded action plans drawn along independent layout axes, with their truth.

`sample.py` draws a renderer-independent plan (`plan.py`) and its axis values; `blocks.py` turns it
into paragraphs and tables; one small module per renderer writes the file; `plan.truth` gives the
truth record from the plan model alone. `python -m stress --n 40 --seed 1 --out DIR` writes a batch.
"""
