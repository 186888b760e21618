package org.truce.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard map's base layer. By default the map draws bundled country outlines and fetches
 * nothing from elsewhere, so it works without internet; a mission with a tile server of its own
 * (or a licence for a public one) names it here and the map draws its tiles under the outlines.
 *
 * @param tileUrl a tile URL template with {@code {z}}, {@code {x}} and {@code {y}} (and optionally
 *     {@code {s}} for subdomains), http or https; empty: no tiles
 * @param attribution the credit the tile provider asks for, shown in the map's corner
 */
public record MapSettings(Optional<String> tileUrl, String attribution) {

    /** Where the dashboard reads its map settings, under the API: public, no secrets. */
    static final String PATH = "/map-settings";

    public MapSettings {
        tileUrl = tileUrl == null ? Optional.empty() : tileUrl.filter(s -> !s.isBlank());
        attribution = attribution == null ? "" : attribution.strip();
        tileUrl.ifPresent(MapSettings::origin);
        if (attribution.length() > 500) {
            throw new IllegalArgumentException("the tile attribution is longer than 500 characters");
        }
    }

    /** Outlines only: nothing is fetched from outside. */
    public static MapSettings offline() {
        return new MapSettings(Optional.empty(), "");
    }

    /**
     * Tiles from {@code template}. Refuses (with the reason) a template that is not an http(s)
     * URL or lacks one of {@code {z}}, {@code {x}}, {@code {y}}, so a typo shows at start and not
     * as a blank map.
     */
    public static MapSettings tiles(String template, String attribution) {
        return new MapSettings(Optional.of(template), attribution);
    }

    /**
     * The origin the browser must be allowed to load images from, for the Content-Security-Policy;
     * a {@code {s}} subdomain becomes a {@code *} wildcard.
     */
    Optional<String> imageOrigin() {
        return tileUrl.map(MapSettings::origin);
    }

    /** What the API's {@value #PATH} answers: the template and credit, or nothing when the map is offline. */
    Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        tileUrl.ifPresent(url -> {
            json.put("tile_url", url);
            json.put("attribution", attribution);
        });
        return json;
    }

    private static String origin(String template) {
        for (String part : new String[] {"{z}", "{x}", "{y}"}) {
            if (!template.contains(part)) {
                throw new IllegalArgumentException("the tile URL must contain " + part + " (e.g. "
                        + "https://tiles.example.org/{z}/{x}/{y}.png), got: " + template);
            }
        }
        URI uri;
        try {
            // The placeholders are not legal URI characters; any tile number stands in for them.
            uri = new URI(template.replace("{s}", "a").replaceAll("\\{[a-z]+}", "0"));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the tile URL is not a URL: " + template + " (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme();
        if (!("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme)) || uri.getHost() == null) {
            throw new IllegalArgumentException("the tile URL must start with https:// or http:// and name a host, got: "
                    + template);
        }
        String hostPart = template.substring(template.indexOf("://") + 3);
        int end = hostPart.indexOf('/');
        String authority = end < 0 ? hostPart : hostPart.substring(0, end);
        if (authority.contains("@")) {
            throw new IllegalArgumentException("the tile URL must not carry a user name or password: " + template);
        }
        if (authority.contains("{") && !authority.startsWith("{s}.")) {
            throw new IllegalArgumentException("only {s}. may stand at the start of the tile URL's host, got: "
                    + template);
        }
        return scheme.toLowerCase() + "://" + authority.replace("{s}.", "*.");
    }
}
