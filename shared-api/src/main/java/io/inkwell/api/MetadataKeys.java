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
    /**
     * The W3C trace context of the request that caused the event (Trace Context's {@code traceparent}), so that
     * its handling by projections appears in the same trace.
     */
    public static final String TRACE_PARENT = "traceparent";
    /** Vendor-specific trace state that came with {@link #TRACE_PARENT}, when there was any. */
    public static final String TRACE_STATE = "tracestate";

    private MetadataKeys() {
    }
}
