package io.inkwell.testing;

import io.inkwell.localstack.ElasticsearchServer;
import org.testcontainers.elasticsearch.ElasticsearchContainer;

/**
 * The one Elasticsearch of a test JVM: a Testcontainers container where Docker runs, otherwise Elastic's
 * minimal distribution from Maven Central. The embedded node can be stopped and started on its data,
 * which is how outage tests take search away and give it back.
 */
public abstract class TestElasticsearch {

    private static final String IMAGE = "docker.elastic.co/elasticsearch/elasticsearch:" + ElasticsearchServer.version();

    public static TestElasticsearch get() {
        return Holder.INSTANCE;
    }

    public abstract String uri();

    /** Whether {@link #stop()} and {@link #start()} are possible here. */
    public abstract boolean canRestart();

    public abstract void stop();

    public abstract void start();

    private static final class Holder {
        static final TestElasticsearch INSTANCE = TestDatabase.dockerAvailable() ? new InContainer() : new Embedded();
    }

    private static final class Embedded extends TestElasticsearch {

        private final ElasticsearchServer server = ElasticsearchServer.start(null, 0);

        @Override
        public String uri() {
            return server.uri();
        }

        @Override
        public boolean canRestart() {
            return true;
        }

        @Override
        public void stop() {
            server.stop();
        }

        @Override
        public void start() {
            server.start();
        }
    }

    private static final class InContainer extends TestElasticsearch {

        private final ElasticsearchContainer container = new ElasticsearchContainer(IMAGE)
                .withEnv("xpack.security.enabled", "false")
                .withEnv("ES_JAVA_OPTS", "-Xms256m -Xmx256m");

        InContainer() {
            container.start();
        }

        @Override
        public String uri() {
            return "http://" + container.getHttpHostAddress();
        }

        @Override
        public boolean canRestart() {
            return false;
        }

        @Override
        public void stop() {
            throw new UnsupportedOperationException("a container's port changes when it restarts");
        }

        @Override
        public void start() {
            throw new UnsupportedOperationException("a container's port changes when it restarts");
        }
    }
}
