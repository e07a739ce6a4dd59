#include "metacommand.h"

#include <QTest>

// psql's name patterns and meta-command names, read the way psql reads them. (What the
// commands print is compared with psql itself in tst_sqlcommand.)
class tst_MetaCommand : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void patterns_data();
    void patterns();
    void commands_data();
    void commands();
    void settings_data();
    void settings();
};

void tst_MetaCommand::patterns_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("name");
    QTest::newRow("none") << "" << "" << "";
    QTest::newRow("name folded to lower case") << "Orders" << "" << "^(orders)$";
    QTest::newRow("star") << "ord*" << "" << "^(ord.*)$";
    QTest::newRow("question mark") << "t?" << "" << "^(t.)$";
    QTest::newRow("schema and name") << "shop.tickets" << "^(shop)$" << "^(tickets)$";
    QTest::newRow("any schema") << "*.orders" << "^(.*)$" << "^(orders)$";
    QTest::newRow("every name of a schema") << "shop.*" << "^(shop)$" << "";
    QTest::newRow("quoted keeps case and dots") << "\"Mixed.Case\"" << "" << "^(Mixed\\.Case)$";
    QTest::newRow("quoted star is literal") << "\"a*\"" << "" << "^(a\\*)$";
    QTest::newRow("doubled quote") << "\"say \"\"hi\"\"\"" << "" << "^(say \"hi\")$";
    QTest::newRow("dollar is literal") << "price$" << "" << "^(price\\$)$";
    QTest::newRow("regex class kept") << "t[0-9]" << "" << "^(t[0-9])$";
    QTest::newRow("database part dropped") << "db.shop.t" << "^(shop)$" << "^(t)$";
}

void tst_MetaCommand::patterns()
{
    QFETCH(QString, pattern);
    QFETCH(QString, schema);
    QFETCH(QString, name);
    const NamePattern p = NamePattern::parse(pattern);
    QCOMPARE(p.schema, schema);
    QCOMPARE(p.name, name);
    const QString where = p.condition(QStringLiteral("n.nspname"), QStringLiteral("c.relname"), QStringLiteral("visible(c)"));
    QCOMPARE(where.contains(QStringLiteral("visible(c)")), schema.isEmpty());
}

void tst_MetaCommand::commands_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("argument");
    QTest::addColumn<bool>("plus");
    QTest::addColumn<bool>("system");
    using K = MetaCommand::Kind;
    QTest::newRow("\\d lists") << "\\d" << int(K::ListRelations) << "" << false << false;
    QTest::newRow("\\d NAME describes") << "\\d orders" << int(K::Describe) << "orders" << false << false;
    QTest::newRow("\\d+") << "\\d+   orders  " << int(K::Describe) << "orders" << true << false;
    QTest::newRow("\\dtS+") << "\\dtS+ pg_*" << int(K::ListRelations) << "pg_*" << true << true;
    QTest::newRow("\\di") << "\\di" << int(K::ListRelations) << "" << false << false;
    QTest::newRow("\\dg is \\du") << "\\dg" << int(K::ListRoles) << "" << false << false;
    QTest::newRow("\\z is \\dp") << "\\z orders" << int(K::Privileges) << "orders" << false << false;
    QTest::newRow("\\l+") << "\\l+" << int(K::ListDatabases) << "" << true << false;
    QTest::newRow("\\x auto") << "\\x auto" << int(K::Expanded) << "auto" << false << false;
    QTest::newRow("\\set is not ours") << "\\set x 1" << int(K::Unsupported) << "x 1" << false << false;
    QTest::newRow("\\copy is not ours") << "\\copy t from f" << int(K::Unsupported) << "t from f" << false << false;
}

void tst_MetaCommand::commands()
{
    QFETCH(QString, text);
    QFETCH(int, kind);
    QFETCH(QString, argument);
    QFETCH(bool, plus);
    QFETCH(bool, system);
    MetaCommand m = MetaCommand::parse(text);
    QCOMPARE(int(m.kind()), kind);
    QCOMPARE(m.argument(), argument);
    QCOMPARE(m.plus(), plus);
    QCOMPARE(m.system(), system);
    QCOMPARE(m.runsQueries(), !m.nextQuery().isEmpty());
}

void tst_MetaCommand::settings_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("current");
    QTest::addColumn<QString>("next");
    QTest::addColumn<QString>("message");
    QTest::newRow("\\x toggles on") << "\\x" << "off" << "on" << "Expanded display is on.";
    QTest::newRow("\\x toggles off") << "\\x" << "on" << "off" << "Expanded display is off.";
    QTest::newRow("\\x auto") << "\\x auto" << "off" << "auto" << "Expanded display is used automatically.";
    QTest::newRow("\\timing on") << "\\timing on" << "off" << "on" << "Timing is on.";
    QTest::newRow("\\timing yes") << "\\timing yes" << "on" << "on" << "Timing is on.";
    QTest::newRow("\\timing auto is wrong") << "\\timing auto" << "off" << ""
                                            << "unrecognized value \"auto\" for \"timing\": Boolean expected";
}

void tst_MetaCommand::settings()
{
    QFETCH(QString, text);
    QFETCH(QString, current);
    QFETCH(QString, next);
    QFETCH(QString, message);
    QString said;
    QCOMPARE(MetaCommand::parse(text).setting(current, &said), next);
    QCOMPARE(said, message);
}

QTEST_GUILESS_MAIN(tst_MetaCommand)
#include "tst_metacommand.moc"
