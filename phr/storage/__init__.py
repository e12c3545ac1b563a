"""Storage: the encrypted vault (SQLCipher database, key slots, migrations, backups).

Nothing here imports Qt; nothing outside this package writes SQL.
"""
