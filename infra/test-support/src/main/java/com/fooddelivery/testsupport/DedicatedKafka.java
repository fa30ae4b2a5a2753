package com.fooddelivery.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * A single-node KRaft broker of a test's own, in a JVM of its own, that the test can stop and start again (on the
 * same port, with its data) to play a Kafka outage without touching the shared broker other tests use. It runs the
 * broker jars that {@code infra/local/up} resolved into {@code infra/local/var/kafka/libs}.
 */
public final class DedicatedKafka implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(90);

    private final Path home;
    private final int port;
    private Process process;

    private DedicatedKafka(Path home, int port) {
        this.home = home;
        this.port = port;
    }

    /** Formats a new broker's storage and starts it; returns once it answers an admin client. */
    public static DedicatedKafka start(String name) throws IOException, InterruptedException {
        Path home = Path.of("target", "kafka-" + name + "-" + UUID.randomUUID()).toAbsolutePath();
        Files.createDirectories(home);
        int port = ServiceProcess.freePort();
        int controllerPort = ServiceProcess.freePort();
        Files.writeString(
                home.resolve("server.properties"),
                String.join(
                        "\n",
                        List.of(
                                "process.roles=broker,controller",
                                "node.id=1",
                                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                                "controller.listener.names=CONTROLLER",
                                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                                "inter.broker.listener.name=PLAINTEXT",
                                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                                "log.dirs=" + home.resolve("data"),
                                "num.partitions=6",
                                "offsets.topic.replication.factor=1",
                                "transaction.state.log.replication.factor=1",
                                "transaction.state.log.min.isr=1",
                                "share.coordinator.state.topic.replication.factor=1",
                                "share.coordinator.state.topic.min.isr=1",
                                "auto.create.topics.enable=true",
                                "group.initial.rebalance.delay.ms=0")));
        DedicatedKafka kafka = new DedicatedKafka(home, port);
        Process format = kafka.java(
                "kafka.tools.StorageTool",
                "format",
                "-t",
                UUID.randomUUID().toString().substring(0, 22).replace('-', 'x'),
                "-c",
                home.resolve("server.properties").toString());
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            throw new IllegalStateException("Formatting the dedicated Kafka failed; see " + home.resolve("kafka.log"));
        }
        kafka.start();
        return kafka;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** Starts the broker again (after {@link #stop()}), on the same port with the same data. */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = java("kafka.Kafka", home.resolve("server.properties").toString());
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (!answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("The dedicated Kafka did not start; see " + home.resolve("kafka.log"));
            }
            Thread.sleep(250);
        }
    }

    /** SIGTERM, and waits until the broker has gone: clients see refused connections until {@link #start()}. */
    public synchronized void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private boolean answers() {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000))) {
            admin.listTopics().names().get(4, TimeUnit.SECONDS);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private Process java(String mainClass, String... arguments) throws IOException {
        Path libs = LocalInfrastructure.repositoryRoot().resolve("infra/local/var/kafka/libs");
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException(libs + " is missing: run infra/local/up --infra-only once");
        }
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                libs + "/*",
                mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        home.resolve("kafka.log").toFile()))
                .start();
    }
}
