package de.kontor.store;

import static de.kontor.store.jooq.Tables.APP_SETTING;

import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Key-value settings inside the encrypted database (e.g. the SMTP server). */
public final class SettingsStore {
    public Optional<String> get(Tx tx, String key) {
        return tx.dsl().select(APP_SETTING.SETTING_VALUE).from(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key))
                .fetchOptional().map(r -> r.value1());
    }

    public Map<String, String> withPrefix(Tx tx, String prefix) {
        return tx.dsl().selectFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.startsWith(prefix)).fetch().stream()
                .collect(Collectors.toMap(r -> r.getSettingKey(), r -> r.getSettingValue()));
    }

    /** Sets or (with {@code value} null) removes a setting. */
    public void put(Tx tx, String key, String value) {
        tx.dsl().deleteFrom(APP_SETTING).where(APP_SETTING.SETTING_KEY.eq(key)).execute();
        if (value != null) {
            tx.dsl().insertInto(APP_SETTING).set(APP_SETTING.SETTING_KEY, key).set(APP_SETTING.SETTING_VALUE, value)
                    .execute();
        }
    }
}
