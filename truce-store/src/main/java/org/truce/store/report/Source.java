package org.truce.store.report;

/** Who says something; every stored report belongs to one source. */
public record Source(String id, String name, SourceKind kind) {

    public Source {
        if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")) {
            throw new IllegalArgumentException("a source id is 1-100 letters, digits, '.', '_', ':' or '-', got " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("source " + id + " needs a name");
        }
        if (kind == null) {
            throw new IllegalArgumentException("source " + id + " needs a kind");
        }
    }
}
