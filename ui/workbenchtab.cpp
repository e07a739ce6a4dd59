#include "workbenchtab.h"

#include "connectioninfo.h"
#include "explainview.h"
#include "sqlcompletion.h"
#include "statementrisk.h"
#include "messagespane.h"
#include "passwordkeychain.h"
#include "resultgrid.h"
#include "sqleditor.h"

#include <QFile>
#include <QFontDatabase>
#include <QFontMetrics>
#include <QFileInfo>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPointer>
#include <QRegularExpression>
#include <QThread>
#include <QApplication>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QUuid>
#include <QVBoxLayout>

namespace {
// The server counts positions in characters (code points); QString counts UTF-16 units.
int indexOfCodePoint(const QString &text, int codePoints)
{
    int index = 0;
    for (int n = 0; n < codePoints && index < text.size(); ++n)
        index += (text.at(index).isHighSurrogate() && index + 1 < text.size()) ? 2 : 1;
    return std::min(index, int(text.size()));
}

ScriptUnit syntheticUnit(const QString &sql)
{
    ScriptUnit unit;
    unit.text = sql;
    return unit;
}

QString formatCount(qsizetype n)
{
    return QLocale().toString(qlonglong(n));
}
} // namespace

WorkbenchTab::WorkbenchTab(QWidget *parent)
    : QWidget(parent)
    , m_session(new QuerySession(this))
    , m_editor(new SqlEditor)
    , m_outputTabs(new QTabWidget)
    , m_messages(new MessagesPane)
{
    m_outputTabs->setDocumentMode(true);
    m_outputTabs->addTab(m_messages, tr("Messages"));

    m_splitter = new QSplitter(Qt::Vertical);
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_outputTabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);

    connect(m_session, &QuerySession::resultStarted, this, &WorkbenchTab::onResultStarted);
    connect(m_session, &QuerySession::rowsArrived, this, [this] {
        if (!m_resultViews.isEmpty())
            m_resultViews.last()->refreshRows();
    });
    connect(m_session, &QuerySession::resultReady, this, [this](int, const ResultSet &result) {
        if (isPlanResult(result)) {
            showPlan(result);
            return;
        }
        if (m_resultViews.isEmpty())
            return;
        const int n = int(m_resultViews.size()) - 1;
        m_resultViews.last()->refreshRows();
        m_outputTabs->setTabText(m_outputTabs->indexOf(m_truncationNotes.at(n)->parentWidget()),
                                 tr("Result %1 (%Ln rows)", nullptr, int(result.rowsReceived())).arg(n + 1));
        if (result.isTruncated()) {
            m_truncationNotes.at(n)->setText(
                tr("Showing the first %1 of %2 rows: PG Campus keeps at most %3 MB of one result. Add a LIMIT, "
                   "or narrow the query, to see the rest.")
                    .arg(formatCount(result.rowCount()), formatCount(result.rowsReceived()))
                    .arg(QuerySession::DefaultResultByteLimit >> 20));
            m_truncationNotes.at(n)->show();
        }
    });
    connect(m_session, &QuerySession::typeNamesResolved, this, [this] {
        for (ResultGrid *grid : std::as_const(m_resultViews))
            grid->refreshHeaders();
    });
    connect(m_session, &QuerySession::metaOutput, this, &WorkbenchTab::onMetaOutput);
    connect(m_session, &QuerySession::opened, this, &WorkbenchTab::reloadCatalog);
    connect(m_editor, &SqlEditor::completionRequested, this, &WorkbenchTab::complete);
    connect(m_session, &QuerySession::hiddenQuery, this, [this](int statement, const QString &sql) {
        if (m_showCatalogQueries)
            m_messages->addInfo(tr("Catalog query:\n%1").arg(sql), statement >= 0 ? editorLineOf(statement) : -1);
    });
    connect(m_session, &QuerySession::statementFinished, this, &WorkbenchTab::onStatementFinished);
    connect(m_session, &QuerySession::messageReceived, this, &WorkbenchTab::onMessage);
    connect(m_session, &QuerySession::finished, this, &WorkbenchTab::onFinished);
    connect(m_session, &QuerySession::stateChanged, this, &WorkbenchTab::statusChanged);
    connect(m_session, &QuerySession::transactionStateChanged, this, &WorkbenchTab::statusChanged);
    connect(m_session, &QuerySession::opened, this, &WorkbenchTab::rememberTypedPassword);
    connect(m_session, &QuerySession::openFailed, this, [this](const QString &reason) {
        m_typedPassword.clear();
        if (m_session->needsPassword() && !m_askedForPassword) {
            askForPassword();
            return;
        }
        m_messages->addServerMessage(ServerMessage::clientError(reason));
        m_outputTabs->setCurrentWidget(m_messages);
    });
    connect(m_session, &QuerySession::connectionLost, this, [this] {
        m_messages->addInfo(tr("The connection was lost. The editor and the results are kept; "
                               "use Reconnect to go on."));
    });
    connect(m_messages, &MessagesPane::jumpRequested, this, [this](int position) { jumpTo(position, false); });

    m_bufferId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    connect(m_editor, &QsciScintilla::textChanged, this, [this] { m_needsAutosave = true; });
    connect(m_editor, &QsciScintilla::modificationChanged, this, &WorkbenchTab::titleChanged);
    connect(m_session, &QuerySession::statementStarted, this,
            [this] { m_statementStartedAt = QDateTime::currentDateTime(); });
}

