package com.fooddelivery.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service in a JVM of its own, so a test can do to it what happens in production: stop it, or kill it with
 * SIGKILL. Output goes to a log file; the service listens on 127.0.0.1 on a free port.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(String name, Process process, int port, Path log) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Runs {@code mainClass} from this JVM's class path. */
    public static ServiceProcess startMainClass(String name, String mainClass, Map<String, String> properties)
            throws IOException {
        return start(name, List.of("-cp", System.getProperty("java.class.path"), mainClass), freePort(), properties);
    }

    /** Runs a Spring Boot executable jar. */
    public static ServiceProcess startJar(String name, Path jar, Map<String, String> properties) throws IOException {
        return startJar(name, jar, freePort(), properties);
    }

    /**
     * Runs a Spring Boot executable jar on {@code port}: for a service others must know the address of before it
     * starts, or that must come back on the same address after a restart.
     */
    public static ServiceProcess startJar(String name, Path jar, int port, Map<String, String> properties)
            throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./mvnw package)");
        }
        return start(name, List.of("-jar", jar.toString()), port, properties);
    }

    private static ServiceProcess start(String name, List<String> launch, int port, Map<String, String> properties)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-Xmx384m");
        command.add("-XX:TieredStopAtLevel=1");
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--server.address=127.0.0.1");
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "processes", name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new ServiceProcess(name, process, port, log);
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /** The body of GET /actuator/health, or an empty string while the service does not answer. */
    public String health() {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(url("/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Waits until the service reports UP; fails early, pointing at its log, if it dies. */
    public ServiceProcess awaitUp(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (isUp(health())) {
                return this;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not UP within " + atMost + "; see " + log);
    }

    private static boolean isUp(String health) {
        if (health.isEmpty()) {
            return false;
        }
        try {
            return "UP".equals(JSON.readTree(health).path("status").asString());
        } catch (JacksonException e) {
            return false;
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed, no connection is closed politely. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** SIGTERM and wait: a graceful shutdown. */
    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** A port nothing listens on now. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
