#include "courselibrary.h"
#include "examsession.h"
#include "progressreport.h"
#include "progressstore.h"
#include "throwawayserver.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString Fixtures = QStringLiteral(PGCAMPUS_TEST_DATA "/labs/courseware/good");

// Rasterizes the first page with pdftoppm and counts the pixels that are not near white.
int inkOnFirstPage(const QString &pdf, const QString &directory)
{
    const QString prefix = QDir(directory).filePath(QStringLiteral("page"));
    const ProgramOutput out = runProgram(QStringLiteral("pdftoppm"),
                                         {QStringLiteral("-r"), QStringLiteral("40"), QStringLiteral("-png"), QStringLiteral("-f"),
                                          QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"), pdf, prefix});
    if (out.exitCode != 0)
        return -1;
    const QStringList pages = QDir(directory).entryList({QStringLiteral("page*.png")}, QDir::Files);
    if (pages.isEmpty())
        return -1;
    const QImage image(QDir(directory).filePath(pages.first()));
    int ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x)
            ink += qGray(image.pixel(x, y)) < 160 ? 1 : 0;
    }
    QFile::remove(QDir(directory).filePath(pages.first()));
    return ink;
}
} // namespace

// Reports and certificates of a seeded learner as real files: the PDF rasterized with
// pdftoppm (not blank) and its fonts read with pdffonts (a CJK face embedded), the CSV
// read back, the verification code stable for the same results and different for others.
class tst_ProgressReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void pdfReportHasChineseText();
    void csvReport();
    void certificateForAFinishedTrack();

private:
    qint64 finishTrack(const QString &name, const QDateTime &at);

    QTemporaryDir m_dir;
    CourseLibrary m_library;
    ProgressStore m_store;
    qint64 m_ming = 0;
};

qint64 tst_ProgressReport::finishTrack(const QString &name, const QDateTime &at)
{
    const qint64 id = m_store.createLearner(name, QStringLiteral("zh_CN"))->id;
    CourseEvent read;
    read.packId = QStringLiteral("fixture-good");
    read.itemId = QStringLiteral("hello");
    read.kind = CourseEvent::Kind::Read;
    read.at = at;
    m_store.recordCourseEvent(id, read);
    CourseEvent pass = read;
    pass.itemId = QStringLiteral("count-rows");
    pass.stepId = QStringLiteral("count");
    pass.kind = CourseEvent::Kind::Attempt;
    pass.passed = true;
    pass.at = at.addSecs(600);
    m_store.recordCourseEvent(id, pass);
    return id;
}

void tst_ProgressReport::initTestCase()
{
    m_library.load({Fixtures});
    QVERIFY(m_library.problems().isEmpty());
    QVERIFY(m_store.open(m_dir.filePath(QStringLiteral("progress.sqlite"))));
    m_ming = finishTrack(QStringLiteral("小明"), QDateTime(QDate(2026, 11, 20), QTime(10, 0)));
    ExamAttemptRecord attempt;
    attempt.attemptId = QStringLiteral("exam-1");
    attempt.learnerId = m_ming;
    attempt.packId = QStringLiteral("fixture-good");
    attempt.blueprintId = QStringLiteral("quick");
    attempt.mode = QStringLiteral("exam");
    attempt.startedAt = QDateTime(QDate(2026, 11, 21), QTime(9, 0));
    attempt.questionsJson = ExamSession::questionsToJson({{QStringLiteral("basics"), QStringLiteral("q-mvcc-true"), {}}});
    QVERIFY(m_store.startExamAttempt(attempt));
    CandidateAnswer truth;
    truth.truth = true;
    QVERIFY(m_store.recordExamEvent(attempt.attemptId, {attempt.startedAt.addSecs(30), 0, QStringLiteral("answer"), truth.toJson()}));
    QVERIFY(m_store.submitExamAttempt(attempt.attemptId, attempt.startedAt.addSecs(60), QStringLiteral("candidate")));
}

