#pragma once

#include "progressstore.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QuerySession;

// Edits one connection profile: a conninfo string or URI (checked by libpq as it
// is typed), the SSL mode and root certificate, a colour tag and the read-only
// flag. "Test Connection" connects and shows the server version, the user, the
// database and whether TLS is in use.
class ConnectionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionDialog(const ConnectionProfile &profile, QWidget *parent = nullptr);

    // The profile as edited; its conninfo carries the SSL settings and never a password.
    ConnectionProfile profile() const;
    // What libpq said about the conninfo, empty when it parses.
    QString validationError() const;

    QLineEdit *nameField() const { return m_name; }
    QLineEdit *conninfoField() const { return m_conninfo; }
    QComboBox *sslModeField() const { return m_sslMode; }
    QLineEdit *rootCertificateField() const { return m_rootCert; }
    QLabel *testResult() const { return m_testResult; }
    void testConnection();

Q_SIGNALS:
    void testFinished(bool ok);

private:
    void validate();
    QString conninfo() const;

    ConnectionProfile m_profile;
    QLineEdit *m_name;
    QLineEdit *m_conninfo;
    QComboBox *m_sslMode;
    QLineEdit *m_rootCert;
    QComboBox *m_color;
    QCheckBox *m_readOnly;
    QCheckBox *m_savePassword;
    QLabel *m_error;
    QLabel *m_testResult;
    QDialogButtonBox *m_buttons;
    QuerySession *m_test = nullptr;
    QString m_password; // for the test only, never kept
};
