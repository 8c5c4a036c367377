package io.inkwell.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The files the simulations feed on: bearer tokens of users registered through command-service just now (so that
 * each virtual user writes as a real profile that owns its posts), and ids of published posts of the store.
 */
record LoadFeeders(Path tokens, Path posts, int users, int publishedPosts) {

    static LoadFeeders prepare(ServiceJvm command, Connection connection, Path folder, int users) throws Exception {
        Files.createDirectories(folder);
        List<String> tokens = register(command, users);
        Path tokenFile = write(folder.resolve("tokens.csv"), "token", tokens);
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT id FROM query.posts WHERE status = 'PUBLISHED' ORDER BY random() LIMIT 20000")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no published post in query.posts: generate a store and let query-service catch up");
        }
        return new LoadFeeders(tokenFile, write(folder.resolve("posts.csv"), "id", ids), tokens.size(), ids.size());
    }

    /** Registers a profile for each of {@code users} new identities, eight at a time; returns their tokens. */
    private static List<String> register(ServiceJvm command, int users) throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
            List<Future<String>> registered = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                int number = i;
                registered.add(threads.submit(() -> {
                    String token = BenchStack.token("user");
                    Http.Answer answer = Http.send(HttpRequest.newBuilder(command.uri("/api/v1/users"))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"Load Writer " + number
                                    + "\", \"email\": \"load-" + UUID.randomUUID() + "@bench.inkwell.test\"}")));
                    if (answer.status() != 201) {
                        throw new IllegalStateException("registering a load user answered " + answer.status() + ": " + answer.body());
                    }
                    return token;
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> token : registered) {
                tokens.add(token.get());
            }
            return tokens;
        }
    }

    private static Path write(Path file, String header, List<String> lines) {
        try {
            List<String> content = new ArrayList<>(List.of(header));
            content.addAll(lines);
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