void tst_ProgressReport::pdfReportHasChineseText()
{
    const ProgressReport report(m_store, m_library, m_ming, QStringLiteral("zh_CN"));
    const QString pdf = m_dir.filePath(QStringLiteral("report.pdf"));
    QString error;
    QVERIFY2(report.writePdf(pdf, &error), qPrintable(error));
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    QVERIFY(file.size() > 2000);
    const int ink = inkOnFirstPage(pdf, m_dir.path());
    QVERIFY2(ink > 500, qPrintable(QStringLiteral("%1 dark pixels").arg(ink)));
    // The Chinese name and titles are set in a CJK font, embedded.
    const ProgramOutput fonts = runProgram(QStringLiteral("pdffonts"), {pdf});
    QCOMPARE(fonts.exitCode, 0);
    QVERIFY2(QRegularExpression(QStringLiteral("WenQuanYi|CJK")).match(QString::fromUtf8(fonts.out)).hasMatch(), fonts.out.constData());
}

void tst_ProgressReport::csvReport()
{
    const ProgressReport report(m_store, m_library, m_ming, QStringLiteral("zh_CN"));
    const QString path = m_dir.filePath(QStringLiteral("report.csv"));
    QString error;
    QVERIFY2(report.writeCsv(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF" "kind,pack,id,title,date,score_percent,result\r\n"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    QVERIFY(lines.contains(QStringLiteral("track,fixture-good,basics,基础,,100.0,2/2")));
    QVERIFY(lines.contains(QStringLiteral("exam,fixture-good,exam-1,小测验,2026-11-21T09:01:00Z,100.0,passed")
                               .replace(QStringLiteral("2026-11-21T09:01:00Z"),
                                        QDateTime(QDate(2026, 11, 21), QTime(9, 1)).toUTC().toString(Qt::ISODate))));
    QCOMPARE(lines.filter(QRegularExpression(QStringLiteral("^week,"))).size(), 8);
}

void tst_ProgressReport::certificateForAFinishedTrack()
{
    const ProgressReport report(m_store, m_library, m_ming, QStringLiteral("zh_CN"));
    QCOMPARE(report.finishedTracks().size(), 1);
    const QString code = report.verificationCode(QStringLiteral("fixture-good"), QStringLiteral("basics"));
    QVERIFY2(QRegularExpression(QStringLiteral("^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$")).match(code).hasMatch(), qPrintable(code));
    // The same results, the same code; another learner's results, another.
    QCOMPARE(ProgressReport(m_store, m_library, m_ming, QStringLiteral("en")).verificationCode(QStringLiteral("fixture-good"),
                                                                                               QStringLiteral("basics")),
             code);
    const qint64 other = finishTrack(QStringLiteral("Ada"), QDateTime(QDate(2026, 11, 20), QTime(10, 0)));
    QVERIFY(ProgressReport(m_store, m_library, other, QStringLiteral("en")).verificationCode(QStringLiteral("fixture-good"),
                                                                                             QStringLiteral("basics"))
            != code);

    const QString pdf = m_dir.filePath(QStringLiteral("certificate.pdf"));
    QString error;
    QVERIFY2(report.writeCertificate(QStringLiteral("fixture-good"), QStringLiteral("basics"), pdf, &error), qPrintable(error));
    const int ink = inkOnFirstPage(pdf, m_dir.path());
    QVERIFY2(ink > 300, qPrintable(QStringLiteral("%1 dark pixels").arg(ink)));
    // Nothing finished, no certificate.
    const qint64 fresh = m_store.createLearner(QStringLiteral("Bo"))->id;
    const ProgressReport unfinished(m_store, m_library, fresh, QStringLiteral("en"));
    QVERIFY(unfinished.finishedTracks().isEmpty());
    QVERIFY(unfinished.verificationCode(QStringLiteral("fixture-good"), QStringLiteral("basics")).isEmpty());
    QVERIFY(!unfinished.writeCertificate(QStringLiteral("fixture-good"), QStringLiteral("basics"),
                                         m_dir.filePath(QStringLiteral("none.pdf")), &error));
    QVERIFY(error.contains(QStringLiteral("not finished")));
    QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("none.pdf"))));
}

QTEST_MAIN(tst_ProgressReport)
#include "tst_progressreport.moc"
