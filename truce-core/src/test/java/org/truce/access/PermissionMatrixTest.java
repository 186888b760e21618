package org.truce.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * FEATURE UNDER TEST (issue 8, roles): who may do what, as the mission agreed it. The table is
 * the specification; a change to {@link Permission} that does not change it fails here.
 */
class PermissionMatrixTest {

    private static final String MATRIX = """
            permission               admin  monitor  analyst  party_liaison  guarantor  public
            read_record              yes    yes      yes      yes            yes        yes
            read_reports             yes    yes      yes      -              yes        -
            export_unredacted        yes    -        yes      -              -          -
            submit_report            yes    yes      yes      -              -          -
            add_statement            -      yes      yes      -              -          -
            merge_or_split_incident  -      -        yes      -              -          -
            change_verification      -      -        yes      -              -          -
            file_counter_claim       -      -        -        yes            -          -
            sign_checkpoint          -      -        -        -              yes        -
            manage_accounts          yes    -        -        -              -          -
            change_reference_data    yes    -        -        -              -          -
            read_access_log          yes    -        -        -              yes        -
            """;

    @Test
    void everyPermissionIsHeldByExactlyTheRolesTheTableGives() {
        List<String> lines = MATRIX.lines().toList();
        List<RoleKind> columns = new ArrayList<>();
        for (String name : lines.get(0).trim().split("\\s+")) {
            if (!name.equals("permission")) {
                columns.add(RoleKind.fromWireName(name));
            }
        }
        assertThat(columns).as("every role has a column").containsExactlyInAnyOrder(RoleKind.values());
        List<String> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.trim().split("\\s+");
            rows.add(cells[0]);
            Permission p = Permission.valueOf(cells[0].toUpperCase(Locale.ROOT));
            for (int c = 0; c < columns.size(); c++) {
                assertThat(p.allows(columns.get(c))).as(cells[0] + " for " + columns.get(c).wireName())
                        .isEqualTo(cells[c + 1].equals("yes"));
            }
        }
        assertThat(rows).as("every permission has a row")
                .containsExactlyInAnyOrder(Arrays.stream(Permission.values()).map(Permission::wireName)
                        .toArray(String[]::new));
    }

    /**
     * The publications skip the redaction for {@code export_unredacted} (issue 8); that is only
     * right while exactly those roles would get everything from it anyway.
     */
    @Test
    void theRolesThatTakePublicationsWholeAreThoseTheRedactionLeavesEverythingTo() {
        for (RoleKind kind : RoleKind.values()) {
            Role role = kind == RoleKind.PARTY_LIAISON ? Role.liaisonOf("RU") : Role.of(kind);
            boolean everything = role.clearance() == Sensitivity.SECRET && RecordScope.reachOf(role).everyIncident();
            assertThat(role.may(Permission.EXPORT_UNREDACTED)).as(kind.wireName()).isEqualTo(everything);
        }
    }

    @Test
    void aPartyLiaisonAlwaysNamesItsPartyAndNoOtherRoleHasOne() {
        assertThat(Role.parse("party_liaison:UA")).isEqualTo(Role.liaisonOf("UA"));
        assertThat(Role.parse("guarantor")).isEqualTo(Role.of(RoleKind.GUARANTOR));
        assertThat(Role.liaisonOf("RU").toString()).isEqualTo("party_liaison:RU");
        assertThatThrownBy(() -> Role.parse("party_liaison"))
                .hasMessageContaining("a party liaison needs its party id");
        assertThatThrownBy(() -> Role.parse("analyst:UA"))
                .hasMessage("only a party liaison has a party; analyst has none");
        assertThatThrownBy(() -> Role.parse("journalist"))
                .hasMessageContaining("a role is one of admin, monitor");
    }
}
