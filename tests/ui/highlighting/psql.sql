\set id 5
\timing on
SELECT * FROM t WHERE id = :id AND name = :'name' AND :"col" IS NOT NULL;
SELECT '42'::int, now()::date;
\d+ t
SELECT 1 \g
SELECT 2;
