-- Kept empty in this branch: number 7 belongs to another change landing beside this one.
SELECT 1;
