package com.fooddelivery.messaging.relaytest;

import com.fooddelivery.testsupport.ServiceProcess;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/** {@link RelayTestApplication} in a JVM of its own running only its relay, so a test can kill it with SIGKILL. */
public final class RelayProcess implements AutoCloseable {

    private final ServiceProcess process;

    private RelayProcess(ServiceProcess process) {
        this.process = process;
    }

    public static RelayProcess start(String name, Map<String, String> properties) throws IOException {
        Map<String, String> relayOnly = new HashMap<>(properties);
        relayOnly.put("relay-test.consume", "false");
        return new RelayProcess(
                ServiceProcess.startMainClass("relay-" + name, RelayTestApplication.class.getName(), relayOnly));
    }

    /** The relay's role as its health endpoint reports it: "leader", "standby", or "unknown" while starting. */
    public String role() {
        String health = process.health();
        if (health.contains("\"role\":\"leader\"")) {
            return health.contains("\"streaming\":true") ? "leader" : "leader-starting";
        }
        return health.contains("\"role\":\"standby\"") ? "standby" : "unknown";
    }

    public void kill() throws InterruptedException {
        process.kill();
    }

    @Override
    public void close() throws InterruptedException {
        process.close();
    }
}
