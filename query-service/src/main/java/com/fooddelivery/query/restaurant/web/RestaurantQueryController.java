package com.fooddelivery.query.restaurant.web;

import com.fooddelivery.contracts.common.GeoPoint;
import com.fooddelivery.query.restaurant.RestaurantConfiguration;
import com.fooddelivery.query.restaurant.projection.RestaurantDocument;
import com.fooddelivery.query.restaurant.projection.RestaurantIndex;
import com.fooddelivery.query.restaurant.search.RestaurantSearch;
import com.fooddelivery.query.restaurant.search.SearchCriteria;
import com.fooddelivery.query.restaurant.search.SearchResult;
import com.fooddelivery.web.Problems;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.WebRequest;

@RestController
class RestaurantQueryController {

    static final double DEFAULT_RADIUS_KM = 10;
    /** Elasticsearch's default {@code index.max_result_window}: deeper pages need search_after, not offered yet. */
    static final int DEEPEST_RESULT = 10_000;

    private final RestaurantIndex restaurants;
    private final RestaurantSearch search;
    private final Clock clock;
    private final CacheControl restaurantCaching;
    private final CacheControl searchCaching;

    RestaurantQueryController(
            RestaurantIndex restaurants,
            RestaurantSearch search,
            @Qualifier(RestaurantConfiguration.CLOCK) Clock clock,
            @Value("${query.caching.restaurant-max-age}") Duration restaurantMaxAge,
            @Value("${query.caching.search-max-age}") Duration searchMaxAge) {
        this.restaurants = restaurants;
        this.search = search;
        this.clock = clock;
        // The same for every caller (anonymous reads), so any cache on the way, a CDN included, may keep them.
        this.restaurantCaching = CacheControl.maxAge(restaurantMaxAge).cachePublic();
        this.searchCaching = CacheControl.maxAge(searchMaxAge).cachePublic();
    }

    /**
     * Restaurants open now that match the words (name counts most, then cuisine, then available dishes), of a cuisine,
     * within {@code radiusKm} (default 10) of {@code lat}/{@code lon}. Nearest first with a location, else best match
     * first, else by name. Cacheable for {@code query.caching.search-max-age}: a restaurant that opened or closed
     * since then may be missing or extra for that long.
     */
    @GetMapping("/restaurants/search")
    ResponseEntity<SearchPage> search(
            @RequestParam(required = false) @Size(max = 200) String q,
            @RequestParam(required = false) @Size(max = 100) String cuisine,
            @RequestParam(required = false) @DecimalMin("-90") @DecimalMax("90") Double lat,
            @RequestParam(required = false) @DecimalMin("-180") @DecimalMax("180") Double lon,
            @RequestParam(required = false) @DecimalMin(value = "0", inclusive = false) @DecimalMax("50")
                    Double radiusKm,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(50) int size) {
        rejectInconsistent(lat, lon, radiusKm, page, size);
        GeoPoint near = lat == null ? null : new GeoPoint(lat, lon);
        var criteria = new SearchCriteria(
                blankToNull(q),
                blankToNull(cuisine),
                near,
                radiusKm == null ? DEFAULT_RADIUS_KM : radiusKm,
                page,
                size);
        SearchResult result = search.search(criteria, clock.instant());
        List<RestaurantSummary> items =
                result.hits().stream().map(RestaurantSummary::of).toList();
        return ResponseEntity.ok().cacheControl(searchCaching).body(SearchPage.of(items, page, size, result.total()));
    }

    /**
     * The restaurant with its whole menu. The ETag is the restaurant's version and whether it is open: a poll with
     * {@code If-None-Match} costs a 304 until the restaurant changes, opens or closes. Any cache may serve it for
     * {@code query.caching.restaurant-max-age} before asking again: a menu change reaches a customer within that
     * time (an order of a dish no longer sold is refused by order-service, which checks its own catalog).
     */
    @GetMapping("/restaurants/{restaurantId}")
    ResponseEntity<RestaurantDetails> restaurant(@PathVariable UUID restaurantId, WebRequest request) {
        RestaurantDocument restaurant = restaurants
                .find(restaurantId.toString())
                .orElseThrow(() -> new ErrorResponseException(
                        HttpStatus.NOT_FOUND,
                        Problems.localized(HttpStatus.NOT_FOUND, "restaurant-not-found", restaurantId),
                        null));
        Instant now = clock.instant();
        boolean openNow = restaurant.isOpenAt(now);
        // Weak, as for orders (OrderVersion): Tomcat would not gzip an answer with a strong ETag.
        String etag = "W/\"" + restaurant.version() + (openNow ? "-open" : "-closed") + "\"";
        if (request.checkNotModified(etag)) {
            return null;
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(restaurantCaching)
                .body(RestaurantDetails.of(restaurant, openNow));
    }

    /** What single-parameter constraints cannot say; answered like them (400 naming each parameter). */
    private static void rejectInconsistent(Double lat, Double lon, Double radiusKm, int page, int size) {
        List<Problems.InvalidInput> errors = new ArrayList<>();
        if (lat != null && !Double.isFinite(lat)) {
            errors.add(Problems.invalid("lat", "field.not-a-number"));
        }
        if (lon != null && !Double.isFinite(lon)) {
            errors.add(Problems.invalid("lon", "field.not-a-number"));
        }
        if (radiusKm != null && !Double.isFinite(radiusKm)) {
            errors.add(Problems.invalid("radiusKm", "field.not-a-number"));
        }
        if (lat != null && lon == null) {
            errors.add(Problems.invalid("lon", "field.required-with-lat"));
        }
        if (lon != null && lat == null) {
            errors.add(Problems.invalid("lat", "field.required-with-lon"));
        }
        if (radiusKm != null && (lat == null || lon == null)) {
            errors.add(Problems.invalid("radiusKm", "field.requires-lat-and-lon"));
        }
        if ((long) (page + 1) * size > DEEPEST_RESULT) {
            errors.add(Problems.invalid("page", "field.beyond-deepest-result", DEEPEST_RESULT));
        }
        if (!errors.isEmpty()) {
            throw new ErrorResponseException(HttpStatus.BAD_REQUEST, Problems.invalidRequest(errors), null);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
