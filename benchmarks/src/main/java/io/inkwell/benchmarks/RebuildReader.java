package io.inkwell.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * A reader beside a rebuild, as a visitor of the site would read: GET /api/v1/posts/{id} for posts known before
 * the rebuild and GET /api/v1/search/posts?q=... for words of their titles, anonymously, one request after
 * the other. Nothing writes during the benchmark, so every answer must be the one taken just before the rebuild: a
 * post that answers 404 or a search that finds fewer posts is missing, any other failure an error, and an
 * answer that differs otherwise (a post's body, a search's total) is counted as changed.
 */
final class RebuildReader implements AutoCloseable {

    private static final int POSTS = 150;
    private static final int SEARCHES = 30;

    private final Map<URI, String> posts = new LinkedHashMap<>();
    private final Map<URI, Long> searches = new LinkedHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong missing = new AtomicLong();
    private final AtomicLong changed = new AtomicLong();
    private final List<String> examples = new ArrayList<>();
    private volatile boolean stopped;
    private Thread thread;

    private final ServiceJvm query;

    RebuildReader(ServiceJvm query) {
        this.query = query;
    }

    /** Takes the answers to expect from the live read models as they are now, just before a rebuild. */
    private void takeAnswers() {
        posts.clear();
        searches.clear();
        for (int page = 1; posts.size() < POSTS && page <= 10; page++) {
            JsonNode list = get(query.uri("/api/v1/posts?limit=100&page=" + page)).json();
            for (JsonNode post : list.path("data")) {
                URI uri = query.uri("/api/v1/posts/" + post.path("id").asString());
                posts.put(uri, get(uri).body());
                String[] words = post.path("title").asString("").split("\\W+");
                if (searches.size() < SEARCHES && words.length > 0 && words[0].length() > 2) {
                    URI search = query.uri("/api/v1/search/posts?q=" + URLEncoder.encode(words[0], StandardCharsets.UTF_8));
                    searches.putIfAbsent(search, get(search).json().path("meta").path("total").asLong());
                }
            }
        }
    }

    int knownPosts() {
        return posts.size();
    }

    int knownSearches() {
        return searches.size();
    }

    /** Takes the answers to expect, then reads in a loop until {@link #close()}; the counts start from zero. */
    RebuildReader start() {
        takeAnswers();
        requests.set(0);
        errors.set(0);
        missing.set(0);
        changed.set(0);
        examples.clear();
        stopped = false;
        thread = Thread.ofPlatform().daemon().name("rebuild-reader").start(this::read);
        return this;
    }

    private void read() {
        List<URI> postUris = List.copyOf(posts.keySet());
        List<URI> searchUris = List.copyOf(searches.keySet());
        for (int i = 0; !stopped; i++) {
            URI post = postUris.get(i % postUris.size());
            check(post, answer -> answer.status() == 404 ? Outcome.MISSING
                    : answer.body().equals(posts.get(post)) ? Outcome.SAME : Outcome.CHANGED);
            if (i % 5 == 0 && !searchUris.isEmpty()) {
                URI search = searchUris.get((i / 5) % searchUris.size());
                check(search, answer -> {
                    long total = answer.json().path("meta").path("total").asLong(-1);
                    long before = searches.get(search);
                    return total < before ? Outcome.MISSING : total == before ? Outcome.SAME : Outcome.CHANGED;
                });
            }
        }
    }

    private enum Outcome { SAME, MISSING, CHANGED }

    private void check(URI uri, java.util.function.Function<Http.Answer, Outcome> judge) {
        requests.incrementAndGet();
        Http.Answer answer;
        try {
            answer = get(uri);
        } catch (RuntimeException e) {
            count(errors, uri + ": " + e.getMessage());
            return;
        }
        if (answer.status() != 200 && answer.status() != 404) {
            count(errors, uri + ": " + answer.status() + " " + answer.body());
            return;
        }
        switch (judge.apply(answer)) {
            case MISSING -> count(missing, uri + ": " + answer.status() + " " + abbreviated(answer.body()));
            case CHANGED -> count(changed, uri + ": " + abbreviated(answer.body()));
            case SAME -> {
            }
        }
    }

    private synchronized void count(AtomicLong counter, String example) {
        counter.incrementAndGet();
        if (examples.size() < 5) {
            examples.add(example);
        }
    }

    private static String abbreviated(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static Http.Answer get(URI uri) {
        try {
            HttpResponse<String> response = Http.CLIENT.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Http.Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e.toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    long requests() {
        return requests.get();
    }

    long errors() {
        return errors.get();
    }

    long missing() {
        return missing.get();
    }

    long changed() {
        return changed.get();
    }

    synchronized List<String> examples() {
        return List.copyOf(examples);
    }

    @Override
    public void close() {
        stopped = true;
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(40));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
