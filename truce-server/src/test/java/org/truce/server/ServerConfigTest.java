package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** FEATURE UNDER TEST: the server's configuration: safe defaults, checked values, no password shown. */
class ServerConfigTest {

    @Test
    void theDefaultsListenOnLoopbackPort7070WithAnEmbeddedDatabase() {
        ServerConfig c = ServerConfig.defaults();

        assertThat(c.host()).isEqualTo("127.0.0.1");
        assertThat(c.port()).isEqualTo(7070);
        assertThat(c.database().embeddedDirectory()).hasValue(Path.of("truce-data").toAbsolutePath().normalize());
        assertThat(c.agreementFile()).isNull();
        assertThat(c.maxBodyBytes()).isEqualTo(1024 * 1024);
    }

    @Test
    void withersChangeOnePartAndKeepTheRest() {
        ServerConfig c = ServerConfig.defaults().withPort(0).withHost("0.0.0.0")
                .withAgreement(Path.of("a.json")).withFacilities(List.of(Path.of("f.csv")))
                .withZones(List.of(Path.of("z.geojson"))).withMaxBodyBytes(4096)
                .withJdbc("jdbc:postgresql://db:5432/truce", "truce", "s3cret");

        assertThat(c.port()).isZero();
        assertThat(c.host()).isEqualTo("0.0.0.0");
        assertThat(c.agreementFile()).isEqualTo(Path.of("a.json"));
        assertThat(c.facilityFiles()).containsExactly(Path.of("f.csv"));
        assertThat(c.zoneFiles()).containsExactly(Path.of("z.geojson"));
        assertThat(c.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db:5432/truce");
        assertThat(c.toString()).as("the password never shows").doesNotContain("s3cret");
    }

    @Test
    void evidenceFilesGoNextToTheEmbeddedDatabaseUnlessToldOtherwise() {
        ServerConfig c = ServerConfig.defaults().withDataDirectory(Path.of("data-a"));

        assertThat(c.evidence().directory()).isEqualTo(Path.of("data-a").toAbsolutePath().normalize()
                .resolve("evidence"));
        assertThat(c.evidence().maxBytes()).isEqualTo(50L * 1024 * 1024);
        assertThat(c.withJdbc("jdbc:postgresql://db:5432/truce", "truce", "x").evidence().directory())
                .isEqualTo(Path.of("truce-data", "evidence"));
        ServerConfig told = c.withEvidenceDirectory(Path.of("elsewhere")).withMaxEvidenceBytes(10);
        assertThat(told.evidence().directory()).isEqualTo(Path.of("elsewhere"));
        assertThat(told.evidence().maxBytes()).isEqualTo(10);
        assertThat(told.withPort(1).evidenceDirectory()).as("kept by the other withers")
                .isEqualTo(Path.of("elsewhere"));
    }

    @Test
    void badValuesAreRefused() {
        assertThatThrownBy(() -> ServerConfig.defaults().withMaxEvidenceBytes(0)).hasMessageContaining("evidence");
        assertThatThrownBy(() -> ServerConfig.defaults().withPort(70_000)).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> ServerConfig.defaults().withHost(" ")).hasMessageContaining("host");
        assertThatThrownBy(() -> ServerConfig.defaults().withMaxBodyBytes(10)).hasMessageContaining("1024");
        assertThatThrownBy(() -> TruceServer.open(ServerConfig.defaults())).hasMessageContaining("agreement file");
    }
}
