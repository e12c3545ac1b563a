"""Device files that are not tables: read beside the CSV pipeline (steps 1-3 do not apply), into
the same ParsedRows as a layout's, so that steps 5 and 6 (readings, store) are the same.

One module per kind of file, each with `looks_like(text)` (a test on the decoded text's start,
never on the file name) and `read(text, zone, progress)`; device_import routes a file to one of
them before the CSV pipeline. The format names are the layouts' (a Nightscout entries.json is
format 'nightscout', like its CSV), so --format and the wizard need nothing more.
"""
