<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CampusApplication</name>
    <message>
        <source>-- Welcome to PG Campus! This editor is connected to your own practice server.
-- Press F5 or Ctrl+Enter to run the script.
</source>
        <translation>-- 欢迎使用 PG 学堂！这个编辑器已连接到你自己的练习服务器。
-- 按 F5 或 Ctrl+Enter 运行脚本。
</translation>
    </message>
    <message>
        <source>Unknown view "%1". Available views: workbench.</source>
        <translation>未知视图“%1”。可用视图：workbench。</translation>
    </message>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>PG Campus</source>
        <translation>PG 学堂</translation>
    </message>
    <message>
        <source>Query 1</source>
        <translation>查询 1</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>消息</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <source>Run the script in the editor (F5, Ctrl+Enter)</source>
        <translation>运行编辑器中的脚本（F5、Ctrl+Enter）</translation>
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
        <source>Running…</source>
        <translation>正在运行…</translation>
    </message>
    <message>
        <source>Failed after %1 ms</source>
        <translation>运行 %1 毫秒后失败</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) in %1 ms</source>
        <translation>
            <numerusform>%n 行，用时 %1 毫秒</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesPane</name>
    <message>
        <source>Notices, errors and command results appear here.</source>
        <translation>通知、错误和命令结果显示在这里。</translation>
    </message>
    <message>
        <source>SQL state: %1</source>
        <translation>SQL 状态：%1</translation>
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
        <source>The view to show with --screenshot: workbench.</source>
        <translation>与 --screenshot 一起使用时显示的视图：workbench。</translation>
    </message>
</context>
</TS>
