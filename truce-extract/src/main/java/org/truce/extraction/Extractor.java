package org.truce.extraction;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.truce.agreement.Stance;

/**
 * Turns a statement's text into candidate record entries. Every rule comes from the pattern files
 * of the sentence's language; this class only knows what each table means and how items of one
 * sentence relate (who accepts what, which wounded belong to which exchange).
 */
public final class Extractor {

    private static final Pattern DIGITS = Pattern.compile("(?<![\\w.,])\\d{1,7}(?![\\w.,]\\d)");
    private static final Pattern JOINED = Pattern.compile(
            "\\s*(?:,|et|and|&)\\s*(?:(?:the|le|la|les)\\s+)?(?:(?:\\p{Lu}[\\p{L}.]*|président|president|chancelier"
                    + "|chancellor|premiers?|ministres?|prime|ministers?|secrétaire|secretary)\\s+){0,4}",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern NEXT_WORD = Pattern.compile("\\G\\W{1,3}(\\p{L}[\\p{L}-]*)");

    private final Gazetteer gazetteer;
    private final Map<Language, RuleBook> books = new EnumMap<>(Language.class);
    private final LanguageGuess languages;
    private final SentenceSplitter splitter;

    private Extractor() {
        this.gazetteer = Gazetteer.load();
        for (Language l : new Language[] {Language.FR, Language.EN}) {
            books.put(l, RuleBook.load(l, gazetteer));
        }
        this.languages = new LanguageGuess();
        this.splitter = new SentenceSplitter(languages);
    }

    /** The extractor with the rule files shipped in this module. */
    public static Extractor standard() {
        return new Extractor();
    }

    public Gazetteer gazetteer() {
        return gazetteer;
    }

    /** The language most of the text is in ({@link Language#OTHER} when neither French nor English). */
    public Language mainLanguage(String text) {
        Map<Language, Integer> s = languages.score(text);
        int fr = s.get(Language.FR);
        int en = s.get(Language.EN);
        if (s.get(Language.OTHER) > 0 && s.get(Language.OTHER) > fr + en) {
            return Language.OTHER;
        }
        if (fr + en == 0) {
            return Language.OTHER;
        }
        return fr >= en ? Language.FR : Language.EN;
    }

    /**
     * A date standing alone on the first non-blank line ("19 Mars 2025", "March 19, 2025",
     * "2025-03-19", optionally after "Published:" or "Publié le"), taken as the publication date.
     */
    public Optional<LocalDate> headerDate(String text) {
        for (String line : text.split("\n", 20)) {
            if (line.isBlank()) {
                continue;
            }
            String t = line.strip().replaceFirst("(?i)^(published|publié le|date)\\s*:?\\s*", "");
            for (RuleBook book : books.values()) {
                for (RuleBook.Hit hit : book.hits("date", t, 0, t.length())) {
                    if (hit.rule().value().equals("absolute") && hit.span().start_char() == 0
                            && t.substring(hit.span().end_char()).replaceAll("[\\s.,]", "").isEmpty()
                            && (hit.group("year", t).isPresent() || hit.group("iso", t).isPresent())) {
                        return absoluteDate(book, hit, t, LocalDate.of(2000, 1, 1));
                    }
                }
            }
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** The latest date with a year written anywhere in the text: a last resort for a publication date. */
    public Optional<LocalDate> latestFullDate(String text) {
        LocalDate latest = null;
        for (RuleBook book : books.values()) {
            for (RuleBook.Hit hit : book.hits("date", text, 0, text.length())) {
                if (hit.group("year", text).isPresent() || hit.group("iso", text).isPresent()) {
                    Optional<LocalDate> d = absoluteDate(book, hit, text, LocalDate.of(2000, 1, 1));
                    if (d.isPresent() && (latest == null || d.get().isAfter(latest))) {
                        latest = d.get();
                    }
                }
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Reads the statement.
     *
     * @param forced a language for every sentence, or null to tell each line's language
     * @param published the publication date, and {@code publishedBasis} where it came from
     */
    public Extraction extract(String text, Language forced, LocalDate published, String publishedBasis) {
        Language main = forced != null ? forced : mainLanguage(text);
        List<Sentence> sentences = splitter.split(text, main == Language.OTHER ? Language.EN : main, forced);
        if (forced == null && main == Language.OTHER) {
            sentences = sentences.stream()
                    .map(s -> new Sentence(s.number(), s.span(), languages.guess(s.span().text(), Language.OTHER)))
                    .toList();
        }
        List<SentenceFacts> facts = new ArrayList<>();
        for (Sentence s : sentences) {
            facts.add(read(text, s, published, facts));
        }
        List<String> principals = principals(facts);
        EventDay eventDay = eventDay(facts, published);
        List<ExtractedItem> items = new ArrayList<>();
        for (int i = 0; i < facts.size(); i++) {
            SentenceFacts f = facts.get(i);
            items.addAll(f.mentions());
            items.addAll(f.dates());
            items.addAll(f.durations());
            items.addAll(f.claims());
            items.addAll(measures(text, facts, i, principals, eventDay.day()));
            items.addAll(positions(text, facts, i, principals));
            Optional<ExchangeCandidate> exchanged = exchange(text, facts, i, principals, published);
            exchanged.ifPresent(e -> addExchange(items, e));
            exchanged.ifPresent(e -> otherSidesFigure(text, f, e).ifPresent(items::add));
            items.addAll(timeline(facts, i));
        }
        pendingForTheAsked(items);
        items.addAll(numbers(text, facts, items));
        items.sort(Comparator.comparingInt((ExtractedItem it) -> it.span().start_char())
                .thenComparing(ExtractedItem::type));
        return new Extraction(text, sentences, main, published, publishedBasis, eventDay.day(), eventDay.basis(),
                principals, items, notices(sentences, main, forced));
    }

    /**
     * "ont appelé la Russie à accepter un cessez-le-feu": a side asked to accept a measure is pending,
     * unless the statement gives its answer on a measure of that kind somewhere.
     */
    private static void pendingForTheAsked(List<ExtractedItem> items) {
        for (int k = 0; k < items.size(); k++) {
            if (!(items.get(k) instanceof MeasureCandidate m) || m.stances().stream().noneMatch(s -> s.rule().equals(ASKED))) {
                continue;
            }
            List<PartyStance> stances = m.stances().stream().filter(s -> !s.rule().equals(ASKED)
                    || items.stream().noneMatch(o -> o instanceof MeasureCandidate other && other.kind() == m.kind()
                            && other.stances().stream().anyMatch(a -> a.party().equals(s.party())
                                    && !a.rule().equals(ASKED)))).toList();
            items.set(k, new MeasureCandidate(m.span(), m.rule(), m.confidence(), m.sentence(), m.kind(), m.object(),
                    stances, m.addressed(), m.duration_h(), m.statedDuration(), m.from(), m.untilExclusive(),
                    m.condition(), m.claimedBy()));
        }
    }

    /** The rule name of a pending stance given to a side asked to accept a measure. */
    private static final String ASKED = "asked";

    // ---- per sentence -------------------------------------------------------------------------

    /** A gazetteer entry found, with the item made of it. */
    private record Mention(Gazetteer.Found found, ExtractedItem item) {
        Optional<String> party() {
            return found.party();
        }
    }

    private record SentenceFacts(Sentence sentence, Optional<RuleBook> book, List<Mention> named,
            List<DateMention> dates, List<DurationMention> durations, List<Claim> claims,
            Optional<String> claimedBy, boolean noStances, List<RuleBook.Hit> measures,
            List<RuleBook.Hit> stances, List<RuleBook.Hit> conditions, List<RuleBook.Hit> demandTriggers,
            List<RuleBook.Hit> demands, List<RuleBook.Hit> exchangeParts, List<RuleBook.Hit> meetings,
            List<RuleBook.Hit> collectives, List<RuleBook.Hit> froms, List<RuleBook.Hit> anaphors,
            List<RuleBook.Hit> statementDays, List<RuleBook.Hit> contrasts, List<RuleBook.Hit> untils,
            List<RuleBook.Hit> clocks, List<RuleBook.Hit> restrictions) {

        List<ExtractedItem> mentions() {
            return named.stream().map(Mention::item).toList();
        }

        List<Mention> parties() {
            return named.stream().filter(m -> m.party().isPresent()).toList();
        }

        List<RuleBook.Hit> exchange(String value) {
            return exchangeParts.stream().filter(h -> h.rule().value().equals(value)).toList();
        }

        int start() {
            return sentence.span().start_char();
        }

        int end() {
            return sentence.span().end_char();
        }

        int number() {
            return sentence.number();
        }
    }

    private SentenceFacts read(String text, Sentence s, LocalDate published, List<SentenceFacts> before) {
        int from = s.span().start_char();
        int to = s.span().end_char();
        List<Mention> named = new ArrayList<>();
        for (Gazetteer.Found f : gazetteer.find(text, from, to)) {
            String rule = "gazetteer." + f.entry().id();
            ExtractedItem item = f.entry().type() == Gazetteer.EntryType.PLACE
                    ? new PlaceMention(f.span(), rule, 0.9, s.number(), f.entry().id())
                    : new ActorMention(f.span(), rule, 0.9, s.number(), f.entry().id(), f.entry().party());
            named.add(new Mention(f, item));
        }
        RuleBook book = books.get(s.language());
        if (book == null) {
            return new SentenceFacts(s, Optional.empty(), named, List.of(), List.of(), List.of(), Optional.empty(),
                    true, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                    List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        }
        List<DateMention> dates = new ArrayList<>();
        for (RuleBook.Hit hit : book.hits("date", text, from, to)) {
            resolveDate(book, hit, text, published).ifPresent(d -> dates.add(new DateMention(hit.span(),
                    hit.rule().id(), hit.rule().confidence(), s.number(), d,
                    !hit.rule().value().equals("absolute"))));
        }
        // "Thursday, 15 May": the weekday names the same day as the date after it, not the Thursday before.
        dates.removeIf(d -> d.relative() && dates.stream().anyMatch(o -> !o.relative()
                && o.span().start_char() >= d.span().end_char() && o.span().start_char() - d.span().end_char() <= 3));
        List<DurationMention> durations = new ArrayList<>();
        for (RuleBook.Hit hit : book.hits("duration", text, from, to)) {
            String n = hit.group("n", text).orElseThrow().text();
            Optional<Integer> count = n.chars().allMatch(Character::isDigit)
                    ? Optional.of(Integer.parseInt(n)) : book.word("NUMBER", n);
            Optional<Integer> unit = book.word("UNIT", hit.group("unit", text).orElseThrow().text());
            // "de 18 heures jusqu'à minuit": a time of day starting a range, not a duration.
            boolean timeRange = unit.filter(h -> h == 1).isPresent()
                    && (TIME_RANGE_AFTER.matcher(text).region(hit.span().end_char(), to).lookingAt()
                    || TIME_OF_DAY_BEFORE.matcher(text.substring(Math.max(from, hit.span().start_char() - 20),
                            hit.group("n", text).orElseThrow().start_char())).find());
            if (count.isPresent() && unit.isPresent() && count.get() > 0 && !timeRange) {
                boolean inHours = unit.get() == 1;
                durations.add(new DurationMention(hit.span(), hit.rule().id(), hit.rule().confidence(), s.number(),
                        count.get() * unit.get(), inHours));
                // "two to three days", "24 to 48 hours": the range's first end is a duration too; it
                // lies inside the whole range's words, which the measure takes.
                Optional<Span> lo = hit.group("lo", text);
                Optional<Integer> loCount = lo.map(Span::text).flatMap(t -> t.chars().allMatch(Character::isDigit)
                        ? Optional.of(Integer.parseInt(t)) : book.word("NUMBER", t));
                if (loCount.isPresent() && loCount.get() > 0 && loCount.get() < count.get()) {
                    durations.add(new DurationMention(lo.get(), hit.rule().id(), hit.rule().confidence(), s.number(),
                            loCount.get() * unit.get(), inHours));
                }
            }
        }
        // "despite the moratorium that took effect on 18 March": a start date is not the day of what is claimed.
        List<RuleBook.Hit> froms = book.hits("from", text, from, to);
        List<DateMention> claimDates = dates.stream().filter(d -> froms.stream().noneMatch(h -> {
            int gap = d.span().start_char() - h.span().end_char();
            return gap >= 0 && gap <= 4;
        })).toList();
        List<Claim> claims = new ArrayList<>();
        List<RuleBook.Hit> claimHits = new ArrayList<>();
        // A denial and an accusation often share a sentence ("dismissed the claim … and in turn accused
        // Moscow"): denials are matched apart so that one does not hide the other.
        List<RuleBook.Rule> denials = book.table("claim").stream().filter(r -> r.value().equals("denial")).toList();
        List<RuleBook.Rule> others = book.table("claim").stream().filter(r -> !r.value().equals("denial")).toList();
        claimHits.addAll(RuleBook.hits(others, text, from, to));
        claimHits.addAll(RuleBook.hits(denials, text, from, to));
        claimHits.sort(Comparator.comparingInt(h -> h.span().start_char()));
        for (RuleBook.Hit hit : claimHits) {
            boolean mutual = hit.rule().value().equals("mutual");
            ClaimKind kind = mutual ? ClaimKind.ACCUSATION
                    : ClaimKind.valueOf(hit.rule().value().toUpperCase(java.util.Locale.ROOT));
            if (mutual) {
                // "Moscou et Kiev se sont accusés mutuellement": each side accuses the other.
                Span a = hit.group("source", text).orElseThrow();
                Span b = hit.group("about", text).orElseThrow();
                for (Span[] pair : new Span[][] {{a, b}, {b, a}}) {
                    Optional<Gazetteer.Entry> src = gazetteer.lookup(pair[0].text());
                    Optional<String> about = gazetteer.lookup(pair[1].text()).flatMap(Gazetteer.Entry::party);
                    claims.add(new Claim(s.span(), hit.rule().id(), hit.rule().confidence(), s.number(), kind,
                            src.map(Gazetteer.Entry::id).orElse(Claim.ANONYMOUS), about, nearestDate(claimDates, hit.span())));
                }
                continue;
            }
            Span source = speakerNearestTheVerb(hit, text, named);
            // "He in turn accused Moscow", "…, he said": the person named last before the pronoun.
            Optional<Gazetteer.Entry> speaker = PRONOUN.matcher(source.text()).matches()
                    ? lastPersonBefore(text, source.start_char(), named, before) : gazetteer.lookup(source.text());
            String sourceId = speaker.map(Gazetteer.Entry::id).orElse(Claim.ANONYMOUS);
            Optional<String> about = hit.group("about", text)
                    .flatMap(a -> gazetteer.lookup(a.text())).flatMap(Gazetteer.Entry::party);
            Optional<String> sourceParty = speaker.flatMap(Gazetteer.Entry::party);
            Optional<Span> sourceSpan = hit.group("source", text);
            Optional<Span> aboutSpan = hit.group("about", text);
            if (about.isPresent() && about.equals(sourceParty) && sourceSpan.isPresent() && aboutSpan.isPresent()
                    && sourceSpan.get().start_char() > aboutSpan.get().end_char()) {
                // "Despite the moratorium declared by the Russian side, the Kyiv regime …, the Russian
                // Defence Ministry said": the speaker comes last, so the accused is the other side named
                // between the first name and the speaker.
                int after = aboutSpan.get().end_char();
                int until = sourceSpan.get().start_char();
                String own = sourceParty.get();
                Optional<String> other = named.stream().filter(m -> m.found().span().start_char() >= after
                        && m.found().span().end_char() <= until && m.party().isPresent()
                        && !m.party().get().equals(own)).findFirst().flatMap(Mention::party);
                if (other.isPresent()) {
                    about = other;
                }
            }
            if (about.isPresent() && about.equals(sourceParty)) {
                // "After the call between Trump and Putin, the Ukrainian General Staff accused Russia":
                // the match began at a name far from the verb; the speaker is the one nearest it.
                Optional<Gazetteer.Entry> nearer = nearestOtherSideBefore(hit, text, named, about.get());
                if (nearer.isEmpty()) {
                    continue;
                }
                speaker = nearer;
                sourceId = nearer.get().id();
            }
            String claimant = sourceId;
            if (claims.stream().anyMatch(c -> c.source().equals(claimant) && c.kind() == kind)) {
                continue;
            }
            Span whole = s.span();
            claims.add(new Claim(whole, hit.rule().id(), hit.rule().confidence(), s.number(), kind, claimant, about,
                    nearestDate(claimDates, hit.span())));
        }
        // "Reuters reported, citing three sources": the outlet's report, not a second, anonymous one.
        if (claims.stream().anyMatch(c -> c.kind() == ClaimKind.REPORT && !c.source().equals(Claim.ANONYMOUS))) {
            claims.removeIf(c -> c.kind() == ClaimKind.REPORT && c.source().equals(Claim.ANONYMOUS));
        }
        Optional<String> claimedBy = claims.stream().findFirst().map(c -> c.source());
        boolean noStances = claims.stream().anyMatch(c -> c.kind() != ClaimKind.REPORT);
        List<RuleBook.Hit> measures = new ArrayList<>(book.hits("measure", text, from, to));
        boolean specific = measures.stream().anyMatch(h -> !h.rule().value().equals("talks"));
        if (specific) {
            // Talks in a sentence that names a specific measure are talks about that measure.
            measures.removeIf(h -> h.rule().value().equals("talks"));
        }
        Set<String> seenKinds = new LinkedHashSet<>();
        measures.removeIf(h -> !seenKinds.add(h.rule().value()));
        return new SentenceFacts(s, Optional.of(book), named, dates, durations, claims, claimedBy, noStances,
                measures, book.hits("stance", text, from, to), book.hits("condition", text, from, to),
                book.hits("position_trigger", text, from, to), book.hits("position", text, from, to),
                exchangeParts(book, text, from, to), book.hits("timeline", text, from, to),
                book.hits("collective", text, from, to), froms,
                book.hits("anaphor", text, from, to), book.hits("statement_day", text, from, to),
                book.hits("contrast", text, from, to), book.hits("until", text, from, to),
                book.hits("clock", text, from, to), book.hits("restriction", text, from, to));
    }

    /** The actor of another party than {@code about} named last before the claim's verb, if any. */
    private static Optional<Gazetteer.Entry> nearestOtherSideBefore(RuleBook.Hit hit, String text, List<Mention> named,
            String about) {
        int until = hit.group("about", text).map(Span::start_char).orElse(hit.span().end_char());
        return named.stream()
                .filter(m -> m.found().span().start_char() >= hit.span().start_char()
                        && m.found().span().end_char() <= until
                        && m.party().isPresent() && !m.party().get().equals(about))
                .reduce((x, y) -> y).map(m -> m.found().entry());
    }

    /** "185 militaires et de 20 civils": two counts joined, not a total and its split. */
    private static final Pattern JOINED_COUNTS = Pattern.compile("(?i)\\W*(?:et|and)\\W+(?:de\\W+|d['’])?");
    private static final Pattern OTHER_SIDE = Pattern.compile("(?i)(?<!\\w)(?:while|whereas|and|tandis\\s+que|alors\\s+que|et)(?!\\w)");
    private static final Pattern BODIES = Pattern.compile("(?i)(?<!\\w)(?:bodies|remains|corps|dépouilles|restes)(?!\\w)");
    private static final Pattern AGREED_TO = Pattern.compile(
            "(?i)(?:agreed|agree|agrees|decided|agreement|convenu|convenues|convenus|décidé|accepté|accord)\\W+"
                    + "(?:[\\w,]+\\W+){0,14}?(?:to|de|d')\\W*(?:(?:carry\\W+out|hold|conduct|make|procéder\\W+à"
                    + "|effectuer)\\W+)?(?:an?\\W+|un\\W+|une\\W+)?(?:further\\W+|new\\W+|nouvel\\W+|nouvelle\\W+)?$");

    /**
     * The day of an exchange: the nearest day in its sentence, except the day talks "agreed to
     * exchange" (that is the day of the agreement) unless it is still to come.
     */
    private static Optional<LocalDate> exchangeDay(String text, SentenceFacts f, RuleBook.Hit basis, LocalDate published) {
        Optional<LocalDate> day = nearestDate(eventDates(f), basis.span());
        boolean agreedTo = f.exchange("trigger").stream().anyMatch(t -> AGREED_TO.matcher(
                text.substring(Math.max(f.start(), t.span().start_char() - 120), t.span().start_char())).find());
        return agreedTo ? day.filter(d -> d.isAfter(published)) : day;
    }

    /** "rejected it", but not "whether it will send": a pronoun right after the verb, as its object. */
    private static final Pattern PRONOUN_OBJECT = Pattern.compile(
            "(?i)\\W*(?:it|them)(?!\\w)(?!\\W+(?:will|would|is|was|has|had|could|can|should|must)\\b)");
    private static final Pattern ANAPHORIC_OBJECT = Pattern.compile("(?i)(?<!\\w)(?:(?:the|this|that)\\W+"
            + "(?:[\\w-]+\\W+)?(?:offer|proposal|plan|idea|initiative|truce|ceasefire|call|ultimatum)|what it called"
            + "|l['’](?:a|ont|avait|avaient)\\W|cette\\W+(?:offre|"
            + "proposition|initiative|idée|trêve)|ce qu|l['’](?:appliquer|accepter|respecter|observer)\\w*)(?!\\w)");
    private static final Pattern TALKS_AS_SETTING = Pattern.compile(
            "(?i)(?:\\bat|\\bduring|\\bafter|lors de|à l'issue de|pendant)\\W+(?:[\\w-]+\\W+){0,4}$");
    private static final Pattern ATTRIBUTION_BEFORE = Pattern.compile(
            "(?i)(?:selon|d'après|d’après|according to|citing)[^,;.]*$");
    private static final Pattern TRAILING_SAID = Pattern.compile(
            "\\W*(?:said|says|stated|added|a déclaré|a affirmé|ont déclaré|a indiqué|a annoncé)"
                    + "(?:\\W+(?:on|in|late|early|earlier|a|statement|yesterday|\\w+day|hier|lundi|mardi|mercredi|jeudi"
                    + "|vendredi|samedi|dimanche|soir|matin))*\\W*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern APPOSITION_BEFORE = Pattern.compile(",\\s*[^,;.]{0,40}$");
    private static final Pattern POSSESSIVE = Pattern.compile("['’]s\\s+(?:own\\s+|latest\\s+|new\\s+)?");
    private static final Pattern SPEAKS_AFTER = Pattern.compile(
            "\\W*(?:said|says|told|stated|added|wrote|warned|declared|insisted|a déclaré|a affirmé|a dit"
                    + "|a assuré|a estimé|a averti|a prévenu|a insisté|affirme|déclare|estime)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TIME_RANGE_AFTER = Pattern.compile(
            "\\s*(?:\\([^)]{0,40}\\)\\s*)?(?:(?:et|and)\\s+)?(?:à|jusqu|until|till|to)\\b", Pattern.CASE_INSENSITIVE);
    /** "à partir de 18 heures", "son bilan de 16 heures": a time of day, not a duration. */
    private static final Pattern TIME_OF_DAY_BEFORE = Pattern.compile(
            "(?:à\\s+partir|dès|bilan|point|état|vers|à)\\s+(?:de\\s+)?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern PRONOUN = Pattern.compile("(?i)he|she|il|elle");
    private static final Pattern BEFORE_ANY = Pattern.compile(
            "(?i)(?:\\bbefore|\\bprior\\W+to|\\bavant)\\W+(?:any|a|toute?|tout)\\W+(?:[\\w-]+\\W+){0,2}$");
    private static final Pattern AGENT_JOINED = Pattern.compile("(?i)\\s*(?:et|and)\\s*(?:(?:the|le|la|l['’])\\s*)?");
    /** "…, a-t-il ajouté, proposant aussi …", "…, he said, proposing …": a participle whose subject speaks. */
    private static final Pattern SPEAKER_THEN_PARTICIPLE = Pattern.compile(
            "(?i)(?:a-t-(?:il|elle)\\s+[\\p{L}]+|(?:he|she)\\s+(?:said|added|wrote))\\s*,\\s*$");
    private static final Pattern PARTICIPLE = Pattern.compile("(?i)^(?:en\\s+)?[\\p{L}]+(?:ant|ing)\\b");
    private static final Pattern AND_WORD = Pattern.compile("\\b(?:and|et)\\b");
    private static final Pattern AFTER_PREPOSITION = Pattern.compile("(?i)\\b(?:with|avec|to|from|for|by|par|pour)\\s+$");
    private static final Pattern READY_OR_WOULD = Pattern.compile("(?i)\\b(?:ready|prêt|prête|prêts|prêtes|would|serait)\\b");
    private static final Pattern IF_CLAUSE = Pattern.compile("(?i)\\b(?:if|si|s['’]il|s['’]ils)\\b");
    private static final Pattern THEY_START = Pattern.compile("\\W*(?:They|Ils|Elles)\\b");
    private static final Pattern PRONOUN_START = Pattern.compile("\\W*(?:He|She|Il|Elle)\\b");

    /**
     * Who "he" is: in this sentence or the nearest earlier one naming a person, the last person who
     * speaks there ("…, Zelensky said after a call with Trump. Overnight, he said, …"), else the last
     * person named.
     */
    private static Optional<Gazetteer.Entry> lastPersonBefore(String text, int at, List<Mention> named,
            List<SentenceFacts> before) {
        Optional<Gazetteer.Entry> here = lastPerson(text, named.stream().filter(m -> m.found().span().end_char() <= at));
        for (int j = before.size() - 1; j >= 0 && here.isEmpty(); j--) {
            here = lastPerson(text, before.get(j).named().stream());
        }
        return here;
    }

    private static Optional<Gazetteer.Entry> lastPerson(String text, Stream<Mention> mentions) {
        List<Mention> persons = mentions.filter(m -> m.found().entry().type() == Gazetteer.EntryType.PERSON).toList();
        Optional<Mention> speaker = persons.stream().filter(m -> SPEAKS_AFTER.matcher(text)
                .region(m.found().span().end_char(), text.length()).lookingAt()).reduce((a, b) -> b);
        return speaker.or(() -> persons.stream().reduce((a, b) -> b)).map(m -> m.found().entry());
    }

    /**
     * "Kremlin spokesman Dmitry Peskov denied": a person or body of the same party named between the
     * source the rule matched and the verb is the one who speaks.
     */
    private static Span speakerNearestTheVerb(RuleBook.Hit hit, String text, List<Mention> named) {
        Span source = hit.group("source", text).orElseThrow();
        int until = hit.group("about", text).map(Span::start_char).orElse(hit.span().end_char());
        Optional<String> party = named.stream().filter(m -> m.found().span().equals(source)).findFirst()
                .flatMap(Mention::party);
        if (party.isEmpty()) {
            return source;
        }
        Span nearest = source;
        boolean person = named.stream().anyMatch(m -> m.found().span().equals(source)
                && m.found().entry().type() == Gazetteer.EntryType.PERSON);
        for (Mention m : named) {
            Span at = m.found().span();
            Gazetteer.EntryType type = m.found().entry().type();
            // "Dmitri Peskov, porte-parole du Kremlin, a démenti": a body named in the apposition after a
            // person is the person's title, not a second speaker.
            boolean title = person && type == Gazetteer.EntryType.ORGANISATION
                    && at.start_char() >= nearest.end_char() && at.end_char() <= until
                    && APPOSITION_BEFORE.matcher(text.substring(nearest.end_char(), at.start_char())).matches()
                    && text.substring(at.end_char(), Math.min(until, at.end_char() + 3)).startsWith(",");
            if (at.start_char() >= source.end_char() && at.end_char() <= until && m.party().equals(party)
                    && (type == Gazetteer.EntryType.PERSON || type == Gazetteer.EntryType.ORGANISATION) && !title) {
                nearest = at;
                person = type == Gazetteer.EntryType.PERSON;
            }
        }
        return nearest;
    }

    /** Exchange rules each find their own part (pair, count, wounded …); overlaps only within a part. */
    private static List<RuleBook.Hit> exchangeParts(RuleBook book, String text, int from, int to) {
        Map<String, List<RuleBook.Rule>> byPart = new LinkedHashMap<>();
        for (RuleBook.Rule r : book.table("exchange")) {
            byPart.computeIfAbsent(r.value(), k -> new ArrayList<>()).add(r);
        }
        List<RuleBook.Hit> all = new ArrayList<>(book.hits("exchange", text, from, to));
        // Triggers, "each", mediators and counts may overlap other parts: search them on their own too.
        for (String part : List.of("trigger", "each", "mediator", "count", "each_count", "return", "total_word")) {
            for (RuleBook.Rule r : byPart.getOrDefault(part, List.of())) {
                java.util.regex.Matcher m = r.pattern().matcher(text).region(from, to);
                m.useTransparentBounds(true);
                while (m.find()) {
                    int st = m.start();
                    int en = m.end();
                    if (all.stream().noneMatch(h -> h.rule() == r && h.span().start_char() == st)) {
                        java.util.regex.Matcher again = r.pattern().matcher(text).region(st, to);
                        again.useTransparentBounds(true);
                        if (again.lookingAt() && again.end() == en) {
                            all.add(new RuleBook.Hit(r, Span.of(text, st, en), again));
                        }
                    }
                }
            }
        }
        return all;
    }

    // ---- dates ---------------------------------------------------------------------------------

    private Optional<LocalDate> resolveDate(RuleBook book, RuleBook.Hit hit, String text, LocalDate published) {
        switch (hit.rule().value()) {
            case "absolute":
                return absoluteDate(book, hit, text, published);
            case "relative":
                return book.word("RELATIVE", hit.group("rel", text).orElseThrow().text()).map(published::plusDays);
            case "weekday":
                return book.word("WEEKDAY", hit.group("weekday", text).orElseThrow().text())
                        .map(d -> published.with(TemporalAdjusters.previousOrSame(DayOfWeek.of(d))));
            case "weekday_ahead":
                // "until Sunday", "jusqu'à dimanche": a day still to come.
                return book.word("WEEKDAY", hit.group("weekday", text).orElseThrow().text())
                        .map(d -> published.with(TemporalAdjusters.nextOrSame(DayOfWeek.of(d))));
            default:
                return Optional.empty();
        }
    }

    /** A day and month without a year take the publication's year, or the year before if that is months ahead. */
    private static Optional<LocalDate> absoluteDate(RuleBook book, RuleBook.Hit hit, String text, LocalDate published) {
        try {
            Optional<Span> iso = hit.group("iso", text);
            if (iso.isPresent()) {
                return Optional.of(LocalDate.parse(iso.get().text()));
            }
            String dayText = hit.group("day", text).orElseThrow().text();
            int day = dayText.equalsIgnoreCase("1er") ? 1 : Integer.parseInt(dayText);
            Optional<Integer> month = book.word("MONTH", hit.group("month", text).orElseThrow().text());
            if (month.isEmpty()) {
                return Optional.empty();
            }
            Optional<Span> year = hit.group("year", text);
            if (year.isPresent()) {
                return Optional.of(LocalDate.of(Integer.parseInt(year.get().text()), month.get(), day));
            }
            LocalDate d = LocalDate.of(published.getYear(), month.get(), day);
            return Optional.of(d.isAfter(published.plusMonths(6)) ? d.minusYears(1) : d);
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalDate> nearestDate(List<DateMention> dates, Span near) {
        return dates.stream()
                .min(Comparator.comparingInt(d -> distance(d.span(), near)))
                .map(DateMention::date);
    }

    private static int distance(Span a, Span b) {
        if (a.overlaps(b)) {
            return 0;
        }
        return a.end_char() <= b.start_char() ? b.start_char() - a.end_char() : a.start_char() - b.end_char();
    }

    private record EventDay(LocalDate day, String basis) {
    }

    /**
     * The day of the statement's own event: a relative day ("today", "hier") in a sentence about a
     * meeting or call, else the latest day before publication that the text names, else the
     * publication day. A readout comes out on the day of the call or the day after.
     */
    private static EventDay eventDay(List<SentenceFacts> facts, LocalDate published) {
        for (SentenceFacts f : facts) {
            if (!f.meetings().isEmpty()) {
                for (DateMention d : f.dates()) {
                    if (d.relative()) {
                        return new EventDay(d.date(), "relative day '" + d.span().text() + "' in sentence " + f.number());
                    }
                }
            }
        }
        Optional<DateMention> latest = facts.stream().flatMap(f -> f.dates().stream())
                .filter(d -> !d.relative() && d.date().isBefore(published))
                .max(Comparator.comparing(DateMention::date));
        return latest.map(d -> new EventDay(d.date(), "latest day before publication named in the text ('"
                        + d.span().text() + "')"))
                .orElse(new EventDay(published, "publication date (the text names no earlier day)"));
    }

    // ---- parties -------------------------------------------------------------------------------

    /** Parties of the first sentence naming two or more; else the two named most often. */
    private static List<String> principals(List<SentenceFacts> facts) {
        for (SentenceFacts f : facts) {
            List<String> parties = f.parties().stream().map(m -> m.party().orElseThrow()).distinct().toList();
            if (parties.size() >= 2) {
                // "Trump and Putin spoke about the Ukraine war": the leaders who speak are the parties,
                // not a country named as a modifier.
                List<String> persons = f.parties().stream()
                        .filter(m -> m.found().entry().type() == Gazetteer.EntryType.PERSON)
                        .map(m -> m.party().orElseThrow()).distinct().toList();
                return persons.size() >= 2 ? persons : parties;
            }
        }
        Map<String, Integer> counts = new HashMap<>();
        facts.forEach(f -> f.parties().forEach(m -> counts.merge(m.party().orElseThrow(), 1, Integer::sum)));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(2).map(Map.Entry::getKey).toList();
    }

    /** The last party named before sentence {@code i}: who "il" or "he" most likely is. */
    private static Optional<String> contextParty(List<SentenceFacts> facts, int i) {
        for (int j = i - 1; j >= 0; j--) {
            List<Mention> parties = facts.get(j).parties();
            if (!parties.isEmpty()) {
                return parties.get(parties.size() - 1).party();
            }
        }
        return Optional.empty();
    }

    /**
     * The parties acting at {@code at}: the nearest party or collective ("les parties", "both
     * sides") before it, with any party joined to it by "et", "and" or a comma.
     */
    private static List<String> subject(String text, SentenceFacts f, int at, List<String> principals) {
        Mention last = null;
        int lastIndex = -1;
        List<Mention> parties = f.parties();
        for (int k = 0; k < parties.size(); k++) {
            if (parties.get(k).found().span().end_char() <= at) {
                last = parties.get(k);
                lastIndex = k;
            }
        }
        RuleBook.Hit collective = null;
        for (RuleBook.Hit c : f.collectives()) {
            if (c.span().end_char() <= at) {
                collective = c;
            }
        }
        if (collective != null && (last == null || collective.span().start_char() > last.found().span().start_char())) {
            return principals;
        }
        if (last == null) {
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        result.add(last.party().orElseThrow());
        for (int k = lastIndex; k > 0; k--) {
            String between = text.substring(parties.get(k - 1).found().span().end_char(),
                    parties.get(k).found().span().start_char());
            // "Trump and President Putin", "Poutine et le président Trump": titles between are skipped.
            if (!JOINED.matcher(between).matches()) {
                break;
            }
            // "In a call with Trump, Putin accepted": a name after a preposition is not one of the subjects.
            if (between.contains(",") && !AND_WORD.matcher(between).find() && AFTER_PREPOSITION.matcher(
                    text.substring(Math.max(f.start(), parties.get(k - 1).found().span().start_char() - 12),
                            parties.get(k - 1).found().span().start_char())).find()) {
                break;
            }
            result.add(parties.get(k - 1).party().orElseThrow());
        }
        return List.copyOf(result);
    }

    /**
     * A verb right after "and", "but", "tout en" ("Zelensky said … and offered", "Kiev a jugé … et a
     * réclamé") shares the subject of the sentence, not the party named just before it.
     */
    private static boolean afterCoordination(String text, SentenceFacts f, Span verb) {
        return f.book().map(b -> b.hits("coordination", text, f.start(), verb.start_char()).stream()
                .anyMatch(h -> h.span().end_char() == verb.start_char())).orElse(false);
    }

    /** The subject a sentence opens with: its first party and any joined to it, or a collective before it. */
    private static List<String> leadingSubject(String text, SentenceFacts f, List<String> principals) {
        List<Mention> parties = f.parties();
        if (!f.collectives().isEmpty()
                && (parties.isEmpty() || f.collectives().get(0).span().start_char() < parties.get(0).found().span().start_char())) {
            return principals;
        }
        if (parties.isEmpty()) {
            return List.of();
        }
        LinkedHashSet<String> result = new LinkedHashSet<>();
        result.add(parties.get(0).party().orElseThrow());
        for (int k = 1; k < parties.size(); k++) {
            String between = text.substring(parties.get(k - 1).found().span().end_char(),
                    parties.get(k).found().span().start_char());
            if (!JOINED.matcher(between).matches()) {
                break;
            }
            result.add(parties.get(k).party().orElseThrow());
        }
        return List.copyOf(result);
    }

    /** The first party named after {@code at} (the agent of "proposé par", "proposed by"). */
    /** "acceptés par la Russie et l'Ukraine", "agreed by Putin and Trump": every party joined to the first agent. */
    private static List<String> agentsAfter(String text, SentenceFacts f, int at) {
        List<Mention> after = f.parties().stream().filter(m -> m.found().span().start_char() >= at).toList();
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int k = 0; k < after.size(); k++) {
            if (k > 0 && !AGENT_JOINED.matcher(text.substring(after.get(k - 1).found().span().end_char(),
                    after.get(k).found().span().start_char())).matches()) {
                break;
            }
            after.get(k).party().ifPresent(out::add);
        }
        return List.copyOf(out);
    }

    // ---- measures ------------------------------------------------------------------------------

    private List<MeasureCandidate> measures(String text, List<SentenceFacts> facts, int i, List<String> principals,
            LocalDate eventDay) {
        SentenceFacts f = facts.get(i);
        List<MeasureCandidate> out = new ArrayList<>();
        for (RuleBook.Hit hit : f.measures()) {
            String[] value = hit.rule().value().split(":", 2);
            MeasureKind kind = MeasureKind.fromWireName(value[0]).orElseThrow(() ->
                    new IllegalStateException("rule " + hit.rule().id() + ": unknown measure kind " + value[0]));
            Optional<String> object = value.length > 1 ? Optional.of(value[1]) : Optional.empty();
            List<PartyStance> stances = new ArrayList<>();
            List<String> addressed = new ArrayList<>();
            List<RuleBook.Hit> own = f.stances().stream().filter(st -> governedMeasure(f, st.span()) == hit
                    || carriesOver(f, st, hit))
                    // "the leaders discussed the idea of …": talking about talks is no stance on them.
                    .filter(st -> kind != MeasureKind.TALKS || !st.rule().value().startsWith("pending:speaker"))
                    .toList();
            if (BEFORE_ANY.matcher(text.substring(f.start(), hit.span().start_char())).find()) {
                // "pull out … before any ceasefire": a measure named as the limit of a demand has no stance.
                own = List.of();
            }
            if (f.noStances()) {
                // In an accusation or denial only the speaker's own offer counts ("Zelensky said Russia
                // kept firing … and offered …"): a verb sharing the subject of the sentence that speaks.
                // The writer's own narration counts too: "the truce declared by Putin" names who declared it.
                own = own.stream().filter(st -> st.rule().value().endsWith(":agent_after")
                        || afterCoordination(text, f, st.span())
                        && f.claims().stream().anyMatch(c -> gazetteer.lookupId(c.source()).flatMap(Gazetteer.Entry::party)
                                .map(p -> leadingSubject(text, f, principals).contains(p)).orElse(false)))
                        .toList();
            }
            stances.addAll(stances(text, facts, i, own, principals, eventDay, hit, addressed));
            // "Poutine a accepté." after the request answers its first measure ("this initiative").
            if (hit == f.measures().get(0) && i + 1 < facts.size() && facts.get(i + 1).measures().isEmpty()
                    && !facts.get(i + 1).noStances()) {
                SentenceFacts next = facts.get(i + 1);
                // Also a stance on "it", "the offer", "cette offre" ("Moscou n'a pas encore répondu à
                // cette offre", "the Kremlin rejected what it called an ultimatum").
                List<RuleBook.Hit> follow = next.stances().stream()
                        .filter(h -> h.rule().value().endsWith(":previous") || ANAPHORIC_OBJECT.matcher(text)
                                .region(h.span().start_char(), Math.min(next.end(), h.span().end_char() + 30))
                                .find() || PRONOUN_OBJECT.matcher(text).region(h.span().end_char(), next.end())
                                .lookingAt())
                        .toList();
                stances.addAll(stances(text, facts, i + 1, follow, principals, eventDay, hit, new ArrayList<>()));
                // "We expect the Ukrainian side to follow our example", two or three sentences on: a stance
                // that can only answer an earlier measure reaches further while no measure is named between.
                for (int j = i + 2; j <= i + 3 && j < facts.size() && facts.get(j).measures().isEmpty()
                        && !facts.get(j).noStances(); j++) {
                    SentenceFacts far = facts.get(j);
                    // Also a stance on "the offer", "cette proposition": an object that can only be an earlier measure.
                    List<RuleBook.Hit> later = far.stances().stream()
                            .filter(h -> h.rule().value().endsWith(":previous") || ANAPHORIC_OBJECT.matcher(text)
                                    .region(h.span().start_char(), Math.min(far.end(), h.span().end_char() + 30))
                                    .find()).toList();
                    stances.addAll(stances(text, facts, j, later, principals, eventDay, hit, new ArrayList<>()));
                }
            }
            List<PartyStance> unique = new ArrayList<>();
            for (PartyStance s : stances) {
                if (unique.stream().noneMatch(u -> u.party().equals(s.party()) && u.stance() == s.stance())) {
                    unique.add(s);
                }
            }
            // "agreed at their first direct talks to exchange …": talks named as the setting of what was
            // agreed are not what the parties accepted.
            if (kind == MeasureKind.TALKS && TALKS_AS_SETTING.matcher(text.substring(f.start(), hit.span().start_char()))
                    .find()) {
                unique.removeIf(st -> st.stance() == Stance.ACCEPTED);
            }
            addressed.removeIf(p -> unique.stream().anyMatch(s -> s.party().equals(p) && s.stance() == Stance.PROPOSED));
            List<DurationMention> activity = activityDurations(f);
            Optional<DurationMention> duration = f.durations().stream()
                    .filter(d -> nearestMeasure(f, d.span()) == hit)
                    .filter(d -> f.durations().stream().noneMatch(o -> o != d && o.span().contains(d.span())))
                    // "after three days of talks": how long something lasted, not the measure's length.
                    .filter(d -> !activity.contains(d))
                    .min(Comparator.comparingInt(d -> distance(d.span(), hit.span())));
            Optional<LocalDate> from = introducedDate(text, f, f.froms()).map(IntroducedDate::date);
            // "until Sunday" includes Sunday; "until 00:00 on 21 April" ends as 21 April begins.
            Optional<LocalDate> untilExclusive = introducedDate(text, f, f.untils())
                    .map(d -> endAfter(d, from))
                    .filter(u -> from.map(u::isAfter).orElse(true));
            Optional<String> condition = f.conditions().stream().findFirst().map(h -> h.span().text());
            double confidence = hit.rule().confidence() * (f.claimedBy().isPresent() ? 0.6 : 1.0);
            out.add(new MeasureCandidate(hit.span(), hit.rule().id(), round(confidence), f.number(), kind, object,
                    unique, List.copyOf(new LinkedHashSet<>(addressed)),
                    duration.map(d -> OptionalInt.of(d.duration_h())).orElse(OptionalInt.empty()),
                    duration.map(DurationMention::stated), from, untilExclusive, condition, f.claimedBy()));
        }
        return out;
    }

    private static List<DurationMention> activityDurations(SentenceFacts f) {
        Set<String> activityRules = new HashSet<>();
        f.book().ifPresent(b -> b.table("duration").stream().filter(r -> r.value().equals("activity"))
                .forEach(r -> activityRules.add(r.id())));
        return f.durations().stream().filter(d -> activityRules.contains(d.rule())).toList();
    }

    /** A day a word such as "from" or "until" introduces, and whether a time of day puts it at 00:00. */
    private record IntroducedDate(LocalDate date, boolean atStartOfDay, boolean relative) {
    }

    /**
     * The first day after an end: "until Sunday" includes Sunday, "until 00:00 on 21 April" does not
     * include the 21st. A weekday end before the start ("de samedi 18 heures à dimanche minuit",
     * published on Saturday) is the next such weekday.
     */
    private static LocalDate endAfter(IntroducedDate end, Optional<LocalDate> start) {
        LocalDate exclusive = end.atStartOfDay() ? end.date() : end.date().plusDays(1);
        while (end.relative() && start.isPresent() && !exclusive.isAfter(start.get())) {
            exclusive = exclusive.plusWeeks(1);
        }
        return exclusive;
    }

    private static final Pattern BETWEEN_WORD_AND_DAY = Pattern.compile(
            "\\W*(?:(?:on|at|the|le|la|du|de|à|a|dans|nuit|night|of)\\W+)*", Pattern.CASE_INSENSITIVE);
    private static final Pattern START_OF_DAY = Pattern.compile("0?0\\s*[:.h]\\s*00|0?0\\s*h");

    /**
     * The day right after one of {@code words} ("from 19 March", "à partir du 8 mai"), also with a time
     * of day between them ("from 18:00 Moscow time on Saturday", "until 00:00 on 21 April"). A day
     * rule that took the word in ("until Sunday") counts too.
     */
    private static Optional<IntroducedDate> introducedDate(String text, SentenceFacts f, List<RuleBook.Hit> words) {
        for (RuleBook.Hit word : words) {
            for (DateMention d : f.dates()) {
                if (d.span().contains(word.span())) {
                    Optional<Span> clock = clockWithin(f, d.span().start_char(), d.span().end_char());
                    return Optional.of(new IntroducedDate(d.date(), clock.map(Extractor::startsTheDay).orElse(false),
                            d.relative()));
                }
                int from = word.span().end_char();
                int to = d.span().start_char();
                if (to < from) {
                    continue;
                }
                Optional<Span> clock = clockWithin(f, from, to);
                if (clock.isEmpty() && to - from <= 4) {
                    return Optional.of(new IntroducedDate(d.date(), false, d.relative()));
                }
                if (clock.isPresent() && BETWEEN_WORD_AND_DAY.matcher(text.substring(from, clock.get().start_char())
                        + " " + text.substring(clock.get().end_char(), to)).matches()) {
                    return Optional.of(new IntroducedDate(d.date(), startsTheDay(clock.get()), d.relative()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Span> clockWithin(SentenceFacts f, int from, int to) {
        return f.clocks().stream().map(RuleBook.Hit::span)
                .filter(c -> c.start_char() >= from && c.end_char() <= to).findFirst();
    }

    private static boolean startsTheDay(Span clock) {
        return START_OF_DAY.matcher(clock.text()).matches();
    }

    /**
     * The measure of the sentence a duration belongs to: the nearest one, the following one on a tie.
     */
    private static RuleBook.Hit nearestMeasure(SentenceFacts f, Span at) {
        RuleBook.Hit best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (RuleBook.Hit m : f.measures()) {
            int d = distance(m.span(), at);
            boolean after = m.span().start_char() >= at.end_char();
            if (d < bestDistance || d == bestDistance && after) {
                best = m;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * The measure a stance word is about: the next one after it ("rejected a ceasefire but agreed to
     * a halt on energy strikes"), else the last one before it ("cessez-le-feu proposé par …").
     */
    private static RuleBook.Hit governedMeasure(SentenceFacts f, Span at) {
        RuleBook.Hit before = null;
        for (RuleBook.Hit m : f.measures()) {
            if (m.span().start_char() >= at.start_char()) {
                return m;
            }
            before = m;
        }
        return before;
    }

    /**
     * "agreed that peace starts with a pause in attacks on energy, followed by talks on a maritime
     * ceasefire": a stance also covers a later measure when nothing between them (another stance
     * word, another party, a "but") could have its own.
     */
    private static boolean carriesOver(SentenceFacts f, RuleBook.Hit stance, RuleBook.Hit measure) {
        RuleBook.Hit governed = governedMeasure(f, stance.span());
        if (governed == null || governed == measure || governed.span().start_char() < stance.span().start_char()
                || measure.span().start_char() <= governed.span().start_char()) {
            return false;
        }
        int from = stance.span().end_char();
        int to = measure.span().start_char();
        if (to - governed.span().end_char() > 150) {
            return false;
        }
        boolean otherStance = f.stances().stream()
                .anyMatch(o -> o != stance && o.span().start_char() >= from && o.span().start_char() < to);
        boolean otherParty = f.parties().stream()
                .anyMatch(m -> m.found().span().start_char() >= governed.span().end_char()
                        && m.found().span().start_char() < to);
        boolean contrast = f.contrasts().stream()
                .anyMatch(c -> c.span().start_char() >= governed.span().end_char() && c.span().start_char() < to);
        return !otherStance && !otherParty && !contrast;
    }

    private static List<PartyStance> stances(String text, List<SentenceFacts> facts, int i, List<RuleBook.Hit> hits,
            List<String> principals, LocalDate eventDay, RuleBook.Hit measure, List<String> addressed) {
        SentenceFacts f = facts.get(i);
        List<PartyStance> out = new ArrayList<>();
        for (RuleBook.Hit hit : hits) {
            if (insideCondition(f, hit) || governsExchange(text, f, hit)) {
                continue;
            }
            String[] value = hit.rule().value().split(":", 2);
            Stance stance = Stance.valueOf(value[0].toUpperCase(java.util.Locale.ROOT));
            String who = value.length > 1 ? value[1] : "subject";
            List<String> parties;
            if (who.equals("agent_inside")) {
                // "Trump's proposal", "the US proposal": the party named inside the match.
                parties = f.parties().stream().filter(m -> hit.span().contains(m.found().span()))
                        .map(m -> m.party().orElseThrow()).distinct().toList();
            } else if (who.equals("agent_after")) {
                parties = agentsAfter(text, f, hit.span().end_char());
            } else if (who.equals("previous")) {
                // "Poutine a accepté", "Putin and Trump agreed": the parties named inside the match.
                parties = subject(text, f, hit.span().end_char(), principals);
            } else if (who.equals("speaker")) {
                // "… ont été abordés": a passive with no agent; the one who speaks is the first party named.
                parties = f.parties().stream().findFirst().flatMap(Mention::party).map(List::of)
                        .or(() -> contextParty(facts, i).map(List::of)).orElse(List.of());
            } else if (PARTICIPLE.matcher(hit.span().text()).find() && SPEAKER_THEN_PARTICIPLE.matcher(
                    text.substring(Math.max(f.start(), hit.span().start_char() - 30), hit.span().start_char())).find()) {
                parties = lastPersonBefore(text, hit.span().start_char(), f.named(), facts.subList(0, i)).flatMap(
                        Gazetteer.Entry::party).map(List::of).orElse(List.of());
            } else {
                parties = afterCoordination(text, f, hit.span())
                        ? leadingSubject(text, f, principals) : subject(text, f, hit.span().start_char(), principals);
                if (parties.isEmpty() && THEY_START.matcher(text).region(f.start(), f.end()).lookingAt()) {
                    // "They also agreed to …": the statement's two sides.
                    parties = principals;
                }
                if (parties.isEmpty() && PRONOUN_START.matcher(text).region(f.start(), f.end()).lookingAt()) {
                    // "He made no mention of …": the person who spoke before.
                    parties = lastPersonBefore(text, f.start(), List.of(), facts.subList(0, i))
                            .flatMap(Gazetteer.Entry::party).map(List::of).orElse(List.of());
                }
                if (parties.isEmpty()) {
                    // "We agree with the proposals …, Vladimir Putin told reporters": the one who speaks last.
                    parties = f.parties().stream().filter(m -> m.found().span().start_char() >= hit.span().end_char()
                            && SPEAKS_AFTER.matcher(text).region(m.found().span().end_char(), f.end()).lookingAt())
                            .findFirst().flatMap(Mention::party).map(List::of).orElse(List.of());
                }
                if (parties.isEmpty()) {
                    parties = contextParty(facts, i).map(List::of).orElse(List.of());
                }
                if (stance == Stance.PROPOSED) {
                    int until = measure.span().start_char() > hit.span().end_char()
                            ? measure.span().start_char() : f.end();
                    for (Mention m : f.parties()) {
                        int at = m.found().span().start_char();
                        // From the verb's start: "urged Russia to accept" names its addressee inside the match.
                        if (at >= hit.span().start_char() && at < until && !parties.contains(m.party().orElseThrow())) {
                            addressed.add(m.party().orElseThrow());
                        }
                    }
                }
            }
            // "acceptée mardi par Kiev, tout en l'assortissant de conditions": the condition is the speaker's,
            // not that of the party named in passing. An offer of one's own "if the other side does the
            // same" stays a proposal.
            boolean readyIf = stance == Stance.ACCEPTED && READY_OR_WOULD.matcher(hit.span().text()).find()
                    && IF_CLAUSE.matcher(text).region(hit.span().end_char(), f.end()).find();
            if (stance == Stance.ACCEPTED && !who.equals("agent_after") && (readyIf || f.restrictions().stream()
                    .anyMatch(r -> r.span().start_char() >= hit.span().end_char() && f.contrasts().stream()
                            .noneMatch(c -> c.span().start_char() >= hit.span().end_char()
                                    && c.span().end_char() < r.span().start_char() - 4)))) {
                // "would be ready to extend it if Kyiv stopped its attacks": accepted on a condition.
                // "supports the proposals, but only on the understanding that …": accepted with a
                // condition still open, so not bound yet.
                stance = Stance.ACCEPTED_IN_PRINCIPLE;
            }
            Optional<LocalDate> since = since(facts, i, hit.span(), eventDay);
            for (String party : parties) {
                out.add(new PartyStance(party, stance, since, hit.span(), hit.rule().id(), hit.rule().confidence()));
            }
            if (stance == Stance.PROPOSED && hit.rule().id().endsWith(".asked_to_accept")) {
                // "urged Russia to accept …": the side asked, named inside the match, has yet to answer.
                List<String> asking = parties;
                f.parties().stream().filter(m -> hit.span().contains(m.found().span()))
                        .map(m -> m.party().orElseThrow()).filter(p -> !asking.contains(p)).distinct()
                        .forEach(p -> out.add(new PartyStance(p, Stance.PENDING, since, hit.span(), ASKED,
                                hit.rule().confidence())));
            }
        }
        return out;
    }

    /**
     * "ready to accept …, provided that Russia accepts it": a stance inside the condition is what the
     * other side would have to do, not what it did.
     */
    private static boolean insideCondition(SentenceFacts f, RuleBook.Hit stance) {
        return f.restrictions().stream().anyMatch(r -> r.span().start_char() < stance.span().start_char()
                && f.contrasts().stream().noneMatch(c -> c.span().start_char() > r.span().end_char()
                        && c.span().start_char() < stance.span().start_char()));
    }

    /**
     * "agreed in Istanbul to exchange 1,000 prisoners each": what was agreed is the exchange, not a
     * measure named later in the sentence.
     */
    private static boolean governsExchange(String text, SentenceFacts f, RuleBook.Hit stance) {
        int after = stance.span().end_char();
        return f.exchange("trigger").stream().anyMatch(x -> x.span().start_char() >= after
                && x.span().start_char() - after <= 60
                && text.substring(after, x.span().start_char()).indexOf(',') < 0
                && f.measures().stream().noneMatch(m -> m.span().start_char() >= after
                        && m.span().start_char() < x.span().start_char()));
    }

    /** The day a stance was taken: a day in its sentence, the day of "cette réunion", or the event day. */
    private static Optional<LocalDate> since(List<SentenceFacts> facts, int i, Span at, LocalDate eventDay) {
        SentenceFacts f = facts.get(i);
        Optional<LocalDate> own = nearestDate(f.dates(), at);
        if (own.isPresent()) {
            return own;
        }
        if (!f.anaphors().isEmpty() && i > 0 && !facts.get(i - 1).dates().isEmpty()) {
            List<DateMention> before = facts.get(i - 1).dates();
            return Optional.of(before.get(before.size() - 1).date());
        }
        return Optional.of(eventDay);
    }

    // ---- positions, exchanges, timeline, numbers ----------------------------------------------

    private List<PositionCandidate> positions(String text, List<SentenceFacts> facts, int i,
            List<String> principals) {
        SentenceFacts f = facts.get(i);
        if (f.demandTriggers().isEmpty() || f.demands().isEmpty()) {
            return List.of();
        }
        int trigger = f.demandTriggers().get(0).span().start_char();
        // "Moscow's demand that …": the party whose demand it is, whoever speaks.
        Optional<String> party = f.parties().stream().filter(m -> m.found().span().end_char() <= trigger
                && POSSESSIVE.matcher(text)
                .region(m.found().span().end_char(), trigger).matches()).findFirst().flatMap(Mention::party);
        if (party.isEmpty() && PRONOUN_START.matcher(text).region(f.start(), f.end()).lookingAt()) {
            // "Il a aussi réaffirmé que …": the person who spoke before.
            party = lastPersonBefore(text, f.start(), List.of(), facts.subList(0, i)).flatMap(Gazetteer.Entry::party);
        }
        if (party.isEmpty() && f.demandTriggers().get(0).rule().value().equals("agent_after")) {
            // "comme l'exige Moscou", "as demanded by Moscow": the party named right after.
            party = agentsAfter(text, f, f.demandTriggers().get(0).span().end_char()).stream().findFirst();
        }
        if (party.isEmpty() && f.demandTriggers().get(0).rule().value().equals("speaker")) {
            // "Ukrainian troops must leave Donbas, Putin told reporters": who must is not who demands;
            // the one who speaks is.
            party = f.parties().stream().filter(m -> SPEAKS_AFTER.matcher(text)
                    .region(m.found().span().end_char(), f.end()).lookingAt())
                    .findFirst().flatMap(Mention::party).or(() -> contextParty(facts, i));
        }
        // The first party named before the demand, leaving out a source it is attributed to ("Selon une
        // source ukrainienne, Moscou a exigé"), else the one a trailing "…, the Kremlin said" names,
        // else the last one named before the sentence.
        // "Kiev a donné son accord, mais le Kremlin a précisé que la Russie ne l'appliquerait qu'après …":
        // after a "but" the demand is the new clause's.
        int clause = f.contrasts().stream().mapToInt(c -> c.span().end_char()).filter(e -> e <= trigger).max()
                .orElse(f.start());
        if (party.isEmpty()) {
            party = f.parties().stream()
                    .filter(m -> m.found().span().start_char() >= clause)
                    .filter(m -> m.found().span().end_char() <= trigger && !ATTRIBUTION_BEFORE.matcher(
                            text.substring(Math.max(f.start(), m.found().span().start_char() - 60),
                                    m.found().span().start_char())).find())
                    .findFirst().flatMap(Mention::party);
        }
        if (party.isEmpty()) {
            party = f.parties().stream().filter(m -> m.found().span().start_char() > trigger
                    && TRAILING_SAID.matcher(text).region(m.found().span().end_char(), f.end()).lookingAt())
                    .findFirst().flatMap(Mention::party);
        }
        if (party.isEmpty()) {
            party = contextParty(facts, i);
        }
        List<PositionCandidate> out = new ArrayList<>();
        for (RuleBook.Hit d : f.demands()) {
            double confidence = d.rule().confidence() * (f.claimedBy().isPresent() ? 0.6 : 1.0);
            out.add(new PositionCandidate(d.span(), d.rule().id(), round(confidence), f.number(),
                    party.orElse(PositionCandidate.UNKNOWN_PARTY), d.span().text(), f.claimedBy()));
        }
        return out;
    }

    /** A count as written ("1,000", "1 000", "175", "two hundred", "quatre-vingt-quatre"). */
    private static int count(Optional<Span> written, SentenceFacts f) {
        String t = written.orElseThrow().text();
        if (t.chars().anyMatch(Character::isDigit)) {
            return Integer.parseInt(t.replaceAll("\\D", ""));
        }
        RuleBook book = f.book().orElseThrow();
        return WrittenNumber.parse(t, w -> book.word("NUMBER", w)).orElseThrow(() ->
                new IllegalStateException("count '" + t + "' matched a rule but its words are not all in words.tsv"));
    }

    /**
     * "agreed to exchange 1,000 prisoners each … Umerov confirmed the 1,000-for-1,000 exchange": a
     * later mention with the same numbers, no other day and the same claimant is the same exchange.
     */
    /**
     * "1 200 Ukrainiens", "the first 1,212 bodies": a count of one side's people, or of bodies (handed
     * back one side at a time), is one side's figure.
     */
    private static boolean oneSidesFigure(Span counted, SentenceFacts f) {
        return BODIES.matcher(counted.text()).find() || f.parties().stream()
                .anyMatch(m -> counted.contains(m.found().span())
                        && m.found().entry().type() == Gazetteer.EntryType.DEMONYM);
    }

    /**
     * "Ukraine received the bodies of 1,000 …, while 24 bodies were handed back to Russia": a second
     * count of bodies or of one side's people in the sentence (or any count when the sentence says
     * "from each side") is the other side's figure of the same handover.
     */
    private static Optional<ExchangeCandidate> otherSidesFigure(String text, SentenceFacts f, ExchangeCandidate e) {
        if (e.per_side().isEmpty()) {
            return Optional.empty();
        }
        for (RuleBook.Hit h : f.exchange("count")) {
            Span counted = h.span();
            if (counted.start_char() < e.span().end_char() || !OTHER_SIDE.matcher(text)
                    .region(e.span().end_char(), counted.start_char()).find()) {
                continue;
            }
            if (f.exchange("wounded").stream().anyMatch(w -> w.span().overlaps(counted))) {
                continue;
            }
            // "185 servicemen and 20 civilians were returned to each side": both are per-side figures.
            // Bodies are handed back one side at a time: "the bodies of 1,212 …, and received 27".
            boolean oneSide = !f.exchange("each").isEmpty() || oneSidesFigure(counted, f)
                    || bodiesNamedAt(text, f, e.span()) || bodiesNamedAt(text, f, counted);
            int n = count(h.group("n", text), f);
            if (oneSide && n != e.per_side().getAsInt()) {
                return Optional.of(new ExchangeCandidate(counted, h.rule().id(), e.confidence(), e.sentence(), e.date(),
                        OptionalInt.of(n), OptionalInt.empty(), OptionalInt.empty(), Optional.empty(),
                        Optional.empty(), e.parties(), e.mediator(), e.claimedBy()));
            }
        }
        return Optional.empty();
    }

    /** "les dépouilles de 1 212 militaires", "the bodies of 909": bodies named in or just before a count. */
    private static boolean bodiesNamedAt(String text, SentenceFacts f, Span counted) {
        return BODIES.matcher(text.substring(Math.max(f.start(), counted.start_char() - 30), counted.end_char())).find();
    }

    private static void addExchange(List<ExtractedItem> items, ExchangeCandidate e) {
        for (int k = 0; k < items.size(); k++) {
            if (items.get(k) instanceof ExchangeCandidate earlier && earlier.per_side().equals(e.per_side())
                    && earlier.total().equals(e.total()) && earlier.claimedBy().equals(e.claimedBy())
                    && (earlier.per_side().isPresent() || earlier.total().isPresent())
                    && (earlier.date().isEmpty() || e.date().isEmpty() || earlier.date().equals(e.date()))) {
                List<String> parties = new ArrayList<>(earlier.parties());
                e.parties().stream().filter(p -> !parties.contains(p)).forEach(parties::add);
                boolean woundedLater = earlier.wounded().isEmpty() && e.wounded().isPresent();
                items.set(k, new ExchangeCandidate(earlier.span(), earlier.rule(),
                        Math.max(earlier.confidence(), e.confidence()), earlier.sentence(),
                        earlier.date().or(e::date), earlier.per_side(), earlier.total(),
                        woundedLater ? e.wounded() : earlier.wounded(),
                        woundedLater ? e.woundedSpan() : earlier.woundedSpan(),
                        woundedLater ? e.woundedParty() : earlier.woundedParty(), parties,
                        earlier.mediator().or(e::mediator), earlier.claimedBy()));
                return;
            }
        }
        items.add(e);
    }

    private Optional<ExchangeCandidate> exchange(String text, List<SentenceFacts> facts, int i,
            List<String> principals, LocalDate published) {
        SentenceFacts f = facts.get(i);
        if (f.exchange("trigger").isEmpty()) {
            return Optional.empty();
        }
        List<RuleBook.Hit> wounded = f.exchange("wounded");
        ExchangeNumbers numbers = ExchangeNumbers.of(f);
        Optional<RuleBook.Hit> pair = numbers.pair();
        Optional<RuleBook.Hit> eachCount = numbers.eachCount();
        Optional<RuleBook.Hit> count = numbers.count();
        if (numbers.none() && wounded.isEmpty()) {
            return Optional.empty();
        }
        if (numbers.none() && i > 0 && woundedJoinPrevious(facts.get(i - 1))) {
            // "As a gesture of goodwill, 23 wounded will also be handed over": the exchange of the
            // sentence before carries them.
            return Optional.empty();
        }
        if (pair.isEmpty() && eachCount.isEmpty() && f.exchange("each").isEmpty() && !f.exchange("addition").isEmpty() && i > 0
                && exchangeWithNumbers(facts.get(i - 1))) {
            // "Eight civilians were also returned": more persons of the exchange just told, not a
            // second exchange of eight per side.
            return Optional.empty();
        }
        OptionalInt perSide = OptionalInt.empty();
        OptionalInt total = OptionalInt.empty();
        RuleBook.Hit basis;
        if (pair.isPresent()) {
            basis = pair.get();
            int a = count(basis.group("a", text), f);
            int b = count(basis.group("b", text), f);
            if (a == b) {
                perSide = OptionalInt.of(a);
            } else {
                total = OptionalInt.of(a + b);
            }
        } else if (eachCount.isPresent()) {
            basis = eachCount.get();
            perSide = OptionalInt.of(count(basis.group("n", text), f));
            // "1,000 in all, 500 each" gives a total; "303 prisoners …, 1,000 each" does not; "185
            // soldiers and 20 civilians from each side" says no total, so the first count is per side.
            if (count.isPresent() && count(count.get().group("n", text), f) >= perSide.getAsInt()) {
                int n = count(count.get().group("n", text), f);
                if (f.exchange("total_word").isEmpty() && count.get().span().end_char() <= basis.span().start_char()
                        && JOINED_COUNTS.matcher(text.substring(count.get().span().end_char(),
                                basis.span().start_char())).matches()) {
                    basis = count.get();
                    perSide = OptionalInt.of(n);
                } else {
                    total = OptionalInt.of(n);
                }
            }
        } else if (count.isPresent()) {
            basis = count.get();
            int n = count(basis.group("n", text), f);
            // "175 de chaque côté", persons brought home by one side, or "1 200 Ukrainiens" (one side's
            // people): a per-side number.
            // A total word ("a total of", "un total de") makes a count of people returned a total, not a
            // count of one side's people or of bodies.
            if (!f.exchange("each").isEmpty() || oneSidesFigure(basis.span(), f) || bodiesNamedAt(text, f, basis.span())
                    || f.exchange("total_word").isEmpty() && !f.exchange("return").isEmpty()) {
                perSide = OptionalInt.of(n);
            } else {
                total = OptionalInt.of(n);
            }
        } else {
            // Only wounded handed over "as part of the exchange": the exchange's numbers are unknown.
            basis = wounded.get(0);
        }
        // Wounded handed over are often in the next sentence ("En outre, 23 … blessés …").
        Optional<RuleBook.Hit> w = wounded.stream().findFirst();
        SentenceFacts woundedIn = f;
        if (w.isEmpty() && i + 1 < facts.size() && ExchangeNumbers.of(facts.get(i + 1)).none()) {
            w = facts.get(i + 1).exchange("wounded").stream().findFirst();
            woundedIn = facts.get(i + 1);
        }
        final SentenceFacts wf = woundedIn;
        // "23 blessés", "vingt-deux blessés graves": digits or words.
        OptionalInt woundedCount = w.map(h -> OptionalInt.of(count(h.group("w", text), wf)))
                .orElse(OptionalInt.empty());
        // "23 blessés ukrainiens", "23 severely wounded Ukrainian servicemen": named inside or right after.
        Optional<String> woundedParty = w.flatMap(h -> wf.parties().stream()
                .filter(m -> h.span().contains(m.found().span())
                        || m.found().span().start_char() >= h.span().end_char()
                                && m.found().span().start_char() <= h.span().end_char() + 2)
                .findFirst().flatMap(Mention::party));
        List<String> parties = f.parties().stream().map(m -> m.party().orElseThrow()).distinct().toList();
        if (!f.collectives().isEmpty()) {
            // "both sides agreed to exchange": the statement's main parties.
            List<String> all = new ArrayList<>(parties);
            principals.stream().filter(p -> !all.contains(p)).forEach(all::add);
            parties = List.copyOf(all);
        }
        Optional<String> mediator = f.exchange("mediator").stream().findFirst()
                .flatMap(h -> h.group("m", text)).flatMap(s -> gazetteer.lookup(s.text()))
                .map(e -> e.party().orElse(e.id()));
        if (mediator.isPresent()) {
            String m = mediator.get();
            parties = parties.stream().filter(p -> !p.equals(m)).toList();
        }
        double confidence = basis.rule().confidence() * (f.claimedBy().isPresent() ? 0.6 : 1.0);
        return Optional.of(new ExchangeCandidate(basis.span(), basis.rule().id(), round(confidence), f.number(),
                exchangeDay(text, f, basis, published), perSide, total, woundedCount, w.map(RuleBook.Hit::span),
                woundedParty, parties, mediator, f.claimedBy()));
    }

    /** The numbers of an exchange a sentence gives, leaving out those of its wounded and its dates. */
    private record ExchangeNumbers(Optional<RuleBook.Hit> pair, Optional<RuleBook.Hit> eachCount,
            Optional<RuleBook.Hit> count) {

        static ExchangeNumbers of(SentenceFacts f) {
            List<RuleBook.Hit> wounded = f.exchange("wounded");
            Optional<RuleBook.Hit> pair = f.exchange("pair").stream().findFirst();
            Optional<RuleBook.Hit> eachCount = f.exchange("each_count").stream()
                    .filter(c -> wounded.stream().noneMatch(w -> w.span().overlaps(c.span()))).findFirst();
            Optional<RuleBook.Hit> count = f.exchange("count").stream()
                    .filter(c -> wounded.stream().noneMatch(w -> w.span().overlaps(c.span())))
                    .filter(c -> f.dates().stream().noneMatch(d -> d.span().overlaps(c.span())))
                    .filter(c -> pair.isEmpty() || !pair.get().span().overlaps(c.span()))
                    .filter(c -> eachCount.isEmpty() || !eachCount.get().span().overlaps(c.span()))
                    .findFirst();
            return new ExchangeNumbers(pair, eachCount, count);
        }

        boolean none() {
            return pair.isEmpty() && eachCount.isEmpty() && count.isEmpty();
        }
    }

    /** An exchange with numbers and no wounded of its own takes the wounded of the next sentence. */
    private static boolean woundedJoinPrevious(SentenceFacts previous) {
        return exchangeWithNumbers(previous) && previous.exchange("wounded").isEmpty();
    }

    private static boolean exchangeWithNumbers(SentenceFacts previous) {
        return !previous.exchange("trigger").isEmpty() && !ExchangeNumbers.of(previous).none();
    }

    private List<TimelineEvent> timeline(List<SentenceFacts> facts, int i) {
        SentenceFacts f = facts.get(i);
        List<TimelineEvent> out = new ArrayList<>();
        List<String> actors = f.named().stream().filter(m -> m.party().isPresent())
                .map(m -> m.found().entry().id()).distinct().toList();
        Optional<String> place = f.named().stream()
                .filter(m -> m.found().entry().type() == Gazetteer.EntryType.PLACE
                        || m.found().entry().type() == Gazetteer.EntryType.STATE
                        && m.party().map(p -> !p.equals("RU") && !p.equals("UA") && !p.equals("US")).orElse(true))
                .map(m -> m.found().entry().id()).findFirst();
        exchangeDay(f).ifPresent(day -> out.add(new TimelineEvent(day.span(), day.rule(), day.confidence(),
                f.number(), day.date(), "prisoner_exchange", actors, place, f.claimedBy())));
        if (!f.meetings().isEmpty() && !f.dates().isEmpty()) {
            // The meeting word nearest to a day: "pourparlers tenus le 11 mars", not the call before it.
            RuleBook.Hit meeting = f.meetings().stream().min(Comparator.comparingInt(h -> f.dates().stream()
                    .mapToInt(d -> distance(d.span(), h.span())).min().orElse(Integer.MAX_VALUE))).orElseThrow();
            LocalDate date = nearestDate(f.dates(), meeting.span()).orElseThrow();
            out.add(new TimelineEvent(meeting.span(), meeting.rule().id(), meeting.rule().confidence(), f.number(),
                    date, meeting.rule().value(), actors, place, f.claimedBy()));
        }
        return out;
    }

    /**
     * The days of a sentence that can be an event's: not the day someone spoke ("Medinsky said on
     * Friday" dates the statement, not the swap it announces).
     */
    private static List<DateMention> eventDates(SentenceFacts f) {
        return f.dates().stream()
                .filter(d -> f.statementDays().stream().noneMatch(h -> h.span().contains(d.span())
                        || h.span().overlaps(d.span())))
                .toList();
    }

    /** The day of an exchange the sentence tells of, if it names one. */
    private static Optional<DateMention> exchangeDay(SentenceFacts f) {
        if (f.exchange("trigger").isEmpty() || f.exchange("pair").isEmpty() && f.exchange("count").isEmpty()) {
            return Optional.empty();
        }
        Span at = f.exchange("trigger").get(0).span();
        return eventDates(f).stream().min(Comparator.comparingInt(d -> distance(d.span(), at)));
    }

    /** Numbers no other rule explained, with the word that follows them ("23 militaires"). */
    private static List<NumberMention> numbers(String text, List<SentenceFacts> facts, List<ExtractedItem> items) {
        List<Span> taken = new ArrayList<>();
        for (ExtractedItem it : items) {
            taken.add(it.span());
        }
        List<NumberMention> out = new ArrayList<>();
        for (SentenceFacts f : facts) {
            java.util.regex.Matcher m = DIGITS.matcher(text).region(f.start(), f.end());
            m.useTransparentBounds(true);
            while (m.find()) {
                Span span = Span.of(text, m.start(), m.end());
                if (taken.stream().anyMatch(t -> t.contains(span) && t.end_char() - t.start_char() < 200)
                        || f.clocks().stream().anyMatch(c -> c.span().contains(span))) {
                    continue;
                }
                java.util.regex.Matcher next = NEXT_WORD.matcher(text).region(m.end(), f.end());
                String counts = next.lookingAt() ? next.group(1) : "";
                out.add(new NumberMention(span, "number", 0.9, f.number(), Long.parseLong(m.group()), counts));
            }
        }
        return out;
    }

    private static List<String> notices(List<Sentence> sentences, Language main, Language forced) {
        List<String> notices = new ArrayList<>();
        Map<Language, Integer> counts = new EnumMap<>(Language.class);
        sentences.forEach(s -> counts.merge(s.language(), 1, Integer::sum));
        if (forced == null && counts.size() > 1) {
            List<String> parts = new ArrayList<>();
            counts.forEach((l, n) -> parts.add(n + " " + (l == Language.OTHER ? "other" : l.code())));
            notices.add("mixed languages: " + String.join(", ", parts)
                    + " sentences; each line was read with the rules of its own language");
        }
        int other = counts.getOrDefault(Language.OTHER, 0);
        if (other > 0) {
            notices.add(other + " sentence(s) in a language without rules (neither French nor English):"
                    + " only names were read from them");
        }
        if (main == Language.OTHER && forced == null) {
            notices.add("no French or English text found; use --lang fr|en if the text is in one of them");
        }
        return notices;
    }

    private static double round(double confidence) {
        return Math.round(confidence * 100) / 100.0;
    }
}
