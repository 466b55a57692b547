package de.kontor.domain.request;

/**
 * The controller named in letters to data subjects (Art. 13/15): name, postal address, e-mail,
 * the data-protection contact (officer) and the competent supervisory authority. Any may be null
 * while not set.
 */
public record ControllerDetails(String name, String address, String email, String dpo, String authority) {
    public static final String PREFIX = "controller.";

    public static ControllerDetails empty() {
        return new ControllerDetails(null, null, null, null, null);
    }
}