QString WorkbenchTab::title() const
{
    const QString name = m_filePath.isEmpty() ? m_untitledName : QFileInfo(m_filePath).fileName();
    return isModified() && !m_filePath.isEmpty() ? name + u'*' : name;
}

void WorkbenchTab::setUntitledName(const QString &name)
{
    m_untitledName = name;
    Q_EMIT titleChanged();
}

bool WorkbenchTab::isModified() const
{
    return m_editor->isModified();
}

EditorBuffer WorkbenchTab::buffer() const
{
    EditorBuffer b;
    b.id = m_bufferId;
    b.title = m_untitledName;
    b.filePath = m_filePath;
    b.text = m_editor->text();
    b.modified = isModified();
    b.cursor = m_editor->cursorTextIndex();
    return b;
}

void WorkbenchTab::restore(const EditorBuffer &buffer)
{
    m_bufferId = buffer.id;
    m_untitledName = buffer.title;
    m_filePath = buffer.filePath;
    m_editor->setText(buffer.text);
    m_editor->setModified(buffer.modified);
    m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, m_editor->bytePositionAt(buffer.cursor));
    m_needsAutosave = false;
    Q_EMIT titleChanged();
}

bool WorkbenchTab::openFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(path, file.errorString());
        return false;
    }
    QByteArray data = file.readAll();
    if (data.startsWith("\xef\xbb\xbf"))
        data.remove(0, 3);
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_editor->setText(QString::fromUtf8(data));
    m_editor->setModified(false);
    m_needsAutosave = true;
    Q_EMIT titleChanged();
    return true;
}

bool WorkbenchTab::saveFile(const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_editor->text().toUtf8()) < 0 || !file.commit()) {
        *error = tr("Cannot save %1: %2").arg(path, file.errorString());
        return false;
    }
    m_filePath = QFileInfo(path).absoluteFilePath();
    m_editor->setModified(false);
    m_needsAutosave = true;
    Q_EMIT titleChanged();
    return true;
}

ResultGrid *WorkbenchTab::resultView(int n) const
{
    return n >= 0 && n < m_resultViews.size() ? m_resultViews.at(n) : nullptr;
}

void WorkbenchTab::connectTo(const QString &name, const QString &conninfo, bool ownServer)
{
    m_connectionName = name;
    m_ownServer = ownServer;
    m_profileId.clear();
    m_color.clear();
    m_askedForPassword = false;
    m_session->setSetupStatements({});
    m_session->open(conninfo);
    Q_EMIT statusChanged();
    Q_EMIT titleChanged();
}

