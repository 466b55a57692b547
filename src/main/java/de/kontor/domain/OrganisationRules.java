package de.kontor.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validation of organisations: name required, postcode and VAT id plausible. */
public final class OrganisationRules {
    private static final Pattern VAT = Pattern.compile("^[A-Z]{2}[A-Z0-9+*.]{2,13}$");
    private final ContactRules contactRules;

    public OrganisationRules(ContactRules contactRules) {
        this.contactRules = contactRules;
    }

    public OrganisationData check(OrganisationData o) {
        String country = Text.clean(o.country());
        String vat = Text.clean(o.vatId());
        OrganisationData n = new OrganisationData(Text.clean(o.name()), Text.clean(o.street()),
                Text.clean(o.houseNumber()), Text.clean(o.postcode()), Text.clean(o.city()),
                country == null ? null : country.toUpperCase(Locale.ROOT), Text.clean(o.website()),
                vat == null ? null : vat.replace(" ", "").toUpperCase(Locale.ROOT));
        List<FieldError> errors = new ArrayList<>();
        if (n.name() == null) {
            errors.add(FieldError.of("name", "validation.required"));
        } else if (n.name().length() > 300) {
            errors.add(FieldError.of("name", "validation.tooLong", "300"));
        }
        if (n.country() != null && !n.country().matches("[A-Z]{2}")) {
            errors.add(FieldError.of("country", "validation.country", n.country()));
        }
        if (!contactRules.isValidPostcode(n.country(), n.postcode())) {
            errors.add(FieldError.of("postcode", "validation.postcode", n.postcode(), n.country()));
        }
        if (n.vatId() != null && !VAT.matcher(n.vatId()).matches()) {
            errors.add(FieldError.of("vatId", "validation.vatId", n.vatId()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return n;
    }
}
