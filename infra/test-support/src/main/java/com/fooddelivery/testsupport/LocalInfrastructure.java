package com.fooddelivery.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The servers of {@code infra/local}; started with {@code infra/local/up --infra-only} when one is not answering. */
final class LocalInfrastructure {

    private static final String HOST = "127.0.0.1";

    private LocalInfrastructure() {}

    static Infrastructure ensureRunning() {
        int postgres = port("FD_PG_PORT", 5432);
        int kafka = port("FD_KAFKA_PORT", 9092);
        int elasticsearch = port("FD_ES_PORT", 9200);
        if (!List.of(postgres, kafka, elasticsearch).stream().allMatch(LocalInfrastructure::answers)) {
            startInfrastructure();
        }
        return new Infrastructure(
                HOST, postgres, "postgres", "postgres", HOST + ":" + kafka, "http://" + HOST + ":" + elasticsearch);
    }

    private static void startInfrastructure() {
        Path up = repositoryRoot().resolve("infra/local/up");
        try {
            Process process = new ProcessBuilder(up.toString(), "--infra-only")
                    .inheritIO()
                    .start();
            if (!process.waitFor(15, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(up + " --infra-only failed; see its output above");
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + up, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path repositoryRoot() {
        String configured = System.getProperty("repo.root");
        Path dir = Path.of(configured != null ? configured : System.getProperty("user.dir"))
                .toAbsolutePath();
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.isExecutable(candidate.resolve("infra/local/up"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No infra/local/up above " + dir);
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int port(String variable, int fallback) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
    }
}