void WorkbenchTab::connectTo(const ConnectionProfile &profile)
{
    m_connectionName = profile.name;
    m_ownServer = false;
    m_profileId = profile.id;
    m_color = profile.color;
    m_askedForPassword = false;
    m_rememberPassword = profile.savePassword;
    m_session->setSetupStatements(profile.readOnly ? QStringList{QStringLiteral("SET default_transaction_read_only = on")}
                                                   : QStringList());
    Q_EMIT statusChanged();
    Q_EMIT titleChanged();
    if (!profile.savePassword) {
        m_session->open(profile.conninfo);
        return;
    }
    PasswordKeychain::read(profile.id, this, [this, profile](const QString &password, const QString &) {
        if (m_profileId != profile.id) // the tab went elsewhere meanwhile
            return;
        m_session->open(password.isEmpty() ? profile.conninfo
                                           : ConnectionInfo(profile.conninfo).with(QStringLiteral("password"), password));
    });
}

void WorkbenchTab::connectLike(const WorkbenchTab &other, const QString &database)
{
    const QString conninfo = other.m_session->conninfo();
    const bool sameDatabase = ConnectionInfo(conninfo).value(QStringLiteral("dbname")) == database;
    m_connectionName = sameDatabase || other.m_connectionName.isEmpty()
        ? other.m_connectionName
        : tr("%1 · %2").arg(other.m_connectionName, database);
    m_ownServer = other.m_ownServer;
    m_profileId = other.m_profileId;
    m_color = other.m_color;
    m_askedForPassword = false;
    m_session->setSetupStatements(other.m_session->setupStatements());
    m_session->open(sameDatabase ? conninfo : ConnectionInfo(conninfo).with(QStringLiteral("dbname"), database));
    Q_EMIT statusChanged();
    Q_EMIT titleChanged();
}

// The server wants a password the conninfo, ~/.pgpass and PGPASSWORD did not give:
// ask once; it stays in memory for this connection only.
void WorkbenchTab::askForPassword()
{
    m_askedForPassword = true;
    const ConnectionInfo info(m_session->conninfo());
    bool ok = false;
    const QString password = QInputDialog::getText(
        this, tr("Password"),
        tr("Password for %1 on %2:").arg(m_session->user().isEmpty() ? info.value(QStringLiteral("user")) : m_session->user(),
                                         m_connectionName),
        QLineEdit::Password, QString(), &ok);
    if (!ok || password.isEmpty())
        return;
    if (m_rememberPassword && !m_profileId.isEmpty())
        m_typedPassword = password;
    m_session->open(info.with(QStringLiteral("password"), password));
}

// A password that worked goes to the keychain when the profile asks for it.
void WorkbenchTab::rememberTypedPassword()
{
    if (m_typedPassword.isEmpty())
        return;
    PasswordKeychain::write(m_profileId, std::exchange(m_typedPassword, QString()), this, [this](const QString &error) {
        if (!error.isEmpty())
            m_messages->addInfo(tr("The password could not be kept in the system keychain (%1). "
                                   "It is not stored anywhere else; PG Campus will ask again.")
                                    .arg(error));
    });
}

bool WorkbenchTab::hasOpenTransaction() const
{
    const TransactionState t = m_session->transactionState();
    return t == TransactionState::InTransaction || t == TransactionState::Failed;
}

void WorkbenchTab::runScript()
{
    const int selectionStart = m_editor->selectionStartIndex();
    const QString selected = m_editor->selectedText();
    if (selectionStart >= 0 && !selected.trimmed().isEmpty())
        run(selected, selectionStart);
    else
        run(m_editor->text(), 0);
}

void WorkbenchTab::runStatementAtCursor()
{
    if (m_editor->hasSelectedText()) {
        runScript();
        return;
    }
    const QString text = m_editor->text();
    const QList<ScriptUnit> units = StatementSplitter::split(text, {m_session->standardConformingStrings()});
    const qsizetype at = StatementSplitter::unitAt(units, m_editor->cursorTextIndex());
    if (at < 0) {
        m_messages->addInfo(tr("There is no statement to run."));
        return;
    }
    m_runUnits = {units.at(at)};
    m_runOffset = 0;
    run(QString(), -1);
}

