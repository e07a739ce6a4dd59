<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ActivityView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>Cancel Query…</source>
        <translation>取消查询…</translation>
    </message>
    <message>
        <source>Terminate Session…</source>
        <translation>终止会话…</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Waiting for</source>
        <translation>等待</translation>
    </message>
    <message>
        <source>Query time</source>
        <translation>查询时长</translation>
    </message>
    <message>
        <source>Transaction time</source>
        <translation>事务时长</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>pg_cancel_backend: stop the session&apos;s running query; the session stays</source>
        <translation>pg_cancel_backend：停止该会话正在执行的查询；会话保留</translation>
    </message>
    <message>
        <source>pg_terminate_backend: end the session; its open transaction is rolled back</source>
        <translation>pg_terminate_backend：结束该会话；其未结束的事务会被回滚</translation>
    </message>
    <message>
        <source>Show the catalog queries</source>
        <translation>显示目录查询</translation>
    </message>
    <message>
        <source>Sessions and Locks</source>
        <translation>会话与锁</translation>
    </message>
    <message>
        <source>Table Statistics</source>
        <translation>表统计信息</translation>
    </message>
    <message>
        <source>Replication</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>%1, blocked by %2</source>
        <translation>%1，被 %2 阻塞</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s)</source>
        <translation>
            <numerusform>%n 个会话</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for a lock</source>
        <translation>
            <numerusform>%n 个在等待锁</numerusform>
        </translation>
    </message>
    <message>
        <source>No standby and no replication slot on this server.</source>
        <translation>这台服务器上没有备库，也没有复制槽。</translation>
    </message>
    <message>
        <source>Cancel query</source>
        <translation>取消查询</translation>
    </message>
    <message>
        <source>Cancel the query session %1 is running? The session stays; its statement ends with an error.</source>
        <translation>要取消会话 %1 正在执行的查询吗？会话会保留；它的语句会以错误结束。</translation>
    </message>
    <message>
        <source>Terminate session</source>
        <translation>终止会话</translation>
    </message>
    <message>
        <source>End session %1? Its open transaction is rolled back and its client is disconnected.</source>
        <translation>要结束会话 %1 吗？它未结束的事务会被回滚，客户端会被断开。</translation>
    </message>
</context>
<context>
    <name>BankInterchange</name>
    <message>
        <source>a choice question needs at least two answers</source>
        <translation>选择题至少需要两个答案</translation>
    </message>
    <message>
        <source>a single-choice question needs exactly one answer worth full marks; this one has %1</source>
        <translation>单选题需要恰好一个满分答案；这道题有 %1 个</translation>
    </message>
    <message>
        <source>a multiple-answer question needs at least one answer worth marks</source>
        <translation>多选题至少需要一个得分的答案</translation>
    </message>
    <message>
        <source>no question could be imported</source>
        <translation>没有可以导入的题目</translation>
    </message>
    <message>
        <source>the language is zh_CN or en, not &quot;%1&quot;</source>
        <translation>语言只能是 zh_CN 或 en，而不是“%1”</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>a short-answer question needs an answer worth full marks</source>
        <translation>简答题需要一个满分答案</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number, value:tolerance or low..high</source>
        <translation>“%1”不是数字，也不是“值:误差”或“下限..上限”</translation>
    </message>
    <message>
        <source>a numerical question needs an answer worth full marks</source>
        <translation>数值题需要一个满分答案</translation>
    </message>
    <message>
        <source>a matching pair is written &quot;=left -&gt; right&quot;, not &quot;%1&quot;</source>
        <translation>匹配项应写成“=左 -&gt; 右”，而不是“%1”</translation>
    </message>
    <message>
        <source>a matching question needs at least two pairs</source>
        <translation>匹配题至少需要两对</translation>
    </message>
    <message>
        <source>the title opened by &quot;::&quot; is not closed</source>
        <translation>以“::”开始的标题没有闭合</translation>
    </message>
    <message>
        <source>no answers in braces: a description, not a question</source>
        <translation>花括号中没有答案：这是一段说明，不是题目</translation>
    </message>
    <message>
        <source>a brace is not matched (write \{ and \} for braces in the text)</source>
        <translation>花括号不配对（正文中的花括号请写成 \{ 和 \}）</translation>
    </message>
    <message>
        <source>the question has no text</source>
        <translation>题目没有题干</translation>
    </message>
    <message>
        <source>essay questions are graded by hand: skipped</source>
        <translation>论述题需要人工评分：已跳过</translation>
    </message>
    <message>
        <source>a true/false question needs an answer worth full marks</source>
        <translation>判断题需要一个满分答案</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>“%1”不是数字</translation>
    </message>
    <message>
        <source>an ordering question needs at least two items</source>
        <translation>排序题至少需要两项</translation>
    </message>
    <message>
        <source>a description holds no question: skipped</source>
        <translation>说明中没有题目：已跳过</translation>
    </message>
    <message>
        <source>the Moodle question type &quot;%1&quot; is not supported: skipped</source>
        <translation>不支持 Moodle 题型“%1”：已跳过</translation>
    </message>
    <message>
        <source>cannot write a temporary copy to check the bank</source>
        <translation>无法写入用于检查题库的临时副本</translation>
    </message>
    <message>
        <source>the bank would not read back as given</source>
        <translation>题库写入后无法按原样读回</translation>
    </message>
    <message>
        <source>no &quot;ANSWER:&quot; line after the options</source>
        <translation>选项之后没有“ANSWER:”行</translation>
    </message>
    <message>
        <source>&quot;ANSWER:&quot; without a question before it</source>
        <translation>“ANSWER:”之前没有题目</translation>
    </message>
    <message>
        <source>not Moodle XML: the document is not a &lt;quiz&gt;</source>
        <translation>不是 Moodle XML：文档根元素不是 &lt;quiz&gt;</translation>
    </message>
    <message>
        <source>not well-formed XML: %1</source>
        <translation>XML 格式不正确：%1</translation>
    </message>
    <message>
        <source>the bank id &quot;%1&quot; may hold only a-z, 0-9 and &apos;-&apos;</source>
        <translation>题库标识“%1”只能包含 a-z、0-9 和“-”</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 无法读取：%2</translation>
    </message>
    <message>
        <source>%1 is not valid YAML: %2</source>
        <translation>%1 不是有效的 YAML：%2</translation>
    </message>
    <message>
        <source>the pack already has a bank &quot;%1&quot;</source>
        <translation>课程包中已经有题库“%1”</translation>
    </message>
    <message>
        <source>the question id &quot;%1&quot; is already used in the pack&apos;s other banks</source>
        <translation>题目标识“%1”已在课程包的其他题库中使用</translation>
    </message>
    <message>
        <source>the bank is not valid: %1</source>
        <translation>题库无效：%1</translation>
    </message>
    <message>
        <source>cannot add &quot;%1&quot; to the banks list of %2: add it by hand</source>
        <translation>无法把“%1”加入 %2 的 banks 列表：请手动添加</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>&quot;ANSWER: %1&quot; names no option</source>
        <translation>“ANSWER: %1”不对应任何选项</translation>
    </message>
</context>
<context>
    <name>CampusApplication</name>
    <message>
        <source>Progress store</source>
        <translation>学习进度库</translation>
    </message>
    <message>
        <source>Learner</source>
        <translation>学员</translation>
    </message>
    <message>
        <source>Could not save the screenshot to %1.</source>
        <translation>无法将截图保存到 %1。</translation>
    </message>
    <message>
        <source>Practice server</source>
        <translation>练习服务器</translation>
    </message>
    <message>
        <source>-- Welcome to PG Campus! This editor is connected to your own practice server.
-- Press Ctrl+Enter to run the statement under the cursor, F5 to run the script.
</source>
        <translation>-- 欢迎使用 PG 学堂！这个编辑器已连接到你自己的练习服务器。
