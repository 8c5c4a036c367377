package io.inkwell.benchmarks.generate;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Rows into one table through PostgreSQL's binary COPY: no per-row statement, and bytea goes as raw bytes
 * instead of doubling in size as hex text would. Fields are text, bigint or bytea.
 */
final class BinaryCopy implements AutoCloseable {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final DataOutputStream out;
    private long rows;

    BinaryCopy(Connection connection, String table, String columns) throws SQLException, IOException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        String sql = "COPY " + table + " (" + columns + ") FROM STDIN WITH (FORMAT binary)";
        out = new DataOutputStream(new BufferedOutputStream(new PGCopyOutputStream(postgres, sql, 1 << 16), 1 << 20));
        out.write(SIGNATURE);
        out.writeInt(0); // flags
        out.writeInt(0); // no header extension
    }

    void row(Object... fields) throws IOException {
        out.writeShort(fields.length);
        for (Object field : fields) {
            switch (field) {
                case null -> out.writeInt(-1);
                case Long number -> {
                    out.writeInt(8);
                    out.writeLong(number);
                }
                case byte[] bytes -> {
                    out.writeInt(bytes.length);
                    out.write(bytes);
                }
                case String text -> row(text.getBytes(StandardCharsets.UTF_8));
                default -> throw new IllegalArgumentException("no binary COPY for " + field.getClass());
            }
        }
        rows++;
    }

    private void row(byte[] utf8) throws IOException {
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    long rows() {
        return rows;
    }

    /** Ends the COPY; PostgreSQL checks every row only now, so this is where a bad row fails. */
    @Override
    public void close() throws IOException {
        out.writeShort(-1);
        out.close();
    }
}