void WorkbenchTab::explain(bool analyze)
{
    if (m_session->state() != QuerySession::State::Idle)
        return;
    const QString text = m_editor->hasSelectedText() ? m_editor->selectedText() : m_editor->text();
    const int offset = m_editor->hasSelectedText() ? m_editor->selectionStartIndex() : 0;
    const QList<ScriptUnit> units = StatementSplitter::split(text, {m_session->standardConformingStrings()});
    const qsizetype at = m_editor->hasSelectedText() ? 0 : StatementSplitter::unitAt(units, m_editor->cursorTextIndex());
    clearOutput();
    if (at < 0 || at >= units.size() || units.at(at).kind != ScriptUnit::Kind::Query) {
        m_messages->addInfo(tr("There is no statement to explain."));
        return;
    }
    if (m_session->transactionState() == TransactionState::Failed) {
        m_messages->addInfo(tr("The transaction has failed: roll it back before explaining a statement."));
        m_outputTabs->setCurrentWidget(m_messages);
        return;
    }
    // The EXPLAIN keeps the statement's place in the editor, so an error in it is marked there.
    ScriptUnit explained = units.at(at);
    const QString sql = ExplainPlan::explainStatement(explained.text, analyze);
    explained.text = sql;
    explained.spans.prepend(ScriptSpan{explained.sourceStart(), int(ExplainPlan::explainPrefix(analyze).size())});
    const bool inTransaction = m_session->transactionState() == TransactionState::InTransaction;
    m_runUnits = {explained};
    m_prependedUnits = 0;
    if (analyze) {
        m_runUnits.prepend(syntheticUnit(inTransaction ? QStringLiteral("SAVEPOINT pgcampus_explain") : QStringLiteral("BEGIN")));
        m_runUnits.append(syntheticUnit(inTransaction ? QStringLiteral("ROLLBACK TO SAVEPOINT pgcampus_explain")
                                                      : QStringLiteral("ROLLBACK")));
        m_prependedUnits = 1;
    }
    m_runOffset = offset;
    m_runBaseLine = m_editor->lineAt(offset);
    m_explaining = true;
    m_explainAnalyze = analyze;
    m_explainChangesData = ExplainPlan::changesData(units.at(at).text);
    m_runTimer.start();
    m_session->run(m_runUnits, {true});
    Q_EMIT statusChanged();
}

WorkbenchTab::~WorkbenchTab()
{
    if (m_catalogWorker)
        m_catalogWorker->wait();
}

void WorkbenchTab::reloadCatalog()
{
    if (m_catalogLoading) {
        m_catalogStale = true;
        return;
    }
    m_catalogLoading = true;
    m_catalogStale = false;
    QPointer<WorkbenchTab> self(this);
    QThread *worker = QThread::create([self, conninfo = m_session->conninfo()] {
        QString error;
        std::optional<CatalogMetadata> loaded = CatalogMetadata::load(conninfo, &error);
        auto shared = loaded ? std::make_shared<const CatalogMetadata>(std::move(*loaded)) : nullptr;
        QMetaObject::invokeMethod(qApp, [self, shared] {
            if (!self)
                return;
            self->m_catalogLoading = false;
            if (shared)
                self->m_catalog = shared;
            if (self->m_catalogStale)
                self->reloadCatalog();
        }, Qt::QueuedConnection);
    });
    connect(worker, &QThread::finished, worker, &QObject::deleteLater);
    m_catalogWorker = worker;
    worker->start();
}

void WorkbenchTab::complete()
{
    static const CatalogMetadata empty;
    const SqlCompletion::Result r = SqlCompletion::at(m_catalog ? *m_catalog : empty, m_editor->text(), m_editor->cursorTextIndex());
    QStringList items, details;
    for (const SqlCompletion::Candidate &c : r.candidates) {
        if (items.contains(c.text))
            continue;
        items << c.text;
        details << completionDetail(c);
    }
    m_editor->showCompletions(items, int(r.prefix.size()), details);
}

