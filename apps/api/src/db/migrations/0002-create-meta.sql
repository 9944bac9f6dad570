-- Facts about the database itself, e.g. sample_data = '1' when it was filled with the sample data.
CREATE TABLE meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;
