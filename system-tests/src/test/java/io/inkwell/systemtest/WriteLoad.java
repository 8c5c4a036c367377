package io.inkwell.systemtest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Clients that keep writing as real apps would: each creates posts with an {@code Idempotency-Key} and
 * retries a create that got no answer (or a 5xx) with the same key until it is answered, and edits,
 * publishes, unpublishes and deletes its posts. Every acknowledged write is recorded with the version it
 * answered, and every answer is counted by status.
 */
final class WriteLoad implements AutoCloseable {

    /** Every post title carries this word, so that search can find all of them and nothing else. */
    static final String WORD = "kestrel";
    private static final Duration CREATE_GIVES_UP = Duration.ofSeconds(120);

    enum Op { CREATE, EDIT, PUBLISH, UNPUBLISH, DELETE }

    /** A write that was answered 2xx: after it, post {@code postId} is at {@code version}. */
    record Ack(Op op, String postId, long version, String text, Instant at) {
    }

    /** One client: a user with a token and a profile. */
    record Writer(String name, String userId, String token) {
    }

    private final Function<String, URI> command;
    private final List<Writer> writers;
    private final Queue<Ack> acks = new ConcurrentLinkedQueue<>();
    private final Map<String, String> postByKey = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answers = new ConcurrentHashMap<>();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();
    private final ExecutorService threads;
    private final List<Future<?>> running = new ArrayList<>();
    private volatile boolean stopping;

    WriteLoad(Function<String, URI> command, List<Writer> writers) {
        this.command = command;
        this.writers = writers;
        this.threads = Executors.newFixedThreadPool(writers.size());
    }

    void start() {
        for (Writer writer : writers) {
            running.add(threads.submit(() -> {
                write(writer);
                return null;
            }));
        }
    }

    /** Lets every client finish what it is doing, including creates still waiting for an answer. */
    void stop() throws Exception {
        stopping = true;
        for (Future<?> client : running) {
            client.get(CREATE_GIVES_UP.toSeconds() + 30, TimeUnit.SECONDS);
        }
    }

    List<Ack> acks() {
        return List.copyOf(acks);
    }

    /** The post each Idempotency-Key created, as its (last) answer said. */
    Map<String, String> postByKey() {
        return Map.copyOf(postByKey);
    }

    Map<String, Integer> answers() {
        Map<String, Integer> counts = new java.util.TreeMap<>();
        answers.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** Answers that no client should ever get: any 5xx but 503, any 4xx but a conflict. */
    List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    Instant lastAckAt(Op op) {
        return acks.stream().filter(a -> a.op() == op).map(Ack::at).max(Instant::compareTo).orElse(Instant.EPOCH);
    }

    private void write(Writer writer) throws InterruptedException {
        Random random = new Random(writer.name().hashCode());
        List<String> mine = new ArrayList<>();
        int created = 0;
        while (!stopping) {
            if (mine.size() < 3 || random.nextInt(10) < 3) {
                create(writer, writer.name() + "-" + created++, mine);
            } else {
                String post = mine.get(random.nextInt(mine.size()));
                int dice = random.nextInt(20);
                Op op = dice < 8 ? Op.EDIT : dice < 14 ? Op.PUBLISH : dice < 19 ? Op.UNPUBLISH : Op.DELETE;
                change(writer, op, post, random);
                if (op == Op.DELETE) {
                    mine.remove(post);
                }
            }
            // A steady, modest rate: the suite shares two cores with both services, PostgreSQL and Elasticsearch.
            Thread.sleep(100);
        }
    }

    private void create(Writer writer, String key, List<String> mine) throws InterruptedException {
        Map<String, Object> body = Map.of("title", WORD + " " + key, "content", "written under load by " + writer.name(),
                "tags", List.of("crash", "w" + Math.abs(key.hashCode() % 5)));
        Instant deadline = Instant.now().plus(CREATE_GIVES_UP);
        while (Instant.now().isBefore(deadline)) {
            try {
                Http.Answer answer = Http.post(command.apply("/api/v1/posts"), writer.token(), body, "Idempotency-Key", key);
                count("POST /posts", answer);
                if (answer.status() == 201) {
                    String id = answer.body().path("id").asString();
                    String before = postByKey.put(key, id);
                    if (before != null && !before.equals(id)) {
                        unexpected.add("key " + key + " answered " + before + " and then " + id);
                    }
                    acks.add(new Ack(Op.CREATE, id, answer.body().path("version").asLong(), (String) body.get("title"), Instant.now()));
                    mine.add(id);
                    return;
                }
                if (answer.status() < 500) {
                    return;
                }
            } catch (IOException e) {
                count("POST /posts", null);
            }
            // Unanswered: the post may or may not exist; the same key makes the retry safe either way.
            Thread.sleep(250);
        }
        unexpected.add("create " + key + " got no answer within " + CREATE_GIVES_UP);
    }

    private void change(Writer writer, Op op, String post, Random random) {
        URI uri = command.apply("/api/v1/posts/" + post + switch (op) {
            case PUBLISH -> "/publish";
            case UNPUBLISH -> "/unpublish";
            default -> "";
        });
        String content = "edit " + random.nextInt(1_000_000);
        try {
            Http.Answer answer = switch (op) {
                case EDIT -> Http.put(uri, writer.token(), Map.of("content", content));
                case DELETE -> Http.delete(uri, writer.token());
                default -> Http.post(uri, writer.token(), null);
            };
            count(op.name(), answer);
            if (answer.ok()) {
                long version = op == Op.DELETE ? etagVersion(answer) : answer.body().path("version").asLong();
                acks.add(new Ack(op, post, version, op == Op.EDIT ? content : null, Instant.now()));
            }
        } catch (IOException | InterruptedException e) {
            // No answer: not acknowledged, so nothing is promised about this write.
            count(op.name(), null);
        }
    }

    private static long etagVersion(Http.Answer answer) {
        return Long.parseLong(answer.etag().replace("\"", ""));
    }

    private void count(String what, Http.Answer answer) {
        // A replayed create is the proof that a retry met a create which had committed unanswered.
        String key = answer == null ? "no answer" : answer.status() + (answer.replayed() ? " replayed" : "");
        answers.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        if (answer != null && (answer.status() >= 500 && answer.status() != 503
                || answer.status() >= 400 && answer.status() < 500 && answer.status() != 409)) {
            unexpected.add(what + " answered " + answer.status() + " " + answer.body());
        }
    }

    @Override
    public void close() {
        stopping = true;
        threads.shutdownNow();
    }
}
