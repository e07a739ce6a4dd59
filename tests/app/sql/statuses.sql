-- Command tags, RETURNING, notices, empty results and an error in the middle.
CREATE TABLE items (id serial PRIMARY KEY, label text NOT NULL, price numeric(8,2), made date);
INSERT INTO items (label, price, made) VALUES ('pen', 1.50, '2026-01-02'), ('book', 12, NULL) RETURNING id, label;
SELECT * FROM items WHERE false;
SELECT count(*), sum(price), max(made) FROM items;
DO $$ BEGIN RAISE NOTICE 'items: %', (SELECT count(*) FROM items); END $$;
SELECT id, label FROM items ORDER BY id \gx
SELECT * FROM missing_table;
DELETE FROM items WHERE label = 'pen';
SELECT 1 AS a, NULL AS b, '' AS c, 2.5::float8 AS d, true AS e, '{"k": [1, 2]}'::jsonb AS f;
VALUES (1, 'x'), (22, 'yy'), (333, 'zzz');
DROP TABLE items;
