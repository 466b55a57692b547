package de.kontor.exchange;

import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.request.SubjectData;
import ezvcard.VCard;
import ezvcard.VCardVersion;
import ezvcard.io.text.VCardWriter;
import ezvcard.parameter.AddressType;
import ezvcard.parameter.EmailType;
import ezvcard.parameter.TelephoneType;
import ezvcard.property.Address;
import ezvcard.property.Birthday;
import ezvcard.property.Categories;
import ezvcard.property.Email;
import ezvcard.property.StructuredName;
import ezvcard.property.Telephone;
import ezvcard.property.Uid;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/** People as vCard 4.0 (RFC 6350), UTF-8, one card per person. */
public final class VcardExport {
    public void write(List<SubjectData> people, OutputStream out) throws IOException {
        VCardWriter w = new VCardWriter(out, VCardVersion.V4_0);
        w.setAddProdId(false);
        for (SubjectData s : people) {
            w.write(card(s));
        }
        w.flush();
    }

    static VCard card(SubjectData s) {
        PersonData d = s.person().data();
        VCard c = new VCard(VCardVersion.V4_0);
        c.setUid(new Uid("urn:kontor:person:" + s.id()));
        StructuredName n = new StructuredName();
        n.setFamily(d.familyName());
        n.setGiven(d.givenName());
        if (d.title() != null) {
            n.getPrefixes().add(d.title());
        }
        c.setStructuredName(n);
        c.setFormattedName(d.displayName());
        if (d.organisation() != null) {
            c.setOrganization(d.organisation());
        }
        if (d.jobTitle() != null) {
            c.addTitle(d.jobTitle());
        }
        if (d.birthDate() != null) {
            c.setBirthday(new Birthday(d.birthDate()));
        }
        if (d.language() != null) {
            c.addLanguage(d.language());
        }
        for (EmailAddress e : d.emails()) {
            Email em = c.addEmail(e.address());
            EmailType t = e.kind() == ContactKind.PRIVATE ? EmailType.HOME : e.kind() == ContactKind.WORK ? EmailType.WORK : null;
            if (t != null) {
                em.getTypes().add(t);
            }
        }
        for (PhoneNumber p : d.phones()) {
            Telephone tel = new Telephone(p.e164().isEmpty() ? p.raw() : p.e164());
            switch (p.kind()) {
                case WORK -> tel.getTypes().add(TelephoneType.WORK);
                case PRIVATE -> tel.getTypes().add(TelephoneType.HOME);
                case MOBILE -> tel.getTypes().add(TelephoneType.CELL);
                default -> tel.getTypes().add(TelephoneType.VOICE);
            }
            c.addTelephoneNumber(tel);
        }
        for (PostalAddress a : d.addresses()) {
            Address adr = new Address();
            adr.setStreetAddress(de.kontor.domain.Text.join(" ", a.street(), a.houseNumber()));
            adr.setExtendedAddress(a.addressLine2());
            adr.setPostalCode(a.postcode());
            adr.setLocality(a.city());
            adr.setRegion(a.region());
            adr.setCountry(a.country());
            if (a.kind() == ContactKind.WORK) {
                adr.getTypes().add(AddressType.WORK);
            } else if (a.kind() == ContactKind.PRIVATE) {
                adr.getTypes().add(AddressType.HOME);
            }
            c.addAddress(adr);
        }
        if (!d.tags().isEmpty()) {
            Categories cat = new Categories();
            cat.getValues().addAll(d.tags());
            c.setCategories(cat);
        }
        if (d.notes() != null) {
            c.addNote(d.notes());
        }
        c.setRevision(new ezvcard.property.Revision(s.person().updatedAt()));
        return c;
    }
}
