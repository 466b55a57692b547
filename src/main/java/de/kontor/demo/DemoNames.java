package de.kontor.demo;

import java.util.List;
import java.util.Random;

/**
 * Name and street pools for {@link DemoData} with realistic frequencies: real German, Austrian
 * and Swiss given and family names ranked by how common they are and drawn with a Zipf-like
 * law, plus a long tail of rarer family names and street names composed from common parts, so
 * that 100 000 generated people have about as many namesakes as a real customer base (a few
 * hundred Müllers, most family names shared by a handful of people) rather than every
 * combination of a short list repeated dozens of times.
 */
final class DemoNames {
    private DemoNames() {}

    /** Most common first (roughly, across age groups). */
    static final List<String> MALE = List.of("Thomas", "Michael", "Andreas", "Peter", "Stefan", "Klaus", "Wolfgang", "Jürgen",
        "Frank", "Christian", "Markus", "Hans", "Uwe", "Bernd", "Matthias", "Martin", "Alexander", "Ralf", "Dieter",
        "Sebastian", "Daniel", "Jan", "Werner", "Tobias", "Florian", "Manfred", "Jörg", "Günter", "Helmut",
        "Holger", "Dirk", "Sven", "Lukas", "Karl-Heinz", "Heinz", "Rainer", "Gerhard", "Horst", "Maximilian",
        "Felix", "Jonas", "Tim", "Torsten", "Oliver", "Paul", "Leon", "Simon", "Philipp", "Dominik", "Patrick",
        "Marco", "Kevin", "Dennis", "Niklas", "Moritz", "Fabian", "Benjamin", "David", "Julian", "Johannes",
        "Georg", "Harald", "Norbert", "Rolf", "Volker", "Kai", "Lars", "Björn", "Carsten", "Jens", "Erich",
        "Walter", "Karl", "Friedrich", "Josef", "Franz", "Reinhard", "Hans-Peter", "Hans-Jürgen", "Elias", "Noah",
        "Luca", "Finn", "Ben", "Luis", "Emil", "Anton", "Henry", "Theo", "Mehmet", "Ali", "Mustafa", "Piotr",
        "Marek", "Ivan", "Giuseppe", "Marcel", "René", "André", "Mario", "Robert", "Richard", "Hermann", "Otto",
        "Ernst", "Gregor", "Lorenz", "Vincent", "Konstantin", "Jakob", "Benedikt", "Valentin", "Sören", "Malte",
        "Hendrik", "Nils", "Ole", "Timo", "Steffen", "Heiko", "Mirko", "Sascha", "Alfred", "Willi", "Hubert",
        "Reto", "Urs", "Beat", "Thierry", "Fritz", "Rudolf", "Detlef", "Gerd", "Bruno", "Aaron", "Adrian",
        "Arne", "Bastian", "Clemens", "Cornelius", "Edgar", "Egon", "Eugen", "Gustav", "Hannes", "Ingo", "Jannik",
        "Kilian", "Leopold", "Ludwig", "Magnus", "Nico", "Oskar", "Pascal", "Quirin", "Raphael", "Silas", "Till",
        "Ulrich", "Veit", "Wilhelm", "Xaver", "Yannick", "Zeno");
    static final List<String> FEMALE = List.of("Sabine", "Susanne", "Petra", "Claudia", "Andrea", "Nicole", "Stefanie",
        "Monika", "Birgit", "Julia", "Anna", "Katharina", "Christina", "Sandra", "Ursula", "Maria", "Renate",
        "Karin", "Gabriele", "Heike", "Anja", "Martina", "Tanja", "Laura", "Lisa", "Sarah", "Lena", "Melanie",
        "Daniela", "Kerstin", "Angelika", "Brigitte", "Elke", "Ingrid", "Barbara", "Christa", "Helga", "Silke",
        "Manuela", "Simone", "Jessica", "Jennifer", "Franziska", "Johanna", "Hannah", "Lea", "Sophie", "Marie",
        "Emma", "Mia", "Emilia", "Leonie", "Lara", "Jana", "Nina", "Vanessa", "Carina", "Janina", "Katrin",
        "Bettina", "Doris", "Gisela", "Marion", "Ute", "Bärbel", "Käthe", "Jutta", "Anke", "Antje", "Britta",
        "Dagmar", "Edith", "Erika", "Gerda", "Hildegard", "Irene", "Margarete", "Elisabeth", "Waltraud", "Rita",
        "Verena", "Nadine", "Yvonne", "Sonja", "Tamara", "Miriam", "Alexandra", "Carolin", "Theresa", "Veronika",
        "Greta", "Ida", "Clara", "Charlotte", "Amelie", "Frieda", "Paula", "Luisa", "Marlene", "Zoë", "Chloé",
        "Renée", "Özlem", "Ayşe", "Fatma", "Elif", "Agnieszka", "Katarzyna", "Olga", "Natalia", "Jördis",
        "Annette", "Beate", "Cornelia", "Dorothea", "Eva", "Friederike", "Gudrun", "Hanna", "Inge", "Jasmin",
        "Kathrin", "Larissa", "Magdalena", "Nora", "Pia", "Regina", "Svenja", "Ulrike", "Vera", "Wiebke",
        "Isabel", "Melina", "Romy", "Selina", "Tabea", "Viktoria", "Alina", "Annika", "Bianca", "Corinna",
        "Denise", "Eileen", "Fiona", "Helene", "Ilse", "Josephine", "Klara", "Lotte", "Maja", "Nele", "Rosa",
        "Sina", "Thea", "Ella", "Luise", "Mathilda", "Ronja", "Stella", "Theresia", "Anneliese", "Heidi");
    /** The most common family names, most common first. */
    static final List<String> FAMILY = List.of("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner",
        "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder",
        "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner",
        "Schmitz", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König",
        "Walter", "Mayer", "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung",
        "Hahn", "Schubert", "Vogel", "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth",
        "Beck", "Lorenz", "Baumann", "Franke", "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter",
        "Kraus", "Martin", "Schumacher", "Krämer", "Vogt", "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel",
        "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte", "Dietrich", "Ziegler", "Kuhn", "Kühn",
        "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer", "Arnold", "Wolff", "Pfeiffer",
        "Gruber", "Steiner", "Moser", "Hofer", "Pichler", "Brunner", "Egger", "Wimmer", "Mayr", "Leitner",
        "Baumgartner", "Gerber", "Widmer", "Frei", "Meister", "Keel", "Suter", "Bucher", "Kälin", "Aebischer",
        "Blättler", "Dürr", "Strauß", "Weißmann", "Großmann", "Nußbaum", "Kößler", "Ernst", "Beyer", "Hübner",
        "Kessler", "Jahn", "Ott", "Marx", "Sander", "Thiel", "Hermann", "Kruse", "Schön", "Wenzel", "Hein",
        "Schilling", "Kramer", "Lindner", "Götz", "Bock", "Ritter", "Wiese", "Fiedler", "Bayer", "Ebert",
        "Weiss", "Kunz", "Schramm", "Paul", "Köster", "Petersen", "Hansen", "Jansen", "Nowak", "Kowalski",
        "Öztürk", "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Rossi", "Russo", "Papadopoulos", "Nguyen",
        "von Bülow", "de Vries", "van der Meer", "Gärtner", "Haase", "Schlüter", "Brückner",
        "Böttcher", "Förster", "Rösler", "Wößner", "Kühne", "Lüdtke", "Mößner", "Nüßlein", "Schäffler", "Stößel",
        "Vetter", "Adam", "Wirth", "Hauser", "Kirchner", "Reuter", "Heinz", "Lenz", "Schütz", "Wegner", "Michel",
        "Link", "Zeller", "Bender", "Stahl", "Sommerfeld", "Behrens", "Ahrens", "Dittrich", "Bader", "Wagenknecht",
        "Hoppe", "Brand", "Lutz", "Schuhmacher", "Schütte", "Kurz", "Witt", "Rothe", "Funk", "Gross", "Thiele");

