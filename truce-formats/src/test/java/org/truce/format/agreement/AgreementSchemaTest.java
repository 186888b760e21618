package org.truce.format.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The published JSON Schema accepts what the loader accepts, and rejects malformed shapes. */
class AgreementSchemaTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = AgreementJson.class.getResourceAsStream(AgreementJson.SCHEMA_RESOURCE)) {
            assertThat(in).as("schema resource on the class path").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    @Test
    void exampleIsValid() throws Exception {
        JsonNode example = MAPPER.readTree(Files.readString(RepoRoot.example()));

        assertThat(schema.validate(example)).isEmpty();
    }

    @Test
    void benchMinimalFileIsValid() throws Exception {
        assertThat(schema.validate(MAPPER.readTree(AgreementJsonTest.BENCH_MINIMAL))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // a typo in a field name
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "ceasefire_zone", "from": "2025-03-18",
          "event_types": ["Battles"], "bufer_m": 1}]}""",
        // a field of another kind
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "ceasefire_zone", "from": "2025-03-18",
          "event_types": ["Battles"], "buffer_m": 1, "radius_m": 1}]}""",
        // negative radius
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "strike_moratorium", "from": "2025-03-18",
          "protected_category_prefix": "energy.", "event_types": ["Battles"], "radius_m": -1}]}""",
        // unknown kind
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "truce", "from": "2025-03-18"}]}""",
        // no window on a kind that needs one
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "ceasefire_zone", "event_types": ["Battles"],
          "buffer_m": 1}]}""",
        // both shorthand and windows
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "ceasefire_zone", "event_types": ["Battles"],
          "buffer_m": 1, "from": "2025-03-18", "windows": [{"label": "common", "from": "2025-03-18"}]}]}""",
        // bad date and bad stance
        """
        {"id": "a", "parties": [{"id": "RU", "name": "Russia"}],
         "commitments": [{"id": "c", "kind": "process_milestone", "step": "talks", "description": "d",
          "due": "next week", "parties": [{"party": "RU", "stance": "maybe"}]}]}""",
        // an exchange without stages
        """
        {"id": "a", "commitments": [{"id": "c", "kind": "prisoner_exchange", "stages": []}]}""",
        // no commitments
        """
        {"id": "a", "commitments": []}"""
    })
    void invalidShapesFailTheSchemaAndTheLoader(String json) throws Exception {
        Set<ValidationMessage> messages = schema.validate(MAPPER.readTree(json));

        assertThat(messages).as("schema errors for %s", json).isNotEmpty();
        assertThatThrownBy(() -> AgreementJson.parse(json, "t.json")).isInstanceOf(AgreementFormatException.class);
    }
}
