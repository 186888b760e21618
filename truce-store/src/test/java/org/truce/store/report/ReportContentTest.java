package org.truce.store.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.truce.geo.GeoPoint;
import org.truce.report.GeoPrecision;
import org.truce.report.Report;
import org.truce.report.TimePrecision;

class ReportContentTest {

    private static Report report(Map<String, String> extra) {
        return new Report("UKR7", LocalDate.parse("2025-03-22"), TimePrecision.WEEK, "Explosions/Remote violence",
                "Air/drone strike", "Military Forces of Ukraine (2019-)", "", "Russia", "Kursk", "Sudzha",
                GeoPoint.of(51.19, 35.27), GeoPrecision.NEAR, "", "", 0, "", extra);
    }

    @Test
    void theStoresFieldsAreTakenOutOfTheExtraColumns() {
        ReportContent c = ReportContent.of(report(Map.of("explosions", " 4 ", "radius_m", "", "notes_language", "ru",
                "iso", "643")));

        assertThat(c.explosions()).isEqualTo(4);
        assertThat(c.radius_m()).as("an empty cell is unknown").isNull();
        assertThat(c.notesLanguage()).isEqualTo("ru");
        assertThat(c.report().extra()).isEqualTo(Map.of("iso", "643"));
    }

    @Test
    void theCanonicalJsonReadsBackToTheSameContent() {
        ReportContent c = new ReportContent(report(Map.of("iso", "643")), "energy.gas_metering", 2, 1500, "ru");

        assertThat(ReportJson.read(ReportJson.write(c))).isEqualTo(c);
        assertThat(ReportJson.write(ReportContent.plain(report(Map.of())))).as("unknown fields are left out")
                .doesNotContain("explosions", "radius_m", "target_category", "notes_language");
    }

    @Test
    void badValuesAreRefusedWithTheReportId() {
        assertThatThrownBy(() -> ReportContent.of(report(Map.of("explosions", "many"))))
                .hasMessageContaining("UKR7").hasMessageContaining("explosions");
        assertThatThrownBy(() -> new ReportContent(report(Map.of()), null, null, 0, null))
                .hasMessageContaining("radius");
        assertThatThrownBy(() -> new ReportContent(report(Map.of()), null, null, null, "Russian!"))
                .hasMessageContaining("BCP 47");
        assertThatThrownBy(() -> new ReportContent(report(Map.of("radius_m", "10")), null, null, null, null))
                .hasMessageContaining("ReportContent.of");
    }
}