-- 按 Ctrl+Enter 运行光标所在的语句，按 F5 运行整个脚本。
</translation>
    </message>
    <message>
        <source>No %1 &quot;%2&quot; in the courseware (packs are read from: %3).</source>
        <translation>课程内容中没有 %1“%2”（课程包读取自：%3）。</translation>
    </message>
    <message>
        <source>No exam &quot;%1&quot; in the courseware (packs are read from: %2).</source>
        <translation>课程内容中没有考试“%1”（课程包读取自：%2）。</translation>
    </message>
    <message>
        <source>Exam: %1</source>
        <translation>考试：%1</translation>
    </message>
    <message>
        <source>No submitted exam yet.</source>
        <translation>还没有交过卷的考试。</translation>
    </message>
    <message>
        <source>The view exam-result takes LAST: the last exam you submitted.</source>
        <translation>exam-result 视图的参数是 LAST：你最近一次交卷的考试。</translation>
    </message>
    <message>
        <source>The exam &quot;%1&quot; of that attempt is no longer in the courseware.</source>
        <translation>这次作答所属的考试“%1”已不在课程内容中。</translation>
    </message>
    <message>
        <source>Result: %1</source>
        <translation>成绩：%1</translation>
    </message>
    <message>
        <source>No exam is open.</source>
        <translation>没有未交卷的考试。</translation>
    </message>
    <message>
        <source>The open exam &quot;%1&quot; is no longer in the courseware.</source>
        <translation>未交卷的考试“%1”已不在课程内容中。</translation>
    </message>
    <message>
        <source>Resume the exam</source>
        <translation>继续考试</translation>
    </message>
    <message>
        <source>Your exam &quot;%1&quot; is still open: %2 of %3 questions answered, %4 left. Resume it now?</source>
        <translation>你的考试“%1”还没有交卷：共 %3 题，已答 %2 题，剩余 %4。现在继续吗？</translation>
    </message>
    <message>
        <source>no time limit</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>E&amp;xams</source>
        <translation>考试(&amp;X)</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n min)</source>
        <translation>
            <numerusform>%1（%n 分钟）</numerusform>
        </translation>
    </message>
    <message>
        <source>No exams in the courseware</source>
        <translation>课程内容中没有考试</translation>
    </message>
    <message>
        <source>Last &amp;Result</source>
        <translation>上次成绩(&amp;R)</translation>
    </message>
    <message>
        <source>Start &quot;%1&quot;? %2 questions, %3. The clock starts now and keeps running if you close the window; nothing is shown right or wrong until you submit.</source>
        <translation>开始“%1”吗？共 %2 题，%3。计时从现在开始，关闭窗口也不会停；交卷之前不会显示对错。</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message>
        <source>Start the exam</source>
        <translation>开始考试</translation>
    </message>
    <message>
        <source>Practice: %1</source>
        <translation>练习：%1</translation>
    </message>
    <message>
        <source>My Weakest Domains</source>
        <translation>我最薄弱的领域</translation>
    </message>
    <message>
        <source>my weakest domains</source>
        <translation>我最薄弱的领域</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>练习</translation>
    </message>
    <message>
        <source>Review Queue</source>
        <translation>复习队列</translation>
    </message>
    <message numerus="yes">
        <source>Review Queue (%n due today)</source>
        <translation>
            <numerusform>复习队列（今天到期 %n 题）</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing is due for review today.</source>
        <translation>今天没有要复习的题目。</translation>
    </message>
    <message>
        <source>Review queue</source>
        <translation>复习队列</translation>
    </message>
    <message>
        <source>The practice server is not running: %1</source>
        <translation>练习服务器没有运行：%1</translation>
    </message>
    <message numerus="yes">
        <source>Grading %n SQL answer(s) in a sandbox on the practice server…</source>
        <translation>
            <numerusform>正在练习服务器的沙箱中评判 %n 道 SQL 题的答案…</numerusform>
        </translation>
    </message>
    <message>
        <source>Some SQL answers could not be graded: %1 They will be graded when you open this result again.</source>
        <translation>有些 SQL 答案无法评判：%1 下次打开这份成绩时会再评判。</translation>
    </message>
    <message>
        <source>&amp;Progress</source>
        <translation>学习进度(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>The daily backup of your progress failed: %1</source>
        <translation>学习进度的每日备份失败：%1</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Restore every profile&apos;s progress as it was on %1? What was recorded since is not deleted: the current store is kept beside it. PG Campus restarts to load the restored progress.</source>
        <translation>要把所有学员档案的学习进度恢复到 %1 的状态吗？之后记录的内容不会被删除：当前的进度库会保留在旁边。PG 学堂将重新启动以载入恢复后的进度。</translation>
    </message>
    <message>
        <source>The dashboard needs the progress store.</source>
        <translation>学习概览需要学习进度库。</translation>
    </message>
    <message>
        <source>Pro&amp;files…</source>
        <translation>学员档案(&amp;F)…</translation>
    </message>
    <message>
        <source>Export &amp;Report as PDF…</source>
        <translation>导出学习报告为 PDF(&amp;R)…</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>导出学习报告</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Export Report as &amp;CSV…</source>
        <translation>导出学习报告为 CSV(&amp;C)…</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Track &amp;Certificate…</source>
        <translation>学习路径证书(&amp;C)…</translation>
    </message>
    <message>
        <source>Track certificate</source>
        <translation>学习路径证书</translation>
    </message>
    <message>
        <source>No track is finished yet: a certificate comes when every lesson of a track is read and every lab passed.</source>
        <translation>还没有完成任何学习路径：读完一条路径的所有课程、通过所有实验后才能获得证书。</translation>
    </message>
    <message>
        <source>Certificate for:</source>
        <translation>为哪条学习路径生成证书：</translation>
    </message>
    <message>
        <source>&amp;Export Progress File…</source>
        <translation>导出进度文件(&amp;E)…</translation>
    </message>
    <message>
        <source>Export progress</source>
        <translation>导出学习进度</translation>
    </message>
    <message>
        <source>PG Campus progress (*.pgcprogress)</source>
        <translation>PG 学堂进度文件 (*.pgcprogress)</translation>
    </message>
    <message>
        <source>&amp;Import Progress File…</source>
        <translation>导入进度文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入学习进度</translation>
    </message>
    <message numerus="yes">
        <source>Profile &quot;%1&quot;: %n new record(s) imported.</source>
        <translation>
            <numerusform>学员档案“%1”：导入了 %n 条新记录。</numerusform>
        </translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>The PIN of the profile &quot;%1&quot;:</source>
        <translation>学员档案“%1”的 PIN 码：</translation>
    </message>
    <message>
        <source>That is not the PIN of &quot;%1&quot;. Try again:</source>
        <translation>这不是“%1”的 PIN 码，请再试一次：</translation>
    </message>
    <message>
        <source>Old lab sandboxes could not be removed: %1</source>
        <translation>无法删除旧的实验沙箱：%1</translation>
    </message>
    <message>
        <source>Your progress store failed its integrity check (%1). What you do now may not be saved correctly. Use File → Settings… → Backups to go back to a sound copy.</source>
        <translation>学习进度库没有通过完整性检查（%1）。现在的操作可能无法正确保存。请使用“文件 → 设置… → 备份”回到一份完好的副本。</translation>
    </message>
    <message>
        <source>Score %1 % (pass mark %2 %)</source>
        <translation>得分 %1%（及格线 %2%）</translation>
    </message>
    <message>
        <source>Exam locked</source>
        <translation>考试已锁定</translation>
    </message>
    <message>
        <source>Your trainer has locked this exam for now: it opens when they unlock it.</source>
        <translation>讲师暂时锁定了这场考试：解锁后才能开始。</translation>
    </message>
    <message>
        <source>Your trainer has paused this exam: answers wait until they unlock it. The clock keeps running; your trainer can give you extra time.</source>
        <translation>讲师暂停了这场考试：解锁后才能继续作答。计时不会停止；讲师可以给你延长时间。</translation>
    </message>
    <message>
        <source>Unknown view &quot;%1&quot;. Available views: workbench, workbench:result, workbench:error, workbench:transaction, workbench:describe, workbench:complete, courses, lesson:ID, lab:ID, exam:ID, exam-submit:ID, exam-result:LAST, exam-resume, review, dashboard, profiles, settings, settings:backups, explain:misestimate, explain:join, activity, browser, class-provision, class-dashboard, class-student, presenter.</source>
        <translation>未知视图“%1”。可用视图：workbench、workbench:result、workbench:error、workbench:transaction、workbench:describe、workbench:complete、courses、lesson:ID、lab:ID、exam:ID、exam-submit:ID、exam-result:LAST、exam-resume、review、dashboard、profiles、settings、settings:backups、explain:misestimate、explain:join、activity、browser、class-provision、class-dashboard、class-student、presenter。</translation>
    </message>
</context>
<context>
    <name>CatalogBrowser</name>
    <message>
        <source>This object has no DDL.</source>
        <translation>此对象没有 DDL。</translation>
    </message>
    <message>
        <source>%1 no longer exists.</source>
        <translation>%1 已不存在。</translation>
    </message>
    <message>
        <source>-- The identity sequence of %1: ALTER TABLE … ALTER COLUMN makes and changes it.
</source>
        <translation>-- %1 的标识列序列：由 ALTER TABLE … ALTER COLUMN 创建和修改。
</translation>
    </message>
    <message>
        <source>-- %1 is a base type, written in C: its input function is %2 and its output function %3.
</source>
        <translation>-- %1 是用 C 编写的基本类型：输入函数为 %2，输出函数为 %3。
</translation>
    </message>
</context>
<context>
    <name>CatalogTreeModel</name>
    <message>
        <source>enum: %1</source>
        <translation>枚举：%1</translation>
    </message>
    <message>
        <source>domain over %1</source>
        <translation>基于 %1 的域</translation>
    </message>
    <message>
        <source>range of %1</source>
        <translation>%1 的范围类型</translation>
    </message>
    <message>
        <source>composite: %1</source>
        <translation>复合类型：%1</translation>
    </message>
    <message>
        <source>base type</source>
        <translation>基本类型</translation>
    </message>
    <message>
        <source>Databases</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Schemas</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>Extensions</source>
        <translation>扩展</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>表</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>Materialized Views</source>
        <translation>物化视图</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>Sequences</source>
        <translation>序列</translation>
    </message>
    <message>
        <source>Functions</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Constraints</source>
        <translation>约束</translation>
    </message>
    <message>
        <source>Triggers</source>
        <translation>触发器</translation>
    </message>
    <message>
        <source>Partitions</source>
        <translation>分区</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>About %Ln rows, as the planner estimates them (ANALYZE updates the estimate).</source>
        <translation>
            <numerusform>规划器估计约 %Ln 行（ANALYZE 会更新估计值）。</numerusform>
        </translation>
    </message>
    <message>
        <source>No row estimate yet: the table has not been analyzed.</source>
        <translation>尚无行数估计：该表还没有执行过 ANALYZE。</translation>
    </message>
    <message>
        <source>You may not connect to this database.</source>
        <translation>你没有连接此数据库的权限。</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Rows (est.)</source>
        <translation>行数（估计）</translation>
    </message>
</context>
<context>
    <name>CheckGrader</name>
    <message>
        <source>the check needs &quot;%1&quot;</source>
        <translation>该检查需要“%1”</translation>
    </message>
    <message>
        <source>The grader could not connect to your database: %1</source>
        <translation>评分程序无法连接到你的数据库：%1</translation>
    </message>
    <message>
        <source>the database&apos;s settings change the role of the grader&apos;s connection</source>
        <translation>数据库的参数设置改变了评分连接的角色</translation>
    </message>
    <message>
        <source>Your last query joins several statements into one with \;. The check grades one query: end each statement with ; and put the query last.</source>
        <translation>你的最后一条查询用 \; 把几条语句连成了一条。检查只评判一条查询：每条语句都以 ; 结尾，并把要评判的查询放在最后。</translation>
    </message>
    <message>
        <source>Your query is graded on the lab&apos;s data as this step expects it, and your database no longer holds that data. Reset the lab (and redo the earlier steps as they ask) to check this step:</source>
        <translation>你的查询要在本步骤应有的实验数据上评判，而你的数据库已不再是这份数据。请重置实验（并按要求重做前面的步骤）后再检查本步骤：</translation>
    </message>
    <message>
        <source>The lab&apos;s data could not be compared with yours: %1</source>
        <translation>无法将实验数据与你的数据进行比较：%1</translation>
    </message>
    <message>
        <source>This lab has a problem: %1. It is not your answer&apos;s fault: tell your trainer or the author of the course.</source>
        <translation>这个实验本身有问题：%1。这不是你的答案的错：请告诉你的讲师或课程作者。</translation>
    </message>
</context>
<context>
    <name>ClassBar</name>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Leave Class</source>
        <translation>退出班级</translation>
    </message>
    <message>
        <source>Class %1 · %2 · your results reach the trainer</source>
        <translation>班级 %1 · %2 · 你的结果会实时送达讲师</translation>
    </message>
    <message>
        <source>Class %1 · connecting…</source>
        <translation>班级 %1 · 正在连接…</translation>
    </message>
    <message>
        <source>Class %1 · reconnecting… your results are kept and sent when the server is back</source>
        <translation>班级 %1 · 正在重新连接… 你的结果已保存，服务器恢复后会发送</translation>
    </message>
    <message>
        <source>Your trainer presents “%1”</source>
        <translation>讲师正在讲解“%1”</translation>
    </message>
</context>
<context>
    <name>ClassCommand</name>
    <message>
        <source>The trainer&apos;s connection (a superuser, or CREATEROLE and CREATEDB), in the database that keeps the class.</source>
        <translation>讲师的连接（超级用户，或具有 CREATEROLE 和 CREATEDB 的角色），连到保存班级信息的数据库。</translation>
    </message>
    <message>
        <source>The class id (provision makes one when not given).</source>
        <translation>班级编号（provision 未指定时自动生成）。</translation>
    </message>
    <message>
        <source>How many students (named Student 01…).</source>
        <translation>学生人数（命名为 学生 01…）。</translation>
    </message>
    <message>
        <source>A CSV file with one student&apos;s name per line.</source>
        <translation>每行一个学生姓名的 CSV 文件。</translation>
    </message>
    <message>
        <source>A course pack whose labs the class does (all packs when not given).</source>
        <translation>班级要做其中实验的课程包（未指定时为全部课程包）。</translation>
    </message>
    <message>
        <source>The lab to reset.</source>
        <translation>要重置的实验。</translation>
    </message>
    <message>
        <source>The student (by number) to reset; everyone when not given.</source>
        <translation>要重置的学生（按编号）；未指定时为全部学生。</translation>
    </message>
    <message>
        <source>The data directory whose installed packs count too.</source>
        <translation>其中已安装的课程包也会计入的数据目录。</translation>
    </message>
    <message>
        <source>Message language: zh_CN or en.</source>
        <translation>提示信息的语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>--conn is required</source>
        <translation>必须指定 --conn</translation>
    </message>
    <message>
        <source>--class is required</source>
        <translation>必须指定 --class</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a class id (c and seven letters or digits)</source>
        <translation>“%1”不是班级编号（c 加七个小写字母或数字）</translation>
    </message>
    <message>
        <source>class %1: %2 students, %3 sandboxes, %4 results; labs: %5
</source>
        <translation>班级 %1：%2 名学生，%3 个沙箱，%4 条结果；实验：%5
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>class %1 torn down: its roles, sandboxes and schema are gone
</source>
        <translation>班级 %1 已拆除：其角色、沙箱和模式均已删除
</translation>
    </message>
    <message>
        <source>--lab is required</source>
        <translation>必须指定 --lab</translation>
    </message>
    <message>
        <source>no lab &quot;%1&quot; in the course packs</source>
        <translation>课程包中没有实验“%1”</translation>
    </message>
    <message>
        <source>--student takes a student&apos;s number: %1</source>
        <translation>--student 需要学生编号：%1</translation>
    </message>
    <message>
        <source>give either --students N or --roster FILE.csv</source>
        <translation>请指定 --students N 或 --roster FILE.csv 之一</translation>
    </message>
    <message>
        <source>--credentials is required: the students&apos; passwords are written there</source>
        <translation>必须指定 --credentials：学生的密码会写入该文件</translation>
    </message>
    <message>
        <source>--students takes a number from 1 to 999</source>
        <translation>--students 需要 1 到 999 之间的数字</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 names no students</source>
        <translation>%1 中没有学生姓名</translation>
    </message>
    <message>
        <source>no course pack &quot;%1&quot;</source>
        <translation>没有课程包“%1”</translation>
    </message>
    <message>
        <source>%1 (run the same command again to finish: nothing is made twice)</source>
        <translation>%1（再次运行同一命令即可完成：不会重复创建任何东西）</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>class %1: %2 students provisioned; credentials in %3
</source>
        <translation>班级 %1：已为 %2 名学生开通；账号信息在 %3
</translation>
    </message>
    <message>
        <source>cannot make a temporary directory: %1</source>
        <translation>无法创建临时目录：%1</translation>
    </message>
    <message>
        <source>Starting a practice server for the class in %1…</source>
        <translation>正在 %1 中为班级启动练习服务器…</translation>
    </message>
    <message>
        <source>cannot start the practice server: %1</source>
        <translation>无法启动练习服务器：%1</translation>
    </message>
    <message>
        <source>the simulation did not run through</source>
        <translation>模拟没有完整运行</translation>
    </message>
    <message>
        <source>class simulation: %1 students, %2 s: %3 statements, %4 checks, %5 resets, %6 answers sent twice
</source>
        <translation>班级模拟：%1 名学生，%2 秒：%3 条语句，%4 次检查，%5 次重置，%6 次答案重发
</translation>
    </message>
    <message>
        <source>How long the simulated class works (simulate; 0.5 is half a minute).</source>
        <translation>模拟班级练习的时长（simulate；0.5 即半分钟）。</translation>
    </message>
    <message>
        <source>usage: pgcampus class provision|status|reset|teardown|simulate … (see --help)</source>
        <translation>用法：pgcampus class provision|status|reset|teardown|simulate …（见 --help）</translation>
    </message>
    <message>
        <source>--minutes takes a number of minutes above 0 (up to 600)</source>
        <translation>--minutes 需要大于 0 的分钟数（最多 600）</translation>
    </message>
    <message>
        <source>Run a class on a shared PostgreSQL server:
  pgcampus class provision --conn CONNINFO (--students N | --roster FILE.csv) [--pack ID...]
                           --credentials OUT.csv|OUT.pdf [--class-file OUT.pgclass] [--class ID]
  pgcampus class status|teardown --conn CONNINFO --class ID
  pgcampus class reset --conn CONNINFO --class ID --lab ID [--student N...]
  pgcampus class simulate --students N --minutes M [--conn CONNINFO]</source>
        <translation>在共享的 PostgreSQL 服务器上开班：
  pgcampus class provision --conn CONNINFO (--students N | --roster FILE.csv) [--pack ID...]
                           --credentials OUT.csv|OUT.pdf [--class-file OUT.pgclass] [--class ID]
  pgcampus class status|teardown --conn CONNINFO --class ID
  pgcampus class reset --conn CONNINFO --class ID --lab ID [--student N...]
  pgcampus class simulate --students N --minutes M [--conn CONNINFO]</translation>
    </message>
    <message>
        <source>Where to write the students&apos; logins and passwords: a CSV file, or a sheet of cards to print when the name ends in .pdf.</source>
        <translation>学生登录名和密码写到哪里：CSV 文件；文件名以 .pdf 结尾时写成可打印的卡片页。</translation>
    </message>
    <message>
        <source>Where to write the class file students open to join (server, database, class; no passwords).</source>
        <translation>班级文件写到哪里，学生打开它加入班级（服务器、数据库、班级；不含密码）。</translation>
    </message>
    <message>
        <source>The class&apos;s title, on the sheet and in the class file.</source>
        <translation>班级名称，印在账号单上并写入班级文件。</translation>
    </message>
</context>
<context>
    <name>ClassDashboard</name>
    <message>
        <source>Class %1</source>
        <translation>班级 %1</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>A student is stuck when their attempts keep failing and no step has passed for this long.</source>
        <translation>学生一直失败、且这么久没有通过任何步骤时，即视为卡住。</translation>
    </message>
    <message>
        <source>Reset Lab…</source>
        <translation>重置实验…</translation>
    </message>
    <message>
        <source>Lock Exam</source>
        <translation>锁定考试</translation>
    </message>
    <message>
        <source>Unlock Exam</source>
        <translation>解锁考试</translation>
    </message>
    <message>
        <source>Extend Time…</source>
        <translation>延长时间…</translation>
    </message>
    <message>
        <source>Follow Me…</source>
        <translation>跟我来…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <source>Tear Down…</source>
        <translation>拆除…</translation>
    </message>
    <message>
        <source>Select a cell to see the student&apos;s last attempts and feedback.</source>
        <translation>选择一个单元格，查看该学生最近的尝试和反馈。</translation>
    </message>
    <message>
        <source>Stuck after</source>
        <translation>卡住判定</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Reconnecting…</source>
        <translation>正在重新连接…</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s)</source>
        <translation>
            <numerusform>%n 名学生</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 passed</source>
        <translation>%1 已通过</translation>
    </message>
    <message>
        <source>%1 in progress</source>
        <translation>%1 进行中</translation>
    </message>
    <message>
        <source>%1 failing</source>
        <translation>%1 失败中</translation>
    </message>
    <message>
        <source>%1 stuck</source>
        <translation>%1 卡住</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation>
            <numerusform>%n 条结果</numerusform>
        </translation>
    </message>
    <message>
        <source>No attempt yet.</source>
        <translation>还没有尝试。</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>No lab &quot;%1&quot; in the course packs.</source>
        <translation>课程包里没有实验“%1”。</translation>
    </message>
    <message>
        <source>Resetting %1…</source>
        <translation>正在重置 %1…</translation>
    </message>
    <message>
        <source>%1 reset for everyone.</source>
        <translation>已为所有人重置 %1。</translation>
    </message>
    <message numerus="yes">
        <source>%1 reset for %n student(s).</source>
        <translation>
            <numerusform>已为 %n 名学生重置 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Locking %1…</source>
        <translation>正在锁定 %1…</translation>
    </message>
    <message>
        <source>Unlocking %1…</source>
        <translation>正在解锁 %1…</translation>
    </message>
    <message>
        <source>%1 is locked: students cannot start or go on with it.</source>
        <translation>%1 已锁定：学生不能开始或继续作答。</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 已解锁。</translation>
    </message>
    <message>
        <source>Extending %1&apos;s time…</source>
        <translation>正在延长 %1 的时间…</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n extra minute(s) for %2.</source>
        <translation>
            <numerusform>%1 在 %2 中多了 %n 分钟。</numerusform>
        </translation>
    </message>
    <message>
        <source>Telling the class…</source>
        <translation>正在通知全班…</translation>
    </message>
    <message>
        <source>Students no longer follow you.</source>
        <translation>学生不再跟随你。</translation>
    </message>
    <message>
        <source>Students are asked to open %1.</source>
        <translation>已请学生打开 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Tearing class %1 down…</source>
        <translation>正在拆除班级 %1…</translation>
    </message>
    <message>
        <source>Class %1 is torn down: its roles, sandboxes and schema are gone.</source>
        <translation>班级 %1 已拆除：其角色、沙箱和模式均已删除。</translation>
    </message>
    <message>
        <source>Reset Lab</source>
        <translation>重置实验</translation>
    </message>
    <message>
        <source>Select a cell in a lab&apos;s column first.</source>
        <translation>请先在某个实验的列中选择单元格。</translation>
    </message>
    <message>
        <source>Reset %1 for everyone (%2 students)? Their work in it is lost.</source>
        <translation>为所有人（%2 名学生）重置 %1？他们在其中的操作将丢失。</translation>
    </message>
    <message numerus="yes">
        <source>Reset %1 for %n selected student(s)? Their work in it is lost.</source>
        <translation>
            <numerusform>为选中的 %n 名学生重置 %1？他们在其中的操作将丢失。</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a cell in an exam&apos;s column first.</source>
        <translation>请先在某个考试的列中选择单元格。</translation>
    </message>
    <message>
        <source>Extend Time</source>
        <translation>延长时间</translation>
    </message>
    <message>
        <source>Select the student&apos;s cell in an exam&apos;s column first.</source>
        <translation>请先在考试列中选择该学生的单元格。</translation>
    </message>
    <message>
        <source>Extra minutes for %1 in %2:</source>
        <translation>%1 在 %2 中延长的分钟数：</translation>
    </message>
    <message>
        <source>(stop following)</source>
        <translation>（停止跟随）</translation>
    </message>
    <message>
        <source>Follow Me</source>
        <translation>跟我来</translation>
    </message>
    <message>
        <source>Ask every student to open:</source>
        <translation>请每位学生打开：</translation>
    </message>
    <message>
        <source>Export Class Results</source>
        <translation>导出班级结果</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;CSV (*.csv)</source>
        <translation>PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Results exported to %1.</source>
        <translation>结果已导出到 %1。</translation>
    </message>
</context>
<context>
    <name>ClassDashboardModel</name>
    <message>
        <source>Not started</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>Failed attempts</source>
        <translation>尝试失败</translation>
    </message>
    <message>
        <source>Stuck</source>
        <translation>卡住</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>已通过</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ClassDemo</name>
    <message>
        <source>The demo class needs the shipped course pack.</source>
        <translation>演示班级需要随附的课程包。</translation>
    </message>
    <message>
        <source>Score 55 %: below the pass mark of 70 %.</source>
        <translation>得分 55%：低于及格线 70%。</translation>
    </message>
    <message>
        <source>Expected 4 rows, got 3: one customer is missing (check the join).</source>
        <translation>应为 4 行，实际 3 行：少了一位客户（检查连接条件）。</translation>
    </message>
</context>
<context>
    <name>ClassLink</name>
    <message>
        <source>%1 is not a login of class %2: it is on your card as learner_%2_s and your number.</source>
        <translation>%1 不是班级 %2 的登录名：卡片上的登录名是 learner_%2_s 加上你的编号。</translation>
    </message>
    <message>
        <source>There is no class %1 on this server for %2.</source>
        <translation>此服务器上没有 %2 可加入的班级 %1。</translation>
    </message>
    <message>
        <source>The connection to the class&apos;s server was lost.</source>
        <translation>与班级服务器的连接已断开。</translation>
    </message>
