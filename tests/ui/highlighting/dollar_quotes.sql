CREATE FUNCTION add_one(n integer) RETURNS integer
LANGUAGE plpgsql AS $$
BEGIN
    RAISE NOTICE 'adding one; n = %', n;
    RETURN n + 1;
END;
$$;
SELECT $$It's a string; with a quote$$ AS s;
SELECT $$$$ AS empty_string;
DROP FUNCTION add_one(integer);
