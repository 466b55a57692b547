package de.kontor.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** An organisation as named text fields for the audit trail. */
public final class OrganisationFields {
    private OrganisationFields() {}

    public static Map<String, String> of(OrganisationData d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", d.name());
        m.put("street", d.street());
        m.put("houseNumber", d.houseNumber());
        m.put("postcode", d.postcode());
        m.put("city", d.city());
        m.put("country", d.country());
        m.put("website", d.website());
        m.put("vatId", d.vatId());
        return m;
    }
}
