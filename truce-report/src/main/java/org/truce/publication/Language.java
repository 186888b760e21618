package org.truce.publication;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Properties;

/** The languages a publication is written in, each with its wording (texts_LANG.properties). */
public enum Language {
    EN(Locale.ENGLISH, "d MMMM uuuu"),
    FR(Locale.FRENCH, "d MMMM uuuu");

    private final Locale locale;
    private final DateTimeFormatter longDate;
    private final Properties texts = new Properties();

    Language(Locale locale, String datePattern) {
        this.locale = locale;
        this.longDate = DateTimeFormatter.ofPattern(datePattern, locale);
        String name = "texts_" + tag() + ".properties";
        try (InputStream in = Language.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing wording " + name);
            }
            // UTF-8, not the ISO-8859-1 that Properties assumes for streams.
            texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The BCP 47 tag: {@code en}, {@code fr}. */
    public String tag() {
        return locale.getLanguage();
    }

    public static Language ofTag(String tag) {
        for (Language l : values()) {
            if (l.tag().equalsIgnoreCase(tag)) {
                return l;
            }
        }
        throw new IllegalArgumentException("language must be en or fr, got '" + tag + "'");
    }

    /** The text under {@code key} with {0}, {1}... replaced by the arguments, in order. */
    public String text(String key, Object... args) {
        String t = texts.getProperty(key);
        if (t == null) {
            throw new IllegalStateException("no " + tag() + " text for " + key);
        }
        for (int i = 0; i < args.length; i++) {
            t = t.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return t;
    }

    public String date(LocalDate day) {
        return longDate.format(day);
    }
}
