-- Level 7 holds no change to the schema.
SELECT 1;
