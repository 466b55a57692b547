package de.kontor.demo;

import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.ContactRules;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Principal;
import de.kontor.domain.ProvenanceInput;
import de.kontor.domain.SourceKind;
import de.kontor.service.ActivityService;
import de.kontor.service.ContactService;
import de.kontor.service.ContactService.NewPerson;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Deterministic generator of realistic German, Austrian and Swiss people for demos and
 * benchmarks: names with umlauts and realistic frequencies ({@link DemoNames}), cities weighted by
 * population with postcodes from their real range, streets, e-mails, phones in mixed
 * formats, organisations, job titles, tags, activities, and a share of near-duplicates (typos,
 * swapped names, ae/ä and ss/ß, Str./Straße, the same phone number in another format).
 *
 * <p>The same seed always gives the same people. Everything generated passes
 * {@link ContactRules}.
 */
public final class DemoData {
    /**
     * A city with its first postcode, its dialling area code (without trunk prefix) and about
     * how many thousand people live there: people are spread over the cities by population,
     * and over one postcode per 20 000 inhabitants from the first one on.
     */
    record City(String country, String postcode, String name, String area, int thousands) {
        String postcode(Random r) {
            int span = Math.max(1, thousands / 20);
            int code = Integer.parseInt(postcode) + r.nextInt(span);
            return String.format(Locale.ROOT, "%0" + postcode.length() + "d", code);
        }
    }

    static final List<City> CITIES = List.of(
            new City("DE", "10115", "Berlin", "30", 1850), new City("DE", "10827", "Berlin", "30", 1850),
            new City("DE", "20095", "Hamburg", "40", 925), new City("DE", "22765", "Hamburg", "40", 925),
            new City("DE", "80331", "München", "89", 750), new City("DE", "81541", "München", "89", 750),
            new City("DE", "50667", "Köln", "221", 1080), new City("DE", "60311", "Frankfurt am Main", "69", 760),
            new City("DE", "70173", "Stuttgart", "711", 630), new City("DE", "40213", "Düsseldorf", "211", 620),
            new City("DE", "04109", "Leipzig", "341", 600), new City("DE", "44135", "Dortmund", "231", 590),
            new City("DE", "45127", "Essen", "201", 580), new City("DE", "28195", "Bremen", "421", 570),
            new City("DE", "01067", "Dresden", "351", 560), new City("DE", "30159", "Hannover", "511", 540),
            new City("DE", "90402", "Nürnberg", "911", 520), new City("DE", "47051", "Duisburg", "203", 500),
            new City("DE", "44787", "Bochum", "234", 365), new City("DE", "42103", "Wuppertal", "202", 355),
            new City("DE", "33602", "Bielefeld", "521", 335), new City("DE", "53111", "Bonn", "228", 330),
            new City("DE", "48143", "Münster", "251", 315), new City("DE", "76133", "Karlsruhe", "721", 305),
            new City("DE", "68159", "Mannheim", "621", 310), new City("DE", "86150", "Augsburg", "821", 300),
            new City("DE", "65183", "Wiesbaden", "611", 280), new City("DE", "38100", "Braunschweig", "531", 250),
            new City("DE", "24103", "Kiel", "431", 245), new City("DE", "09111", "Chemnitz", "371", 245),
            new City("DE", "06108", "Halle (Saale)", "345", 240), new City("DE", "39104", "Magdeburg", "391", 235),
            new City("DE", "79098", "Freiburg im Breisgau", "761", 230), new City("DE", "23552", "Lübeck", "451", 215),
            new City("DE", "99084", "Erfurt", "361", 215), new City("DE", "18055", "Rostock", "381", 210),
            new City("DE", "55116", "Mainz", "6131", 220), new City("DE", "34117", "Kassel", "561", 200),
            new City("DE", "93047", "Regensburg", "941", 155), new City("DE", "97070", "Würzburg", "931", 127),
            new City("DE", "89073", "Ulm", "731", 127), new City("DE", "14467", "Potsdam", "331", 185),
            new City("DE", "26122", "Oldenburg", "441", 170), new City("DE", "49074", "Osnabrück", "541", 165),
            new City("DE", "66111", "Saarbrücken", "681", 180), new City("DE", "37073", "Göttingen", "551", 117),
            new City("DE", "54290", "Trier", "651", 110), new City("DE", "78462", "Konstanz", "7531", 85),
            new City("DE", "83022", "Rosenheim", "8031", 64), new City("DE", "87435", "Kempten (Allgäu)", "831", 70),
            new City("AT", "1010", "Wien", "1", 475), new City("AT", "1070", "Wien", "1", 475),
            new City("AT", "1100", "Wien", "1", 475), new City("AT", "1180", "Wien", "1", 475),
            new City("AT", "8010", "Graz", "316", 300), new City("AT", "4020", "Linz", "732", 210),
            new City("AT", "5020", "Salzburg", "662", 155), new City("AT", "6020", "Innsbruck", "512", 130),
            new City("AT", "9020", "Klagenfurt am Wörthersee", "463", 100), new City("AT", "9500", "Villach", "4242", 65),
            new City("AT", "4600", "Wels", "7242", 62), new City("AT", "3100", "St. Pölten", "2742", 55),
            new City("AT", "2700", "Wiener Neustadt", "2622", 47), new City("AT", "6900", "Bregenz", "5574", 30),
            new City("AT", "6850", "Dornbirn", "5572", 50), new City("AT", "4400", "Steyr", "7252", 38),
            new City("AT", "8700", "Leoben", "3842", 25), new City("AT", "3500", "Krems an der Donau", "2732", 25),
            new City("CH", "8001", "Zürich", "44", 210), new City("CH", "8004", "Zürich", "44", 210),
            new City("CH", "3011", "Bern", "31", 135), new City("CH", "4051", "Basel", "61", 175),
            new City("CH", "1201", "Genève", "22", 200), new City("CH", "1003", "Lausanne", "21", 140),
            new City("CH", "6003", "Luzern", "41", 82), new City("CH", "9000", "St. Gallen", "71", 76),
            new City("CH", "8400", "Winterthur", "52", 115), new City("CH", "6900", "Lugano", "91", 63),
            new City("CH", "2502", "Biel/Bienne", "32", 55), new City("CH", "3600", "Thun", "33", 44),
            new City("CH", "5400", "Baden", "56", 20), new City("CH", "8200", "Schaffhausen", "52", 37),
            new City("CH", "7000", "Chur", "81", 37), new City("CH", "6300", "Zug", "41", 31),
            new City("CH", "5000", "Aarau", "62", 22), new City("CH", "4500", "Solothurn", "32", 17));

