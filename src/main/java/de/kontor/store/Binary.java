package de.kontor.store;

import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * Document bytes in and out of {@code BYTEA} (H2: {@code BINARY VARYING}) columns without LOBs.
 * jOOQ generates these columns as BLOB and binds them as a stream; H2 then keeps a temporary LOB
 * with the bytes (inline for small ones) in its LOB maps until the database restarts (seen: an
 * erased consent's evidence stayed in the file until {@code SHUTDOWN COMPACT} restarted it; see
 * decision record 0008). Plain {@code setBytes} parameters make none.
 */
final class Binary {
    private Binary() {}

    /** The column read as {@code VARBINARY} ({@code getBytes}) rather than as a BLOB. */
    static Field<byte[]> read(Field<byte[]> column) {
        return DSL.field(column.getQualifiedName(), SQLDataType.VARBINARY);
    }

    /** Runs an INSERT with plain JDBC parameters ({@code setBytes} for byte arrays); the new id. */
    static long insert(Tx tx, String sql, Object... values) {
        return tx.dsl().connectionResult(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql, new String[] {"ID"})) {
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof byte[] b) {
                        ps.setBytes(i + 1, b);
                    } else {
                        ps.setObject(i + 1, values[i]);
                    }
                }
                ps.executeUpdate();
                try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return keys.getLong(1);
                }
            }
        });
    }
}
