package de.kontor.privacy;

import de.kontor.domain.FieldError;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** An evidence document for a consent (PDF or image), stored encrypted in the database. */
public record Evidence(String fileName, String mediaType, byte[] content) {
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final Map<String, String> TYPES = Map.of(
            "pdf", "application/pdf", "png", "image/png", "jpg", "image/jpeg", "jpeg", "image/jpeg",
            "tif", "image/tiff", "tiff", "image/tiff", "gif", "image/gif", "webp", "image/webp");

    /** Evidence from a file's name and bytes; the media type follows the extension. */
    public static Evidence of(String fileName, byte[] content) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        return new Evidence(fileName, TYPES.getOrDefault(ext, "application/octet-stream"), content);
    }

    void validate(List<FieldError> errors) {
        if (!TYPES.containsValue(mediaType)) {
            errors.add(FieldError.of("evidence", "consent.evidenceType", fileName));
        } else if (content.length == 0 || content.length > MAX_BYTES) {
            errors.add(FieldError.of("evidence", "consent.evidenceSize", fileName, Integer.toString(MAX_BYTES / 1024 / 1024)));
        } else if (mediaType.equals("application/pdf") && !startsWith(content, "%PDF")) {
            errors.add(FieldError.of("evidence", "consent.evidenceType", fileName));
        }
    }

    private static boolean startsWith(byte[] b, String prefix) {
        byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (b.length < p.length) {
            return false;
        }
        for (int i = 0; i < p.length; i++) {
            if (b[i] != p[i]) {
                return false;
            }
        }
        return true;
    }
}
