#pragma once

#include <QObject>
#include <QString>

#include <functional>

// Passwords a learner asked PG Campus to remember, in the system's keychain
// (Secret Service, macOS Keychain, Windows Credential Manager) through QtKeychain.
// Never QtKeychain's plain-text fallback: where no keychain answers, nothing is kept.
namespace PasswordKeychain {

// done(password, error): an empty password with an error when there is none to read.
void read(const QString &key, QObject *context, const std::function<void(const QString &, const QString &)> &done);
// done(error): empty when the keychain took it.
void write(const QString &key, const QString &password, QObject *context,
           const std::function<void(const QString &)> &done);
void remove(const QString &key);

} // namespace PasswordKeychain
