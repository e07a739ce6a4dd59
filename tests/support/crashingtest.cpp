// Starts a throwaway server, prints its connection string and directory, then aborts the way a
// failed Q_ASSERT or QFATAL does: tst_practiceserver checks the server went with it.
#include "throwawayserver.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    ThrowawayServer server;
    if (!server.start()) {
        std::fprintf(stderr, "%s\n", qPrintable(server.errorString()));
        return 1;
    }
    std::printf("%s\n%s\n", qPrintable(server.connectionString()), qPrintable(server.directory()));
    std::fflush(stdout);
    std::abort();
}
