package de.kontor.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.demo.DemoData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/** Normalisation, comparison and the scan of the duplicate check, without a database. */
class MatcherTest {
    private final Matcher matcher = new Matcher(DedupeSettings.DEFAULT);

    private static DedupeRecord person(long key, String given, String family, int y, int m, int d, String email,
            String phone, String street, String house, String postcode, String city) {
        return new DedupeRecord(key, Long.toString(key), given, family, y, m, d,
                email == null ? List.of() : List.of(email), phone == null ? List.of() : List.of(phone), street, house,
                postcode, city);
    }

    /** The people among 200 others with other names and dates, so that their names are rare. */
    private static List<DedupeRecord> crowd(DedupeRecord... people) {
        List<DedupeRecord> all = new ArrayList<>(List.of(people));
        String[] syllables = {"ka", "lo", "mi", "ne", "ru", "ta", "be", "so", "du", "fi"};
        for (int i = 0; i < 200; i++) {
            String given = syllables[i % 10] + syllables[(i / 10) % 10] + "ra";
            String family = syllables[(i * 7) % 10] + "ber" + syllables[(i / 20) % 10];
            all.add(person(10_000 + i, given, family, 1930 + i % 40, 1 + i % 12, 1 + i % 28, null, null, null, null,
                    null, null));
        }
        return all;
    }

    private List<Match> check(List<DedupeRecord> people, DedupeRecord candidate) {
        return matcher.check(matcher.index(people), candidate, DedupeSettings.DEFAULT.possible());
    }

    @Test
    void foldsUmlautsSharpSParticlesTitlesAndStreets() {
        assertThat(Normalizer.name("Müller")).isEqualTo(Normalizer.name("Mueller")).isEqualTo(Normalizer.name("MULLER"));
        assertThat(Normalizer.name("Strauß")).isEqualTo(Normalizer.name("Strauss"));
        assertThat(Normalizer.name("Dr. Hans von der Heide")).isEqualTo("hansheide");
        assertThat(Normalizer.street("Hauptstr. 5a")).isEqualTo(Normalizer.street("Hauptstraße"))
                .isEqualTo("hauptstrasse");
        assertThat(Normalizer.houseNumber("12 a")).isEqualTo("12");
        assertThat(Normalizer.email(" Max.Muster+news@GoogleMail.com")).isEqualTo("maxmuster@gmail.com");
    }

    @Test
    void theQuickFoldOfPlainTextEqualsTheFullOne() {
        Random r = new Random(11);
        String alphabet = "aeouAEOUbsS -.'09zZ";
        for (int i = 0; i < 20_000; i++) {
            String s = random(r, alphabet);
            assertThat(Normalizer.fold(s)).as(s).isEqualTo(Normalizer.foldAny(s));
        }
        assertThat(Normalizer.fold("Müller-Lüdenscheidt")).isEqualTo("muller ludenscheidt");
        assertThat(Normalizer.fold(" Mueller--LUEDENSCHEIDT ")).isEqualTo("muller ludenscheidt");
    }

    @Test
    void fastJaroWinklerEqualsCommonsTextAndItsBoundNeverRulesOutTooMuch() {
        JaroWinklerSimilarity reference = new JaroWinklerSimilarity();
        Random r = new Random(7);
        String alphabet = "aaeeinrstlmuoh.-@0123";
        for (int i = 0; i < 20_000; i++) {
            String x = random(r, alphabet);
            String y = r.nextInt(3) == 0 ? typo(r, x) : random(r, alphabet);
            double jw = JaroWinkler.similarity(x, y);
            assertThat(jw).as(x + " / " + y).isCloseTo(reference.apply(x, y), org.assertj.core.data.Offset.offset(1e-12));
            long[] sx = JaroWinkler.signature(x);
            long[] sy = JaroWinkler.signature(y);
            assertThat(JaroWinkler.upperBound(x, sx[0], sx[1], y, sy[0], sy[1])).as(x + " / " + y)
                    .isGreaterThanOrEqualTo(jw - 1e-12);
        }
    }

