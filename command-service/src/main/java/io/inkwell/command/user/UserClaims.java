package io.inkwell.command.user;

/**
 * The set-based rules an aggregate cannot check alone: one profile per identity, one profile per email.
 * Claims are taken in the transaction that appends the events, so concurrent requests have one winner.
 */
interface UserClaims {

    /** @throws io.inkwell.command.domain.Rejection (conflict) if the identity already has a profile */
    void claimIdentity(String issuer, String subject, String userId);

    /** @throws io.inkwell.command.domain.Rejection (conflict) if another profile has this email */
    void claimEmail(String email, String userId);

    /** Moves the user's claim from one email to another. */
    void changeEmail(String oldEmail, String newEmail, String userId);

    /** Releases everything a deleted user held. */
    void release(String issuer, String subject, String email);
}