    /** Parts of rarer family names ("Lindenberger", "Kirchhofer"). */
    private static final List<String> FAMILY_HEAD = List.of("Linden", "Kirch", "Berg", "Stein", "Wald", "Hof", "Brun", "Eich",
        "Rosen", "Gold", "Silber", "Feld", "Wies", "Moos", "Bach", "Brand", "Hasel", "Birk", "Buch", "Tann", "Fich",
        "Hage", "Holz", "Ober", "Unter", "Hoch", "Nieder", "Alt", "Neu", "Sonn", "Mond", "Stern", "Wein", "Korn",
        "Hamm", "Mühl", "Schmied", "Kessel", "Reich", "Frei", "Lieb", "Ehren", "Falk", "Hirsch", "Fuchs", "Wolf",
        "Bär", "Eber", "Hahn", "Kranich", "Adler", "Schwan", "Lerch", "Dorn", "Rohr", "Ried", "Mars", "Haber",
        "Weiden", "Erlen", "Espen", "Ahorn", "Kastner", "Zauner", "Pfaff", "Vogt", "Amman", "Meinhard", "Gebhard",
        "Eckhard", "Reinhold", "Leut", "Gott", "Heil", "Rein", "Mark", "Grün", "Blau", "Roth", "Weißen", "Schwarzen",
        "Kalten", "Warm", "Breit", "Lang", "Kurz", "Tiefen", "Hohen", "Nord", "Süd", "Ost", "West");
    private static final List<String> FAMILY_TAIL = List.of("berger", "bauer", "mann", "er", "ner", "inger", "hofer", "meier",
        "huber", "maier", "müller", "schmid", "wald", "stein", "feld", "hausen", "bach", "brunner", "kamp", "beck",
        "reuter", "lehner", "moser", "egger", "hammer", "hauser", "mayr", "gruber", "bichler", "leitner", "thaler",
        "heimer", "stetter", "wieser", "riedl", "seder", "kötter", "brink", "horst", "dorf", "ecker", "linger",
        "bauer", "wirth", "hold", "rath", "acker", "graf", "mund", "hardt", "busch", "lein", "el", "ert", "ler",
        "le", "li", "mayer", "ner", "isch");
    /** Syllables for the rarest family names (most of them unique in a customer base). */
    private static final List<String> SYLLABLE = List.of("Ka", "Ro", "Bel", "Mer", "Tis", "Ha", "Ne", "Wol", "Fen", "Gar",
        "Lo", "Ster", "Kel", "Din", "Ma", "Ru", "Sel", "Tan", "Ber", "Ho", "Lin", "Zie", "Pe", "Rei", "Wen", "Kro",
        "Sa", "Bu", "Gi", "Mo", "Del", "Fa", "Hu", "Jo", "Kü", "Lö", "Nä", "Rü", "Sto", "Tro");
    private static final List<String> SYLLABLE_END = List.of("ke", "ling", "mann", "ner", "del", "ger", "ter", "sch", "bold",
        "rich", "hardt", "mer", "sen", "ke", "witz", "ski", "ow", "is", "us", "ek", "atz", "ich", "olt", "ert");

