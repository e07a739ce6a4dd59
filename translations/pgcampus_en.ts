<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityView</name>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n session</numerusform>
            <numerusform>%n sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a lock</source>
        <translation>
            <numerusform>%n waiting for a lock</numerusform>
            <numerusform>%n waiting for a lock</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CampusApplication</name>
    <message numerus="yes">
        <source>%1 (%n min)</source>
        <translation>
            <numerusform>%1 (%n min)</numerusform>
            <numerusform>%1 (%n min)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minute</numerusform>
            <numerusform>%n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review Queue (%n due today)</source>
        <translation>
            <numerusform>Review Queue (%n due today)</numerusform>
            <numerusform>Review Queue (%n due today)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Grading %n SQL answer(s) in a sandbox on the practice server…</source>
        <translation>
            <numerusform>Grading %n SQL answer in a sandbox on the practice server…</numerusform>
            <numerusform>Grading %n SQL answers in a sandbox on the practice server…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Profile &quot;%1&quot;: %n new record(s) imported.</source>
        <translation>
            <numerusform>Profile &quot;%1&quot;: %n new record imported.</numerusform>
            <numerusform>Profile &quot;%1&quot;: %n new records imported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message numerus="yes">
        <source>About %Ln rows, as the planner estimates them (ANALYZE updates the estimate).</source>
        <translation>
            <numerusform>About %Ln row, as the planner estimates it (ANALYZE updates the estimate).</numerusform>
            <numerusform>About %Ln rows, as the planner estimates them (ANALYZE updates the estimate).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDashboard</name>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n student</numerusform>
            <numerusform>%n students</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n result</numerusform>
            <numerusform>%n results</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 reset for %n student(s).</source>
        <translation>
            <numerusform>%1 reset for %n student.</numerusform>
            <numerusform>%1 reset for %n students.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n extra minute(s) for %2.</source>
        <translation>
            <numerusform>%1 has %n extra minute for %2.</numerusform>
            <numerusform>%1 has %n extra minutes for %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Reset %1 for %n selected student(s)? Their work in it is lost.</source>
        <translation>
            <numerusform>Reset %1 for the selected student? Their work in it is lost.</numerusform>
            <numerusform>Reset %1 for %n selected students? Their work in it is lost.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDashboardModel</name>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n min</numerusform>
            <numerusform>%n min</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassProvisionDialog</name>
    <message numerus="yes">
        <source>%1 — %n lab(s) with a sandbox, </source>
        <translation>
            <numerusform>%1 — %n lab with a sandbox, </numerusform>
            <numerusform>%1 — %n labs with a sandbox, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam(s)</source>
        <translation>
            <numerusform>%n exam</numerusform>
            <numerusform>%n exams</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n student(s), from %1 to %2</source>
        <translation>
            <numerusform>%n student: %1</numerusform>
            <numerusform>%n students, from %1 to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Provisioning class %1 for %n student(s)…</source>
        <translation>
            <numerusform>Provisioning class %1 for %n student…</numerusform>
            <numerusform>Provisioning class %1 for %n students…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Class %1 is ready: %n student(s). Save the credentials sheet and the class file to hand out.</source>
        <translation>
            <numerusform>Class %1 is ready: %n student. Save the credentials sheet and the class file to hand out.</numerusform>
            <numerusform>Class %1 is ready: %n students. Save the credentials sheet and the class file to hand out.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message numerus="yes">
        <source>Labs passed: %1 of %2 (%3 attempted) · Streak: %n day(s) · Exams taken: %4</source>
        <translation>
            <numerusform>Labs passed: %1 of %2 (%3 attempted) · Streak: %n day · Exams taken: %4</numerusform>
            <numerusform>Labs passed: %1 of %2 (%3 attempted) · Streak: %n days · Exams taken: %4</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review (%n due today)</source>
        <translation>
            <numerusform>Review (%n due today)</numerusform>
            <numerusform>Review (%n due today)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam question(s)</source>
        <translation>
            <numerusform>%n exam question</numerusform>
            <numerusform>%n exam questions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab step(s)</source>
        <translation>
            <numerusform>%n lab step</numerusform>
            <numerusform>%n lab steps</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExamResultView</name>
    <message numerus="yes">
        <source>%n SQL answer(s) not graded yet: they count when they are.</source>
        <translation>
            <numerusform>%n SQL answer not graded yet: it counts when it is.</numerusform>
            <numerusform>%n SQL answers not graded yet: they count when they are.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExamView</name>
    <message numerus="yes">
        <source>%n question(s) not answered.</source>
        <translation>
            <numerusform>%n question not answered.</numerusform>
            <numerusform>%n questions not answered.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) flagged for review: %1.</source>
        <translation>
            <numerusform>%n question flagged for review: %1.</numerusform>
            <numerusform>%n questions flagged for review: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln row</numerusform>
            <numerusform>%Ln rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message numerus="yes">
        <source>**Step %1 of %2** · %n point(s)

