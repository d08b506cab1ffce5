"""Storage: the SQLCipher engine, the vault of keys, migrations, atomic files, search."""
