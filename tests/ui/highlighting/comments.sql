-- a line comment with 'quotes' and $$ dollars
SELECT 1; -- trailing comment
/* a block comment; SELECT 2; */ SELECT 3;
/* outer /* nested */ still a comment */ SELECT 4;
/*
   multi-line
   /* nested
   */
   still comment
*/
SELECT 5;
