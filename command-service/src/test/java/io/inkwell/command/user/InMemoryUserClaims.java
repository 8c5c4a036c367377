package io.inkwell.command.user;

import io.inkwell.command.domain.Rejection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@link UserClaims} in maps, with the same rules as the JDBC one, for aggregate tests. */
class InMemoryUserClaims implements UserClaims {

    final Map<String, String> identities = new HashMap<>();
    final Map<String, String> emails = new HashMap<>();

    @Override
    public void claimIdentity(String issuer, String subject, String userId) {
        if (identities.putIfAbsent(issuer + "|" + subject, userId) != null) {
            throw new Rejection("identity-already-registered", "taken");
        }
    }

    @Override
    public void claimEmail(String email, String userId) {
        String owner = emails.putIfAbsent(key(email), userId);
        if (owner != null && !owner.equals(userId)) {
            throw new Rejection("email-taken", "taken");
        }
    }

    @Override
    public void changeEmail(String oldEmail, String newEmail, String userId) {
        claimEmail(newEmail, userId);
        if (!key(oldEmail).equals(key(newEmail))) {
            emails.remove(key(oldEmail));
        }
    }

    @Override
    public void release(String issuer, String subject, String email) {
        identities.remove(issuer + "|" + subject);
        emails.remove(key(email));
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