    private static final List<String> BRANCHES = List.of("Bau", "Haustechnik", "Logistik", "Software", "Druck", "Reisen",
        "Elektro", "Gartenbau", "Immobilien", "Beratung", "Maschinenbau", "Bäckerei", "Steuerberatung", "Möbel",
        "Optik", "Metallbau", "Medien", "Getränke", "Fahrzeugtechnik", "Holzbau");
    private static final List<String> ORG_PREFIX = List.of("Nord", "Süd", "Alpen", "Rhein", "Donau", "Elbe", "Isar", "Main",
        "Bodensee", "Tirol", "Ost", "West", "Hanse", "Spree", "Aare");
    private static final List<String> JOBS = List.of("Geschäftsführer", "Geschäftsführerin", "Einkaufsleiter",
        "Vertriebsleiterin", "Buchhalter", "Projektmanagerin", "Assistenz der Geschäftsführung", "Inhaber",
        "Inhaberin", "Prokurist", "Sachbearbeiterin", "Marketingleiter", "IT-Administrator", "Werkstattmeister",
        "Personalreferentin", "Key Account Manager");
    private static final List<String> TAGS = List.of("Kunde", "Lieferant", "Interessent", "Newsletter", "Messe 2025", "VIP",
        "Partner", "Presse", "Stammkunde", "Handwerk");
    private static final List<String> FREE_MAIL = List.of("gmx.de", "web.de", "t-online.de", "gmail.com", "posteo.de",
        "mailbox.org", "outlook.de");
    private static final List<String> FREE_MAIL_AT = List.of("gmx.at", "aon.at", "chello.at", "gmail.com");
    private static final List<String> FREE_MAIL_CH = List.of("bluewin.ch", "gmx.ch", "sunrise.ch", "gmail.com");
    private static final List<String> DE_MOBILE = List.of("151", "152", "157", "160", "162", "163", "170", "171", "172", "173",
        "174", "175", "176", "177", "178", "179");
    private static final List<String> AT_MOBILE = List.of("664", "676", "650", "699", "660");
    private static final List<String> CH_MOBILE = List.of("76", "77", "78", "79");
    private static final Instant BASE = Instant.parse("2025-06-30T09:00:00Z");

