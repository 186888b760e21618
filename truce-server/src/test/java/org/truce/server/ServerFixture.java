package org.truce.server;

import java.nio.file.Path;
import org.truce.store.DataSourceConfig;
import org.truce.store.Database;
import org.truce.store.report.ReportFilter;
import org.truce.store.report.Source;
import org.truce.store.report.SourceKind;

/**
 * A real server for one test class: an H2 file database in a temporary directory, the 18 March
 * 2025 example agreement with its facilities and zones, listening on 127.0.0.1 on a free port,
 * with one registered source, {@code monitor-1}, and one account per role ({@link TestAccounts}).
 * {@link #api} is signed in as analyst {@code analyst-1}, who may submit, merge and verify;
 * {@link #as(String)} is any other account, {@link #anonymous()} the public.
 */
final class ServerFixture implements AutoCloseable {

    final Database db;
    final ReferenceData reference;
    final TruceServer server;
    final Api api;
    final TestAccounts accounts;

    private ServerFixture(Database db, ReferenceData reference, TruceServer server) {
        this.db = db;
        this.reference = reference;
        this.server = server;
        this.accounts = TestAccounts.create(db);
        this.api = new Api(server.start(0), accounts.token(TestAccounts.ANALYST));
    }

    /** The API as another test account. */
    Api as(String account) {
        return api.withToken(accounts.token(account));
    }

    /** The API without an account. */
    Api anonymous() {
        return api.withToken(null);
    }

    static ServerFixture start(Path dir) throws Exception {
        Database db = Database.open(DataSourceConfig.embedded(dir.resolve("truce-data")));
        db.sources().register(new Source("monitor-1", "Monitoring team 1", SourceKind.MONITOR));
        ReferenceData reference = Example.load();
        return new ServerFixture(db, reference, new TruceServer(db, reference, TruceServer.engineFor(reference)));
    }

    /** Every report stored, deleted ones included. */
    long reportCount() {
        return db.reports().countMatching(ReportFilter.all().withDeleted(true));
    }

    @Override
    public void close() {
        server.stop();
        db.close();
    }
}
