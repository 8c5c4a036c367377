package io.inkwell.command.web;

import io.inkwell.support.web.Problem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Idempotency-Key} for creating POSTs. The key is reserved, the command handled and its response
 * stored in one database transaction (the command's own unit of work joins it), so a retry finds either
 * the first response or no trace of the first request. A concurrent retry waits on the reservation.
 */
@Component
public class IdempotentCreation {

    public static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 255;

    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final JsonMapper json;

    IdempotentCreation(JdbcClient jdbc, TransactionTemplate transaction, JsonMapper json) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.json = json;
    }

    /**
     * Runs {@code create} once per (owner, key): the first time for real, afterwards by replaying the
     * first response, or refusing with 422 when the same key comes with a different request.
     */
    public ResponseEntity<?> create(String owner, String key, String path, Object request,
                                    Supplier<ResponseEntity<?>> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new IdempotencyKeyException(Problem.INVALID_IDEMPOTENCY_KEY,
                    "Idempotency-Key must have 1 to " + MAX_KEY_LENGTH + " characters");
        }
        String hash = hash(path + "\n" + json.writeValueAsString(request));
        return transaction.execute(status -> {
            boolean reserved = jdbc.sql("""
                            INSERT INTO idempotency_keys (owner, idempotency_key, request_hash, status, body)
                            VALUES (:owner, :key, :hash, 0, '') ON CONFLICT DO NOTHING""")
                    .param("owner", owner).param("key", key).param("hash", hash).update() == 1;
            if (!reserved) {
                return replay(owner, key, hash);
            }
            ResponseEntity<?> response = create.get();
            jdbc.sql("""
                            UPDATE idempotency_keys SET status = :status, location = :location, etag = :etag, body = :body
                            WHERE owner = :owner AND idempotency_key = :key""")
                    .param("status", response.getStatusCode().value())
                    .param("location", Optional.ofNullable(response.getHeaders().getLocation()).map(Object::toString).orElse(null))
                    .param("etag", response.getHeaders().getETag())
                    .param("body", json.writeValueAsString(response.getBody()))
                    .param("owner", owner).param("key", key).update();
            return response;
        });
    }

    /** The body of a create's answer: the first answer's own value, or a replayed answer's stored JSON read back. */
    public <T> T body(ResponseEntity<?> answer, Class<T> type) {
        return answer.getBody() instanceof String stored ? json.readValue(stored, type) : type.cast(answer.getBody());
    }

    private ResponseEntity<?> replay(String owner, String key, String hash) {
        StoredResponse stored = jdbc.sql("""
                        SELECT request_hash, status, location, etag, body FROM idempotency_keys
                        WHERE owner = :owner AND idempotency_key = :key""")
                .param("owner", owner).param("key", key)
                .query((rs, n) -> new StoredResponse(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)))
                .single();
        if (!stored.requestHash().equals(hash)) {
            throw new IdempotencyKeyException(Problem.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request");
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotent-Replayed", "true");
        if (stored.location() != null) {
            headers.set(HttpHeaders.LOCATION, stored.location());
        }
        if (stored.etag() != null) {
            headers.setETag(stored.etag());
        }
        return new ResponseEntity<>(stored.body(), headers, HttpStatus.valueOf(stored.status()));
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record StoredResponse(String requestHash, int status, String location, String etag, String body) {
    }

    public static final class IdempotencyKeyException extends RuntimeException {

        private final Problem problem;

        IdempotencyKeyException(Problem problem, String message) {
            super(message, null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
