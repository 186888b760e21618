package org.truce.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What one intake asks of an H2 file database (issue 4). */
class H2IntakeStatementCountIssue4Test extends IntakeStatementCountContract {

    @TempDir
    Path tempDir;

    @Override
    protected DataSourceConfig freshDatabase() {
        return DataSourceConfig.embedded(tempDir.resolve("truce-data"));
    }

    @Override
    protected String databaseName() {
        return "H2";
    }

    @Override
    protected int joinAloneAtMost() {
        return 24;
    }

    @Override
    protected double joinInGroupAtMost() {
        return 13.7;
    }

    /** V13: H2 had made a second index on incident_members.incident_id for its foreign key; every intake wrote both. */
    @Test
    void incidentMembersHaveOneIndexOnTheIncident() throws Exception {
        try (Database fresh = Database.open(DataSourceConfig.embedded(tempDir.resolve("indexes")))) {
            List<String> onIncident = fresh.jdbi().withHandle(h -> h.createQuery("SELECT i.index_name "
                            + "FROM information_schema.indexes i WHERE LOWER(i.table_name) = 'incident_members' "
                            + "AND (SELECT COUNT(*) FROM information_schema.index_columns c WHERE c.index_name = "
                            + "i.index_name AND c.table_name = i.table_name) = 1 AND EXISTS (SELECT 1 FROM "
                            + "information_schema.index_columns c WHERE c.index_name = i.index_name AND "
                            + "c.table_name = i.table_name AND LOWER(c.column_name) = 'incident_id')")
                    .mapTo(String.class).list());
            assertThat(onIncident).as("indexes on incident_id alone").containsExactly("incident_members_incident_ix");
        }
    }
}