</source>
        <translation>
            <numerusform>**Step %1 of %2** · %n point

</numerusform>
            <numerusform>**Step %1 of %2** · %n points

</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Hint (%n left)</source>
        <translation>
            <numerusform>Hint (%n left)</numerusform>
            <numerusform>Hint (%n left)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Restored %n tab(s) from your last session.</source>
        <translation>
            <numerusform>Restored %n tab from your last session.</numerusform>
            <numerusform>Restored %n tabs from your last session.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MultiSessionCheck</name>
    <message numerus="yes">
        <source>it returned %n row(s), expected %1</source>
        <translation>
            <numerusform>it returned %n row, expected %1</numerusform>
            <numerusform>it returned %n rows, expected %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message numerus="yes">
        <source>%1 hours in the last eight weeks; %n day(s) in a row up to now.</source>
        <translation>
            <numerusform>%1 hours in the last eight weeks; %n day in a row up to now.</numerusform>
            <numerusform>%1 hours in the last eight weeks; %n days in a row up to now.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ResultComparison</name>
    <message numerus="yes">
        <source>%n row(s) missing from your result, for example:</source>
        <translation>
            <numerusform>%n row missing from your result, for example:</numerusform>
            <numerusform>%n rows missing from your result, for example:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in your result that should not be there, for example:</source>
        <translation>
            <numerusform>%n row in your result that should not be there, for example:</numerusform>
            <numerusform>%n rows in your result that should not be there, for example:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SchemaBrowser</name>
    <message numerus="yes">
        <source>-- The catalog queries behind it (%n):</source>
        <translation>
            <numerusform>-- The catalog query behind it:</numerusform>
            <numerusform>-- The catalog queries behind it (%n):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>PG Campus copies your progress (every profile) once a day and keeps the last %n copies, in %1.</source>
        <translation>
            <numerusform>PG Campus copies your progress (every profile) once a day and keeps the last copy, in %1.</numerusform>
            <numerusform>PG Campus copies your progress (every profile) once a day and keeps the last %n copies, in %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StateCheck</name>
    <message numerus="yes">
        <source>%n row(s) of %1 do not satisfy %2.</source>
        <translation>
            <numerusform>%n row of %1 does not satisfy %2.</numerusform>
            <numerusform>%n rows of %1 do not satisfy %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeardownConfirmation</name>
    <message numerus="yes">
        <source>This drops the class&apos;s %n student login(s), every student&apos;s sandboxes and the class&apos;s results. It cannot be undone.

Type the class id (%1) to confirm:</source>
        <translation>
            <numerusform>This drops the class&apos;s %n student login, the student&apos;s sandboxes and the class&apos;s results. It cannot be undone.

Type the class id (%1) to confirm:</numerusform>
            <numerusform>This drops the class&apos;s %n student logins, every student&apos;s sandboxes and the class&apos;s results. It cannot be undone.

Type the class id (%1) to confirm:</numerusform>
        </translation>
    </message>
</context>
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
