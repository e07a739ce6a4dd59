-- $1 and $2 are parameters, never the start of a dollar quote.
SELECT $1, $2;
SELECT 'still SQL' FROM t WHERE id = 1;
PREPARE find_user(int, text) AS
    SELECT * FROM users WHERE id = $1 AND name = $2;
EXECUTE find_user(12, 'ada');
SELECT $12+$3 AS total;
