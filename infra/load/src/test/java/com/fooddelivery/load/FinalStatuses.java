package com.fooddelivery.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the run's orders stand at its end, read back from query-service through the restaurant dashboards' own
 * endpoint: the run's restaurants have no other orders, so their {@code countsByStatus} are exactly this run's, and
 * their rejected and cancelled orders carry the reason. The counts come from a search, so this waits for the index
 * refresh and reads until two reads agree.
 */
final class FinalStatuses {

    private static final int PAGE = 500;

    private FinalStatuses() {}

    static Map<String, Object> read(RunFixture fixture, LoadSettings settings, int placed) {
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        long previousTotal = -1;
        for (int attempt = 0; attempt < 10; attempt++) {
            RunFixture.sleep(Duration.ofSeconds(1));
            byStatus.clear();
            byReason.clear();
            for (RunFixture.Restaurant restaurant : fixture.restaurants()) {
                URI endedBadly = settings.queryService()
                        .resolve("/restaurants/" + restaurant.id() + "/orders?status=REJECTED&status=CANCELLED&size="
                                + PAGE);
                HttpResponse<String> response =
                        fixture.calls().get(endedBadly, restaurant.staff().authorization());
                JsonNode queue = ServiceCalls.expect(200, response);
                queue.path("countsByStatus")
                        .fields()
                        .forEachRemaining(count ->
                                byStatus.merge(count.getKey(), count.getValue().asLong(), Long::sum));
                queue.path("orders")
                        .forEach(order -> byReason.merge(
                                order.path("status").asText() + " "
                                        + order.path("reason").asText("(none)"),
                                1L,
                                Long::sum));
            }
            long total = byStatus.values().stream().mapToLong(Long::longValue).sum();
            if (total == previousTotal && total >= placed) {
                break;
            }
            previousTotal = total;
        }
        Map<String, Object> ended = new LinkedHashMap<>();
        ended.put(
                "inQueryService",
                byStatus.values().stream().mapToLong(Long::longValue).sum());
        ended.put("byStatus", byStatus);
        ended.put("rejectedOrCancelledByReason", byReason);
        ended.put("reasonsOfAtMostPerRestaurant", PAGE);
        return ended;
    }
}
