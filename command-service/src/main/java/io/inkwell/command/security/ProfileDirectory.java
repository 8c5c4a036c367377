package io.inkwell.command.security;

import java.util.Optional;

/** Which profile, if any, an identity (token issuer and subject) has registered. */
public interface ProfileDirectory {

    Optional<String> profileOf(String issuer, String subject);
}
