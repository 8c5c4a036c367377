package io.inkwell.benchmarks.load;

import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.ArrayList;
import java.util.List;

/**
 * The figures benchmarks/run reads, as Gatling assertions that always hold: Gatling prints each with its actual
 * value at the end of the run ({@code <name>: 99th percentile of response time ... : true (actual : 12.0)}), which
 * is how the figures leave the child JVM (Gatling 3.15's report is HTML only).
 */
final class Measured {

    private Measured() {
    }

    /** Percentiles, throughput and counts of each request or group named, and the run's throughput. */
    static List<Assertion> figures(String... names) {
        List<Assertion> figures = new ArrayList<>();
        figures.add(global().requestsPerSec().gte(0.0));
        for (String name : names) {
            for (double percentile : new double[] {50.0, 95.0, 99.0}) {
                figures.add(details(name).responseTime().percentile(percentile).gte(0));
            }
            figures.add(details(name).requestsPerSec().gte(0.0));
            figures.add(details(name).successfulRequests().count().gte(0L));
            figures.add(details(name).failedRequests().count().gte(0L));
        }
        return figures;
    }
}
