package org.truce.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Issue 4, "an optional tile URL in the config": which templates are taken, and what the browser may load. */
class MapSettingsTest {

    @Test
    void offlineFetchesNothingAndAddsNoImageOrigin() {
        assertThat(MapSettings.offline().imageOrigin()).isEmpty();
        assertThat(MapSettings.offline().asJson()).isEmpty();
    }

    @Test
    void aTemplateAllowsImagesFromItsOriginOnly() {
        MapSettings tiles = MapSettings.tiles("https://tiles.mission.example:8443/osm/{z}/{x}/{y}.png", " (c) mapmakers ");
        assertThat(tiles.imageOrigin()).contains("https://tiles.mission.example:8443");
        assertThat(tiles.asJson()).containsEntry("tile_url", "https://tiles.mission.example:8443/osm/{z}/{x}/{y}.png")
                .containsEntry("attribution", "(c) mapmakers");
    }

    @Test
    void subdomainsBecomeAWildcardOfTheSameHost() {
        assertThat(MapSettings.tiles("https://{s}.tile.example.org/{z}/{x}/{y}.png", "").imageOrigin())
                .contains("https://*.tile.example.org");
    }

    @Test
    void aTemplateWithoutItsTileNumbersIsRefusedNamingTheMissingOne() {
        assertThatThrownBy(() -> MapSettings.tiles("https://tiles.example.org/{z}/{x}.png", ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{y}");
    }

    @Test
    void onlyHttpAndHttpsWithAHostAreTaken() {
        assertThatThrownBy(() -> MapSettings.tiles("file:///srv/tiles/{z}/{x}/{y}.png", ""))
                .hasMessageContaining("https:// or http://");
        assertThatThrownBy(() -> MapSettings.tiles("tiles.example.org/{z}/{x}/{y}.png", ""))
                .hasMessageContaining("https:// or http://");
        assertThatThrownBy(() -> MapSettings.tiles("https://user:secret@tiles.example.org/{z}/{x}/{y}.png", ""))
                .hasMessageContaining("user name or password");
        assertThatThrownBy(() -> MapSettings.tiles("https://tiles.{z}.example.org/{z}/{x}/{y}.png", ""))
                .hasMessageContaining("{s}.");
    }
}
