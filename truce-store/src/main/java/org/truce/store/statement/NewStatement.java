package org.truce.store.statement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A statement to keep: the text and what is known about where it comes from.
 *
 * @param sourceId    the registered source that supplies it (an outlet, a party's ministry, a monitor)
 * @param outlet      who published it when that is not the source itself ("" otherwise), e.g. an
 *                    agency whose article a news site republished
 * @param language    BCP 47 tag of the text, e.g. {@code fr}, {@code en}, {@code uk}, {@code ru}
 * @param published   the publication date the outlet gives, or null when unknown
 * @param retrievedAt when the text was fetched from its origin, or null when unknown
 * @param url         where it was published, or null
 * @param title       its headline, or ""
 * @param text        the text exactly as received (see {@link StatementText})
 */
public record NewStatement(String sourceId, String outlet, String language, LocalDate published,
        Instant retrievedAt, String url, String title, String text) {

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{1,8})*");
    static final int MAX_OUTLET = 500;
    static final int MAX_TITLE = 1000;
    static final int MAX_URL = 2000;

    public NewStatement {
        outlet = outlet == null ? "" : outlet.strip();
        title = title == null ? "" : title.strip();
        if (sourceId == null || sourceId.isBlank()) {
            throw new IllegalArgumentException("source: a statement needs the source that supplies it");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw new IllegalArgumentException("language: a BCP 47 tag such as fr, en, uk or ru is required, got '"
                    + language + "'");
        }
        if (outlet.length() > MAX_OUTLET) {
            throw new IllegalArgumentException("outlet: at most " + MAX_OUTLET + " characters");
        }
        if (title.length() > MAX_TITLE) {
            throw new IllegalArgumentException("title: at most " + MAX_TITLE + " characters");
        }
        if (url != null && (url.length() > MAX_URL || !url.matches("(?i)https?://\\S+"))) {
            throw new IllegalArgumentException("url: an http(s) address without spaces, at most " + MAX_URL
                    + " characters, got '" + url + "'");
        }
        StatementText.check(text, "text");
    }
}