    /** Street names that occur in nearly every town, most common first. */
    private static final List<String> COMMON_STREETS = List.of("Hauptstraße", "Schulstraße", "Gartenstraße", "Bahnhofstraße",
        "Dorfstraße", "Bergstraße", "Birkenweg", "Lindenstraße", "Kirchstraße", "Waldstraße", "Ringstraße",
        "Schillerstraße", "Goethestraße", "Wiesenweg", "Jahnstraße", "Am Sportplatz", "Friedhofstraße",
        "Mühlenweg", "Feldstraße", "Rosenstraße", "Am Markt", "Marktplatz", "Poststraße", "Kirchweg", "Buchenweg",
        "Mozartstraße", "Talstraße", "Blumenstraße", "Am Anger", "Eichenweg", "Parkstraße", "Kaiserstraße",
        "Industriestraße", "Sonnenweg", "Uferstraße", "Grüner Weg", "Seestraße", "Friedrich-Ebert-Straße",
        "Königstraße", "Mariahilfer Straße", "Lange Gasse", "Bahnhofplatz", "Weißdornweg", "Fließstraße");
    private static final List<String> STREET_HEAD = List.of("Goethe", "Schiller", "Beethoven", "Bach", "Händel", "Lessing",
        "Kant", "Herder", "Heine", "Uhland", "Mörike", "Eichendorff", "Fontane", "Brahms", "Schubert", "Haydn",
        "Dürer", "Bismarck", "Luther", "Kepler", "Humboldt", "Röntgen", "Diesel", "Daimler", "Benz", "Siemens",
        "Bosch", "Zeppelin", "Linden", "Eichen", "Birken", "Buchen", "Ahorn", "Kastanien", "Tannen", "Fichten",
        "Erlen", "Weiden", "Eschen", "Ulmen", "Pappel", "Holunder", "Flieder", "Tulpen", "Nelken", "Veilchen",
        "Mühlen", "Schloss", "Burg", "Kloster", "Brunnen", "Anger", "Wiesen", "Acker", "Garten", "Wald", "Berg",
        "Tal", "See", "Bach", "Weiher", "Hafen", "Brücken", "Tor", "Turm", "Markt", "Rathaus", "Schul", "Post",
        "Bahnhof", "Kirch", "Friedhof", "Sport", "Park", "Industrie", "Gewerbe", "Sonnen", "Mond", "Stern",
        "Nord", "Süd", "Ost", "West", "Alte", "Neue", "Hohe", "Lange", "Kurze", "Breite", "Hirten", "Jäger",
        "Fischer", "Schmiede", "Weber", "Bäcker", "Müller", "Zimmerer", "Kaiser", "König", "Fürsten", "Grafen",
        "Ritter", "Kreuz", "Dom", "Hainbuchen", "Lerchen", "Amsel", "Finken", "Meisen", "Drossel", "Falken");
    private static final List<String> STREET_TAIL = List.of("straße", "straße", "straße", "straße", "straße", "weg", "weg",
        "weg", "gasse", "allee", "platz", "ring", "steig", "pfad");

