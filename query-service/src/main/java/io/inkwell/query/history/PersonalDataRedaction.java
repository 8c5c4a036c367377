package io.inkwell.query.history;

import io.inkwell.api.PersonalData;
import io.inkwell.query.security.Viewer;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shows the personal data in events ({@code @PersonalData} components, which only user events have) as the
 * REST API shows it: nothing of a deleted user to anyone; a profile's name to every signed-in reader, as
 * profiles are shown; anything else (the email) only to the user themself and to admins. Found from the
 * annotation, so a new personal field of a new event is hidden without further work.
 */
final class PersonalDataRedaction {

    /** Personal components that the REST API shows to every signed-in reader of a live profile. */
    private static final Set<String> SHOWN_TO_READERS = Set.of("name");
    private static final Map<Class<?>, List<String>> PERSONAL = new ConcurrentHashMap<>();

    private PersonalDataRedaction() {
    }

    /**
     * Nulls the personal components of {@code payload} (the JSON of an event of user {@code userId}) that
     * {@code viewer} may not see.
     */
    static void redact(ObjectNode payload, Class<?> payloadType, String userId, Viewer viewer,
                       Predicate<String> isDeletedUser) {
        List<String> personal = personalComponents(payloadType);
        if (personal.isEmpty()) {
            return;
        }
        boolean deleted = isDeletedUser.test(userId);
        boolean ownerOrAdmin = viewer.maySeeEmailOf(userId);
        for (String component : personal) {
            if (deleted || !(ownerOrAdmin || SHOWN_TO_READERS.contains(component))) {
                payload.putNull(component);
            }
        }
    }

    static List<String> personalComponents(Class<?> payloadType) {
        return PERSONAL.computeIfAbsent(payloadType, PersonalDataRedaction::findPersonalComponents);
    }

    /** The components marked {@code @PersonalData}, read afresh (what {@link #personalComponents} keeps per type). */
    static List<String> findPersonalComponents(Class<?> payloadType) {
        return payloadType.isRecord()
                ? Arrays.stream(payloadType.getRecordComponents()).filter(c -> c.isAnnotationPresent(PersonalData.class))
                        .map(RecordComponent::getName).toList()
                : List.of();
    }
}
