package io.inkwell.benchmarks.load;

import java.time.Duration;

/**
 * What benchmarks/run passes to a simulation as {@code -Dload.<name>} system properties: the services' addresses,
 * the feeder files it prepared (tokens of registered users, ids of published posts) and the shape of the load.
 */
final class Settings {

    private Settings() {
    }

    static String text(String name) {
        String value = System.getProperty("load." + name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("-Dload." + name + " is missing: run the simulations with benchmarks/run load");
        }
        return value;
    }

    static int number(String name) {
        return Integer.parseInt(text(name));
    }

    static Duration duration() {
        return Duration.ofSeconds(number("seconds"));
    }

    /** command-service, e.g. http://127.0.0.1:18091 */
    static String command() {
        return text("command");
    }

    /** query-service, e.g. http://127.0.0.1:18092 */
    static String query() {
        return text("query");
    }
}