    /** One phone number as parts, so a near-duplicate can write the same number differently. */
    record Phone(ContactKind kind, String country, String area, String subscriber) {}

    /** The structured origin of a generated person, kept so near-duplicates can vary it. */
    record Origin(int id, boolean female, String given, String family, City city, String postcode, String street,
            String houseNumber, String email, Phone phone, String organisation, String jobTitle, String title,
            LocalDate birthDate, List<String> tags, String language) {}

    /** Cumulative population over {@link #CITIES}, to draw a city by how many people live there. */
    private final double[] cityShare = cumulativeShare();

    private final Random random;
    private final double duplicateRate;
    private final ContactRules rules = new ContactRules();
    private final List<Origin> recent = new ArrayList<>();
    /** Hashes of the e-mail addresses handed out so far (a rare clash only adds a digit more). */
    private final java.util.Set<Long> usedEmails = new java.util.HashSet<>();
    private int generated;
    private int duplicates;
    private boolean lastWasDuplicate;
    private int lastOrigin;

    /** {@code duplicateRate} is the share (0 to 0.9) of generated people that are near-duplicates. */
    public DemoData(long seed, double duplicateRate) {
        if (!(duplicateRate >= 0 && duplicateRate <= 0.9)) {
            throw new IllegalArgumentException("duplicate rate must be between 0 and 0.9: " + duplicateRate);
        }
        this.random = new Random(seed);
        this.duplicateRate = duplicateRate;
    }

    /** What {@link #write} did. */
    public record Stats(int people, int duplicates, int activities) {}

    /** The next person: a new one, or (at the requested rate, spread evenly) a near-duplicate. */
    public NewPerson next() {
        int i = generated++;
        boolean dup = !recent.isEmpty()
                && Math.floor((i + 1) * duplicateRate) > Math.floor(i * duplicateRate);
        lastWasDuplicate = dup;
        Origin o;
        if (dup) {
            duplicates++;
            o = vary(recent.get(random.nextInt(recent.size())));
        } else {
            o = fresh(i);
            if (recent.size() < 2000) {
                recent.add(o);
            } else {
                recent.set(random.nextInt(recent.size()), o);
            }
        }
        lastOrigin = o.id();
        return new NewPerson(toData(o), source(i));
    }

    public boolean lastWasDuplicate() {
        return lastWasDuplicate;
    }

    /**
     * The number (counting from 0) of the person the last one was generated as: its own
     * number for a new person, the original's for a near-duplicate. Two generated people are
     * the same person exactly when these are equal (ground truth for the duplicate check).
     */
    public int lastOrigin() {
        return lastOrigin;
    }

    public int duplicates() {
        return duplicates;
    }

    public List<NewPerson> generate(int n) {
        List<NewPerson> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
    }

    /**
     * Generates {@code n} people and saves them through the services, {@code batchSize} per
     * transaction; about one in eight gets one to three activities. {@code progress} receives
     * the number saved so far after each batch.
     */
    public Stats write(ContactService contacts, ActivityService activityService, Principal by, int n, int batchSize,
            IntConsumer progress) {
        Random act = new Random(random.nextLong());
        int saved = 0;
        int activityCount = 0;
        while (saved < n) {
            int size = Math.min(batchSize, n - saved);
            List<Person> created = contacts.createAll(by, generate(size));
            for (Person p : created) {
                if (act.nextInt(8) == 0) {
                    int k = 1 + act.nextInt(3);
                    for (int j = 0; j < k; j++) {
                        activityService.add(by, p.id(), activity(act));
                        activityCount++;
                    }
                }
            }
            saved += size;
            progress.accept(saved);
        }
        return new Stats(saved, duplicates, activityCount);
    }

