package org.truce.cli;

import org.truce.server.MapSettings;
import picocli.CommandLine.Option;

/** The dashboard map's base layer: bundled outlines by default, tiles when a mission has a tile server. */
final class MapOptions {

    @Option(names = "--tile-url", paramLabel = "TEMPLATE",
            description = "Draw map tiles from this server under the outlines, e.g."
                    + " https://tiles.example.org/{z}/{x}/{y}.png (default: none, the map fetches nothing from"
                    + " elsewhere). The browser is allowed to load images from its host only.")
    String tileUrl;

    @Option(names = "--tile-attribution", paramLabel = "TEXT",
            description = "The credit the tile provider requires, shown in the map's corner.")
    String tileAttribution = "";

    MapSettings settings() {
        if (tileUrl == null) {
            if (!tileAttribution.isBlank()) {
                throw new UserError("--tile-attribution needs --tile-url");
            }
            return MapSettings.offline();
        }
        try {
            return MapSettings.tiles(tileUrl, tileAttribution);
        } catch (IllegalArgumentException e) {
            throw new UserError("--tile-url: " + e.getMessage());
        }
    }
}
