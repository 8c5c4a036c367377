package io.inkwell.command.user;

import io.inkwell.command.domain.Rejection;
import io.inkwell.support.web.Problem;
import io.inkwell.command.security.ProfileDirectory;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@link UserClaims} on two tables with primary keys. {@code ON CONFLICT DO NOTHING} makes a racing
 * transaction wait for the first one's commit and then see its claim, so exactly one of them wins.
 */
@Component
class JdbcUserClaims implements UserClaims, ProfileDirectory {

    private final JdbcClient jdbc;

    JdbcUserClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void claimIdentity(String issuer, String subject, String userId) {
        int inserted = jdbc.sql("""
                        INSERT INTO user_identities (issuer, subject, user_id) VALUES (:issuer, :subject, :userId)
                        ON CONFLICT DO NOTHING""")
                .param("issuer", issuer).param("subject", subject).param("userId", userId).update();
        if (inserted == 0) {
            throw new Rejection(Problem.IDENTITY_ALREADY_REGISTERED.code(), "This identity already has a profile");
        }
    }

    @Override
    public void claimEmail(String email, String userId) {
        int inserted = jdbc.sql("""
                        INSERT INTO user_emails (email_key, user_id) VALUES (:key, :userId)
                        ON CONFLICT (email_key) DO UPDATE SET user_id = excluded.user_id
                        WHERE user_emails.user_id = excluded.user_id""")
                .param("key", key(email)).param("userId", userId).update();
        if (inserted == 0) {
            throw new Rejection(Problem.EMAIL_TAKEN.code(), "The email " + email + " is already registered");
        }
    }

    @Override
    public void changeEmail(String oldEmail, String newEmail, String userId) {
        claimEmail(newEmail, userId);
        if (!key(oldEmail).equals(key(newEmail))) {
            jdbc.sql("DELETE FROM user_emails WHERE email_key = :key AND user_id = :userId")
                    .param("key", key(oldEmail)).param("userId", userId).update();
        }
    }

    @Override
    public void release(String issuer, String subject, String email) {
        jdbc.sql("DELETE FROM user_identities WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject).update();
        jdbc.sql("DELETE FROM user_emails WHERE email_key = :key").param("key", key(email)).update();
    }

    @Override
    public Optional<String> profileOf(String issuer, String subject) {
        return jdbc.sql("SELECT user_id FROM user_identities WHERE issuer = :issuer AND subject = :subject")
                .param("issuer", issuer).param("subject", subject).query(String.class).optional();
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }
}
