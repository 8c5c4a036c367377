package io.inkwell.api;

/**
 * Keys of the Axon metadata that every event carries, so that history reads as "who did what, when".
 * The event's own timestamp says when.
 */
public final class MetadataKeys {

    /** The acting user's profile id, absent for a registration (the profile does not exist yet). */
    public static final String ACTOR_USER_ID = "actorUserId";
    /** The subject of the caller's access token. */
    public static final String ACTOR_SUBJECT = "actorSubject";
    /** The issuer of the caller's access token. */
    public static final String ACTOR_ISSUER = "actorIssuer";
    /** The HTTP request's correlation id (the {@code X-Request-Id} header, or one generated for it). */
    public static final String REQUEST_ID = "requestId";

    private MetadataKeys() {
    }
}
