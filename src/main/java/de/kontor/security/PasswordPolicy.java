package de.kontor.security;

import java.util.Locale;
import java.util.Set;

/**
 * Password rules for accounts: at least {@value #MIN_LENGTH} characters, and a strength
 * estimate (0 very weak .. 4 strong) for the feedback under the password field.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    private static final Set<String> COMMON = Set.of(
            "password", "passwort", "123456", "qwertz", "qwerty", "hallo", "letmein", "admin",
            "kontor", "welcome", "willkommen", "geheim", "sommer", "winter", "iloveyou", "abc123");

    /** Null when acceptable, else the message key of the reason. */
    public String problem(char[] password) {
        if (password == null || password.length < MIN_LENGTH) {
            return "password.tooShort";
        }
        if (strength(password) < 2) {
            return "password.tooWeak";
        }
        return null;
    }

    public int strength(char[] password) {
        if (password == null || password.length == 0) {
            return 0;
        }
        String s = new String(password);
        String lower = s.toLowerCase(Locale.ROOT);
        int classes = 0;
        if (s.chars().anyMatch(Character::isLowerCase)) classes++;
        if (s.chars().anyMatch(Character::isUpperCase)) classes++;
        if (s.chars().anyMatch(Character::isDigit)) classes++;
        if (s.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        long distinct = s.chars().distinct().count();
        double bits = s.length() * Math.log(poolSize(classes)) / Math.log(2);
        if (distinct <= 3) {
            bits = Math.min(bits, 20);
        }
        for (String c : COMMON) {
            if (lower.contains(c)) {
                bits -= 20;
            }
        }
        if (bits < 40) return 0;
        if (bits < 55) return 1;
        if (bits < 70) return 2;
        if (bits < 90) return 3;
        return 4;
    }

    private static int poolSize(int classes) {
        return switch (classes) {
            case 0, 1 -> 26;
            case 2 -> 52;
            case 3 -> 62;
            default -> 90;
        };
    }
}
