CREATE TEMP TABLE t (id int, name text, amount numeric, note text);
INSERT INTO t VALUES (1, 'ada', 3.5, NULL), (2, '数据库', 10, 'two
lines'), (3, '', -1, E'tab\there');
SELECT * FROM t ORDER BY id;
SELECT 1 AS "multi
line header", 'x' AS b;
UPDATE t SET amount = amount + 1 RETURNING id;
SELECT nope FROM t;
SELECT 'after';
