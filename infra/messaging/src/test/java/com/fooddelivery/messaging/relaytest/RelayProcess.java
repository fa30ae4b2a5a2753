package com.fooddelivery.messaging.relaytest;

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

/** {@link RelayTestApplication} as a separate JVM running only its relay, so a test can kill it with SIGKILL. */
public final class RelayProcess implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Process process;
    private final int port;

    private RelayProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static RelayProcess start(String name, Map<String, String> properties) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m",
                "-cp",
                System.getProperty("java.class.path"),
                RelayTestApplication.class.getName(),
                "--server.port=" + port,
                "--server.address=127.0.0.1",
                "--relay-test.consume=false"));
        properties.forEach((key, value) -> command.add("--" + key + "=" + value));
        Path log = Path.of("target", "relay-" + name + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        return new RelayProcess(process, port);
    }

    /** The relay's role as its health endpoint reports it: "leader", "standby", or "unknown" while starting. */
    public String role() {
        try {
            String body = HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
            boolean streaming = body.contains("\"streaming\":true");
            if (body.contains("\"role\":\"leader\"")) {
                return streaming ? "leader" : "leader-starting";
            }
            return body.contains("\"role\":\"standby\"") ? "standby" : "unknown";
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    /** SIGKILL: no shutdown hook runs, no offset is flushed, no connection is closed politely. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
