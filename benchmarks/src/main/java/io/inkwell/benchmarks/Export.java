package io.inkwell.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole history through GET /api/v1/events/export in both formats, read line by line as it streams,
 * with query-service's resident memory and its heap after a full GC taken at 0, 25, 50, 75 and 100 % of the
 * lines: flat figures show constant memory. The same for the last {@code --small-export} events, to compare.
 */
final class Export {

    private Export() {
    }

    record Checkpoint(int percent, long residentKib, long heapKib) {
    }

    static void run(BenchStack stack, Options options, Results results) throws SQLException {
        String analyst = BenchStack.token("analyst");
        try (Connection connection = stack.connect()) {
            long head = Positions.head(connection);
            ServiceJvm query = stack.startService("query-service", options.queryPort(), true);
            CatchUpWait.untilHead(connection, head, options.catchUpWait(), results);
            long smallAfter = Math.max(0, head - options.smallExport());
            Baselines.CopyRead copyAll = Baselines.copyOut(connection, 0);
            Baselines.CopyRead copySmall = Baselines.copyOut(connection, smallAfter);
            results.method("baseline: COPY (SELECT * FROM domain_event_entry WHERE global_index > n ORDER BY global_index) "
                    + "TO STDOUT, read to nowhere, in the same run");
            results.figure("baseline: COPY read, " + Results.number(copyAll.events()) + " events", copyAll.eventsPerSecond(), "events/s", 0, "");
            results.figure("baseline: COPY read, " + Results.number(copySmall.events()) + " events", copySmall.eventsPerSecond(), "events/s", 0, "");
            results.method("GET /api/v1/events/export?format=... as analyst, one streamed response read line by line with "
                    + "the JDK HttpClient; query-service runs with the JVM options of ./inkwell run (256 MB heap); VmRSS from "
                    + "/proc/<pid>/status and heap used after jcmd GC.run (GC.heap_info) at 0/25/50/75/100 % of the "
                    + "lines (each GC pauses the stream briefly); the small export is the same with after=<the position before "
                    + "its first event> (exactly the events the COPY baseline reads, where from=<time> "
                    + "cuts by time, not at one event)");
            for (String format : List.of("ndjson", "cloudevents")) {
                if (!export(query, analyst, "format=" + format, copyAll.events(), format + ", whole history",
                        copyAll.eventsPerSecond(), results)) {
                    continue;
                }
                export(query, analyst, "format=" + format + "&after=" + smallAfter,
                        copySmall.events(), format + ", last " + Results.number(copySmall.events()) + " events",
                        copySmall.eventsPerSecond(), results);
            }
        }
    }

    /** Returns whether the export answered 200 (a branch without the endpoint answers 404). */
    private static boolean export(ServiceJvm query, String token, String parameters, long expected, String what,
                               double baseline, Results results) {
        HttpRequest request = HttpRequest.newBuilder(query.uri("/api/v1/events/export?" + parameters))
                .header("Authorization", "Bearer " + token).header("Accept-Encoding", "identity").GET().build();
        List<Checkpoint> checkpoints = new ArrayList<>();
        AtomicLong peakResident = new AtomicLong();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                peakResident.accumulateAndGet(query.residentKib(), Math::max);
                try {
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        long started = System.nanoTime();
        long lines = 0;
        long bytes = 0;
        try {
            HttpResponse<InputStream> response = Http.CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                results.note("export " + what + " answered " + response.statusCode() + ": "
                        + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
                return false;
            }
            int next = 0;
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8), 1 << 16)) {
                String line;
                while ((line = reader.readLine()) != null) {
                    if (lines * 100 >= (long) next * 25 * expected && next < 4) {
                        checkpoints.add(new Checkpoint(next * 25, query.residentKib(), query.heapAfterGcKib()));
                        next++;
                    }
                    lines++;
                    bytes += line.length() + 1;
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            checkpoints.add(new Checkpoint(100, query.residentKib(), query.heapAfterGcKib()));
            results.figure("export " + what + " (" + Results.number(lines) + " lines, " + Results.number(bytes / 1e6) + " MB)",
                    lines / seconds, "events/s", baseline, "COPY read");
            results.figure("export " + what + ": peak VmRSS", peakResident.get() / 1024.0, "MiB", 0, "");
            StringBuilder memory = new StringBuilder("export " + what + ", memory at % of the lines (VmRSS / heap after GC, MiB):");
            checkpoints.forEach(point -> memory.append(' ').append(point.percent()).append("%: ")
                    .append(point.residentKib() / 1024).append(" / ").append(point.heapKib() / 1024).append(';'));
            results.note(memory.toString());
            if (lines != expected) {
                results.note("export " + what + ": expected " + expected + " lines, got " + lines);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            sampler.interrupt();
        }
    }
}
