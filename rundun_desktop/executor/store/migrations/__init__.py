"""The executor store's numbered migrations: `NNNN_name.sql` files (or `NNNN_name.py` steps with
`upgrade(conn)` where data must be transformed), applied and recorded in the table `migrations` by
`rundun_migrations`, the scheme the server's database uses too. Stores made before it counted the first
two in `PRAGMA user_version`; `StoreBase` adopts that count once."""
