-- Level 8 holds no change to the schema.
SELECT 1;