    /** Draws indices 0..n-1 with probability proportional to 1 / (rank + 1)^s. */
    static final class Zipf {
        private final List<Double> cumulative;

        Zipf(int n, double s) {
            double[] c = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += 1 / Math.pow(i + 1, s);
                c[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                c[i] /= sum;
            }
            cumulative = java.util.Arrays.stream(c).boxed().toList();
        }

        int next(Random r) {
            double u = r.nextDouble();
            int lo = 0;
            int hi = cumulative.size() - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cumulative.get(mid) < u) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
        }
    }

    private static final Zipf MALE_LAW = new Zipf(MALE.size(), 0.5);
    private static final Zipf FEMALE_LAW = new Zipf(FEMALE.size(), 0.5);
    private static final Zipf FAMILY_LAW = new Zipf(FAMILY.size(), 0.5);
    private static final Zipf STREET_LAW = new Zipf(COMMON_STREETS.size(), 0.8);

    static String given(Random r, boolean female) {
        return female ? FEMALE.get(FEMALE_LAW.next(r)) : MALE.get(MALE_LAW.next(r));
    }

    /**
     * About 30 % from the common names (Müller about 1 %, the 200th about 0.07 %), 45 % composed ("Lindenberger",
     * a few thousand such names) and 25 % rare (composed from syllables, mostly unique).
     */
    static String family(Random r) {
        int k = r.nextInt(100);
        if (k < 30) {
            return FAMILY.get(FAMILY_LAW.next(r));
        }
        if (k < 75) {
            return FAMILY_HEAD.get(r.nextInt(FAMILY_HEAD.size())) + FAMILY_TAIL.get(r.nextInt(FAMILY_TAIL.size()));
        }
        String s = SYLLABLE.get(r.nextInt(SYLLABLE.size()));
        if (r.nextBoolean()) {
            s += SYLLABLE.get(r.nextInt(SYLLABLE.size())).toLowerCase(java.util.Locale.GERMAN);
        }
        return s + SYLLABLE_END.get(r.nextInt(SYLLABLE_END.size()));
    }

    /** Two in five from the names found in every town, the rest composed ("Keplerstraße", "Amselweg"). */
    static String street(Random r) {
        if (r.nextInt(5) < 2) {
            return COMMON_STREETS.get(STREET_LAW.next(r));
        }
        return STREET_HEAD.get(r.nextInt(STREET_HEAD.size())) + STREET_TAIL.get(r.nextInt(STREET_TAIL.size()));
    }
}
