-- A group's own age range ("for ages 11 to 18"), kept as numbers rather than read from its
-- description. Either end may be open (NULL); existing groups start with none.
ALTER TABLE groups ADD COLUMN min_age INTEGER CHECK (min_age BETWEEN 0 AND 120);
ALTER TABLE groups ADD COLUMN max_age INTEGER CHECK (max_age BETWEEN 0 AND 120);
