package io.inkwell.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.embedded.RedisServer;

/** The one Redis of a test JVM: the real server binary that embedded-redis ships, on a free loopback port. */
public final class TestRedis {

    private static final TestRedis INSTANCE = new TestRedis();

    private final int port;

    private TestRedis() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            RedisServer server = RedisServer.newRedisServer().port(port).bind("127.0.0.1").build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
            }, "test-redis-stop"));
        } catch (IOException e) {
            throw new UncheckedIOException("Redis did not start", e);
        }
    }

    public static TestRedis get() {
        return INSTANCE;
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }
}