    private static ActivityData activity(Random r) {
        ActivityKind kind = ActivityKind.values()[r.nextInt(ActivityKind.values().length)];
        Instant at = BASE.minus(Duration.ofMinutes(r.nextInt(60 * 24 * 700)));
        String subject = switch (kind) {
            case CALL -> pick(r, "Rückruf wegen Angebot", "Telefonat zur Lieferung", "Kurze Rückfrage zur Rechnung");
            case MEETING -> pick(r, "Termin vor Ort", "Jahresgespräch", "Messegespräch am Stand");
            case EMAIL -> pick(r, "Angebot versendet", "Unterlagen nachgereicht", "Terminbestätigung");
            case NOTE -> pick(r, "Bevorzugt Kontakt per E-Mail", "Urlaub bis Monatsende", "Ansprechpartner gewechselt");
            case ORDER -> "Bestellung " + (2024 + r.nextInt(2)) + "-" + String.format(Locale.ROOT, "%04d", r.nextInt(10000));
        };
        String body = r.nextInt(3) == 0 ? null : "Notiz: " + pick(r, "Preis ist verhandelbar.",
                "Bitte im Herbst nachfassen.", "Lieferung nach Absprache.", "Grüße an das ganze Team.");
        return new ActivityData(kind, at, subject, body);
    }

    private static double[] cumulativeShare() {
        double[] c = new double[CITIES.size()];
        double sum = 0;
        for (int i = 0; i < c.length; i++) {
            sum += CITIES.get(i).thousands();
            c[i] = sum;
        }
        for (int i = 0; i < c.length; i++) {
            c[i] /= sum;
        }
        return c;
    }

    private City city() {
        int i = java.util.Arrays.binarySearch(cityShare, random.nextDouble());
        return CITIES.get(Math.min(i < 0 ? -i - 1 : i, CITIES.size() - 1));
    }

    private Origin fresh(int id) {
        boolean female = random.nextBoolean();
        String given = DemoNames.given(random, female);
        String family = DemoNames.family(random);
        City city = city();
        String postcode = city.postcode(random);
        String street = DemoNames.street(random);
        if ("CH".equals(city.country())) {
            street = street.replace("ß", "ss");
        } else if (street.endsWith("straße") && random.nextInt(6) == 0) {
            street = street.substring(0, street.length() - "aße".length()) + ".";
        }
        String house = Integer.toString(1 + random.nextInt(random.nextInt(4) == 0 ? 250 : 60));
        if (random.nextInt(8) == 0) {
            house += (char) ('a' + random.nextInt(3));
        }
        String organisation = random.nextInt(10) < 7 ? organisation(city, family) : null;
        String email = email(given, family, city, organisation);
        Phone phone = phone(city, random.nextInt(3) == 0);
        String job = organisation != null && random.nextBoolean() ? pick(JOBS) : null;
        int t = random.nextInt(100);
        String title = t < 5 ? "Dr." : t < 6 ? "Prof. Dr." : t < 7 ? "Dipl.-Ing." : null;
        LocalDate birth = random.nextBoolean() ? LocalDate.of(1945, 1, 1).plusDays(random.nextInt(365 * 60)) : null;
        List<String> tags = new ArrayList<>();
        int tagCount = random.nextInt(4);
        for (int i = 0; i < tagCount; i++) {
            tags.add(pick(TAGS));
        }
        String language = random.nextInt(20) == 0 ? "en"
                : "CH".equals(city.country()) && (city.name().equals("Genève") || city.name().equals("Lausanne"))
                        ? "fr" : "de";
        return new Origin(id, female, given, family, city, postcode, street, house, email, phone, organisation, job,
                title, birth, tags, language);
    }

    /** A near-duplicate: one or two small changes that a German-aware duplicate check should see through. */
    private Origin vary(Origin o) {
        Origin v = o;
        int changes = 1 + random.nextInt(2);
        for (int c = 0; c < changes; c++) {
            switch (random.nextInt(6)) {
                case 0 -> v = with(v, v.given(), typo(v.family()), v.street(), v.phone());
                case 1 -> v = with(v, v.family(), v.given(), v.street(), v.phone());
                case 2 -> v = with(v, umlautVariant(v.given()), umlautVariant(v.family()), v.street(), v.phone());
                case 3 -> v = with(v, v.given(), v.family(), streetVariant(v.street()), v.phone());
                case 4 -> v = with(v, v.given(), v.family(), v.street(), v.phone()); // other phone format below
                default -> v = with(v, typo(v.given()), v.family(), v.street(), v.phone());
            }
        }
        return v;
    }

