<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>WorkbenchTab</name>
    <message numerus="yes">
        <source>Result %1 (%Ln rows)</source>
        <translation>
            <numerusform>Result %1 (%Ln row)</numerusform>
            <numerusform>Result %1 (%Ln rows)</numerusform>
        </translation>
    </message>
</context>
</TS>
