"""Device files read into the record: LibreView, Dexcom Clarity, OMRON connect, Medtronic CareLink, Withings,
Nightscout and any CSV with a mapping.

One straight line, one step per module, each step's output (a type in devices/model.py) the
next one's input; device_import.import_file runs it (devices/pipeline.py the steps up to 5):

    1 devices/decode.py     bytes -> CsvText: encoding (BOM, UTF-16, Windows-1252), delimiter
    2 devices/recognise.py  CsvText -> Layout: which kind of file, from its header row
    3 devices/table.py      CsvText + Layout -> Table: the header row and the rows, with line numbers
    4 devices/layouts/*.py  Table -> ParsedRows: each row a reading (time, values, flags), a note
                            or a skipped row with its reason, read the way its layout says
    5 devices/readings.py   ParsedRows -> DeviceReadings: the times final (the autumn hour), diary notes
    6 devices/store.py      DeviceReadings -> the record, through ReadingService and DiaryService,
                            in one transaction -> DeviceImportSummary

Shared helpers, used by the steps and the layouts and importing none of them: records.py (text
to records), numbers.py, times.py, zones.py and dates.py (wall-clock times in the device's zone, dates in any
of the ways devices and spreadsheets write them), units.py (measures,
bounds, units), rows.py (collecting a layout's rows, the fast loop for a million rows).

A new kind of device file adds one module in devices/layouts/ with its LAYOUT (a Layout: its
name, how to recognise its header row, how to read its rows) and one line in
devices/layouts/__init__.py's LAYOUTS; no other module of the pipeline changes. (Outside it, the
app shows a translated name per format, phr/ui/imports/pages.py format_label, else the bare name.)

Files that are not tables (Nightscout's entries.json) are read by devices/sources/ instead of steps
1 to 4, streamed, and join the same line at step 5; device_import routes them by their content.
"""
