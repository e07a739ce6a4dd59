select count(*), max(price), 1, 1.5, .5, 1e10, 2.5E-3, 0x1F, 0o17, 0b101, 1_000_000
FROM orders o JOIN customers c ON c.id = o.customer_id
WHERE o.created_at >= now() - interval '7 days' AND o.paid IS TRUE AND o.note IS NULL
GROUP BY 1 ORDER BY 2 DESC LIMIT 10;
CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, doc jsonb, at timestamptz);