    private static Origin with(Origin o, String given, String family, String street, Phone phone) {
        return new Origin(o.id(), o.female(), given, family, o.city(), o.postcode(), street, o.houseNumber(), o.email(),
                phone, o.organisation(), o.jobTitle(), o.title(), o.birthDate(), o.tags(), o.language());
    }

    private String typo(String s) {
        if (s.length() < 4) {
            return s + s.charAt(s.length() - 1);
        }
        int i = 1 + random.nextInt(s.length() - 2);
        char[] c = s.toCharArray();
        switch (random.nextInt(3)) {
            case 0 -> { // swap two neighbours
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                return new String(c);
            }
            case 1 -> { // drop one
                return s.substring(0, i) + s.substring(i + 1);
            }
            default -> { // double one
                return s.substring(0, i + 1) + s.substring(i);
            }
        }
    }

    static String umlautVariant(String s) {
        if (s.matches(".*[äöüÄÖÜß].*")) {
            return s.replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae").replace("Ö", "Oe")
                    .replace("Ü", "Ue").replace("ß", "ss");
        }
        if (s.contains("ss")) {
            return s.replace("ss", "ß");
        }
        return s.replace("ae", "ä").replace("oe", "ö").replace("ue", "ü");
    }

    static String streetVariant(String s) {
        if (s.endsWith("straße")) {
            return s.substring(0, s.length() - 3) + ".";
        }
        if (s.endsWith("strasse")) {
            return s.substring(0, s.length() - 4) + ".";
        }
        if (s.endsWith("str.")) {
            return s.substring(0, s.length() - 1) + "aße";
        }
        if (s.endsWith(" Straße")) {
            return s.substring(0, s.length() - 6) + "Str.";
        }
        return s.replace("ß", "ss");
    }

    private String organisation(City city, String family) {
        String legal = switch (city.country()) {
            case "AT" -> pick("GmbH", "GmbH", "KG", "OG", "e.U.", "AG");
            case "CH" -> pick("AG", "AG", "GmbH", "GmbH", "Genossenschaft");
            default -> pick("GmbH", "GmbH", "GmbH", "AG", "KG", "e.K.", "GmbH & Co. KG", "OHG");
        };
        String head = switch (random.nextInt(3)) {
            case 0 -> family;
            case 1 -> pick(ORG_PREFIX);
            default -> city.name().split("[ (/]")[0];
        };
        return head + " " + pick(BRANCHES) + " " + legal;
    }

    private String email(String given, String family, City city, String organisation) {
        String g = ascii(given);
        String f = ascii(family);
        String local = switch (random.nextInt(4)) {
            case 0 -> g + "." + f;
            case 1 -> g.charAt(0) + "." + f;
            case 2 -> g + f.charAt(0);
            default -> f + (10 + random.nextInt(90));
        };
        String domain;
        if (organisation != null && random.nextInt(3) > 0) {
            String tld = city.country().toLowerCase(Locale.ROOT);
            domain = ascii(organisation.split(" ")[0]) + "-" + ascii(organisation.split(" ")[1]) + "." + tld;
        } else {
            domain = switch (city.country()) {
                case "AT" -> pick(FREE_MAIL_AT);
                case "CH" -> pick(FREE_MAIL_CH);
                default -> pick(FREE_MAIL);
            };
        }
        // An address belongs to one person: a provider hands out "name7@" when "name@" is taken.
        String address = local + "@" + domain;
        for (int n = 2; !usedEmails.add(address.hashCode() * 31L + address.length()); n++) {
            address = local + n + "@" + domain;
        }
        return address;
    }

    /** Lower-case ASCII for e-mail addresses: "Jürgen Groß" gives "juergengross". */
    static String ascii(String s) {
        String t = s.toLowerCase(Locale.GERMAN).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss");
        t = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return t.replace("ı", "i").replaceAll("[^a-z0-9]", "");
    }

