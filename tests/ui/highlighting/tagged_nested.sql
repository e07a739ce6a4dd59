DO $outer$
BEGIN
    EXECUTE $inner$ SELECT 'a; b' $inner$;
    PERFORM $$ $outer is not the end $$;
END
$outer$;
SELECT $_$x$_$, $标签$中文$标签$, $a1$body$a1$;
SELECT foo$bar$ FROM t$1;
SELECT 1;
