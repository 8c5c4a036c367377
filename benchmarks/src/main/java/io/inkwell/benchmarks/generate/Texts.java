package io.inkwell.benchmarks.generate;

import io.inkwell.api.MetadataKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/** Names, titles, bodies, tags and command metadata that look like what people and command-service write. */
final class Texts {

    /** The dev realm's issuer: generated authors look like people who signed in at the local Keycloak. */
    static final String ISSUER = "http://localhost:8180/realms/inkwell";

    private static final String[] FIRST = {"Alice", "Bob", "Chiara", "Dmitri", "Emeka", "Fatima", "Gustav", "Hana",
            "Ines", "Jonas", "Keiko", "Lars", "Maya", "Nils", "Olu", "Priya", "Quentin", "Rosa", "Sven", "Tomás"};
    private static final String[] LAST = {"Andersen", "Berg", "Costa", "Dubois", "Eze", "Fischer", "García",
            "Haddad", "Ivanova", "Jensen", "Kowalski", "López", "Müller", "Nakamura", "Okafor", "Petrov", "Rossi"};
    private static final String[] WORDS = ("event sourcing projection aggregate command query stream replay "
            + "snapshot consistency eventual read model write model saga process manager bounded context domain "
            + "boundary message broker index search latency throughput partition segment token tracking history "
            + "audit analyst migration schema version upcaster payload metadata correlation request identity "
            + "deployment rollback database transaction isolation lock contention cache invalidation pipeline "
            + "service contract test benchmark memory garbage collector thread pool backpressure retry idempotent "
            + "the a of and to in for with on is are was that this it as by from at we our you they").split(" ");
    private static final String[] TAGS = ("cqrs axon java spring postgres elasticsearch kafka ddd events testing "
            + "performance security devops cloud kubernetes architecture design api rest graphql search analytics "
            + "history replay observability tracing logging metrics databases jvm gc concurrency").split(" ");

    private final SplittableRandom random;

    Texts(SplittableRandom random) {
        this.random = random;
    }

    String personName() {
        return FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
    }

    String title() {
        StringBuilder title = new StringBuilder();
        int words = 3 + random.nextInt(6);
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            title.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : " " + word);
        }
        return title.toString();
    }

    /** Between about 400 and 1,600 characters in sentences and paragraphs: a short blog post. */
    String content() {
        int length = 400 + random.nextInt(1_200);
        StringBuilder content = new StringBuilder(length + 80);
        int inSentence = 0;
        while (content.length() < length) {
            String word = WORDS[random.nextInt(WORDS.length)];
            content.append(inSentence == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            if (++inSentence > 6 && random.nextInt(5) == 0) {
                content.append(random.nextInt(6) == 0 ? ".\n\n" : ". ");
                inSentence = 0;
            } else {
                content.append(' ');
            }
        }
        return content.toString().trim() + ".";
    }

    /** One to four tags, lower case and unique, as command-service normalises them. */
    List<String> tags() {
        Set<String> tags = new LinkedHashSet<>();
        int count = 1 + random.nextInt(4);
        while (tags.size() < count) {
            tags.add(TAGS[random.nextInt(TAGS.length)]);
        }
        return new ArrayList<>(tags);
    }

    static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /**
     * What command-service's correlation data providers put on every event: the command's id as correlation
     * and trace id (a command from HTTP has no parent message), the caller, and the HTTP request's id.
     */
    Map<String, String> metadata(String subject, String profileId) {
        String commandId = SyntheticHistory.uuid(random);
        Map<String, String> metadata = new HashMap<>();
        metadata.put("correlationId", commandId);
        metadata.put("traceId", commandId);
        metadata.put(MetadataKeys.ACTOR_ISSUER, ISSUER);
        metadata.put(MetadataKeys.ACTOR_SUBJECT, subject);
        if (profileId != null) {
            metadata.put(MetadataKeys.ACTOR_USER_ID, profileId);
        }
        metadata.put(MetadataKeys.REQUEST_ID, SyntheticHistory.uuid(random));
        return metadata;
    }
}
