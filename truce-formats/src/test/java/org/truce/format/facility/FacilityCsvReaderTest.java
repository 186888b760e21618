package org.truce.format.facility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.truce.facility.ProtectedObject;
import org.truce.format.FormatException;
import org.truce.format.ReadCounts;
import org.truce.format.ReadResult;
import org.truce.format.Rejection;
import org.truce.geo.GeoPoint;

class FacilityCsvReaderTest {

    @TempDir
    Path dir;

    final List<Rejection> rejections = new ArrayList<>();

    ReadResult<ProtectedObject> read(String csv) throws IOException {
        Path file = dir.resolve("facilities.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);
        return new FacilityCsvReader(rejections::add).read(file);
    }

    @Test
    void readsBenchStyleFacilitiesWithAwkwardNames() throws IOException {
        ReadResult<ProtectedObject> result = read("""
                facility_id,name,category,latitude,longitude
                F0000001,"Novohrad ""Pivdenna"" Substation No. 3",energy.substation,47.81234,35.12345
                F0000002,"Нафтобаза «Промислова», Bilivka",energy.oil_depot,48.00000,37.80000
                F0000003,Station de pompage (oléoduc) 7,energy.pipeline_station,46.60000,32.60000
                """);
        assertThat(rejections).isEmpty();
        assertThat(result.counts()).isEqualTo(new ReadCounts(3, 3, 0));
        assertThat(result.items()).containsExactly(
                new ProtectedObject("F0000001", "Novohrad \"Pivdenna\" Substation No. 3", "energy.substation",
                        new GeoPoint(47.81234, 35.12345)),
                new ProtectedObject("F0000002", "Нафтобаза «Промислова», Bilivka", "energy.oil_depot",
                        new GeoPoint(48.0, 37.8)),
                new ProtectedObject("F0000003", "Station de pompage (oléoduc) 7", "energy.pipeline_station",
                        new GeoPoint(46.6, 32.6)));
    }

    @Test
    void columnsMayComeInAnyOrderWithExtrasIgnored() throws IOException {
        ReadResult<ProtectedObject> result = read("""
                longitude,osm_id,latitude,category,name,facility_id
                30.5,123,50.4,health.hospital,,H1
                """);
        assertThat(result.items()).containsExactly(
                new ProtectedObject("H1", "", "health.hospital", new GeoPoint(50.4, 30.5)));
    }

    @Test
    void missingColumnsAreAFileError() {
        assertThatThrownBy(() -> read("facility_id,name,lat,lon\nF1,x,1,2\n"))
                .isInstanceOf(FormatException.class)
                .hasMessageContaining("facilities.csv")
                .hasMessageContaining("missing required columns category, latitude, longitude");
    }

    @Test
    void rejectsBadRowsWithLineFieldAndReason() throws IOException {
        ReadResult<ProtectedObject> result = read("""
                facility_id,name,category,latitude,longitude
                F1,ok,energy.substation,47.8,35.1
                ,no id,energy.substation,47.8,35.1
                F2,no category,,47.8,35.1
                F3,bad latitude,energy.substation,x47.8,35.1
                F4,bad longitude,energy.substation,47.8,181
                F1,"again, F1",energy.refinery,47.8,35.1
                F5,short row,energy.refinery,47.8
                F6,"multi
                line name",energy.refinery,47.8,35.1
                F7,after,energy.refinery,-90,-180
                """);
        assertThat(rejections).extracting(Rejection::line, Rejection::recordId, Rejection::field, Rejection::reason)
                .containsExactly(
                        tuple(3L, "", "facility_id", "empty"),
                        tuple(4L, "F2", "category", "empty"),
                        tuple(5L, "F3", "latitude", "not a number: 'x47.8'"),
                        tuple(6L, "F4", "longitude", "'181' is outside -180..180"),
                        tuple(7L, "F1", "facility_id", "duplicate id, first used on line 2"),
                        tuple(8L, "F5", "", "expected 5 fields as in the header, found 4"));
        assertThat(result.items()).extracting(ProtectedObject::id).containsExactly("F1", "F6", "F7");
        assertThat(result.items().get(1).name()).isEqualTo("multi\nline name");
        assertThat(result.counts()).isEqualTo(new ReadCounts(9, 3, 6));
    }
}
