package de.kontor.domain.retention;

import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The normalised identifiers of a person that a suppression entry can match: each e-mail
 * (lower case), each phone (E.164), and name with birth date (umlauts as ae/oe/ue, ß as ss,
 * accents and spacing removed). Keys are "email:…", "phone:…", "name-birth:…".
 */
public final class Identifiers {
    private Identifiers() {}

    public static Map<String, String> of(PersonData d) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (EmailAddress e : d.emails()) {
            ids.put("email:" + email(e.address()), "email");
        }
        for (PhoneNumber p : d.phones()) {
            if (!p.e164().isEmpty()) {
                ids.put("phone:" + p.e164(), "phone");
            }
        }
        if (d.birthDate() != null && d.familyName() != null && !d.familyName().isBlank()) {
            ids.put("name-birth:" + name(d.givenName()) + "|" + name(d.familyName()) + "|" + d.birthDate(), "name-birth");
        }
        return ids;
    }

    public static String email(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    public static String name(String s) {
        if (s == null) {
            return "";
        }
        String t = s.strip().toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        t = Normalizer.normalize(t, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return t.replaceAll("[^a-z0-9]+", "");
    }
}
