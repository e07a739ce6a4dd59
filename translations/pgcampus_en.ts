<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>%n row(s) in %1 ms</source>
        <translation>
            <numerusform>%n row in %1 ms</numerusform>
            <numerusform>%n rows in %1 ms</numerusform>
        </translation>
    </message>
</context>
</TS>
