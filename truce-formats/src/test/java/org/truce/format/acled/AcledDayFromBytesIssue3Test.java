package org.truce.format.acled;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: {@code event_date} in the usual {@code yyyy-MM-dd} is read from the row's bytes. The
 * byte reading must give the key the String reading gives, and leave every other text, and every
 * problem, to the String reading (which writes the rejection's message).
 */
class AcledDayFromBytesIssue3Test {

    private static int fromBytes(String s) {
        byte[] b = ("x," + s + ",y").getBytes(StandardCharsets.UTF_8);
        return AcledReader.isoDayKey(b, 2, b.length - 2);
    }

    @Test
    void everyDayOfFourCenturiesReadsAsTheStringReadingReadsIt() {
        for (LocalDate d = LocalDate.parse("1800-01-01"); d.isBefore(LocalDate.parse("2200-01-01")); d = d.plusDays(1)) {
            String s = d.toString();
            assertThat(fromBytes(s)).as(s).isEqualTo(AcledReader.dateKey(s));
        }
    }

    @Test
    void randomTenCharacterTextsAreEitherReadAlikeOrLeftToTheStringReading() {
        Random random = new Random(3);
        String alphabet = "0123456789--------/ aé٣";
        int readFromBytes = 0;
        for (int i = 0; i < 200_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int k = 0; k < 10; k++) {
                // Mostly digits and dashes in the usual places, so that many texts come close to a date.
                s.append(k == 4 || k == 7 ? (random.nextInt(8) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : '-')
                        : (random.nextInt(12) == 0 ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) ('0' + random.nextInt(10))));
            }
            String text = s.toString();
            int key = fromBytes(text);
            if (key >= 0) {
                readFromBytes++;
                assertThat(key).as(text).isEqualTo(AcledReader.dateKey(text));
            }
        }
        assertThat(readFromBytes).as("texts read from the bytes").isGreaterThan(2_000);
    }

    @Test
    void otherFormsAndImpossibleFieldsAreLeftToTheStringReading() {
        for (String s : new String[] {"18 March 2025", "2025-3-18", "2025-03-1", "2025-03-180", "2025/03/18",
                "2025-16-01", "2025-01-32", "٢٠٢٥-٠٣-١٨", "", "2025-03-1\u00e9"}) {
            assertThat(fromBytes(s)).as(s).isEqualTo(-1);
        }
        // A day the calendar lacks is read as a key, and refused with its text when it becomes a date.
        assertThat(fromBytes("2025-02-30")).isEqualTo(AcledReader.dateKey("2025-02-30"));
        assertThatThrownBy(() -> AcledReader.parseDate("2025-02-30")).hasMessage("no such date: '2025-02-30'");
    }
}
