SELECT 'it''s', E'it\'s\n', E'back\\slash', 'plain\';
SELECT U&'\0041', B'0101', X'1F', N'national';
SELECT 'one line
second line' AS multi_line;
SELECT "Quoted ""Ident""", "CamelCase" FROM "my table";
SELECT 'after the strings' AS ok;