    private Phone phone(City city, boolean mobile) {
        for (int attempt = 0; ; attempt++) {
            String area;
            int length;
            switch (city.country()) {
                case "AT" -> {
                    area = mobile ? pick(AT_MOBILE) : city.area();
                    length = mobile ? 7 : area.length() == 1 ? 7 : area.length() == 3 ? 6 : 5;
                }
                case "CH" -> {
                    area = mobile ? pick(CH_MOBILE) : city.area();
                    length = 7;
                }
                default -> {
                    area = mobile ? pick(DE_MOBILE) : city.area();
                    length = mobile ? (area.startsWith("15") ? 8 : 7)
                            : area.length() == 2 ? 8 : area.length() == 3 ? 7 : 6;
                }
            }
            StringBuilder sb = new StringBuilder();
            sb.append((char) ('2' + random.nextInt(8)));
            for (int i = 1; i < length; i++) {
                sb.append((char) ('0' + random.nextInt(10)));
            }
            Phone p = new Phone(mobile ? ContactKind.MOBILE : ContactKind.WORK, city.country(), area, sb.toString());
            if (rules.toE164(format(p, 1), city.country()).isPresent() || attempt > 20) {
                return p;
            }
        }
    }

    private static String countryCode(String country) {
        return switch (country) {
            case "AT" -> "43";
            case "CH" -> "41";
            default -> "49";
        };
    }

    /** The same number written in one of several customary ways. */
    static String format(Phone p, int style) {
        String s = p.subscriber();
        return switch (style) {
            case 0 -> "0" + p.area() + " " + s;
            case 1 -> "+" + countryCode(p.country()) + " " + p.area() + " " + s;
            case 2 -> "(0" + p.area() + ") " + grouped(s);
            case 3 -> "0" + p.area() + "/" + s;
            default -> "+" + countryCode(p.country()) + " " + p.area() + " " + grouped(s);
        };
    }

    private static String grouped(String s) {
        StringBuilder sb = new StringBuilder();
        int first = s.length() % 2 == 0 ? 2 : 3;
        sb.append(s, 0, first);
        for (int i = first; i < s.length(); i += 2) {
            sb.append(' ').append(s, i, Math.min(i + 2, s.length()));
        }
        return sb.toString();
    }

    private PersonData toData(Origin o) {
        String salutation = o.female() ? "Frau" : "Herr";
        List<EmailAddress> emails = List.of(new EmailAddress(
                o.organisation() != null && !o.email().contains("@g") ? ContactKind.WORK : ContactKind.PRIVATE,
                o.email()));
        List<PhoneNumber> phones = List.of(PhoneNumber.of(o.phone().kind(), format(o.phone(), random.nextInt(5))));
        List<PostalAddress> addresses = List.of(new PostalAddress(ContactKind.WORK, o.street(), o.houseNumber(),
                null, o.postcode(), o.city().name(), null, o.city().country()));
        String notes = random.nextInt(10) == 0 ? pick("Kennengelernt auf der Messe.", "Bitte nur vormittags anrufen.",
                "Bevorzugt Briefpost.", "Hat Interesse an der Frühjahrsaktion.") : null;
        return new PersonData(salutation, o.title(), o.given(), o.family(), o.birthDate(), o.language(),
                o.organisation(), o.jobTitle(), emails, phones, addresses, o.tags(), notes);
    }

    private ProvenanceInput source(int i) {
        int r = random.nextInt(10);
        return switch (r) {
            case 0, 1, 2, 3 -> ProvenanceInput.manual();
            case 4, 5 -> ProvenanceInput.of(SourceKind.BUSINESS_CARD, pick("Messe Hannover 2025", "IHK-Empfang",
                    "Handwerksmesse München"));
            case 6, 7 -> ProvenanceInput.of(SourceKind.WEB_FORM, "Kontaktformular");
            case 8 -> ProvenanceInput.of(SourceKind.REFERRAL, "Empfehlung eines Kunden");
            default -> new ProvenanceInput(SourceKind.IMPORT, null, "altbestand.csv", Integer.toString(i + 2));
        };
    }

    private String pick(List<String> values) {
        return values.get(random.nextInt(values.size()));
    }

    private String pick(String... values) {
        return values[random.nextInt(values.length)];
    }

    private static String pick(Random r, String... values) {
        return values[r.nextInt(values.length)];
    }
}