// What the popup says above an item: the kind of thing and its type, signature or table.
QString WorkbenchTab::completionDetail(const SqlCompletion::Candidate &c)
{
    using K = SqlCompletion::Candidate::Kind;
    QString kind;
    switch (c.kind) {
    case K::Keyword: return {};
    case K::Schema: kind = tr("schema"); break;
    case K::Table: kind = tr("table"); break;
    case K::View: kind = tr("view"); break;
    case K::Column: kind = tr("column"); break;
    case K::Function: kind = tr("function"); break;
    case K::Type: kind = tr("type"); break;
    case K::Setting: kind = tr("setting"); break;
    }
    if (c.kind == K::Function)
        return tr("function %1%2").arg(c.text, c.detail);
    return c.detail.isEmpty() ? kind : tr("%1: %2").arg(kind, c.detail);
}

bool WorkbenchTab::confirmRisks()
{
    if (m_guard == Guard::Never || (m_guard == Guard::SavedConnections && m_ownServer))
        return true;
    QStringList risky;
    for (const ScriptUnit &unit : std::as_const(m_runUnits)) {
        if (unit.kind != ScriptUnit::Kind::Query)
            continue;
        const StatementRisk::Kind kind = StatementRisk::of(unit.text);
        if (kind != StatementRisk::Kind::None)
            risky << QStringLiteral("• ") + StatementRisk::describe(kind, unit.text);
    }
    if (risky.isEmpty())
        return true;
    QMessageBox box(QMessageBox::Warning, tr("Run on %1?").arg(m_connectionName),
                    m_ownServer ? tr("These statements remove or change data:\n\n%1\n\nRun them?").arg(risky.join(u'\n'))
                                : tr("These statements remove or change data on %1, which is not one of your practice "
                                     "databases:\n\n%2\n\nRun them?")
                                      .arg(m_connectionName, risky.join(u'\n')),
                    QMessageBox::Yes | QMessageBox::No, this);
    box.setDefaultButton(QMessageBox::No);
    box.setInformativeText(tr("File → Settings… chooses where PG Campus asks."));
    return box.exec() == QMessageBox::Yes;
}

bool WorkbenchTab::isPlanResult(const ResultSet &result) const
{
    return m_explaining && result.columnCount() == 1 && result.columns().first().name == u"QUERY PLAN";
}

void WorkbenchTab::showPlan(const ResultSet &result)
{
    QString error;
    const std::optional<ExplainPlan> plan = ExplainPlan::parse(result.rowCount() ? result.text(0, 0).toUtf8() : QByteArray(), &error);
    if (!plan) {
        m_messages->addServerMessage(ServerMessage::clientError(error));
        return;
    }
    const QString note = !m_explainAnalyze ? QString()
                         : m_explainChangesData
                             ? tr("EXPLAIN ANALYZE ran your statement, which changes data, inside a transaction that was "
                                  "then rolled back: nothing it changed was kept (sequence numbers it drew are not given "
                                  "back).")
                             : tr("EXPLAIN ANALYZE ran the statement inside a transaction that was then rolled back.");
    auto *view = new ExplainView(*plan, note);
    const int at = m_outputTabs->count() - 1;
    m_outputTabs->insertTab(at, view, m_explainAnalyze ? tr("Plan (analyzed)") : tr("Plan"));
    m_outputTabs->setCurrentIndex(at);
    // A plan needs room: the output gets two thirds of the height unless the learner gave it more.
    const QList<int> sizes = m_splitter->sizes();
    const int height = sizes.value(0) + sizes.value(1);
    if (sizes.value(1) < height * 2 / 3)
        m_splitter->setSizes({height / 3, height - height / 3});
    if (!note.isEmpty())
        m_messages->addInfo(note);
}

