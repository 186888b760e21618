package org.truce.extraction;

import java.util.Locale;
import java.util.Optional;

/** Languages with extraction rules; {@link #OTHER} marks text that none of them fits. */
public enum Language {
    FR, EN, OTHER;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Language> fromCode(String code) {
        for (Language l : values()) {
            if (l != OTHER && l.code().equals(code)) {
                return Optional.of(l);
            }
        }
        return Optional.empty();
    }
}
