package io.inkwell.localstack;

import java.util.List;

/** How the services' JVMs start wherever this repository starts them: ./inkwell run and the benchmarks. */
public final class ServiceJvmOptions {

    /**
     * Each service stays under 512 MB resident under load (README, "Configuration", says why each is set):
     * a 256 MB heap with the serial collector, whose bookkeeping is a few MB where G1's remembered sets and
     * marking bitmaps take tens, and which runs no concurrent threads to compete with the requests for two
     * cores (with G1 and the same heap, query-service reached 550 MB); metaspace, direct buffers and thread
     * stacks capped, so that what the JVM takes beside its heap is bounded too.
     */
    public static final List<String> OPTIONS = List.of("-Xms256m", "-Xmx256m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=192m", "-XX:MaxDirectMemorySize=64m", "-Xss512k");

    private ServiceJvmOptions() {
    }
}
