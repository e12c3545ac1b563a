"""Charts of measures (pyqtgraph): the data contract in source.py, the widget in measure_chart.py."""