</context>
<context>
    <name>ClassMenu</name>
    <message>
        <source>&amp;Class</source>
        <translation>班级(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Provision a Class…</source>
        <translation>开通班级(&amp;P)…</translation>
    </message>
    <message>
        <source>Open Class &amp;Dashboard…</source>
        <translation>打开班级看板(&amp;D)…</translation>
    </message>
    <message>
        <source>Open Class Dashboard</source>
        <translation>打开班级看板</translation>
    </message>
    <message>
        <source>Type a connection below</source>
        <translation>在下方输入连接</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>不会保存</translation>
    </message>
    <message>
        <source>Saved connection:</source>
        <translation>已保存的连接：</translation>
    </message>
    <message>
        <source>Trainer&apos;s connection:</source>
        <translation>讲师的连接：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Class id:</source>
        <translation>班级编号：</translation>
    </message>
    <message>
        <source>&amp;Join a Class…</source>
        <translation>加入班级(&amp;J)…</translation>
    </message>
    <message>
        <source>&amp;Leave Class</source>
        <translation>退出班级(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ClassMonitor</name>
    <message>
        <source>There is no class %1 on this server.</source>
        <translation>此服务器上没有班级 %1。</translation>
    </message>
    <message>
        <source>The connection to the class&apos;s server was lost.</source>
        <translation>与班级服务器的连接已断开。</translation>
    </message>
</context>
<context>
    <name>ClassProvisionDialog</name>
    <message>
        <source>Number of students</source>
        <translation>学生人数</translation>
    </message>
    <message>
        <source>Roster (CSV of names)</source>
        <translation>名单（姓名 CSV）</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Provision</source>
        <translation>开通</translation>
    </message>
    <message>
        <source>Save Credentials…</source>
        <translation>保存账号单…</translation>
    </message>
    <message>
        <source>Save Class File…</source>
        <translation>保存班级文件…</translation>
    </message>
    <message>
        <source>Open Dashboard</source>
        <translation>打开看板</translation>
    </message>
    <message>
        <source>Provision a Class</source>
        <translation>开通班级</translation>
    </message>
    <message>
        <source>Type a connection below</source>
        <translation>在下方输入连接</translation>
    </message>
    <message>
        <source>A superuser, or a role with CREATEROLE and CREATEDB, in the database that keeps the class.</source>
        <translation>超级用户，或具有 CREATEROLE 和 CREATEDB 的角色，连接到保存班级信息的数据库。</translation>
    </message>
    <message>
        <source>not kept</source>
        <translation>不会保存</translation>
    </message>
    <message>
        <source>e.g. DBA course, group 1</source>
        <translation>例如：数据库管理 1 班</translation>
    </message>
    <message>
        <source>no roster chosen</source>
        <translation>未选择名单</translation>
    </message>
    <message>
        <source>Roster</source>
        <translation>名单</translation>
    </message>
    <message>
        <source>CSV (*.csv *.txt)</source>
        <translation>CSV (*.csv *.txt)</translation>
    </message>
    <message numerus="yes">
        <source>%1 — %n lab(s) with a sandbox, </source>
        <translation>
            <numerusform>%1 — %n 个带沙箱的实验，</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n exam(s)</source>
        <translation>
            <numerusform>%n 场考试</numerusform>
        </translation>
    </message>
    <message>
        <source>What provisioning does appears here.</source>
        <translation>开通过程会显示在这里。</translation>
    </message>
    <message>
        <source>Saved connection:</source>
        <translation>已保存的连接：</translation>
    </message>
    <message>
        <source>Trainer&apos;s connection:</source>
        <translation>讲师的连接：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Class title:</source>
        <translation>班级名称：</translation>
    </message>
    <message>
        <source>Class id:</source>
        <translation>班级编号：</translation>
    </message>
    <message>
        <source>Students:</source>
        <translation>学生：</translation>
    </message>
    <message>
        <source>Course packs:</source>
        <translation>课程包：</translation>
    </message>
    <message>
        <source>Save Credentials</source>
        <translation>保存账号单</translation>
    </message>
    <message>
        <source>PDF sheet to print (*.pdf);;CSV (*.csv)</source>
        <translation>可打印的 PDF (*.pdf);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Save Class File</source>
        <translation>保存班级文件</translation>
    </message>
    <message>
        <source>PG Campus class (*.pgclass)</source>
        <translation>PG Campus 班级 (*.pgclass)</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 names no students: one name per line (the first column), a header line &quot;name&quot; is skipped.</source>
        <translation>%1 中没有学生：每行一个姓名（第一列），标题行“name”会被跳过。</translation>
    </message>
    <message numerus="yes">
        <source>%n student(s), from %1 to %2</source>
        <translation>
            <numerusform>%n 名学生，从 %1 到 %2</numerusform>
        </translation>
    </message>
    <message>
        <source>A class of %1 may hold %2 connections at once: the server&apos;s max_connections must allow them.</source>
        <translation>%1 人的班级可能同时占用 %2 个连接：服务器的 max_connections 必须足够。</translation>
    </message>
    <message>
        <source>Give the trainer&apos;s connection first.</source>
        <translation>请先填写讲师的连接。</translation>
    </message>
    <message>
        <source>Choose a roster, or give a number of students.</source>
        <translation>请选择名单，或填写学生人数。</translation>
    </message>
    <message numerus="yes">
        <source>Provisioning class %1 for %n student(s)…</source>
        <translation>
            <numerusform>正在为 %n 名学生开通班级 %1…</numerusform>
        </translation>
    </message>
    <message>
        <source>Provisioning stopped: %1
Provision again to finish: nothing is made twice, and students already made keep their passwords.</source>
        <translation>开通中断：%1
再次开通即可完成：不会重复创建，已创建的学生保留原密码。</translation>
    </message>
    <message>
        <source>Provision Again</source>
        <translation>再次开通</translation>
    </message>
    <message numerus="yes">
        <source>Class %1 is ready: %n student(s). Save the credentials sheet and the class file to hand out.</source>
        <translation>
            <numerusform>班级 %1 已就绪：%n 名学生。请保存账号单和班级文件分发给学生。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>ClassSheets</name>
    <message>
        <source>PG Campus class %1%2 — cut along the dashed lines and hand each student their card. Passwords are shown once; keep this sheet away from the class.</source>
        <translation>PG Campus 班级 %1%2 — 沿虚线剪开，把卡片分发给每位学生。密码只显示这一次；请妥善保管本页。</translation>
    </message>
    <message>
        <source>Class %1</source>
        <translation>班级 %1</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>班级</translation>
    </message>
    <message>
        <source>Login</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>In PG Campus: Class → Join a Class…, open the class file or type these details.</source>
        <translation>在 PG Campus 中：班级 → 加入班级…，打开班级文件或输入以上信息。</translation>
    </message>
    <message>
        <source>PG Campus class %1: credentials</source>
        <translation>PG Campus 班级 %1：账号单</translation>
    </message>
    <message>
        <source>Class %1: results</source>
        <translation>班级 %1：结果</translation>
    </message>
    <message>
        <source>%1 students · %2 passed · %3 stuck · printed %4</source>
        <translation>%1 名学生 · %2 已通过 · %3 卡住 · 打印于 %4</translation>
    </message>
    <message>
        <source>✓ passed · n/m steps passed · ✗ n failed attempts · n min stuck (failing, no step passed for that long)</source>
        <translation>✓ 已通过 · n/m 已通过的步骤 · ✗ n 次失败 · n 分钟 卡住（一直失败，这么久没有通过任何步骤）</translation>
    </message>
    <message>
        <source>PG Campus class %1: results</source>
        <translation>PG Campus 班级 %1：结果</translation>
    </message>
</context>
<context>
    <name>ClassSimulation</name>
    <message>
        <source>The lab has no step to check.</source>
        <translation>该实验没有可检查的步骤。</translation>
    </message>
    <message>
        <source>provisioning failed: %1</source>
        <translation>开通失败：%1</translation>
    </message>
    <message>
        <source>%1 students at work for %2 s…</source>
        <translation>%1 名学生练习 %2 秒…</translation>
    </message>
    <message>
        <source>teardown failed: %1</source>
        <translation>拆除失败：%1</translation>
    </message>
</context>
<context>
    <name>Classroom</name>
    <message>
        <source>Student %1</source>
        <translation>学生 %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a class id (c and seven letters or digits).</source>
        <translation>“%1”不是班级编号（c 加七个小写字母或数字）。</translation>
    </message>
    <message>
        <source>Class %1: bookkeeping in schema %2</source>
        <translation>班级 %1：班级信息保存在模式 %2</translation>
    </message>
    <message>
        <source>%1&apos;s sandbox of %2: %3</source>
        <translation>%1 的 %2 沙箱：%3</translation>
    </message>
    <message>
        <source>Student %1 of %2: %3</source>
        <translation>第 %1 名学生（共 %2 名）：%3</translation>
    </message>
    <message>
        <source>There is no class %1 on this server.</source>
        <translation>此服务器上没有班级 %1。</translation>
    </message>
    <message>
        <source>Reset %1 for %2</source>
        <translation>已为 %2 重置 %1</translation>
    </message>
    <message>
        <source>Dropped %1 and its sandboxes</source>
        <translation>已删除 %1 及其沙箱</translation>
    </message>
    <message>
        <source>Warning: the server takes %1 connections, and a class of %2 may hold %3 at once; raise max_connections.</source>
        <translation>警告：服务器最多接受 %1 个连接，而 %2 名学生的班级可能同时占用 %3 个；请调高 max_connections。</translation>
    </message>
    <message>
        <source>This is not a class file: %1 at byte %2.</source>
        <translation>这不是班级文件：第 %2 字节处%1。</translation>
    </message>
    <message>
        <source>This is not a class file of PG Campus.</source>
        <translation>这不是 PG Campus 的班级文件。</translation>
    </message>
    <message>
        <source>The class file names no valid class (&quot;%1&quot;).</source>
        <translation>班级文件中没有有效的班级（“%1”）。</translation>
    </message>
</context>
<context>
    <name>ClusterCheck</name>
    <message>
        <source>a cluster check needs one of: %1</source>
        <translation>集群检查需要以下之一：%1</translation>
    </message>
    <message>
        <source>This check needs the lab&apos;s own cluster, and it is not running.</source>
        <translation>这项检查需要本实验自己的集群，但它没有在运行。</translation>
    </message>
    <message>
        <source>The grader could not connect to the lab&apos;s cluster: %1</source>
        <translation>评分程序无法连接到实验集群：%1</translation>
    </message>
    <message>
        <source>A new session sees %1 = %2; it should see %3. (SET changes only your own session; ALTER SYSTEM needs a reload, some settings a restart.)</source>
        <translation>新会话看到的 %1 = %2，应为 %3。（SET 只改变你自己的会话；ALTER SYSTEM 需要重新加载配置，有些参数还需要重启。）</translation>
    </message>
    <message>
        <source>No changed setting is waiting for a restart.</source>
        <translation>没有等待重启才能生效的参数。</translation>
    </message>
    <message>
        <source>These settings wait for a restart: %1.</source>
        <translation>这些参数要重启后才生效：%1。</translation>
    </message>
    <message>
        <source>No WAL segment has reached the archive yet.</source>
        <translation>还没有 WAL 段被归档。</translation>
    </message>
    <message>
        <source>The check could not read the cluster: %1</source>
        <translation>检查无法读取集群：%1</translation>
    </message>
    <message>
        <source>The cluster is not yet in the state this step asks for.</source>
        <translation>集群还没有达到这一步要求的状态。</translation>
    </message>
    <message>
        <source>&quot;on&quot; is either primary or standby</source>
        <translation>“on”只能是 primary 或 standby</translation>
    </message>
    <message>
        <source>The primary has no replication slot named %1; it has none at all.</source>
        <translation>主库上没有名为 %1 的复制槽；它一个复制槽也没有。</translation>
    </message>
    <message>
        <source>The primary has no replication slot named %1 (it has: %2).</source>
        <translation>主库上没有名为 %1 的复制槽（现有：%2）。</translation>
    </message>
    <message>
        <source>No standby is streaming from the primary (pg_stat_replication has no streaming row).</source>
        <translation>没有备库在从主库流复制（pg_stat_replication 中没有 streaming 状态的行）。</translation>
    </message>
    <message>
        <source>A standby streams, but not through the slot %1: set primary_slot_name on the standby and reload it.</source>
        <translation>备库在流复制，但没有使用复制槽 %1：请在备库上设置 primary_slot_name 并重新加载配置。</translation>
    </message>
    <message>
        <source>The cluster is still replaying WAL and has not stopped at a recovery target yet.</source>
        <translation>集群仍在重放 WAL，还没有停在恢复目标上。</translation>
    </message>
    <message>
        <source>The cluster has not been through point-in-time recovery: it is still on its first timeline. Set restore_command and a recovery target with ALTER SYSTEM, then press Recover.</source>
        <translation>集群还没有做过时间点恢复：它仍在第一条时间线上。请用 ALTER SYSTEM 设置 restore_command 和恢复目标，然后点击“恢复”。</translation>
    </message>
    <message>
        <source>There is no database named %1.</source>
        <translation>没有名为 %1 的数据库。</translation>
    </message>
    <message>
        <source>pg_dump of %1 failed: %2</source>
        <translation>对 %1 执行 pg_dump 失败：%2</translation>
    </message>
    <message>
        <source>pg_restore of the dump into a new database failed: %1</source>
        <translation>用 pg_restore 把转储恢复到新数据库时失败：%1</translation>
    </message>
    <message>
        <source>The restored copy has more than the original.</source>
        <translation>恢复出的副本比原库多出了对象或数据。</translation>
    </message>
    <message>
        <source>The restored copy differs from %1: %2</source>
        <translation>恢复出的副本与 %1 不同：%2</translation>
    </message>
    <message>
        <source>This check needs the lab&apos;s standby, and the lab has none.</source>
        <translation>这项检查需要实验的备库，但本实验没有备库。</translation>
    </message>
</context>
<context>
    <name>ConnectionDialog</name>
    <message>
        <source>Read-only: the server refuses changes on this connection</source>
        <translation>只读：服务器拒绝此连接上的任何修改</translation>
    </message>
    <message>
        <source>New Connection</source>
        <translation>新建连接</translation>
    </message>
    <message>
        <source>Connection %1</source>
        <translation>连接 %1</translation>
    </message>
    <message>
        <source>libpq default</source>
        <translation>libpq 默认</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Root Certificate</source>
        <translation>根证书</translation>
    </message>
    <message>
        <source>Certificates (*.crt *.pem);;All files (*)</source>
        <translation>证书 (*.crt *.pem);;所有文件 (*)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Red (production)</source>
        <translation>红色（生产环境）</translation>
    </message>
    <message>
        <source>Orange</source>
        <translation>橙色</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>绿色</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>蓝色</translation>
    </message>
    <message>
        <source>Test Connection</source>
        <translation>测试连接</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>连接：</translation>
    </message>
    <message>
        <source>SSL mode:</source>
        <translation>SSL 模式：</translation>
    </message>
    <message>
        <source>Root certificate:</source>
        <translation>根证书：</translation>
    </message>
    <message>
        <source>Colour:</source>
        <translation>颜色：</translation>
    </message>
    <message>
        <source>Give the connection a name.</source>
        <translation>请为连接命名。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
    <message>
        <source>Connected to PostgreSQL %1 as %2, database %3. TLS: %4.</source>
        <translation>已连接到 PostgreSQL %1，用户 %2，数据库 %3。TLS：%4。</translation>
    </message>
    <message>
        <source>not in use</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password for %1:</source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Remember the password in the system keychain</source>
        <translation>将密码保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Passwords are never stored with the profile: PG Campus asks for one when the server wants it, and keeps it only in the system keychain if you say so. libpq also reads ~/.pgpass, pg_service.conf and the PG* variables.</source>
        <translation>密码从不随连接配置保存：服务器需要时，PG 学堂会向你询问；只有在你选择时，才会把它保存在系统钥匙串中。libpq 还会读取 ~/.pgpass、pg_service.conf 和 PG* 环境变量。</translation>
    </message>
</context>
<context>
    <name>ConnectionInfo</name>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
</context>
<context>
    <name>ConstraintEquivalence</name>
    <message>
        <source>There is no table named %1.</source>
        <translation>没有名为 %1 的表。</translation>
    </message>
    <message>
        <source>The table %1 has no constraints yet.</source>
        <translation>表 %1 还没有任何约束。</translation>
    </message>
    <message>
        <source>No constraint of %1 does what this step asks. It has:</source>
        <translation>%1 上没有哪个约束满足这一步的要求。它现有的约束：</translation>
    </message>
</context>
<context>
    <name>CourseBrowser</name>
    <message>
        <source>Search lessons and labs</source>
        <translation>搜索课程与实验</translation>
    </message>
</context>
<context>
    <name>CourseDocks</name>
    <message>
        <source>Courses</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Lesson examples</source>
        <translation>课程示例</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <source>Standby</source>
        <translation>备库</translation>
    </message>
</context>
<context>
    <name>CoursePackLoader</name>
    <message>
        <source>the file is missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>not valid YAML: %1</source>
        <translation>不是有效的 YAML：%1</translation>
    </message>
    <message>
        <source>cannot be read: %1</source>
        <translation>无法读取：%1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be given as text</source>
        <translation>“%1”必须是文本</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; may hold only a-z, 0-9 and &apos;-&apos;</source>
        <translation>标识“%1”只能包含 a-z、0-9 和“-”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs a text for each language (zh_CN, en)</source>
        <translation>“%1”需要为每种语言（zh_CN、en）提供文本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; has no %2 text</source>
        <translation>“%1”缺少 %2 文本</translation>
    </message>
    <message>
        <source>the lab&apos;s id is &quot;%1&quot;, but the pack calls it &quot;%2&quot;</source>
        <translation>实验的标识是“%1”，但课程包中称它为“%2”</translation>
    </message>
    <message>
        <source>a lab needs at least one step</source>
        <translation>实验至少需要一个步骤</translation>
    </message>
    <message>
        <source>the step id &quot;%1&quot; is used twice</source>
        <translation>步骤标识“%1”被使用了两次</translation>
    </message>
    <message>
        <source>the step &quot;%1&quot; has no checks</source>
        <translation>步骤“%1”没有任何检查</translation>
    </message>
    <message>
        <source>unknown check kind &quot;%1&quot; (known: %2)</source>
        <translation>未知的检查类型“%1”（已知类型：%2）</translation>
    </message>
    <message>
        <source>the image &quot;%1&quot; is missing</source>
        <translation>图片“%1”缺失</translation>
    </message>
    <message>
        <source>the id &quot;%1&quot; is used twice</source>
        <translation>标识“%1”被使用了两次</translation>
    </message>
    <message>
        <source>a pack needs at least one track</source>
        <translation>课程包至少需要一条学习路线</translation>
    </message>
    <message>
        <source>an item is either a lesson or a lab</source>
        <translation>每个条目必须是课程或实验之一</translation>
    </message>
    <message>
        <source>the lesson file %1 is missing</source>
        <translation>课程文件 %1 缺失</translation>
    </message>
    <message>
        <source>&quot;requires&quot; names &quot;%1&quot;, which is not in the pack</source>
        <translation>“requires”中的“%1”不在课程包中</translation>
    </message>
    <message>
        <source>unexpected structure: %1</source>
        <translation>结构不符合要求：%1</translation>
    </message>
    <message>
        <source>the role name &quot;%1&quot; may hold only a-z, 0-9 and &apos;_&apos;</source>
        <translation>角色名“%1”只能包含 a-z、0-9 和“_”</translation>
    </message>
    <message>
        <source>&quot;as&quot; names the role &quot;%1&quot;, which is not in the lab&apos;s roles</source>
        <translation>“as”指定的角色“%1”不在本实验的 roles 中</translation>
    </message>
    <message>
        <source>a cluster check needs a lab with a &quot;cluster&quot; section</source>
        <translation>集群检查需要带有“cluster”部分的实验</translation>
    </message>
    <message>
        <source>&quot;variant: true&quot; needs the lab&apos;s &quot;variant_setup&quot;</source>
        <translation>“variant: true”需要实验提供“variant_setup”</translation>
    </message>
    <message>
        <source>&quot;min_server_version&quot; must be a server_version_num such as 170000, or a major version such as 17</source>
        <translation>“min_server_version”必须是 server_version_num（例如 170000）或主版本号（例如 17）</translation>
    </message>
    <message>
        <source>&quot;restart&quot; needs a lab with a &quot;cluster&quot; section</source>
        <translation>“restart”需要带有“cluster”部分的实验</translation>
    </message>
    <message>
        <source>&quot;recover&quot; needs a lab whose cluster archives its WAL (&quot;archive: true&quot;)</source>
        <translation>“recover”需要集群归档 WAL 的实验（“archive: true”）</translation>
    </message>
    <message>
        <source>a session is named by up to 8 letters or digits, once: &quot;%1&quot;</source>
        <translation>会话名只能由最多 8 个字母或数字组成，且不能重复：“%1”</translation>
    </message>
    <message>
        <source>&quot;observe&quot; names the session &quot;%1&quot;, which is not in the lab&apos;s sessions</source>
        <translation>“observe”中的会话“%1”不在本实验的 sessions 中</translation>
    </message>
    <message>
        <source>the bank&apos;s id is &quot;%1&quot;, but the pack calls it &quot;%2&quot;</source>
        <translation>题库的标识是“%1”，但课程包中称它为“%2”</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; is declared twice</source>
        <translation>领域“%1”被声明了两次</translation>
    </message>
    <message>
        <source>a bank needs at least one domain</source>
        <translation>题库至少需要一个领域</translation>
    </message>
    <message>
        <source>a bank needs at least one question</source>
        <translation>题库至少需要一道题</translation>
    </message>
    <message>
        <source>the question id &quot;%1&quot; is used twice</source>
        <translation>题目标识“%1”被使用了两次</translation>
    </message>
    <message>
        <source>unknown question type &quot;%1&quot; (known: single, multiple, truefalse, fillin, numerical, ordering, matching, sql)</source>
        <translation>未知题型“%1”（可用：single、multiple、truefalse、fillin、numerical、ordering、matching、sql）</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; is not declared in the bank</source>
        <translation>领域“%1”没有在题库中声明</translation>
    </message>
    <message>
        <source>&quot;difficulty&quot; is 1, 2 or 3</source>
        <translation>“difficulty”只能是 1、2 或 3</translation>
    </message>
    <message>
        <source>&quot;reference&quot; must be a page of the PostgreSQL 17 documentation (https://www.postgresql.org/docs/17/….html), not &quot;%1&quot;</source>
        <translation>“reference”必须是 PostgreSQL 17 文档中的页面（https://www.postgresql.org/docs/17/….html），而不是“%1”</translation>
    </message>
    <message>
        <source>a choice question needs at least two options</source>
        <translation>选择题至少需要两个选项</translation>
    </message>
    <message>
        <source>a single-choice question needs exactly one correct option; it has %1</source>
        <translation>单选题需要恰好一个正确选项；这道题有 %1 个</translation>
    </message>
    <message>
        <source>a multiple-choice question needs at least one correct option</source>
        <translation>多选题至少需要一个正确选项</translation>
    </message>
    <message>
        <source>&quot;scoring&quot; is all-or-nothing or partial</source>
        <translation>“scoring”只能是 all-or-nothing 或 partial</translation>
    </message>
    <message>
        <source>a true/false question needs &quot;answer: true&quot; or &quot;answer: false&quot;</source>
        <translation>判断题需要“answer: true”或“answer: false”</translation>
    </message>
    <message>
        <source>a fill-in question needs &quot;accepted&quot; answers or a &quot;regex&quot;</source>
        <translation>填空题需要“accepted”答案或“regex”</translation>
    </message>
    <message>
        <source>the regex does not compile: %1</source>
        <translation>正则表达式无法编译：%1</translation>
    </message>
    <message>
        <source>&quot;whitespace&quot; is exact, collapse or ignore</source>
        <translation>“whitespace”只能是 exact、collapse 或 ignore</translation>
    </message>
    <message>
        <source>a numerical question needs a number as &quot;value&quot;</source>
        <translation>数值题需要数字形式的“value”</translation>
    </message>
    <message>
        <source>&quot;tolerance&quot; is a number, 0 or more</source>
        <translation>“tolerance”必须是大于或等于 0 的数字</translation>
    </message>
    <message>
        <source>an ordering question needs at least two items</source>
        <translation>排序题至少需要两项</translation>
    </message>
    <message>
        <source>a matching question needs at least two pairs</source>
        <translation>匹配题至少需要两对</translation>
    </message>
    <message>
        <source>an sql question needs &quot;checks&quot;</source>
        <translation>SQL 题需要“checks”</translation>
    </message>
    <message>
        <source>the exam&apos;s id is &quot;%1&quot;, but the pack calls it &quot;%2&quot;</source>
        <translation>考试的标识是“%1”，但课程包中称它为“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number, 0 or more</source>
        <translation>“%1”必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>an exam needs at least one question and a pass mark of 0 to 100 %</source>
        <translation>考试至少需要一道题，及格线应在 0 到 100% 之间</translation>
    </message>
    <message>
        <source>&quot;review&quot; is after-submit, immediate or never</source>
        <translation>“review”只能是 after-submit、immediate 或 never</translation>
    </message>
    <message>
        <source>&quot;banks&quot; names &quot;%1&quot;, which is not in the pack</source>
        <translation>“banks”中的“%1”不在课程包中</translation>
    </message>
    <message>
        <source>an exam needs &quot;domains&quot; with a weight each</source>
        <translation>考试需要“domains”，并为每个领域给出权重</translation>
    </message>
    <message>
        <source>the weight of &quot;%1&quot; must be a whole number above 0</source>
        <translation>“%1”的权重必须是大于 0 的整数</translation>
    </message>
    <message>
        <source>no bank of this exam has questions in the domain &quot;%1&quot;</source>
        <translation>这场考试的题库中没有领域“%1”的题目</translation>
    </message>
    <message>
        <source>the domain &quot;%1&quot; needs %2 questions for this exam; its banks have %3</source>
        <translation>这场考试需要领域“%1”的 %2 道题；题库中只有 %3 道</translation>
    </message>
    <message>
        <source>&quot;difficulty&quot; maps 1, 2 and 3 to percentages</source>
        <translation>“difficulty”把 1、2、3 对应到百分比</translation>
    </message>
    <message>
        <source>the difficulty percentages add up to %1, not 100</source>
        <translation>难度百分比之和是 %1，而不是 100</translation>
    </message>
    <message>
        <source>&quot;domain&quot; names &quot;%1&quot;, which no bank of the pack declares</source>
        <translation>“domain”指定了“%1”，但课程包的题库中没有声明这个领域</translation>
    </message>
    <message>
        <source>a script runs in the lab&apos;s sessions: list them under &quot;sessions&quot;</source>
        <translation>脚本在实验的会话中运行：请在“sessions”下列出这些会话</translation>
    </message>
    <message>
        <source>the script names the session &quot;%1&quot;, which is not in the lab&apos;s sessions (%2)</source>
        <translation>脚本指定了会话“%1”，但它不在实验的会话（%2）中</translation>
    </message>
    <message>
        <source>&quot;-- session %1&quot; switches session, but the lab lists no &quot;sessions&quot;</source>
        <translation>“-- session %1”切换了会话，但实验没有列出“sessions”</translation>
    </message>
    <message>
        <source>&quot;-- session %1&quot; names a session the lab does not list (%2)</source>
        <translation>“-- session %1”指定的会话不在实验列出的会话（%2）中</translation>
    </message>
    <message>
        <source>the manifest never names this file (name it in pack.yaml or remove it)</source>
        <translation>清单文件从未提到这个文件（请在 pack.yaml 中列出它，或者删除它）</translation>
    </message>
    <message>
        <source>a text in both languages</source>
        <translation>双语文本</translation>
    </message>
    <message>
        <source>an item</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>a module</source>
        <translation>单元</translation>
    </message>
    <message>
        <source>a track</source>
        <translation>学习路径</translation>
    </message>
    <message>
        <source>the cluster section</source>
        <translation>cluster 部分</translation>
    </message>
    <message>
        <source>a decoy</source>
        <translation>诱饵答案</translation>
    </message>
    <message>
        <source>a step</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>a domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>an option</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>a pair</source>
        <translation>配对</translation>
    </message>
    <message>
        <source>&quot;shuffle&quot;</source>
        <translation>“shuffle”</translation>
    </message>
    <message>
        <source>a result check</source>
        <translation>结果检查</translation>
    </message>
    <message>
        <source>a state check with &quot;%1&quot;</source>
        <translation>带“%1”的状态检查</translation>
    </message>
    <message>
        <source>a state check</source>
        <translation>状态检查</translation>
    </message>
    <message>
        <source>a plan check</source>
        <translation>执行计划检查</translation>
    </message>
    <message>
        <source>an error check</source>
        <translation>错误检查</translation>
    </message>
    <message>
        <source>&quot;expect&quot;</source>
        <translation>“expect”</translation>
    </message>
    <message>
        <source>a script entry</source>
        <translation>脚本条目</translation>
    </message>
    <message>
        <source>an observe entry</source>
        <translation>observe 条目</translation>
    </message>
    <message>
        <source>a multi-session check</source>
        <translation>多会话检查</translation>
    </message>
    <message>
        <source>a cluster check</source>
        <translation>集群检查</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; in %2 (did you mean &quot;%3&quot;?)</source>
        <translation>%2中有未知字段“%1”（是不是“%3”？）</translation>
    </message>
    <message>
        <source>unknown field &quot;%1&quot; in %2 (known: %3)</source>
        <translation>%2中有未知字段“%1”（已知字段：%3）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list of values, such as [a, b]</source>
        <translation>“%1”必须是值的列表，例如 [a, b]</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be true or false, not &quot;%2&quot;</source>
        <translation>“%1”必须是 true 或 false，而不是“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a whole number, not &quot;%2&quot;</source>
        <translation>“%1”必须是整数，而不是“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be 0 or more, not &quot;%2&quot;</source>
        <translation>“%1”必须大于或等于 0，而不是“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a decimal number, not &quot;%2&quot;</source>
        <translation>“%1”必须是十进制数，而不是“%2”</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a list</source>
        <translation>“%1”必须是列表</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a map of names to values, such as {a: 1}</source>
        <translation>“%1”必须是名称到值的映射，例如 {a: 1}</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must be a map of fields</source>
        <translation>“%1”必须是字段的映射</translation>
    </message>
    <message>
        <source>each entry of &quot;%1&quot; must be a map of fields</source>
        <translation>“%1”的每一项都必须是字段的映射</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is ok, blocks, or one of {error: …}, {value: …}, {rows: …}</source>
        <translation>“%1”只能是 ok、blocks，或 {error: …}、{value: …}、{rows: …} 之一</translation>
    </message>
    <message>
        <source>the manifest</source>
        <translation>清单文件</translation>
    </message>
    <message>
        <source>a lab</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>a bank</source>
        <translation>题库</translation>
    </message>
    <message>
        <source>an exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>a single-choice question</source>
        <translation>单选题</translation>
    </message>
    <message>
        <source>a multiple-choice question</source>
        <translation>多选题</translation>
    </message>
    <message>
        <source>a true/false question</source>
        <translation>判断题</translation>
    </message>
    <message>
        <source>a fill-in question</source>
        <translation>填空题</translation>
    </message>
    <message>
        <source>a numerical question</source>
        <translation>数值题</translation>
    </message>
    <message>
        <source>an ordering question</source>
        <translation>排序题</translation>
    </message>
    <message>
        <source>a matching question</source>
        <translation>匹配题</translation>
    </message>
    <message>
        <source>an sql question</source>
        <translation>SQL 题</translation>
    </message>
    <message>
        <source>a state check makes one assertion, but this one has &quot;%1&quot; and &quot;%2&quot;</source>
        <translation>一个状态检查只做一项断言，但这一项同时有“%1”和“%2”</translation>
    </message>
    <message>
        <source>a multi-session check has a &quot;script&quot; or an &quot;observe&quot;, not both</source>
        <translation>多会话检查只能有“script”或“observe”之一，不能两者都有</translation>
    </message>
    <message>
        <source>a second YAML document starts here; a pack file holds one</source>
        <translation>这里开始了第二个 YAML 文档；课程包的文件只能有一个文档</translation>
    </message>
    <message>
        <source>a key must be a name, not empty</source>
        <translation>键必须是一个名称，不能为空</translation>
    </message>
    <message>
        <source>anchors (&amp;name) and aliases (*name) are not supported: write the value out</source>
        <translation>不支持锚点（&amp;name）和别名（*name）：请把值完整写出</translation>
    </message>
    <message>
        <source>merge keys (&lt;&lt;) are not supported: write the fields out</source>
        <translation>不支持合并键（&lt;&lt;）：请把字段逐一写出</translation>
    </message>
    <message>
        <source>the key &quot;%1&quot; is given twice (first on line %2)</source>
        <translation>键“%1”出现了两次（第一次在第 %2 行）</translation>
    </message>
    <message>
        <source>tags (%1) are not supported: quote the value instead</source>
        <translation>不支持标签（%1）：请改为给值加引号</translation>
    </message>
    <message>
        <source>a key must be a name, not a list or a map</source>
        <translation>键必须是一个名称，不能是列表或映射</translation>
    </message>
    <message>
        <source>nested too deeply (more than %1 levels)</source>
        <translation>嵌套过深（超过 %1 层）</translation>
    </message>
    <message>
        <source>the file holds a NUL byte (column %1)</source>
        <translation>文件含有 NUL 字节（第 %1 列）</translation>
    </message>
    <message>
        <source>not UTF-8 (the byte 0x%1 at column %2)</source>
        <translation>不是 UTF-8 编码（第 %2 列的字节 0x%1）</translation>
    </message>
</context>
<context>
    <name>CourseTreeModel</name>
    <message>
        <source>Course</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>进行中</translation>
    </message>
    <message>
        <source>%1: %2 of %3 done</source>
        <translation>%1：已完成 %2/%3</translation>
    </message>
    <message>
        <source>Lab</source>
        <translation>实验</translation>
    </message>
    <message>
        <source>Lesson</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>%1, done</source>
        <translation>%1，已完成</translation>
    </message>
    <message>
        <source>%1, started</source>
        <translation>%1，进行中</translation>
    </message>
    <message>
        <source>%1, not started</source>
        <translation>%1，未开始</translation>
    </message>
    <message>
        <source>%1 [class]</source>
        <translation>%1 [班级]</translation>
    </message>
    <message>
        <source>Lab of class %1, on the class&apos;s server</source>
        <translation>班级 %1 的实验，在班级服务器上</translation>
    </message>
    <message>
        <source>Lesson of class %1</source>
        <translation>班级 %1 的课程</translation>
    </message>
</context>
<context>
    <name>CoursewareCommand</name>
    <message>
        <source>Validate the packs under each PATH.</source>
        <translation>校验每个 PATH 下的课程包。</translation>
    </message>
    <message>
        <source>Check courseware packs: pgcampus courseware check [--run] PATH...</source>
        <translation>检查课程包：pgcampus courseware check [--run] PATH...</translation>
    </message>
    <message>
        <source>Also build every lab on a throwaway practice server and prove that each step passes with its reference solution and fails with each of its decoys.</source>
        <translation>同时在临时练习服务器上构建每个实验，证明每一步用参考答案能通过、用每个诱饵答案都不能通过。</translation>
    </message>
    <message>
        <source>pgcampus courseware: usage: pgcampus courseware check [--run] PATH...
</source>
        <translation>pgcampus courseware：用法：pgcampus courseware check [--run] PATH...
</translation>
    </message>
    <message>
        <source>pgcampus courseware: cannot start a practice server: %1
</source>
        <translation>pgcampus courseware：无法启动练习服务器：%1
</translation>
    </message>
    <message>
        <source>checking lab %1...
</source>
        <translation>正在检查实验 %1……
</translation>
    </message>
    <message>
        <source>A pack&apos;s directory or .zip, or a directory of packs.</source>
        <translation>课程包的目录或 .zip 文件，或存放多个课程包的目录。</translation>
    </message>
    <message>
        <source>pgcampus courseware: %1 is neither a directory nor a .zip pack
</source>
        <translation>pgcampus courseware：%1 既不是目录，也不是 .zip 课程包
</translation>
    </message>
    <message>
        <source>checking question %1...
</source>
        <translation>正在检查题目 %1……
</translation>
    </message>
    <message>
        <source>; %1 of %2 steps and sql questions passed with their reference solutions, %3 decoys rejected</source>
        <translation>；%2 个步骤和 SQL 题中有 %1 个用参考答案通过，拒绝了 %3 个诱饵答案</translation>
    </message>
    <message>
        <source>checked %1 packs: %2 tracks, %3 modules, %4 lessons, %5 labs, %6 steps, %7 questions, in %8%9; %10 packs with problems
</source>
        <translation>已检查 %1 个课程包：%2 个学习路径、%3 个模块、%4 节课、%5 个实验、%6 个步骤、%7 道题，语言 %8%9；%10 个课程包有问题
</translation>
    </message>
    <message>
        <source>Import questions into a pack&apos;s bank: pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR</source>
        <translation>把题目导入课程包的题库：pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR</translation>
    </message>
    <message>
        <source>The pack that gets the new bank.</source>
        <translation>接收新题库的课程包。</translation>
    </message>
    <message>
        <source>The language the file is written in: zh_CN or en (default en).</source>
        <translation>文件所用的语言：zh_CN 或 en（默认 en）。</translation>
    </message>
    <message>
        <source>pgcampus courseware: usage: pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR
</source>
        <translation>pgcampus courseware：用法：pgcampus courseware import gift|aiken|moodlexml FILE --into PACKDIR
</translation>
    </message>
    <message>
        <source>imported %1 questions into the bank &quot;%2&quot; of %3; %4 skipped
</source>
        <translation>已把 %1 道题导入 %3 的题库“%2”；跳过 %4 道
</translation>
    </message>
    <message>
        <source>Export a pack&apos;s bank: pgcampus courseware export moodlexml PACKDIR BANK FILE</source>
        <translation>导出课程包的题库：pgcampus courseware export moodlexml PACKDIR BANK FILE</translation>
    </message>
    <message>
        <source>The language to export: zh_CN or en (default en).</source>
        <translation>要导出的语言：zh_CN 或 en（默认 en）。</translation>
    </message>
    <message>
        <source>pgcampus courseware: usage: pgcampus courseware export moodlexml PACKDIR BANK FILE
</source>
        <translation>pgcampus courseware：用法：pgcampus courseware export moodlexml PACKDIR BANK FILE
</translation>
    </message>
    <message>
        <source>exported %1 questions of the bank &quot;%2&quot; to %3
</source>
        <translation>已把题库“%2”的 %1 道题导出到 %3
</translation>
    </message>
    <message>
        <source>pgcampus courseware: the pack has no bank &quot;%1&quot;
</source>
        <translation>pgcampus courseware：课程包中没有题库“%1”
</translation>
    </message>
    <message>
        <source>%1 warnings: the steps work, but look at what they say
</source>
        <translation>%1 条警告：这些步骤可以使用，但请查看警告内容
</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>警告：%1</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>%1&apos;s progress</source>
        <translation>%1 的学习进度</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Weakest domains</source>
        <translation>最薄弱的领域</translation>
    </message>
    <message>
        <source>Exam scores</source>
        <translation>考试成绩</translation>
    </message>
    <message>
        <source>Hours studied per week</source>
        <translation>每周学习时长（小时）</translation>
    </message>
    <message numerus="yes">
        <source>Labs passed: %1 of %2 (%3 attempted) · Streak: %n day(s) · Exams taken: %4</source>
        <translation>
            <numerusform>通过的实验：%1 / %2（做过 %3 个）· 连续学习：%n 天 · 参加考试：%4 次</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Review (%n due today)</source>
        <translation>
            <numerusform>复习（今天到期 %n 题）</numerusform>
        </translation>
    </message>
    <message>
        <source>Resume the exam: %1</source>
        <translation>继续考试：%1</translation>
    </message>
    <message>
        <source>Continue: %1</source>
        <translation>继续学习：%1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 done</source>
        <translation>%1：完成 %2 / %3</translation>
    </message>
    <message>
        <source>No courses yet.</source>
        <translation>还没有课程。</translation>
    </message>
    <message numerus="yes">
        <source>%n exam question(s)</source>
        <translation>
            <numerusform>%n 道考题</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n lab step(s)</source>
        <translation>
            <numerusform>%n 个实验步骤</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 % (%3)</source>
        <translation>%1：%2%（%3）</translation>
    </message>
    <message>
        <source>Take an exam or a lab to see where to practise.</source>
        <translation>做一次考试或实验，就能看到该在哪里多练习。</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>pass mark: %1</source>
        <translation>及格线：%1</translation>
    </message>
    <message>
        <source>No exam taken yet</source>
        <translation>还没有参加过考试</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>小时</translation>
    </message>
</context>
<context>
    <name>DisposableCluster</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The lab&apos;s setup failed: %1</source>
        <translation>实验的初始化 SQL 执行失败：%1</translation>
    </message>
    <message>
        <source>Cannot copy the lab&apos;s cluster to %1.</source>
        <translation>无法把实验集群复制到 %1。</translation>
    </message>
    <message>
        <source>Cannot restore the lab&apos;s cluster in %1.</source>
        <translation>无法在 %1 恢复实验集群。</translation>
    </message>
    <message>
        <source>The standby&apos;s base backup failed: %1</source>
        <translation>为备库做基础备份失败：%1</translation>
    </message>
    <message>
        <source>The standby did not start: %1</source>
        <translation>备库没有启动：%1</translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation>无法读取 %1。</translation>
    </message>
    <message>
        <source>Recovery did not finish: %1</source>
        <translation>恢复没有完成：%1</translation>
    </message>
</context>
<context>
    <name>ErrorCheck</name>
    <message>
        <source>&quot;sqlstate&quot; must be a five-character SQLSTATE such as 23514</source>
        <translation>“sqlstate”必须是五个字符的 SQLSTATE，例如 23514</translation>
    </message>
    <message>
        <source>you</source>
        <translation>你</translation>
    </message>
    <message>
        <source>When %1 ran &quot;%2&quot;, it worked; it should have been refused (SQLSTATE %3).</source>
        <translation>%1 执行“%2”时成功了；它本应被拒绝（SQLSTATE %3）。</translation>
    </message>
    <message>
        <source>When %1 ran &quot;%2&quot;, it failed, but for another reason: %3 (SQLSTATE %4, expected %5).</source>
        <translation>%1 执行“%2”时失败了，但原因不对：%3（SQLSTATE %4，应为 %5）。</translation>
    </message>
    <message>
        <source>&quot;as&quot; needs the check&apos;s own &quot;sql&quot;: a learner&apos;s answer never runs as another role</source>
        <translation>“as” 需要检查自带的 “sql”：学员的答案绝不会以其他角色的身份运行</translation>
    </message>
</context>
<context>
    <name>ExamDraw</name>
    <message>
        <source>The domain &quot;%1&quot; needs %2 questions; the banks have %3.</source>
        <translation>领域“%1”需要 %2 道题；题库中只有 %3 道。</translation>
    </message>
    <message>
        <source>No questions in %1.</source>
        <translation>%1 中没有题目。</translation>
    </message>
</context>
<context>
    <name>ExamResultView</name>
    <message>
        <source>All questions</source>
        <translation>全部题目</translation>
    </message>
    <message>
        <source>Only the wrong ones</source>
        <translation>只看做错的</translation>
    </message>
    <message>
        <source>Only the flagged ones</source>
        <translation>只看标记的</translation>
    </message>
    <message>
        <source>By domain (the dashed line is the pass mark):</source>
        <translation>各领域得分（虚线是及格线）：</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>回顾</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>%1 %: %2 (pass mark %3 %), %4 of %5 points</source>
        <translation>%1%：%2（及格线 %3%），得分 %4 / %5</translation>
    </message>
    <message>
        <source>Submitted when the time ran out.</source>
        <translation>时间到时自动交卷。</translation>
    </message>
    <message>
        <source>Nothing to review here.</source>
        <translation>这里没有要回顾的题目。</translation>
    </message>
    <message>
        <source>**Question %1** · %2</source>
        <translation>**第 %1 题** · %2</translation>
    </message>
    <message>
        <source>right</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>wrong</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Your answer:</source>
        <translation>你的答案：</translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation>正确答案：</translation>
    </message>
    <message>
        <source>Read more: [%1](%1)</source>
        <translation>延伸阅读：[%1](%1)</translation>
    </message>
    <message>
        <source>(not answered)</source>
        <translation>（未作答）</translation>
    </message>
    <message>
        <source>true</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>false</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>%1 (± %2)</source>
        <translation>%1（± %2）</translation>
    </message>
    <message numerus="yes">
        <source>%n SQL answer(s) not graded yet: they count when they are.</source>
        <translation>
            <numerusform>%n 道 SQL 题的答案尚未评判：评判后计入成绩。</numerusform>
        </translation>
    </message>
    <message>
        <source>not graded yet</source>
        <translation>尚未评判</translation>
    </message>
    <message>
        <source>What the checks found:</source>
        <translation>检查发现的问题：</translation>
    </message>
    <message>
        <source>Your attempts at this exam:</source>
        <translation>你参加这场考试的历次成绩：</translation>
    </message>
    <message>
        <source>Attempt %1 of %2; best %3 %, passed %4 of %5.</source>
        <translation>第 %1 次，共 %2 次；最好成绩 %3%，通过 %4 次（共 %5 次）。</translation>
    </message>
    <message>
        <source>%1 points since the attempt before.</source>
        <translation>比上一次变化 %1 分。</translation>
    </message>
</context>
<context>
    <name>ExamSession</name>
    <message>
        <source>There is no attempt %1.</source>
        <translation>没有作答记录 %1。</translation>
    </message>
    <message>
        <source>The attempt belongs to the pack &quot;%1&quot;.</source>
        <translation>这次作答属于课程包“%1”。</translation>
    </message>
    <message>
        <source>The question &quot;%1&quot; of this attempt is no longer in its bank.</source>
        <translation>这次作答中的题目“%1”已不在题库中。</translation>
    </message>
    <message>
        <source>Nothing is due for review.</source>
        <translation>没有到期要复习的题目。</translation>
    </message>
</context>
<context>
    <name>ExamSqlGrader</name>
    <message>
        <source>Question %1 is not an SQL task.</source>
        <translation>第 %1 题不是 SQL 操作题。</translation>
    </message>
    <message>
        <source>No SQL was given.</source>
        <translation>没有填写 SQL。</translation>
    </message>
    <message>
        <source>Your SQL failed: %1</source>
        <translation>你的 SQL 执行失败：%1</translation>
    </message>
</context>
<context>
    <name>ExamView</name>
    <message>
        <source>← Previous</source>
        <translation>← 上一题</translation>
    </message>
    <message>
        <source>Next →</source>
        <translation>下一题 →</translation>
    </message>
    <message>
        <source>Flag for review</source>
        <translation>标记待复查</translation>
    </message>
    <message>
        <source>Not sure</source>
        <translation>不确定</translation>
    </message>
    <message>
        <source>Submit…</source>
        <translation>交卷…</translation>
    </message>
    <message>
        <source>Previous question (Alt+Left)</source>
        <translation>上一题（Alt+←）</translation>
    </message>
    <message>
        <source>Next question (Alt+Right)</source>
        <translation>下一题（Alt+→）</translation>
    </message>
    <message>
        <source>Mark this question to come back to it before you submit (Alt+F)</source>
        <translation>标记这道题，交卷前回来再看（Alt+F）</translation>
    </message>
    <message>
        <source>You answered but are not sure: the question goes to your review queue (Alt+U)</source>
        <translation>答了但不确定：这道题会进入你的复习队列（Alt+U）</translation>
    </message>
    <message>
        <source>Drag the items into the right order</source>
        <translation>把各项拖到正确的顺序</translation>
    </message>
    <message>
        <source>Your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>题目</translation>
    </message>
    <message>
        <source>■ answered
□ not answered
⚑ flagged for review</source>
        <translation>■ 已作答
□ 未作答
⚑ 标记待复查</translation>
    </message>
    <message>
        <source>Drag the items into the right order, first at the top.</source>
        <translation>把各项拖到正确的顺序，第一项在最上面。</translation>
    </message>
    <message>
        <source>Question %1: answered</source>
        <translation>第 %1 题：已作答</translation>
    </message>
    <message>
        <source>Question %1: not answered</source>
        <translation>第 %1 题：未作答</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>第 %1 题，共 %2 题</translation>
    </message>
    <message>
        <source>Choose every right answer.</source>
        <translation>选出所有正确答案。</translation>
    </message>
    <message>
        <source>True</source>
        <translation>正确</translation>
    </message>
    <message>
        <source>False</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Not saved yet: %1</source>
        <translation>尚未保存：%1</translation>
    </message>
    <message>
        <source>untimed</source>
        <translation>不限时</translation>
    </message>
    <message>
        <source>1 minute left</source>
        <translation>还剩 1 分钟</translation>
    </message>
    <message>
        <source>10 minutes left</source>
        <translation>还剩 10 分钟</translation>
    </message>
    <message>
        <source>Submit your answers? You cannot change them afterwards.</source>
        <translation>确定交卷吗？交卷后不能再修改答案。</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) not answered.</source>
        <translation>
            <numerusform>有 %n 道题未作答。</numerusform>
        </translation>
    </message>
    <message>
        <source>Submit the exam</source>
        <translation>交卷</translation>
    </message>
    <message>
        <source>Could not submit: %1</source>
        <translation>无法交卷：%1</translation>
    </message>
    <message>
        <source>Check answer</source>
        <translation>检查答案</translation>
    </message>
    <message>
        <source>Practice: see at once whether your answer is right, and why</source>
        <translation>练习：立即查看答案是否正确，以及原因</translation>
    </message>
    <message>
        <source>**Right.**</source>
        <translation>**正确。**</translation>
    </message>
    <message>
        <source>**Partly right** (%1 %).</source>
        <translation>**部分正确**（%1%）。</translation>
    </message>
    <message>
        <source>**Not right.**</source>
        <translation>**不正确。**</translation>
    </message>
    <message>
        <source>Right answer:</source>
        <translation>正确答案：</translation>
    </message>
    <message>
        <source>Read more: [%1](%1)</source>
        <translation>延伸阅读：[%1](%1)</translation>
    </message>
    <message>
        <source>Compare your query with a solution that passes:</source>
        <translation>把你的查询和一个能通过的解答比较一下：</translation>
    </message>
    <message>
        <source>No SQL was given.</source>
        <translation>没有填写 SQL。</translation>
    </message>
    <message>
        <source>Running your SQL in a sandbox and checking it…</source>
        <translation>正在沙箱中运行并检查你的 SQL…</translation>
    </message>
    <message>
        <source>Your SQL could not be checked: %1</source>
        <translation>无法检查你的 SQL：%1</translation>
    </message>
    <message>
        <source>A solution that passes:</source>
        <translation>一个能通过的解答：</translation>
    </message>
    <message numerus="yes">
        <source>%n question(s) flagged for review: %1.</source>
        <translation>
            <numerusform>有 %n 道题标记了待复查：第 %1 题。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExpandedResultModel</name>
    <message>
        <source>Record %1</source>
        <translation>记录 %1</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
</context>
<context>
    <name>ExplainPlan</name>
    <message>
        <source>The plan is not JSON: %1</source>
        <translation>执行计划不是 JSON：%1</translation>
    </message>
    <message>
        <source>The JSON holds no plan: EXPLAIN (FORMAT JSON) gives an object with &quot;Plan&quot;.</source>
        <translation>这段 JSON 中没有执行计划：EXPLAIN (FORMAT JSON) 给出的是带有 &quot;Plan&quot; 的对象。</translation>
    </message>
    <message>
        <source>Trigger %1: time=%2 calls=%3</source>
        <translation>Trigger %1: time=%2 calls=%3</translation>
    </message>
</context>
<context>
    <name>ExplainView</name>
    <message>
        <source>Planning %1 ms, execution %2 ms. Time shares are of the execution; a node&apos;s own time leaves out its children&apos;s. Rows are per loop, estimated → actual; red marks an estimate off by %3× or more.</source>
        <translation>规划 %1 毫秒，执行 %2 毫秒。时间占比按执行时间计算；节点的自身时间不含其子节点的时间。行数按每次循环计，预估 → 实际；红色表示预估偏差达到 %3 倍或以上。</translation>
    </message>
    <message>
        <source>Estimates only: the statement was planned, not run. Use Explain Analyze to see what happened.</source>
        <translation>这里只有预估：语句只做了规划，没有执行。用 Explain Analyze 查看实际执行情况。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>节点</translation>
    </message>
    <message>
        <source>Own time</source>
        <translation>自身时间</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>总时间</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>Loops</source>
        <translation>循环次数</translation>
    </message>
    <message>
        <source>Buffers</source>
        <translation>缓冲区</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>树</translation>
    </message>
    <message>
        <source>Diagram</source>
        <translation>图</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <source>never executed</source>
        <translation>从未执行</translation>
    </message>
    <message>
        <source>%1 (×%2)</source>
        <translation>%1（×%2）</translation>
    </message>
    <message>
        <source>The planner expected %1 rows per loop and got %2: off by %3×. Estimates this far off lead to poor join methods and orders; ANALYZE the table, or look at correlated columns (CREATE STATISTICS).</source>
        <translation>规划器预计每次循环 %1 行，实际得到 %2 行：偏差 %3 倍。预估偏差这么大会导致选错连接方法和连接顺序；请对表执行 ANALYZE，或检查相关联的列（CREATE STATISTICS）。</translation>
    </message>
    <message>
        <source>hit %1, read %2</source>
        <translation>命中 %1，读取 %2</translation>
    </message>
    <message>
        <source>Blocks of 8 kB found in memory (hit) or read from disk or the OS cache (read), temporary tables and files included</source>
        <translation>在内存中找到（命中）或从磁盘、操作系统缓存读取（读取）的 8 kB 数据块，包括临时表和临时文件</translation>
    </message>
    <message>
        <source>own %1 % · %2 ms</source>
        <translation>自身 %1 % · %2 毫秒</translation>
    </message>
    <message>
        <source>cost %1</source>
        <translation>代价 %1</translation>
    </message>
    <message>
        <source>rows %1 ×%2</source>
        <translation>行数 %1 ×%2</translation>
    </message>
    <message>
        <source>rows %1</source>
        <translation>行数 %1</translation>
    </message>
    <message>
        <source>Estimated: cost %1..%2, %3 rows of %4 bytes</source>
        <translation>预估：代价 %1..%2，%3 行，每行 %4 字节</translation>
    </message>
    <message>
        <source>Actual: %1..%2 ms per loop, %3 rows per loop, %4 loops; %5 ms of its own</source>
        <translation>实际：每次循环 %1..%2 毫秒、%3 行，共 %4 次循环；自身 %5 毫秒</translation>
    </message>
    <message>
        <source>Misestimate: %1 rows expected, %2 seen (×%3).</source>
        <translation>预估偏差：预计 %1 行，实际 %2 行（×%3）。</translation>
    </message>
</context>
<context>
    <name>GraderConnection</name>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>COPY to or from the client cannot be checked; write the query itself (SELECT ...)</source>
        <translation>与客户端之间的 COPY 无法评判；请直接写出查询本身（SELECT ...）</translation>
    </message>
</context>
<context>
    <name>HistoryPanel</name>
    <message>
        <source>Search statements</source>
        <translation>搜索语句</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>语句</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>耗时（毫秒）</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>Run Again in a New Tab</source>
        <translation>在新标签页中再次运行</translation>
    </message>
    <message numerus="yes">
        <source>%Ln rows</source>
        <translation>
            <numerusform>%Ln 行</numerusform>
        </translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>错误 %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>JoinClassDialog</name>
    <message>
        <source>Join</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Join a Class</source>
        <translation>加入班级</translation>
    </message>
    <message>
        <source>Open Class File…</source>
        <translation>打开班级文件…</translation>
    </message>
    <message>
        <source>Open Class File</source>
        <translation>打开班级文件</translation>
    </message>
    <message>
        <source>PG Campus class (*.pgclass)</source>
        <translation>PG Campus 班级 (*.pgclass)</translation>
    </message>
    <message>
        <source>on your card: learner_…</source>
        <translation>见你的卡片：learner_…</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>Class id:</source>
        <translation>班级编号：</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>登录名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Open the class file from your trainer (or type the class id), then the login on your card.</source>
        <translation>请打开讲师发的班级文件（或输入班级编号），再输入卡片上的登录名。</translation>
    </message>
    <message>
        <source>Logging in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Could not join: %1</source>
        <translation>无法加入：%1</translation>
    </message>
</context>
<context>
    <name>LabEnvironment</name>
    <message>
        <source>Only a lab&apos;s own cluster can be restarted.</source>
        <translation>只有实验自己的集群可以重启。</translation>
    </message>
    <message>
        <source>This lab needs %1 or newer; the server runs %2.</source>
        <translation>本实验需要 %1 或更新版本；服务器运行的是 %2。</translation>
    </message>
    <message>
        <source>Only a lab&apos;s own cluster can be recovered.</source>
        <translation>只有实验自己的集群可以做恢复。</translation>
    </message>
    <message>
        <source>This sandbox belongs to another student of the class (ask your trainer).</source>
        <translation>这个沙箱属于班上另一位学生（请询问讲师）。</translation>
    </message>
    <message>
        <source>Your sandbox of this lab is not on the class&apos;s server, or you may not open it (ask your trainer): %1</source>
        <translation>班级服务器上没有你这个实验的沙箱，或你无权打开（请询问讲师）：%1</translation>
    </message>
    <message>
        <source>In a class, sandboxes are the trainer&apos;s to reset: ask your trainer (class dashboard, Reset Lab).</source>
        <translation>在班级中，沙箱由讲师重置：请询问讲师（班级看板 → 重置实验）。</translation>
    </message>
</context>
<context>
    <name>LabPanel</name>
    <message>
        <source>Check</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Hint</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>重置</translation>
    </message>
    <message>
        <source>Show solution</source>
        <translation>查看答案</translation>
    </message>
    <message>
        <source>Check this step (Ctrl+Shift+Enter)</source>
        <translation>检查这一步（Ctrl+Shift+Enter）</translation>
    </message>
    <message>
        <source>Reset the lab</source>
        <translation>重置实验</translation>
    </message>
    <message>
        <source>Put your lab database back as the lab starts? Everything you changed in it is lost.</source>
        <translation>要把实验数据库恢复到实验开始时的样子吗？你在其中做的所有修改都会丢失。</translation>
    </message>
    <message>
        <source>The lab database could not be prepared: %1</source>
        <translation>无法准备实验数据库：%1</translation>
    </message>
    <message>
        <source>Your editor is connected to this lab&apos;s own server.</source>
        <translation>编辑器已连接到本实验专用的服务器。</translation>
    </message>
    <message>
        <source>Your editor is connected to your lab database.</source>
        <translation>编辑器已连接到你的实验数据库。</translation>
    </message>
    <message numerus="yes">
        <source>**Step %1 of %2** · %n point(s)

</source>
        <translation>
            <numerusform>**第 %1 步，共 %2 步** · %n 分

</numerusform>
        </translation>
    </message>
    <message>
        <source>*Hint %1:* %2</source>
        <translation>*提示 %1：* %2</translation>
    </message>
    <message numerus="yes">
        <source>Hint (%n left)</source>
        <translation>
            <numerusform>提示（还剩 %n 条）</numerusform>
        </translation>
    </message>
    <message>
        <source>No more hints</source>
        <translation>没有更多提示</translation>
    </message>
    <message>
        <source>Show solution…</source>
        <translation>查看答案…</translation>
    </message>
    <message>
        <source>Working…</source>
        <translation>处理中…</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Correct. You have finished this lab&apos;s last step.</source>
        <translation>正确！你完成了本实验的最后一步。</translation>
    </message>
    <message>
        <source>Correct. On to the next step.</source>
        <translation>正确！继续下一步。</translation>
    </message>
    <message>
        <source>Not yet.</source>
        <translation>还不对。</translation>
    </message>
    <message>
        <source>Your lab database is as the lab starts again.</source>
        <translation>实验数据库已恢复到实验开始时的状态。</translation>
    </message>
    <message>
        <source>The reset failed: %1</source>
        <translation>重置失败：%1</translation>
    </message>
    <message>
        <source>Show the solution</source>
        <translation>查看答案</translation>
    </message>
    <message>
        <source>Show a reference solution for this step? Trying once more is how it sticks; the app notes that you looked.</source>
        <translation>要查看这一步的参考答案吗？再试一次才能记得牢；应用会记录你查看过答案。</translation>
    </message>
    <message>
        <source>Restart server</source>
        <translation>重启服务器</translation>
    </message>
    <message>
        <source>Recover…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Restart the lab&apos;s server, as pg_ctl restart does: settings that need a restart take effect</source>
        <translation>像 pg_ctl restart 一样重启实验服务器：需要重启才生效的参数会生效</translation>
    </message>
    <message>
        <source>Point-in-time recovery: put back the lab&apos;s starting copy of the cluster and replay the archived WAL up to the recovery target you set with ALTER SYSTEM</source>
        <translation>时间点恢复：放回实验开始时的集群副本，并重放已归档的 WAL，直到你用 ALTER SYSTEM 设置的恢复目标</translation>
    </message>
    <message>
        <source>Point-in-time recovery</source>
        <translation>时间点恢复</translation>
    </message>
    <message>
        <source>*After your statements, press **Restart server**, then Check.*</source>
        <translation>*执行完你的语句后，点击**重启服务器**，再点击检查。*</translation>
    </message>
    <message>
        <source>*After your statements, press **Recover…**, then Check.*</source>
        <translation>*执行完你的语句后，点击**恢复…**，再点击检查。*</translation>
    </message>
    <message>
        <source>The lab&apos;s server restarted; your editor is connected again.</source>
        <translation>实验服务器已重启；编辑器已重新连接。</translation>
    </message>
    <message>
        <source>The restart failed: %1</source>
        <translation>重启失败：%1</translation>
    </message>
    <message>
        <source>Recovery finished; your editor is connected to the recovered server.</source>
        <translation>恢复完成；编辑器已连接到恢复后的服务器。</translation>
    </message>
    <message>
        <source>The recovery failed: %1
Your server is back as it was: fix the settings and try again.</source>
        <translation>恢复失败：%1
服务器已回到恢复之前的状态：请修正设置后再试。</translation>
    </message>
    <message>
        <source>**Session %1**</source>
        <translation>**会话 %1**</translation>
    </message>
    <message>
        <source>*Work in the %1 tabs, in the order you choose, then Check: the check looks at those sessions as they are.*</source>
        <translation>*在 %1 标签页中按你自己的顺序操作，然后点击检查：检查会直接查看这些会话当前的状态。*</translation>
    </message>
    <message>
        <source>Stop the lab&apos;s server dead, as a crash would, put back the copy the lab started from, and replay the archived WAL up to your recovery target? Set restore_command and a recovery_target_* setting with ALTER SYSTEM first; changes since the target are lost.</source>
        <translation>像崩溃一样突然停掉实验服务器，放回实验开始时的副本，并重放已归档的 WAL 直到你的恢复目标吗？请先用 ALTER SYSTEM 设置 restore_command 和某个 recovery_target_* 参数；恢复目标之后的修改将会丢失。</translation>
    </message>
    <message>
        <source>In a class, your trainer resets your sandbox: ask them.</source>
        <translation>在班级中，沙箱由讲师重置：请询问讲师。</translation>
    </message>
    <message>
        <source>You can read this lab, but working on it needs a PostgreSQL server, and none could be started: %1</source>
        <translation>可以先阅读这个实验，但动手做需要一个 PostgreSQL 服务器，而现在无法启动：%1</translation>
    </message>
</context>
<context>
    <name>LabSandbox</name>
    <message>
        <source>The lab&apos;s setup failed: %1</source>
        <translation>实验的准备脚本执行失败：%1</translation>
    </message>
    <message>
        <source>Lab SQL runs only in a database made for the lab &quot;%1&quot;; %2 is not one.</source>
        <translation>实验 SQL 只能在为实验“%1”创建的数据库中运行；%2 不是这样的数据库。</translation>
    </message>
    <message>
        <source>The lab&apos;s setup failed at its line %1: %2</source>
        <translation>实验的初始化脚本在第 %1 行执行失败：%2</translation>
    </message>
</context>
<context>
    <name>LabVerifier</name>
    <message>
        <source>the lab cannot be built: %1</source>
        <translation>无法构建实验：%1</translation>
    </message>
    <message>
        <source>the sandbox cannot be reset: %1</source>
        <translation>无法重置沙箱：%1</translation>
    </message>
    <message>
        <source>the solution of step &quot;%1&quot; fails when step &quot;%2&quot; is checked: %3</source>
        <translation>检查步骤“%2”时，步骤“%1”的参考答案执行失败：%3</translation>
    </message>
    <message>
        <source>the lab&apos;s cluster does not restart: %1</source>
        <translation>实验集群无法重启：%1</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;: the reference solution fails: %2</source>
        <translation>步骤“%1”：参考答案执行失败：%2</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;: the reference solution does not pass: %2</source>
        <translation>步骤“%1”：参考答案没有通过检查：%2</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;: decoy %2 (%3) passes the checks; they must reject it</source>
        <translation>步骤“%1”：诱饵答案 %2（%3）通过了检查；检查必须拒绝它</translation>
    </message>
    <message>
        <source>the lab&apos;s cluster does not recover after step &quot;%1&quot;: %2</source>
        <translation>步骤“%1”之后实验集群无法完成恢复：%2</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;: the sessions cannot play the script: %2</source>
        <translation>步骤“%1”：会话无法执行该脚本：%2</translation>
    </message>
    <message>
        <source>the learner&apos;s role changed while the lab was checked: %1 became %2</source>
        <translation>检查这个实验时学员角色发生了变化：%1 变成了 %2</translation>
    </message>
    <message>
        <source>an ordinary role</source>
        <translation>普通角色</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;: the reference solution fails when the lab&apos;s data after each step is built (run in order as the owner of the lab&apos;s tables): %2</source>
        <translation>步骤“%1”：构建每个步骤之后的实验数据时（以实验表的属主身份按顺序执行），参考答案执行失败：%2</translation>
    </message>
    <message>
        <source>step &quot;%1&quot;: %2</source>
        <translation>步骤“%1”：%2</translation>
    </message>
</context>
<context>
    <name>LearnerSessions</name>
    <message>
        <source>Session %1 is still waiting, so it cannot run: %2</source>
        <translation>会话 %1 仍在等待，无法执行：%2</translation>
    </message>
    <message>
        <source>Session %1 could not send: %2</source>
        <translation>会话 %1 无法发送：%2</translation>
    </message>
    <message>
        <source>Session %1: %2</source>
        <translation>会话 %1：%2</translation>
    </message>
</context>
<context>
    <name>LessonView</name>
    <message>
        <source>Previous</source>
        <translation>上一课</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一课</translation>
    </message>
    <message>
        <source>This lesson could not be opened.
%1: %2</source>
        <translation>无法打开这一课。
%1：%2</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Open in editor</source>
        <translation>在编辑器中打开</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PG Campus</source>
        <translation>PG 学堂</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;About PG Campus</source>
        <translation>关于 PG 学堂(&amp;A)</translation>
    </message>
    <message>
        <source>About PG Campus</source>
        <translation>关于 PG 学堂</translation>
    </message>
    <message>
        <source>&lt;b&gt;PG Campus&lt;/b&gt; %1&lt;br&gt;Learn PostgreSQL administration: a SQL workbench, guided labs and practice exams.&lt;br&gt;GPL-3.0-or-later.</source>
        <translation>&lt;b&gt;PG 学堂&lt;/b&gt; %1&lt;br&gt;学习 PostgreSQL 数据库管理：SQL 工作台、引导式实验与模拟考试。&lt;br&gt;GPL-3.0-or-later。</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Query</source>
        <translation>查询(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Query</source>
        <translation>查询</translation>
    </message>
    <message>
        <source>No server: %1</source>
        <translation>没有服务器：%1</translation>
    </message>
    <message>
        <source>Practice server</source>
        <translation>练习服务器</translation>
    </message>
    <message>
        <source>%1: not connected</source>
        <translation>%1：未连接</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>%1: %2@%3</source>
        <translation>%1：%2@%3</translation>
    </message>
    <message>
        <source>PostgreSQL %1</source>
        <translation>PostgreSQL %1</translation>
    </message>
    <message>
        <source>Query %1</source>
        <translation>查询 %1</translation>
    </message>
    <message>
        <source>&amp;Run Script</source>
        <translation>运行脚本(&amp;R)</translation>
    </message>
    <message>
        <source>Run the selection, or the whole script (F5)</source>
        <translation>运行选中的部分，或整个脚本 (F5)</translation>
    </message>
    <message>
        <source>Run &amp;Statement</source>
        <translation>运行语句(&amp;S)</translation>
    </message>
    <message>
        <source>Run the statement under the cursor (Ctrl+Enter)</source>
        <translation>运行光标所在的语句 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Ask the server to stop the running statement (Esc)</source>
        <translation>请服务器停止正在运行的语句 (Esc)</translation>
    </message>
    <message>
        <source>Co&amp;mmit</source>
        <translation>提交(&amp;M)</translation>
    </message>
    <message>
        <source>Commit the open transaction</source>
        <translation>提交当前打开的事务</translation>
    </message>
    <message>
        <source>R&amp;oll Back</source>
        <translation>回滚(&amp;O)</translation>
    </message>
    <message>
        <source>Roll back the open transaction</source>
        <translation>回滚当前打开的事务</translation>
    </message>
    <message>
        <source>&amp;Autocommit</source>
        <translation>自动提交(&amp;A)</translation>
    </message>
    <message>
        <source>On: every statement commits by itself. Off: PG Campus begins a transaction before your statements and you commit or roll back.</source>
        <translation>开启：每条语句各自提交。关闭：PG 学堂在你的语句之前开启事务，由你提交或回滚。</translation>
    </message>
    <message>
        <source>&amp;Stop on First Error</source>
        <translation>遇到第一个错误即停止(&amp;S)</translation>
    </message>
    <message>
        <source>Re&amp;connect</source>
        <translation>重新连接(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;New Query Tab</source>
        <translation>新建查询标签页(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>关闭标签页(&amp;C)</translation>
    </message>
    <message>
        <source>No transaction</source>
        <translation>无事务</translation>
    </message>
    <message>
        <source>Each statement commits by itself.</source>
        <translation>每条语句各自提交。</translation>
    </message>
    <message>
        <source>In transaction</source>
        <translation>事务进行中</translation>
    </message>
    <message>
        <source>A transaction is open: its changes are not visible to others until you commit.</source>
        <translation>事务已打开：提交之前，其他会话看不到它的修改。</translation>
    </message>
    <message>
        <source>Failed transaction</source>
        <translation>事务已失败</translation>
    </message>
    <message>
        <source>A statement failed inside the transaction: the server ignores everything until the transaction ends (&quot;current transaction is aborted&quot;). Roll back to go on.</source>
        <translation>事务中有语句出错：在事务结束之前，服务器会忽略所有语句（“current transaction is aborted”）。请回滚后继续。</translation>
    </message>
    <message>
        <source>Running… %1 s</source>
        <translation>正在运行… %1 秒</translation>
    </message>
    <message>
        <source>Open transaction</source>
        <translation>事务未结束</translation>
    </message>
    <message>
        <source>This tab has an open transaction. Closing its connection rolls it back.</source>
        <translation>此标签页有一个未结束的事务。关闭它的连接会回滚该事务。</translation>
    </message>
    <message>
        <source>Commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Roll Back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Keep Open</source>
        <translation>保持打开</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message numerus="yes">
        <source>Restored %n tab(s) from your last session.</source>
        <translation>
            <numerusform>已恢复上次会话中的 %n 个标签页。</numerusform>
        </translation>
    </message>
    <message>
        <source>Open File</source>
        <translation>打开文件</translation>
    </message>
    <message>
        <source>Save SQL File</source>
        <translation>保存 SQL 文件</translation>
    </message>
    <message>
        <source>SQL files (*.sql);;All files (*)</source>
        <translation>SQL 文件 (*.sql);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>Save the changes to %1?</source>
        <translation>保存对 %1 的修改吗？</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open SQL File</source>
        <translation>打开 SQL 文件</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>Practice Server</source>
        <translation>练习服务器</translation>
    </message>
    <message>
        <source>Saved connections</source>
        <translation>已保存的连接</translation>
    </message>
    <message>
        <source>Services (pg_service.conf)</source>
        <translation>服务（pg_service.conf）</translation>
    </message>
    <message>
        <source>&amp;New Connection…</source>
        <translation>新建连接(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Edit “%1”…</source>
        <translation>编辑“%1”(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Delete “%1”</source>
        <translation>删除“%1”(&amp;D)</translation>
    </message>
    <message>
        <source>Delete Connection</source>
        <translation>删除连接</translation>
    </message>
    <message>
        <source>Delete the saved connection “%1”?</source>
        <translation>删除已保存的连接“%1”吗？</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>服务 %1</translation>
    </message>
    <message>
        <source>Save Connection</source>
        <translation>保存连接</translation>
    </message>
    <message>
        <source>Connect &amp;To</source>
        <translation>连接到(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Home</source>
        <translation>主页(&amp;H)</translation>
    </message>
    <message>
        <source>Your progress and what to do next (Ctrl+1)</source>
        <translation>你的学习进度和下一步该做什么（Ctrl+1）</translation>
    </message>
    <message>
        <source>&amp;Workbench</source>
        <translation>工作台(&amp;W)</translation>
    </message>
    <message>
        <source>The SQL editor tabs (Ctrl+2)</source>
        <translation>SQL 编辑器标签页（Ctrl+2）</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <source>Show Catalog &amp;Queries</source>
        <translation>显示目录查询(&amp;Q)</translation>
    </message>
    <message>
        <source>Show the catalog queries behind \d, \dt and the other psql meta-commands in the messages, as psql -E does</source>
        <translation>在消息中显示 \d、\dt 等 psql 元命令背后的目录查询，和 psql -E 一样</translation>
    </message>
    <message>
        <source>E&amp;xplain</source>
        <translation>执行计划(&amp;X)</translation>
    </message>
    <message>
        <source>Show the plan of the statement under the cursor without running it (F7)</source>
        <translation>显示光标所在语句的执行计划，不执行语句 (F7)</translation>
    </message>
    <message>
        <source>Explain &amp;Analyze</source>
        <translation>Explain &amp;Analyze（实际执行）</translation>
    </message>
    <message>
        <source>Run the statement under the cursor and show its plan with what happened (Shift+F7). It runs inside a transaction that is rolled back: nothing it changes is kept.</source>
        <translation>执行光标所在的语句并显示其执行计划和实际情况 (Shift+F7)。语句在一个随后回滚的事务中执行：它所做的修改都不会保留。</translation>
    </message>
    <message>
        <source>Activity and Locks</source>
        <translation>活动与锁</translation>
    </message>
    <message>
        <source>&amp;Activity and Locks</source>
        <translation>活动与锁(&amp;A)</translation>
    </message>
    <message>
        <source>Schema Browser</source>
        <translation>模式浏览器</translation>
    </message>
    <message>
        <source>Schema &amp;Browser</source>
        <translation>模式浏览器(&amp;B)</translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message>
        <source>Click to show this place in the editor</source>
        <translation>单击可在编辑器中显示此位置</translation>
    </message>
    <message>
        <source>(line %1)</source>
        <translation>（第 %1 行）</translation>
    </message>
    <message>
        <source>DETAIL: %1</source>
        <translation>详细信息：%1</translation>
    </message>
    <message>
        <source>HINT: %1</source>
        <translation>提示：%1</translation>
    </message>
    <message>
        <source>CONTEXT: %1</source>
        <translation>上下文：%1</translation>
    </message>
    <message>
        <source>The transaction failed earlier, so the server ignores every statement until it ends. Roll back (or COMMIT, which rolls back) to go on.</source>
        <translation>该事务之前已经失败，在它结束之前服务器会忽略所有语句。请回滚（或执行 COMMIT，它同样会回滚）后继续。</translation>
    </message>
</context>
<context>
    <name>MetaCommand</name>
    <message>
        <source>Indexes:</source>
        <translation>Indexes:</translation>
    </message>
    <message>
        <source>Check constraints:</source>
        <translation>Check constraints:</translation>
    </message>
    <message>
        <source>Foreign-key constraints:</source>
        <translation>Foreign-key constraints:</translation>
    </message>
    <message>
        <source>Referenced by:</source>
        <translation>Referenced by:</translation>
    </message>
    <message>
        <source>Triggers:</source>
        <translation>Triggers:</translation>
    </message>
    <message>
        <source>Disabled user triggers:</source>
        <translation>Disabled user triggers:</translation>
    </message>
    <message>
        <source>Did not find any relations.</source>
        <translation>Did not find any relations.</translation>
    </message>
    <message>
        <source>Did not find any relation named &quot;%1&quot;.</source>
        <translation>Did not find any relation named &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Unlogged table %1</source>
        <translation>Unlogged table %1</translation>
    </message>
    <message>
        <source>Table %1</source>
        <translation>Table %1</translation>
    </message>
    <message>
        <source>Unlogged partitioned table %1</source>
        <translation>Unlogged partitioned table %1</translation>
    </message>
    <message>
        <source>Partitioned table %1</source>
        <translation>Partitioned table %1</translation>
    </message>
    <message>
        <source>View %1</source>
        <translation>View %1</translation>
    </message>
    <message>
        <source>Unlogged materialized view %1</source>
        <translation>Unlogged materialized view %1</translation>
    </message>
    <message>
        <source>Materialized view %1</source>
        <translation>Materialized view %1</translation>
    </message>
    <message>
        <source>Unlogged index %1</source>
        <translation>Unlogged index %1</translation>
    </message>
    <message>
        <source>Index %1</source>
        <translation>Index %1</translation>
    </message>
    <message>
        <source>Partitioned index %1</source>
        <translation>Partitioned index %1</translation>
    </message>
    <message>
        <source>Unlogged sequence %1</source>
        <translation>Unlogged sequence %1</translation>
    </message>
    <message>
        <source>Sequence %1</source>
        <translation>Sequence %1</translation>
    </message>
    <message>
        <source>TOAST table %1</source>
        <translation>TOAST table %1</translation>
    </message>
    <message>
        <source>Foreign table %1</source>
        <translation>Foreign table %1</translation>
    </message>
    <message>
        <source>Relation %1</source>
        <translation>Relation %1</translation>
    </message>
    <message>
        <source>List of relations</source>
        <translation>List of relations</translation>
    </message>
    <message>
        <source>List of schemas</source>
        <translation>List of schemas</translation>
    </message>
    <message>
        <source>List of roles</source>
        <translation>List of roles</translation>
    </message>
    <message>
        <source>List of databases</source>
        <translation>List of databases</translation>
    </message>
    <message>
        <source>List of installed extensions</source>
        <translation>List of installed extensions</translation>
    </message>
    <message>
        <source>List of functions</source>
        <translation>List of functions</translation>
    </message>
    <message>
        <source>Access privileges</source>
        <translation>Access privileges</translation>
    </message>
    <message>
        <source>unrecognized value &quot;%1&quot; for &quot;%2&quot;: Boolean expected</source>
        <translation>unrecognized value &quot;%1&quot; for &quot;%2&quot;: Boolean expected</translation>
    </message>
    <message>
        <source>Timing is on.</source>
        <translation>Timing is on.</translation>
    </message>
    <message>
        <source>Timing is off.</source>
        <translation>Timing is off.</translation>
    </message>
    <message>
        <source>Expanded display is on.</source>
        <translation>Expanded display is on.</translation>
    </message>
    <message>
        <source>Expanded display is off.</source>
        <translation>Expanded display is off.</translation>
    </message>
    <message>
        <source>Expanded display is used automatically.</source>
        <translation>Expanded display is used automatically.</translation>
    </message>
    <message>
        <source>You are connected to database &quot;%1&quot; as user &quot;%2&quot; via socket in &quot;%3&quot; at port &quot;%4&quot;.</source>
        <translation>You are connected to database &quot;%1&quot; as user &quot;%2&quot; via socket in &quot;%3&quot; at port &quot;%4&quot;.</translation>
    </message>
    <message>
        <source>You are connected to database &quot;%1&quot; as user &quot;%2&quot; on host &quot;%3&quot; at port &quot;%4&quot;.</source>
        <translation>You are connected to database &quot;%1&quot; as user &quot;%2&quot; on host &quot;%3&quot; at port &quot;%4&quot;.</translation>
    </message>
</context>
<context>
    <name>MultiSessionCheck</name>
    <message>
        <source>the grader</source>
        <translation>评分程序</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>会话 %1</translation>
    </message>
    <message>
        <source>it should have waited for a lock, but it finished at once</source>
        <translation>它本应等待锁，却立即完成了</translation>
    </message>
    <message>
        <source>it should have failed with SQLSTATE %1, but it worked</source>
        <translation>它本应以 SQLSTATE %1 失败，却成功了</translation>
    </message>
    <message>
        <source>it failed with &quot;%1&quot; (SQLSTATE %2) instead of SQLSTATE %3</source>
        <translation>它以“%1”（SQLSTATE %2）失败，而不是 SQLSTATE %3</translation>
    </message>
    <message>
        <source>it failed: %1</source>
        <translation>它失败了：%1</translation>
    </message>
    <message>
        <source>it returned %1, expected %2</source>
        <translation>它返回了 %1，应为 %2</translation>
    </message>
    <message>
        <source>no rows</source>
        <translation>没有行</translation>
    </message>
    <message numerus="yes">
        <source>it returned %n row(s), expected %1</source>
        <translation>
            <numerusform>它返回了 %n 行，应为 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>script entry %1 names no session</source>
        <translation>脚本第 %1 项没有指定会话</translation>
    </message>
    <message>
        <source>script entry %1 has no sql, answer or await</source>
        <translation>脚本第 %1 项没有 sql、answer 或 await</translation>
    </message>
    <message>
        <source>script entry %1 expects &quot;%2&quot; (known: ok, blocks, error, value, rows)</source>
        <translation>脚本第 %1 项的 expect 为“%2”（可用：ok、blocks、error、value、rows）</translation>
    </message>
    <message>
        <source>the learner&apos;s answer may appear only once in a script</source>
        <translation>学员的答案在脚本中只能出现一次</translation>
    </message>
    <message>
        <source>your answer</source>
        <translation>你的答案</translation>
    </message>
    <message>
        <source>the statement it was waiting on</source>
        <translation>它正在等待的语句</translation>
    </message>
    <message>
        <source>%1 could not run %2: it is still waiting.</source>
        <translation>%1 无法执行 %2：它仍在等待。</translation>
    </message>
    <message>
        <source>Step %1: %2 ran %3 and is stuck waiting for a lock another session holds.</source>
        <translation>第 %1 步：%2 执行了 %3，一直在等待另一个会话持有的锁。</translation>
    </message>
    <message>
        <source>Step %1: %2 ran %3, which did not finish in time.</source>
        <translation>第 %1 步：%2 执行了 %3，没有按时完成。</translation>
    </message>
    <message>
        <source>Step %1: %2 ran %3, and %4.</source>
        <translation>第 %1 步：%2 执行了 %3，%4。</translation>
    </message>
    <message>
        <source>&quot;observe&quot; needs at least one entry</source>
        <translation>“observe”至少需要一项</translation>
    </message>
    <message>
        <source>observe entry %1 names no session</source>
        <translation>observe 第 %1 项没有指定会话</translation>
    </message>
    <message>
        <source>observe entry %1 needs waits_for, state or holds</source>
        <translation>observe 第 %1 项需要 waits_for、state 或 holds</translation>
    </message>
    <message>
        <source>a multi-session check needs a &quot;script&quot; or &quot;observe&quot;</source>
        <translation>多会话检查需要“script”或“observe”</translation>
    </message>
    <message>
        <source>Session %1 is not connected to your lab database (is its tab closed?).</source>
        <translation>会话 %1 没有连接到你的实验数据库（它的标签页是否已关闭？）。</translation>
    </message>
    <message>
        <source>Session %1 is not waiting for a lock Session %2 holds; it is %3.</source>
        <translation>会话 %1 没有在等待会话 %2 持有的锁；它的状态是 %3。</translation>
    </message>
    <message>
        <source>Session %1 is %2; it should be %3.</source>
        <translation>会话 %1 的状态是 %2，应为 %3。</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>Session %1 holds no %2 lock; it holds none.</source>
        <translation>会话 %1 没有持有 %2 锁；它没有持有任何锁。</translation>
    </message>
    <message>
        <source>Session %1 holds no %2 lock (it holds: %3).</source>
        <translation>会话 %1 没有持有 %2 锁（它持有：%3）。</translation>
    </message>
</context>
<context>
    <name>PackArchive</name>
    <message>
        <source>cannot make the directory %1</source>
        <translation>无法创建目录 %1</translation>
    </message>
    <message>
        <source>%1: the entry &quot;%2&quot; points outside the pack</source>
        <translation>%1：条目“%2”指向课程包之外</translation>
    </message>
    <message>
        <source>%1: the entry &quot;%2&quot; is a link; a pack holds only files</source>
        <translation>%1：条目“%2”是链接；课程包只能包含普通文件</translation>
    </message>
    <message>
        <source>%1: more than %2 entries; that is not a courseware pack</source>
        <translation>%1：条目超过 %2 个，这不是课程包</translation>
    </message>
    <message>
        <source>%1: it unpacks to more than %2 MB; that is not a courseware pack</source>
        <translation>%1：解压后超过 %2 MB，这不是课程包</translation>
    </message>
    <message>
        <source>%1: cannot unpack &quot;%2&quot;: %3</source>
        <translation>%1：无法解压“%2”：%3</translation>
    </message>
    <message>
        <source>%1: cannot be read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>%1: not a readable .zip archive: %2</source>
        <translation>%1：不是可读取的 .zip 压缩包：%2</translation>
    </message>
    <message>
        <source>%1: no pack.yaml at the top of the archive or in its single top-level directory</source>
        <translation>%1：压缩包顶层或其唯一的顶层目录中没有 pack.yaml</translation>
    </message>
    <message>
        <source>%1: cannot unpack into %2</source>
        <translation>%1：无法解压到 %2</translation>
    </message>
</context>
<context>
    <name>PdfDocument</name>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
</context>
<context>
    <name>PlanCheck</name>
    <message>
        <source>%1 on %2</source>
        <translation>%2 上的 %1</translation>
    </message>
    <message>
        <source>%1 using %2</source>
        <translation>使用 %2 的 %1</translation>
    </message>
    <message>
        <source>a plan check needs &quot;includes&quot;, &quot;excludes&quot;, &quot;uses_index&quot; or &quot;max_cost&quot;</source>
        <translation>执行计划检查需要“includes”、“excludes”、“uses_index”或“max_cost”</translation>
    </message>
    <message>
        <source>There is no query to check: write one in the editor.</source>
        <translation>没有可检查的查询：请在编辑器中写一个。</translation>
    </message>
    <message>
        <source>Your query could not be explained: %1</source>
        <translation>无法对你的查询执行 EXPLAIN：%1</translation>
    </message>
    <message>
        <source>Your plan: %1.</source>
        <translation>你的执行计划：%1。</translation>
    </message>
    <message>
        <source>The plan should use %1, but it does not. %2</source>
        <translation>执行计划应使用 %1，但没有。%2</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>The plan still uses %1. %2</source>
        <translation>执行计划仍在使用 %1。%2</translation>
    </message>
    <message>
        <source>The plan does not use the index %1. %2</source>
        <translation>执行计划没有使用索引 %1。%2</translation>
    </message>
    <message>
        <source>The plan&apos;s estimated cost is %1; it should be at most %2. %3</source>
        <translation>执行计划的估算代价为 %1，应不超过 %2。%3</translation>
    </message>
</context>
<context>
    <name>PracticeServer</name>
    <message>
        <source>Install the PostgreSQL server package, for example: sudo apt install postgresql-17</source>
        <translation>请安装 PostgreSQL 服务器软件包，例如：sudo apt install postgresql-17</translation>
    </message>
    <message>
        <source>Install PostgreSQL 17 server from postgresql.org</source>
        <translation>请从 postgresql.org 安装 PostgreSQL 17 服务器</translation>
    </message>
    <message>
        <source>PostgreSQL server programs (initdb, pg_ctl, postgres) were not found. %1.</source>
        <translation>未找到 PostgreSQL 服务器程序（initdb、pg_ctl、postgres）。%1。</translation>
    </message>
    <message>
        <source>Could not run %1: %2</source>
        <translation>无法运行 %1：%2</translation>
    </message>
    <message>
        <source>%1 did not finish in time.</source>
        <translation>%1 未能按时完成。</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 失败：%2</translation>
    </message>
    <message>
        <source>Cannot create the data directory %1.</source>
        <translation>无法创建数据目录 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>Cannot create the socket directory %1.</source>
        <translation>无法创建套接字目录 %1。</translation>
    </message>
    <message>
        <source>Cannot make the socket directory %1 private.</source>
        <translation>无法将套接字目录 %1 设为私有。</translation>
    </message>
    <message>
        <source>The practice server did not accept connections in time. See %1.</source>
        <translation>练习服务器未能按时接受连接。请查看 %1。</translation>
    </message>
    <message>
        <source>No free port for the practice server in %1.</source>
        <translation>在 %1 中没有可供练习服务器使用的空闲端口。</translation>
    </message>
    <message>
        <source>The practice server did not start. See %1.</source>
        <translation>练习服务器未能启动。请查看 %1。</translation>
    </message>
</context>
<context>
    <name>PresenterMode</name>
    <message>
        <source>&amp;Presenter Mode</source>
        <translation>演示模式(&amp;P)</translation>
    </message>
    <message>
        <source>Presenter &amp;Zoom</source>
        <translation>演示缩放(&amp;Z)</translation>
    </message>
    <message>
        <source>Large fonts, high contrast, only the lesson and the editor, and each command shown as it runs</source>
        <translation>大字体、高对比度，只显示课程和编辑器，并在执行时显示每个命令</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1%</translation>
    </message>
</context>
<context>
    <name>ProfilesDialog</name>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>重命名(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;PIN…</source>
        <translation>PIN 码(&amp;P)…</translation>
    </message>
    <message>
        <source>Profiles</source>
        <translation>学员档案</translation>
    </message>
    <message>
        <source>The system&apos;s language</source>
        <translation>跟随系统语言</translation>
    </message>
    <message>
        <source>&amp;New…</source>
        <translation>新建(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>Change &amp;PIN…</source>
        <translation>修改 PIN 码(&amp;P)…</translation>
    </message>
    <message>
        <source>Set &amp;PIN…</source>
        <translation>设置 PIN 码(&amp;P)…</translation>
    </message>
    <message>
        <source>Interface language (from the next start):</source>
        <translation>界面语言（下次启动时生效）：</translation>
    </message>
    <message>
        <source>(in use)</source>
        <translation>（当前使用）</translation>
    </message>
    <message>
        <source>New profile</source>
        <translation>新建学员档案</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名字：</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>重命名学员档案</translation>
    </message>
    <message>
        <source>Delete profile</source>
        <translation>删除学员档案</translation>
    </message>
    <message>
        <source>Delete the profile &quot;%1&quot; and everything recorded for it (lessons, labs, exams, history)? You can undo this for %2 seconds.</source>
        <translation>要删除学员档案“%1”以及它的全部记录（课程、实验、考试、历史）吗？%2 秒内可以撤销。</translation>
    </message>
    <message>
        <source>The profile &quot;%1&quot; was deleted.</source>
        <translation>学员档案“%1”已删除。</translation>
    </message>
    <message>
        <source>PIN</source>
        <translation>PIN 码</translation>
    </message>
    <message>
        <source>A PIN to type before this profile opens (leave empty for none):</source>
        <translation>打开这个学员档案前要输入的 PIN 码（留空表示不设）：</translation>
    </message>
</context>
<context>
    <name>ProgressCommand</name>
    <message>
        <source>Carry a learner&apos;s progress between installations:
  pgcampus progress export --profile NAME FILE
  pgcampus progress import FILE</source>
        <translation>在不同的安装之间迁移学员的学习进度：
  pgcampus progress export --profile NAME FILE
  pgcampus progress import FILE</translation>
    </message>
    <message>
        <source>The profile to export.</source>
        <translation>要导出的学员档案。</translation>
    </message>
    <message>
        <source>The data directory holding the progress store.</source>
        <translation>存放学习进度库的数据目录。</translation>
    </message>
    <message>
        <source>Message language: zh_CN or en.</source>
        <translation>提示信息的语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>usage: pgcampus progress export --profile NAME FILE | pgcampus progress import FILE</source>
        <translation>用法：pgcampus progress export --profile NAME FILE | pgcampus progress import FILE</translation>
    </message>
    <message>
        <source>cannot create the data directory %1</source>
        <translation>无法创建数据目录 %1</translation>
    </message>
    <message>
        <source>pgcampus progress: no profile &quot;%1&quot; in %2 (profiles: %3)
</source>
        <translation>pgcampus progress：%2 中没有学员档案“%1”（现有档案：%3）
</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>exported profile &quot;%1&quot; to %2
</source>
        <translation>已把学员档案“%1”导出到 %2
</translation>
    </message>
    <message>
        <source>imported profile &quot;%1&quot; (%2): %3 new records%4
</source>
        <translation>已导入学员档案“%1”（%2）：新增 %3 条记录%4
</translation>
    </message>
    <message>
        <source>a new profile here</source>
        <translation>在本机新建档案</translation>
    </message>
    <message>
        <source>merged into the profile here</source>
        <translation>合并到本机已有的档案</translation>
    </message>
</context>
<context>
    <name>ProgressFile</name>
    <message>
        <source>There is no profile %1 in the store.</source>
        <translation>进度库中没有编号为 %1 的学员档案。</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is incomplete or damaged (%2 at byte %3): it may have been cut short while copying. Nothing was imported.</source>
        <translation>%1 不完整或已损坏（第 %3 字节处：%2），可能在复制时被截断了。没有导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is not a PG Campus progress file. Nothing was imported.</source>
        <translation>%1 不是 PG 学堂的进度文件。没有导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was exported by a newer PG Campus (%2, progress format %3); this version reads format %4. Update PG Campus to import it. Nothing was imported.</source>
        <translation>%1 由更新版本的 PG 学堂导出（%2，进度文件格式 %3）；当前版本只能读取格式 %4。请升级 PG 学堂后再导入。没有导入任何内容。</translation>
    </message>
    <message>
        <source>%1 was changed after it was exported: its checksum does not match its contents. Nothing was imported; export it again from the other installation.</source>
        <translation>%1 在导出后被修改过：校验和与内容不符。没有导入任何内容；请在原来的电脑上重新导出。</translation>
    </message>
    <message>
        <source>%1 is damaged: its %2 part is not as PG Campus writes it. Nothing was imported.</source>
        <translation>%1 已损坏：其中的 %2 部分不是 PG 学堂写出的格式。没有导入任何内容。</translation>
    </message>
    <message>
        <source>A different profile named &quot;%1&quot; already exists here. Rename that profile (or delete it), then import again. Nothing was imported.</source>
        <translation>本机已经有另一个名为“%1”的学员档案。请先重命名（或删除）那个档案，再重新导入。没有导入任何内容。</translation>
    </message>
    <message>
        <source>%1 is damaged: a row of its %2 part has %3 values instead of %4. Nothing was imported.</source>
        <translation>%1 已损坏：其中 %2 部分的一行有 %3 个值，应为 %4 个。没有导入任何内容。</translation>
    </message>
    <message>
        <source>%1 could not be merged (%2): %3. Nothing was imported.</source>
        <translation>%1 无法合并（%2）：%3。没有导入任何内容。</translation>
    </message>
</context>
<context>
    <name>ProgressReport</name>
    <message>
        <source>PG Campus progress report: %1</source>
        <translation>PG 学堂学习报告：%1</translation>
    </message>
    <message>
        <source>Made on %1. Everything below comes from the learner&apos;s own progress store.</source>
        <translation>生成于 %1。以下内容全部来自学员本人的学习进度库。</translation>
    </message>
    <message>
        <source>Courses</source>
        <translation>课程</translation>
    </message>
    <message>
        <source>Track</source>
        <translation>学习路径</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成度</translation>
    </message>
    <message>
        <source>Labs passed: %1 of %2 (%3 attempted).</source>
        <translation>通过的实验：%1 / %2（做过 %3 个）。</translation>
    </message>
    <message>
        <source>Exams</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>No exam taken yet.</source>
        <translation>还没有参加过考试。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Exam</source>
        <translation>考试</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>得分</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>not passed (pass mark %1 %)</source>
        <translation>未通过（及格线 %1%）</translation>
    </message>
    <message>
        <source>Domains, weakest first</source>
        <translation>各领域得分（从最薄弱的开始）</translation>
    </message>
    <message>
        <source>Domain</source>
        <translation>领域</translation>
    </message>
    <message>
        <source>Exam questions</source>
        <translation>考题数</translation>
    </message>
    <message>
        <source>Lab steps</source>
        <translation>实验步骤数</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>学习时间</translation>
    </message>
    <message numerus="yes">
        <source>%1 hours in the last eight weeks; %n day(s) in a row up to now.</source>
        <translation>
            <numerusform>最近八周共学习 %1 小时；到今天已连续学习 %n 天。</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The track is not finished yet: a certificate comes when every lesson is read and every lab passed.</source>
        <translation>这条学习路径还没有完成：读完所有课程、通过所有实验后才能获得证书。</translation>
    </message>
    <message>
        <source>PG Campus certifies that</source>
        <translation>PG 学堂兹证明</translation>
    </message>
    <message>
        <source>has completed the track</source>
        <translation>已完成学习路径</translation>
    </message>
    <message>
        <source>every lesson read and every lab passed, graded against a real PostgreSQL server</source>
        <translation>读完全部课程，并通过全部实验（均在真实的 PostgreSQL 服务器上评判）</translation>
    </message>
    <message>
        <source>Verification code: %1 (derived from the stored results)</source>
        <translation>验证码：%1（由存储的学习结果计算得出）</translation>
    </message>
    <message>
        <source>Certificate: %1</source>
        <translation>证书：%1</translation>
    </message>
</context>
<context>
    <name>ProgressStore</name>
    <message>
        <source>Cannot create the folder for the progress store %1.</source>
        <translation>无法为学习进度库 %1 创建文件夹。</translation>
    </message>
    <message>
        <source>The progress store %1 was written by a newer version of PG Campus (schema %2; this version knows up to %3). Update PG Campus to use it; the file was left unchanged.</source>
        <translation>学习进度库 %1 由更新版本的 PG 学堂写入（架构版本 %2；当前版本最高支持 %3）。请升级 PG 学堂后再使用；该文件未作任何改动。</translation>
    </message>
    <message>
        <source>the integrity check failed</source>
        <translation>完整性检查未通过</translation>
    </message>
    <message>
        <source>The progress store %1 cannot be read (%2) and could not be moved aside.</source>
        <translation>无法读取学习进度库 %1（%2），也无法将其移到一旁。</translation>
    </message>
    <message>
        <source>Your progress file could not be read (%1). It was moved to %2 and a new, empty progress store was started.</source>
        <translation>无法读取你的学习进度文件（%1）。该文件已移至 %2，并已新建一个空的学习进度库。</translation>
    </message>
    <message>
        <source>Updating the progress store to schema %1 failed: %2</source>
        <translation>将学习进度库升级到架构版本 %1 失败：%2</translation>
    </message>
    <message>
        <source>A profile needs a name.</source>
        <translation>学员档案需要一个名字。</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; already exists.</source>
        <translation>已经有名为“%1”的学员档案。</translation>
    </message>
</context>
<context>
    <name>QuerySession</name>
    <message>
        <source>Out of memory while connecting.</source>
        <translation>连接时内存不足。</translation>
    </message>
    <message>
        <source>The connection to the server was lost.</source>
        <translation>与服务器的连接已断开。</translation>
    </message>
    <message>
        <source>The psql meta-command %1 is not available in the workbench; it was skipped.</source>
        <translation>工作台暂不支持 psql 元命令 %1，已跳过。</translation>
    </message>
    <message>
        <source>PG Campus sends no COPY data from the editor: use COPY ... FROM a file on the server, or INSERT</source>
        <translation>PG 学堂不会从编辑器发送 COPY 数据：请使用 COPY ... FROM 服务器上的文件，或使用 INSERT</translation>
    </message>
    <message>
        <source>out of memory</source>
        <translation>内存不足</translation>
    </message>
    <message>
        <source>The cancel request could not be sent: %1</source>
        <translation>无法发送取消请求：%1</translation>
    </message>
    <message>
        <source>The cancel request failed: %1</source>
        <translation>取消请求失败：%1</translation>
    </message>
</context>
<context>
    <name>ResultCheck</name>
    <message>
        <source>There is no query to check: write one in the editor.</source>
        <translation>没有可检查的查询：请在编辑器中写一个。</translation>
    </message>
    <message>
        <source>The lab&apos;s reference query failed on your database (%1). Did a step drop or change what it reads? Reset the lab to start over.</source>
        <translation>实验的参考查询在你的数据库上失败了（%1）。是不是删除或修改了它要读取的对象？可以重置实验重新开始。</translation>
    </message>
    <message>
        <source>Your query failed: %1</source>
        <translation>你的查询失败了：%1</translation>
    </message>
    <message>
        <source>The grader could not reach the lab&apos;s second dataset: %1</source>
        <translation>评分程序无法访问实验的第二套数据：%1</translation>
    </message>
    <message>
        <source>Your query gives the right rows here, but not on a second dataset with other rows: it must compute the answer, not repeat it.</source>
        <translation>你的查询在这里结果正确，但换一套数据就不对了：查询要把答案算出来，而不是照抄结果。</translation>
    </message>
    <message>
        <source>There it failed: %1</source>
        <translation>在那里它失败了：%1</translation>
    </message>
    <message>
        <source>it ends the check&apos;s transaction (%1): write only the query</source>
        <translation>它结束了检查所用的事务（%1）：只写查询本身</translation>
    </message>
    <message>
        <source>&quot;tolerance&quot; must be a decimal number, 0 or more</source>
        <translation>“tolerance” 必须是大于或等于 0 的十进制数</translation>
    </message>
    <message>
        <source>order_by names %1, which is not a column of the reference&apos;s result</source>
        <translation>order_by 指定了 %1，但它不是参考查询结果中的列</translation>
    </message>
    <message>
        <source>ordered: true, but the reference has no ORDER BY of its own: its order is not determined</source>
        <translation>设置了 ordered: true，但参考查询本身没有 ORDER BY：其结果顺序是不确定的</translation>
    </message>
    <message>
        <source>ordered: true, but the ORDER BY key %1 is not a column of the reference&apos;s result, so rows that tie on it cannot be told apart and a learner may fail for another order of tied rows: return it as a column, or name the result&apos;s columns it sorts on in order_by</source>
        <translation>设置了 ordered: true，但 ORDER BY 的排序键 %1 不是参考查询结果中的列，因此无法分辨在该键上取值相同的行，学员可能因这些行的顺序不同而被判错：请把它作为一列返回，或在 order_by 中写明结果里用于排序的列</translation>
    </message>
    <message>
        <source>ordered: true, but rows %1 and %2 of the reference tie on the ORDER BY keys and differ otherwise: their order is not determined (learners may give them in either order); add a column that tells them apart to ORDER BY, an id for example</source>
        <translation>设置了 ordered: true，但参考结果的第 %1 行和第 %2 行在 ORDER BY 排序键上取值相同、其他列不同：它们的先后顺序不确定（学员给出哪种顺序都可以）；请在 ORDER BY 中加一列把它们区分开，例如 id</translation>
    </message>
    <message>
        <source>its reference query fails on the lab&apos;s data: %1</source>
        <translation>它的参考查询在实验数据上执行失败：%1</translation>
    </message>
    <message>
        <source>the check compares the column %1, which its reference query does not return</source>
        <translation>检查要比较列 %1，但它的参考查询并不返回这一列</translation>
    </message>
    <message>
        <source>its reference query fails on its second dataset: %1</source>
        <translation>它的参考查询在第二套数据上执行失败：%1</translation>
    </message>
</context>
<context>
    <name>ResultComparison</name>
    <message>
        <source>Your result has no column named %1.</source>
        <translation>你的结果中没有名为 %1 的列。</translation>
    </message>
    <message>
        <source>Wrong columns: expected (%1), your result has (%2).</source>
        <translation>列不对：应为 (%1)，你的结果是 (%2)。</translation>
    </message>
    <message>
        <source>Wrong type for %1: expected %2, your result has %3.</source>
        <translation>%1 的类型不对：应为 %2，你的结果是 %3。</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) missing from your result, for example:</source>
        <translation>
            <numerusform>你的结果缺少 %n 行，例如：</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in your result that should not be there, for example:</source>
        <translation>
            <numerusform>你的结果中多出了 %n 行，例如：</numerusform>
        </translation>
    </message>
    <message>
        <source>The right rows in the wrong order: row %1 is %2, expected %3.</source>
        <translation>行是对的，但顺序不对：第 %1 行是 %2，应为 %3。</translation>
    </message>
    <message>
        <source>Your result</source>
        <translation>你的结果</translation>
    </message>
    <message>
        <source>The lab&apos;s reference</source>
        <translation>实验的参考查询</translation>
    </message>
    <message>
        <source>%1 has %2 columns named %3 (columns %4): give them different names with AS.</source>
        <translation>%1中有 %2 列都叫 %3（第 %4 列）：请用 AS 给它们起不同的名字。</translation>
    </message>
</context>
<context>
    <name>ResultExporter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>The export was cancelled.</source>
        <translation>导出已取消。</translation>
    </message>
</context>
<context>
    <name>ResultGrid</name>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>Copy with &amp;Headers</source>
        <translation>连同列名复制(&amp;H)</translation>
    </message>
    <message>
        <source>Copy as C&amp;SV</source>
        <translation>复制为 CSV(&amp;S)</translation>
    </message>
    <message>
        <source>Copy as &amp;Markdown</source>
        <translation>复制为 Markdown(&amp;M)</translation>
    </message>
    <message>
        <source>Show &amp;Value…</source>
        <translation>查看完整值(&amp;V)…</translation>
    </message>
    <message>
        <source>&amp;Expanded View</source>
        <translation>扩展显示(&amp;E)</translation>
    </message>
    <message>
        <source>One line per column of each record, like psql&apos;s \x</source>
        <translation>每条记录的每一列占一行，与 psql 的 \x 相同</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>导出为 CSV…</translation>
    </message>
    <message>
        <source>Export to JSON…</source>
        <translation>导出为 JSON…</translation>
    </message>
    <message>
        <source>%1, row %2</source>
        <translation>%1，第 %2 行</translation>
    </message>
    <message>
        <source>Export Result</source>
        <translation>导出结果</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 文件 (*.json)</translation>
    </message>
    <message>
        <source>Exporting %L1 rows…</source>
        <translation>正在导出 %L1 行…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ResultTableModel</name>
    <message>
        <source>%1: type %2 (OID %3)</source>
        <translation>%1：类型 %2（OID %3）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>SchemaBrowser</name>
    <message>
        <source>Show the catalog queries</source>
        <translation>显示目录查询</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Show DDL</source>
        <translation>显示 DDL</translation>
    </message>
    <message>
        <source>Open in Editor</source>
        <translation>在编辑器中打开</translation>
    </message>
    <message>
        <source>DDL to Editor</source>
        <translation>DDL 复制到编辑器</translation>
    </message>
    <message>
        <source>Copy Name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>System Objects</source>
        <translation>系统对象</translation>
    </message>
    <message>
        <source>Select an object to see its DDL.</source>
        <translation>选择一个对象以查看其 DDL。</translation>
    </message>
    <message>
        <source>Read the selected level again (the whole tree when nothing is selected)</source>
        <translation>重新读取所选层级（未选择时重新读取整棵树）</translation>
    </message>
    <message>
        <source>The statements that would make the selected object, from the server&apos;s pg_get_*def functions</source>
        <translation>创建所选对象的语句，由服务器的 pg_get_*def 函数生成</translation>
    </message>
    <message>
        <source>SELECT the first 100 rows of the selected table or view in a new tab</source>
        <translation>在新标签页中 SELECT 所选表或视图的前 100 行</translation>
    </message>
    <message>
        <source>Copy the DDL shown into a new tab, to read or change it</source>
        <translation>把显示的 DDL 复制到新标签页，便于阅读或修改</translation>
    </message>
    <message>
        <source>Add the catalog queries that produced the DDL under it, as psql -E does</source>
        <translation>像 psql -E 一样，在 DDL 下方附上生成它的系统目录查询</translation>
    </message>
    <message>
        <source>Also show pg_catalog, information_schema, the template databases and the predefined roles</source>
        <translation>同时显示 pg_catalog、information_schema、模板数据库和预定义角色</translation>
    </message>
    <message>
        <source>DDL of %1</source>
        <translation>%1 的 DDL</translation>
    </message>
    <message>
        <source>-- Reading the catalog…</source>
        <translation>-- 正在读取系统目录…</translation>
    </message>
    <message>
        <source>-- The DDL could not be read: %1
</source>
        <translation>-- 无法读取 DDL：%1
</translation>
    </message>
    <message numerus="yes">
        <source>-- The catalog queries behind it (%n):</source>
        <translation>
            <numerusform>-- 其背后的系统目录查询（%n 条）：</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Restore…</source>
        <translation>恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>The desktop&apos;s colours</source>
        <translation>跟随桌面配色</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>Colours:</source>
        <translation>配色：</translation>
    </message>
    <message>
        <source>The interface language is each profile&apos;s own: Progress → Profiles…</source>
        <translation>界面语言由每个学员档案各自设置：学习进度 → 学员档案…</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Open the &amp;Folder</source>
        <translation>打开文件夹(&amp;F)</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Your progress store is being checked…</source>
        <translation>正在检查学习进度库…</translation>
    </message>
    <message>
        <source>Your progress store passed its integrity check at start.</source>
        <translation>学习进度库在启动时通过了完整性检查。</translation>
    </message>
    <message>
        <source>Your progress store failed its integrity check at start (%1). Restore the newest backup from before the trouble began.</source>
        <translation>学习进度库在启动时没有通过完整性检查（%1）。请恢复出问题之前最新的一份备份。</translation>
    </message>
    <message numerus="yes">
        <source>PG Campus copies your progress (every profile) once a day and keeps the last %n copies, in %1.</source>
        <translation>
            <numerusform>PG 学堂每天把你的学习进度（所有学员档案）复制一份，保留最近 %n 份，存放在 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>No backup yet: the first is made today.</source>
        <translation>还没有备份：今天会做第一份。</translation>
    </message>
    <message>
        <source>On saved connections and services</source>
        <translation>在已保存的连接和服务上</translation>
    </message>
    <message>
        <source>Everywhere, the practice server too</source>
        <translation>所有地方，包括练习服务器</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source>Ask before DROP, TRUNCATE, and UPDATE or DELETE without WHERE:</source>
        <translation>执行 DROP、TRUNCATE 以及不带 WHERE 的 UPDATE 或 DELETE 之前询问：</translation>
    </message>
</context>
<context>
    <name>SqlCommand</name>
    <message>
        <source>could not connect</source>
        <translation>无法连接</translation>
    </message>
    <message>
        <source>Run SQL through PG Campus&apos;s statement splitter and session, printing results like psql.</source>
        <translation>通过 PG 学堂的语句拆分器和会话运行 SQL，并像 psql 一样打印结果。</translation>
    </message>
    <message>
        <source>Connect with this conninfo string or URI.</source>
        <translation>使用此 conninfo 连接字符串或 URI 连接。</translation>
    </message>
    <message>
        <source>Connect to this service of pg_service.conf.</source>
        <translation>连接到 pg_service.conf 中的这个服务。</translation>
    </message>
    <message>
        <source>Run these statements.</source>
        <translation>运行这些语句。</translation>
    </message>
    <message>
        <source>Run the statements in FILE (- reads standard input).</source>
        <translation>运行 FILE 中的语句（- 表示读取标准输入）。</translation>
    </message>
    <message>
        <source>Print results as table, csv, json or none.</source>
        <translation>以 table、csv、json 或 none 格式打印结果。</translation>
    </message>
    <message>
        <source>Print each statement as it is sent, like psql -e.</source>
        <translation>按发送时的原样打印每条语句，与 psql -e 相同。</translation>
    </message>
    <message>
        <source>Stop at the first failing statement.</source>
        <translation>在第一条失败的语句处停止。</translation>
    </message>
    <message>
        <source>The practice server&apos;s data directory.</source>
        <translation>练习服务器的数据目录。</translation>
    </message>
    <message>
        <source>The sql subcommand.</source>
        <translation>sql 子命令。</translation>
    </message>
    <message>
        <source>give exactly one of -c SQL and -f FILE</source>
        <translation>请在 -c SQL 和 -f FILE 中指定且仅指定一个</translation>
    </message>
    <message>
        <source>give --conn or --service, not both</source>
        <translation>请指定 --conn 或 --service，不要同时指定</translation>
    </message>
    <message>
        <source>--format takes table, csv, json or none, not &quot;%1&quot;</source>
        <translation>--format 只接受 table、csv、json 或 none，而不是“%1”</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>could not connect: %1</source>
        <translation>无法连接：%1</translation>
    </message>
    <message>
        <source>Print the catalog queries behind meta-commands such as \d, like psql -E.</source>
        <translation>打印 \d 等元命令背后的目录查询，和 psql -E 一样。</translation>
    </message>
</context>
<context>
    <name>StateCheck</name>
    <message>
        <source>a state check needs one of: %1</source>
        <translation>状态检查需要以下之一：%1</translation>
    </message>
    <message>
        <source>&quot;column&quot; is written table.column</source>
        <translation>“column”的写法是 表.列</translation>
    </message>
    <message>
        <source>&quot;index_on&quot; is written table (column, ...)</source>
        <translation>“index_on”的写法是 表 (列, ...)</translation>
    </message>
    <message>
        <source>&quot;role_attribute&quot; needs one of: %1</source>
        <translation>“role_attribute”需要以下之一：%1</translation>
    </message>
    <message>
        <source>There is no table or view named %1.</source>
        <translation>没有名为 %1 的表或视图。</translation>
    </message>
    <message>
        <source>The table %1 has no column %2.</source>
        <translation>表 %1 没有列 %2。</translation>
    </message>
    <message>
        <source>The column %1.%2 is of type %3; it should be %4.</source>
        <translation>列 %1.%2 的类型是 %3，应为 %4。</translation>
    </message>
    <message>
        <source>The column %1.%2 still accepts NULL.</source>
        <translation>列 %1.%2 仍然允许 NULL。</translation>
    </message>
    <message>
        <source>The column %1.%2 should accept NULL, but it is NOT NULL.</source>
        <translation>列 %1.%2 应允许 NULL，但它是 NOT NULL。</translation>
    </message>
    <message>
        <source>The column %1.%2 has no default.</source>
        <translation>列 %1.%2 没有默认值。</translation>
    </message>
    <message>
        <source>The column %1.%2 has the default %3, which is not the one asked for.</source>
        <translation>列 %1.%2 的默认值是 %3，不是要求的那个。</translation>
    </message>
    <message>
        <source>There is no table named %1.</source>
        <translation>没有名为 %1 的表。</translation>
    </message>
    <message>
        <source>The index %1 is on the right columns but uses %2; it should use %3.</source>
        <translation>索引 %1 的列正确，但使用的是 %2，应使用 %3。</translation>
    </message>
    <message>
        <source>The index %1 is on the right columns but is not unique.</source>
        <translation>索引 %1 的列正确，但不是唯一索引。</translation>
    </message>
    <message>
        <source>Cannot tell whether %1 may %2 on %3: %4</source>
        <translation>无法判断 %1 能否对 %3 执行 %2：%4</translation>
    </message>
    <message>
        <source>The role %1 cannot %2 on %3 yet.</source>
        <translation>角色 %1 还不能对 %3 执行 %2。</translation>
    </message>
    <message>
        <source>The role %1 can still %2 on %3; it should not.</source>
        <translation>角色 %1 仍能对 %3 执行 %2，这不应该。</translation>
    </message>
    <message>
        <source>There is no role named %1.</source>
        <translation>没有名为 %1 的角色。</translation>
    </message>
    <message>
        <source>The role %1 has %2 = %3; it should be %4.</source>
        <translation>角色 %1 的 %2 = %3，应为 %4。</translation>
    </message>
    <message>
        <source>%1 is %2 for a new session in your database; it should be %3.</source>
        <translation>在你的数据库中，新会话的 %1 为 %2，应为 %3。</translation>
    </message>
    <message>
        <source>The extension %1 is not installed in your database.</source>
        <translation>你的数据库中没有安装扩展 %1。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) of %1 do not satisfy %2.</source>
        <translation>
            <numerusform>%1 中有 %n 行不满足 %2。</numerusform>
        </translation>
    </message>
    <message>
        <source>No row of %1 satisfies %2.</source>
        <translation>%1 中没有满足 %2 的行。</translation>
    </message>
    <message>
        <source>%1 has %2 row(s) where %3; there should be %4.</source>
        <translation>%1 中满足 %3 的有 %2 行，应为 %4 行。</translation>
    </message>
    <message>
        <source>The check could not read your database: %1</source>
        <translation>检查无法读取你的数据库：%1</translation>
    </message>
    <message>
        <source>Your database is not yet in the state this step asks for.</source>
        <translation>你的数据库还没有达到这一步要求的状态。</translation>
    </message>
    <message>
        <source>it does not exist</source>
        <translation>该对象不存在</translation>
    </message>
    <message>
        <source>The index %1 is on the right columns but only for the rows of its WHERE; this step asks for an index on every row.</source>
        <translation>索引 %1 建在正确的列上，但它只覆盖 WHERE 选中的行（部分索引）；这一步要求的是覆盖所有行的索引。</translation>
    </message>
    <message>
        <source>There is no index on %1 (%2); %1 has no index at all.</source>
        <translation>%1 上没有 (%2) 的索引；%1 目前没有任何索引。</translation>
    </message>
    <message>
        <source>There is no index on %1 (%2). Indexes of %1:</source>
        <translation>%1 上没有 (%2) 的索引。%1 现有的索引：</translation>
    </message>
</context>
<context>
    <name>StateDigest</name>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not the lab&apos;s table any more (dropped, renamed or replaced)</source>
        <translation>%1 已不再是实验中的那张表（已被删除、改名或替换）</translation>
    </message>
    <message>
        <source>%1 has no column %2 any more</source>
        <translation>%1 已没有列 %2</translation>
    </message>
    <message>
        <source>%1: your copy counts %2 rows; at this step the lab&apos;s data has %3</source>
        <translation>%1：你的副本有 %2 行；在本步骤，实验数据应有 %3 行</translation>
    </message>
    <message>
        <source>%1 has as many rows as the lab&apos;s data at this step (%2), but other values</source>
        <translation>%1 的行数与本步骤的实验数据相同（%2 行），但取值不同</translation>
    </message>
</context>
<context>
    <name>StatementRisk</name>
    <message>
        <source>UPDATE without WHERE: every row of %1 changes</source>
        <translation>不带 WHERE 的 UPDATE：%1 的每一行都会被修改</translation>
    </message>
    <message>
        <source>DELETE without WHERE: every row of %1 goes</source>
        <translation>不带 WHERE 的 DELETE：%1 的每一行都会被删除</translation>
    </message>
</context>
<context>
    <name>StepGrader</name>
    <message>
        <source>This step&apos;s check is of an unknown kind, %1.</source>
        <translation>这一步的检查类型未知：%1。</translation>
    </message>
</context>
<context>
    <name>StoreBackups</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot back up %1: %2</source>
        <translation>无法备份 %1：%2</translation>
    </message>
    <message>
        <source>Cannot create %1.</source>
        <translation>无法创建 %1。</translation>
    </message>
    <message>
        <source>Cannot write %1.</source>
        <translation>无法写入 %1。</translation>
    </message>
    <message>
        <source>The backup %1 is damaged too (%2); the store was left as it is.</source>
        <translation>备份 %1 也已损坏（%2）；进度库保持原样。</translation>
    </message>
    <message>
        <source>Cannot keep the current store aside before restoring: %1</source>
        <translation>恢复之前无法保留当前的进度库：%1</translation>
    </message>
</context>
<context>
    <name>TeardownConfirmation</name>
    <message>
        <source>Tear Down Class %1</source>
        <translation>拆除班级 %1</translation>
    </message>
    <message numerus="yes">
        <source>This drops the class&apos;s %n student login(s), every student&apos;s sandboxes and the class&apos;s results. It cannot be undone.

Type the class id (%1) to confirm:</source>
        <translation>
            <numerusform>这将删除班级的 %n 个学生登录、每位学生的沙箱和班级结果，且无法撤销。

输入班级编号（%1）以确认：</numerusform>
        </translation>
    </message>
    <message>
        <source>Tear Down</source>
        <translation>拆除</translation>
    </message>
</context>
<context>
    <name>WorkbenchTab</name>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>Showing the first %1 of %2 rows: PG Campus keeps at most %3 MB of one result. Add a LIMIT, or narrow the query, to see the rest.</source>
        <translation>显示 %2 行中的前 %1 行：PG 学堂为单个结果最多保留 %3 MB。请加上 LIMIT 或缩小查询范围以查看其余部分。</translation>
    </message>
    <message>
        <source>The connection was lost. The editor and the results are kept; use Reconnect to go on.</source>
        <translation>连接已断开。编辑器和结果都已保留；请使用“重新连接”继续。</translation>
    </message>
    <message>
        <source>There is no statement to run.</source>
        <translation>没有可运行的语句。</translation>
    </message>
    <message>
        <source>Cancel requested.</source>
        <translation>已请求取消。</translation>
    </message>
    <message>
        <source>Result %1</source>
        <translation>结果 %1</translation>
    </message>
    <message>
        <source>%1  (%2 ms)</source>
        <translation>%1  （%2 毫秒）</translation>
    </message>
    <message>
        <source>Finished in %1 ms.</source>
        <translation>完成，用时 %1 毫秒。</translation>
    </message>
    <message numerus="yes">
        <source>Result %1 (%Ln rows)</source>
        <translation>
            <numerusform>结果 %1（%Ln 行）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation>无法保存 %1：%2</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Password for %1 on %2:</source>
        <translation>%2 上 %1 的密码：</translation>
    </message>
    <message>
        <source>The password could not be kept in the system keychain (%1). It is not stored anywhere else; PG Campus will ask again.</source>
        <translation>无法将密码保存在系统钥匙串中（%1）。密码不会保存在其他任何地方；PG 学堂下次会再次询问。</translation>
    </message>
    <message>
        <source>Catalog query:
%1</source>
        <translation>目录查询：
%1</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>输出</translation>
    </message>
    <message>
        <source>There is no statement to explain.</source>
        <translation>没有可以分析执行计划的语句。</translation>
    </message>
    <message>
        <source>The transaction has failed: roll it back before explaining a statement.</source>
        <translation>事务已失败：请先回滚，再分析语句的执行计划。</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE ran your statement, which changes data, inside a transaction that was then rolled back: nothing it changed was kept (sequence numbers it drew are not given back).</source>
        <translation>EXPLAIN ANALYZE 在一个随后回滚的事务中执行了你这条会修改数据的语句：它所做的修改都没有保留（已取用的序列号不会退回）。</translation>
    </message>
    <message>
        <source>EXPLAIN ANALYZE ran the statement inside a transaction that was then rolled back.</source>
        <translation>EXPLAIN ANALYZE 在一个随后回滚的事务中执行了这条语句。</translation>
    </message>
    <message>
        <source>Plan (analyzed)</source>
        <translation>执行计划（已实际执行）</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>执行计划</translation>
    </message>
    <message>
        <source>Run on %1?</source>
        <translation>在 %1 上执行吗？</translation>
    </message>
    <message>
        <source>These statements remove or change data:

%1

Run them?</source>
        <translation>这些语句会删除或修改数据：

%1

要执行吗？</translation>
    </message>
    <message>
        <source>These statements remove or change data on %1, which is not one of your practice databases:

%2

Run them?</source>
        <translation>这些语句会删除或修改 %1 上的数据，而它不是你的练习数据库：

%2

要执行吗？</translation>
    </message>
    <message>
        <source>File → Settings… chooses where PG Campus asks.</source>
        <translation>可以在“文件 → 设置…”中选择 PG 学堂在哪些地方询问。</translation>
    </message>
    <message>
        <source>Nothing was run.</source>
        <translation>什么都没有执行。</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>模式</translation>
    </message>
    <message>
        <source>table</source>
        <translation>表</translation>
    </message>
    <message>
        <source>view</source>
        <translation>视图</translation>
    </message>
    <message>
        <source>column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>function</source>
        <translation>函数</translation>
    </message>
    <message>
        <source>type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>setting</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>function %1%2</source>
        <translation>函数 %1%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>PG Campus: learn PostgreSQL administration.</source>
        <translation>PG 学堂：学习 PostgreSQL 数据库管理。</translation>
    </message>
    <message>
        <source>Keep progress and the practice server in DIR.</source>
        <translation>将学习进度和练习服务器保存在 DIR 中。</translation>
    </message>
    <message>
        <source>User interface language: zh_CN or en.</source>
        <translation>界面语言：zh_CN 或 en。</translation>
    </message>
    <message>
        <source>Render the view offscreen once data is loaded, save it as a PNG and exit.</source>
        <translation>数据加载后在屏幕外渲染视图，保存为 PNG 并退出。</translation>
    </message>
    <message>
        <source>The view to show: workbench, workbench:SAMPLE with SAMPLE one of result, error, transaction; courses; lesson:ID; lab:ID; exam:ID; exam-submit:ID; exam-result:LAST; exam-resume; review; dashboard.</source>
        <translation>要显示的视图：workbench，workbench:SAMPLE（SAMPLE 为 result、error、transaction 之一）；courses；lesson:ID；lab:ID；exam:ID；exam-submit:ID；exam-result:LAST；exam-resume；review；dashboard。</translation>
    </message>
    <message>
        <source>Colours: dark or light (default: the desktop&apos;s).</source>
        <translation>配色：dark（深色）或 light（浅色），默认跟随桌面。</translation>
    </message>
</context>
</TS>
