package io.inkwell.query.security;

import java.util.Optional;

/** Which profile a signed-in identity has; the users read model answers, without security knowing it. */
public interface Profiles {

    /** The id of the active profile registered for this identity, if there is one. */
    Optional<String> findIdByIdentity(String issuer, String subject);
}
