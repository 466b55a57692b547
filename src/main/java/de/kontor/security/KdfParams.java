package de.kontor.security;

/**
 * Argon2id cost parameters. {@link #DEFAULT} follows the OWASP recommendation (19 MiB, 2
 * passes, 1 lane); each key slot stores the parameters it was made with, so they can be
 * raised later without breaking existing slots.
 */
public record KdfParams(int memoryKiB, int iterations, int parallelism) {
    public static final KdfParams DEFAULT = new KdfParams(19 * 1024, 2, 1);

    public KdfParams {
        if (memoryKiB < 8 || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
    }
}
