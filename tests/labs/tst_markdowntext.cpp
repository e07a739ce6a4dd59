#include "markdowntext.h"

#include <QTest>

class tst_MarkdownText : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void joinCjkLineBreaks_data();
    void joinCjkLineBreaks();
};

void tst_MarkdownText::joinCjkLineBreaks_data()
{
    QTest::addColumn<QString>("markdown");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two Chinese lines of one paragraph")
        << QStringLiteral("检查会新开一个连接，\n只在当前会话里 SET 是不够的。") << QStringLiteral("检查会新开一个连接，只在当前会话里 SET 是不够的。");
    QTest::newRow("the next line's indentation goes too")
        << QStringLiteral("先做个记号：\n   创建还原点。") << QStringLiteral("先做个记号：创建还原点。");
    QTest::newRow("Chinese then Latin keeps its space")
        << QStringLiteral("然后执行\nALTER SYSTEM。") << QStringLiteral("然后执行\nALTER SYSTEM。");
    QTest::newRow("Latin then Chinese keeps its space")
        << QStringLiteral("用 pg_dump\n备份。") << QStringLiteral("用 pg_dump\n备份。");
    QTest::newRow("English is left alone")
        << QStringLiteral("A new connection\nsees it.") << QStringLiteral("A new connection\nsees it.");
    QTest::newRow("a heading stays on its line") << QStringLiteral("## 小结\n备库重放 WAL。") << QStringLiteral("## 小结\n备库重放 WAL。");
    QTest::newRow("paragraph break stays") << QStringLiteral("第一段。\n\n第二段。") << QStringLiteral("第一段。\n\n第二段。");
    QTest::newRow("list items stay apart") << QStringLiteral("步骤：\n- 第一步\n- 第二步") << QStringLiteral("步骤：\n- 第一步\n- 第二步");
    QTest::newRow("numbered items stay apart") << QStringLiteral("1. 创建\n2. 删除") << QStringLiteral("1. 创建\n2. 删除");
    QTest::newRow("code fences are left alone")
        << QStringLiteral("```sql\n-- 注释一\n-- 注释二\nSELECT '甲\n乙';\n```\n后面\n的文字")
        << QStringLiteral("```sql\n-- 注释一\n-- 注释二\nSELECT '甲\n乙';\n```\n后面的文字");
    QTest::newRow("full-width punctuation counts") << QStringLiteral("（例如\n“备库”）") << QStringLiteral("（例如“备库”）");
}

void tst_MarkdownText::joinCjkLineBreaks()
{
    QFETCH(QString, markdown);
    QFETCH(QString, expected);
    QCOMPARE(MarkdownText::joinCjkLineBreaks(markdown), expected);
}

QTEST_GUILESS_MAIN(tst_MarkdownText)
#include "tst_markdowntext.moc"
