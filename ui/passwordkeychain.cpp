#include "passwordkeychain.h"

#include <qt6keychain/keychain.h>

namespace PasswordKeychain {
namespace {
const QString Service = QStringLiteral("PG Campus");

template<typename Job>
Job *makeJob(const QString &key)
{
    auto *job = new Job(Service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}
} // namespace

void read(const QString &key, QObject *context, const std::function<void(const QString &, const QString &)> &done)
{
    auto *job = makeJob<QKeychain::ReadPasswordJob>(key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done] {
        if (job->error() == QKeychain::NoError)
            done(job->textData(), QString());
        else
            done(QString(), job->errorString());
    });
    job->start();
}

void write(const QString &key, const QString &password, QObject *context,
           const std::function<void(const QString &)> &done)
{
    auto *job = makeJob<QKeychain::WritePasswordJob>(key);
    job->setTextData(password);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, done] {
        done(job->error() == QKeychain::NoError ? QString() : job->errorString());
    });
    job->start();
}

void remove(const QString &key)
{
    makeJob<QKeychain::DeletePasswordJob>(key)->start();
}

} // namespace PasswordKeychain
