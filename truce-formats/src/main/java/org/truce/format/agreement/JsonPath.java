package org.truce.format.agreement;

/**
 * Where a value sits in a JSON document, twice: as the path people read in error messages
 * ({@code commitments[1].radius_m}) and as the JSON Pointer under which {@link JsonLocations}
 * keeps its line ({@code /commitments/1/radius_m}).
 */
record JsonPath(String display, String pointer) {

    static final JsonPath ROOT = new JsonPath("", "");

    JsonPath field(String name) {
        String escaped = name.replace("~", "~0").replace("/", "~1");
        return new JsonPath(display.isEmpty() ? name : display + "." + name, pointer + "/" + escaped);
    }

    JsonPath index(int i) {
        return new JsonPath(display + "[" + i + "]", pointer + "/" + i);
    }
}