    private static String random(Random r, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(14);
        for (int i = 0; i < n; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private static String typo(Random r, String s) {
        if (s.length() < 2) {
            return s + "e";
        }
        int i = r.nextInt(s.length() - 1);
        return s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
    }

    @Test
    void swappedNamesUmlautSpellingsAndPhoneFormatsAreFound() {
        List<DedupeRecord> people = crowd(
                person(1, "Jürgen", "Weißmann", 1970, 3, 12, "j.weissmann@gmx.de", "+49 30 1234567",
                        "Hauptstraße", "5", "10115", "Berlin"),
                person(2, "Anna", "Schmidt", 1985, 7, 1, null, null, null, null, null, null));
        List<Match> swapped = check(people, person(0, "Weissmann", "Juergen", 1970, 3, 12, null, "030 1234567",
                "Hauptstr.", "5a", "10115", "Berlin"));
        assertThat(swapped).hasSize(1);
        assertThat(swapped.get(0).b().key()).isEqualTo(1);
        assertThat(swapped.get(0).level()).isEqualTo(Match.Level.CERTAIN);
        assertThat(swapped.get(0).reasons()).contains("names swapped", "phone equal", "street equal",
                "birth date equal");
    }

    @Test
    void datesAreComparedByPartNotAsText() {
        List<DedupeRecord> people = crowd(person(1, "Xaver", "Quast", 1971, 6, 24, null, null, null, null, null,
                null));
        // a typo in the decade and a day's shift: still close
        assertThat(check(people, person(0, "Xaver", "Quast", 1981, 6, 23, null, null, null, null, null, null)))
                .singleElement().satisfies(m -> assertThat(m.reasons()).contains("birth date close"));
        // day and month swapped
        assertThat(check(people, person(0, "Xaver", "Quast", 1971, 24, 6, null, null, null, null, null, null)))
                .singleElement().satisfies(m -> assertThat(m.reasons()).contains("birth date day/month swapped"));
        // a different date altogether speaks against
        List<Match> other = matcher.check(matcher.index(people),
                person(0, "Xaver", "Quast", 1950, 1, 2, null, null, null, null, null, null), -100);
        assertThat(other).singleElement().satisfies(m -> {
            assertThat(m.reasons()).contains("birth date differs");
            assertThat(m.level()).isEqualTo(Match.Level.POSSIBLE);
        });
    }

    @Test
    void commonNamesNeedMoreThanRareOnes() {
        List<DedupeRecord> people = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            people.add(person(i, "Thomas", "Müller", 1950 + i % 50, 1 + i % 12, 1 + i % 28, null, null, null, null,
                    null, null));
        }
        people.add(person(1000, "Xaver", "Quast", 1960, 5, 5, null, null, null, null, null, null));
        Matcher.Index index = matcher.index(people);
        double common = matcher.check(index, person(0, "Thomas", "Müller", 1990, 2, 3, null, null, null, null, null,
                null), -100).stream().mapToDouble(Match::score).max().orElseThrow();
        double rare = matcher.check(index, person(0, "Xaver", "Quast", 1990, 2, 3, null, null, null, null, null, null),
                -100).get(0).score();
        assertThat(rare).isGreaterThan(common + 5);
    }

    @Test
    void amongManyPeopleScoresArePenalisedForChanceNamesakes() {
        DedupeSettings s = DedupeSettings.DEFAULT;
        assertThat(s.populationPenalty(500)).isZero();
        assertThat(s.populationPenalty(s.population())).isZero();
        assertThat(s.populationPenalty(4 * s.population())).isCloseTo(2.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theScanOnSeveralCoresFindsWhatOneCoreFindsAndEveryGeneratedDuplicate() {
        DemoData gen = new DemoData(3, 0.1);
        List<DedupeRecord> people = new ArrayList<>();
        Map<String, Integer> origin = new HashMap<>();
        for (int i = 0; i < 4000; i++) {
            var p = gen.next();
            people.add(DedupeService.record(i, p.data(), Integer.toString(i)));
            origin.put(Integer.toString(i), gen.lastOrigin());
        }
        double t = DedupeSettings.DEFAULT.possible();
        List<Match> one = new Matcher(DedupeSettings.DEFAULT, 1).scan(matcher.index(people), t, p -> { }, () -> false);
        List<Match> four = new Matcher(DedupeSettings.DEFAULT, 4).scan(matcher.index(people), t, p -> { }, () -> false);
        assertThat(pairs(four)).isEqualTo(pairs(one));
        assertThat(four).extracting(Match::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        Set<String> found = pairs(four);
        Map<Integer, List<String>> byOrigin = origin.entrySet().stream()
                .collect(Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
        int truePairs = 0;
        for (List<String> ids : byOrigin.values()) {
            for (int i = 0; i < ids.size(); i++) {
                for (int j = i + 1; j < ids.size(); j++) {
                    truePairs++;
                    long a = Math.min(Long.parseLong(ids.get(i)), Long.parseLong(ids.get(j)));
                    long b = Math.max(Long.parseLong(ids.get(i)), Long.parseLong(ids.get(j)));
                    assertThat(found).as("generated duplicate %d / %d", a, b).contains(a + ":" + b);
                }
            }
        }
        assertThat(truePairs).isGreaterThan(350);
    }

    private static Set<String> pairs(List<Match> matches) {
        return matches.stream().map(m -> Math.min(m.a().key(), m.b().key()) + ":" + Math.max(m.a().key(), m.b().key()))
                .collect(Collectors.toSet());
    }
}