// Runs text (split here) from editor offset; offset -1 runs m_runUnits as they are.
void WorkbenchTab::run(const QString &text, int offset)
{
    if (m_session->state() != QuerySession::State::Idle)
        return;
    if (offset >= 0) {
        m_runUnits = StatementSplitter::split(text, {m_session->standardConformingStrings()});
        m_runOffset = offset;
    }
    m_runBaseLine = m_editor->lineAt(m_runOffset);
    clearOutput();
    if (m_runUnits.isEmpty()) {
        m_messages->addInfo(tr("There is no statement to run."));
        return;
    }
    if (!confirmRisks()) {
        m_messages->addInfo(tr("Nothing was run."));
        return;
    }
    m_prependedUnits = 0;
    if (!m_autocommit && m_session->transactionState() == TransactionState::Idle) {
        m_runUnits.prepend(syntheticUnit(QStringLiteral("BEGIN")));
        m_prependedUnits = 1;
    }
    m_runTimer.start();
    m_session->run(m_runUnits, {m_stopOnError});
    Q_EMIT statusChanged();
}

void WorkbenchTab::runInternal(const QString &sql)
{
    if (m_session->state() != QuerySession::State::Idle)
        return;
    m_runUnits = {syntheticUnit(sql)};
    m_prependedUnits = 1;
    m_runTimer.start();
    m_session->run(m_runUnits, {true});
}

void WorkbenchTab::cancel()
{
    if (m_session->state() != QuerySession::State::Busy)
        return;
    m_messages->addInfo(tr("Cancel requested."));
    m_session->cancel();
}

void WorkbenchTab::commit()
{
    runInternal(QStringLiteral("COMMIT"));
}

void WorkbenchTab::rollback()
{
    runInternal(QStringLiteral("ROLLBACK"));
}

void WorkbenchTab::clearOutput()
{
    m_editor->clearErrorMarks();
    m_errorMarked = false;
    m_rowsShown = 0;
    while (m_outputTabs->count() > 1) {
        QWidget *page = m_outputTabs->widget(0);
        m_outputTabs->removeTab(0);
        page->deleteLater();
    }
    m_resultViews.clear();
    m_truncationNotes.clear();
    m_messages->clear();
}

void WorkbenchTab::onResultStarted(int, const ResultSet &result)
{
    if (isPlanResult(result))
        return; // shown as a plan once it is complete
    auto *page = new QWidget;
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    auto *note = new QLabel;
    note->setWordWrap(true);
    note->setStyleSheet(QStringLiteral("QLabel { background: #fff4d6; color: #5a4300; padding: 4px; }"));
    note->hide();
    auto *view = new ResultGrid(result);
    if (m_session->expandedDisplay() == u"on") // \x on, as in psql
        view->setExpanded(true);
    layout->addWidget(note);
    layout->addWidget(view);

    const int n = int(m_resultViews.size());
    m_resultViews.append(view);
    m_truncationNotes.append(note);
    const int at = m_outputTabs->count() - 1; // before Messages
    m_outputTabs->insertTab(at, page, tr("Result %1").arg(n + 1));
    if (at == 0)
        m_outputTabs->setCurrentIndex(0);
}

// A meta-command's table as psql prints it (title, columns, footers such as "Indexes:"),
// in a tab of its own; a line of text (\x, "Did not find ...") goes to the messages.
void WorkbenchTab::onMetaOutput(int statement, const MetaOutput &output)
{
    const int line = statement >= 0 ? editorLineOf(statement) : -1;
    if (!output.hasTable()) {
        m_messages->addInfo(output.text, line);
        return;
    }
    auto *text = new QPlainTextEdit;
    text->setReadOnly(true);
    text->setLineWrapMode(QPlainTextEdit::NoWrap);
    text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text->setPlainText(MetaCommand::formatted(output));
    text->setObjectName(QStringLiteral("metaOutput"));
    const int at = m_outputTabs->count() - 1;
    const QString title = output.title.isEmpty() ? tr("Output") : output.title;
    m_outputTabs->insertTab(at, text, QFontMetrics(m_outputTabs->font()).elidedText(title, Qt::ElideMiddle, 260));
    m_outputTabs->setTabToolTip(at, title);
    if (at == 0)
        m_outputTabs->setCurrentIndex(0);
}

