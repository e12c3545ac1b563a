"""The layouts of the device files Regie recognises by their header row, one module each.

A layout says how to recognise its files (a test on the header row) and how to read their rows
(step 4 of the import, see phr.imports). A new kind of file adds its module with a LAYOUT and
one line to LAYOUTS below; nothing else changes. They are tried in this order; any other CSV is
read with a mapping (mapped.py).
"""

from phr.imports.devices.layouts import dexcom, libreview, medtronic, nightscout, omron, withings
from phr.imports.devices.model import Layout

LAYOUTS: tuple[Layout, ...] = (
    libreview.LAYOUT,
    dexcom.LAYOUT,
    withings.LAYOUT,  # before OMRON: its bp.csv has 'Systolic' too, and a 'Heart rate' OMRON's has not
    omron.LAYOUT,
    medtronic.LAYOUT,
    nightscout.LAYOUT,
)
