package de.kontor.exchange;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** Validates Kontor JSON exports against the shipped JSON Schema. */
public final class ExportSchema {
    private static final Schema SCHEMA;

    static {
        try (InputStream in = ExportSchema.class.getResourceAsStream(JsonExport.SCHEMA_RESOURCE)) {
            SCHEMA = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private ExportSchema() {}

    /** The schema violations of {@code json}; empty when it validates. */
    public static List<String> errors(byte[] json) throws Exception {
        return SCHEMA.validate(new ObjectMapper().readTree(json)).stream().map(Object::toString).toList();
    }
}