void WorkbenchTab::onStatementFinished(const StatementOutcome &outcome)
{
    static const QRegularExpression ddl(QStringLiteral("^(CREATE|ALTER|DROP|COMMENT|GRANT|REVOKE|SET|ROLLBACK)\\b"));
    if (!outcome.failed && ddl.match(outcome.commandTag).hasMatch())
        reloadCatalog(); // completion knows what the script just made
    if (outcome.statement >= 0 && outcome.statement < m_runUnits.size()) {
        HistoryEntry entry;
        entry.connection = m_connectionName;
        entry.statement = m_runUnits.at(outcome.statement).text;
        entry.startedAt = m_statementStartedAt;
        entry.durationMs = outcome.elapsedMs;
        entry.rows = outcome.failed ? -1 : outcome.rowsAffected;
        entry.sqlState = outcome.failed ? m_lastSqlState : QString();
        entry.status = !outcome.failed ? HistoryEntry::Status::Ok
                       : m_lastSqlState == u"57014" ? HistoryEntry::Status::Cancelled
                                                    : HistoryEntry::Status::Error;
        m_lastSqlState.clear();
        Q_EMIT statementRan(entry);
    }
    if (outcome.failed || outcome.commandTag.isEmpty())
        return;
    const int line = outcome.statement >= m_prependedUnits ? editorLineOf(outcome.statement) : -1;
    m_messages->addInfo(tr("%1  (%2 ms)").arg(outcome.commandTag).arg(outcome.elapsedMs), line);
}

void WorkbenchTab::onMessage(const ServerMessage &message)
{
    if (message.isError())
        m_lastSqlState = message.sqlState;
    const int position = editorPositionOf(message);
    int line = message.statement >= 0 ? editorLineOf(message.statement) : -1;
    if (position >= 0)
        line = m_editor->lineAt(position);
    m_messages->addServerMessage(message, line, position);
    if (message.isError() && !m_errorMarked) {
        m_errorMarked = true;
        m_outputTabs->setCurrentWidget(m_messages);
        if (position >= 0)
            jumpTo(position, true);
    }
}

void WorkbenchTab::onFinished(qint64 elapsedMs)
{
    m_explaining = false;
    m_messages->addInfo(tr("Finished in %1 ms.").arg(elapsedMs));
    if (m_errorMarked || m_outputTabs->count() == 1) // nothing but the messages to show
        m_outputTabs->setCurrentWidget(m_messages);
    Q_EMIT statusChanged();
    Q_EMIT scriptFinished();
}

int WorkbenchTab::editorPositionOf(const ServerMessage &message) const
{
    if (message.statement < m_prependedUnits || message.statement >= m_runUnits.size())
        return -1;
    const ScriptUnit &unit = m_runUnits.at(message.statement);
    int index = -1;
    if (message.position > 0) {
        index = indexOfCodePoint(unit.text, message.position - 1);
    } else if (message.internalPosition > 0 && !message.internalQuery.isEmpty()) {
        // An error inside a function body: find the inner query in the statement.
        const qsizetype at = unit.text.indexOf(message.internalQuery);
        if (at >= 0)
            index = int(at) + indexOfCodePoint(message.internalQuery, message.internalPosition - 1);
    }
    return index < 0 ? -1 : m_runOffset + unit.scriptPosition(index);
}

int WorkbenchTab::editorLineOf(int statement) const
{
    if (statement < m_prependedUnits || statement >= m_runUnits.size())
        return -1;
    return m_runBaseLine + m_runUnits.at(statement).line; // no copy of the text per statement
}

void WorkbenchTab::jumpTo(int position, bool markError)
{
    if (markError)
        m_editor->markError(position);
    else
        m_editor->SendScintilla(QsciScintilla::SCI_GOTOPOS, m_editor->bytePositionAt(position));
    m_editor->setFocus();
}
