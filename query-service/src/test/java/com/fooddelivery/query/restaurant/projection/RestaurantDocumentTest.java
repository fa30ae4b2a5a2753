package com.fooddelivery.query.restaurant.projection;

import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.MG_ROAD;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.dish;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.hours;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.kolkata;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.restaurant;
import static com.fooddelivery.query.restaurant.projection.RestaurantEvents.soldOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fooddelivery.contracts.restaurant.RestaurantChanged;
import com.fooddelivery.query.restaurant.projection.OpeningWeek.MinuteRange;
import com.fooddelivery.query.shared.projection.UnprojectableException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RestaurantDocumentTest {

    private static final UUID RESTAURANT = UUID.fromString("0b7c4f8e-2d13-4a5e-8f61-6c9d2a1e5b10");
    /** Wednesday 12:00 in Kolkata. */
    private static final Instant WEDNESDAY_NOON_IST = Instant.parse("2026-11-25T06:30:00Z");

    @Test
    void a_document_carries_the_version_the_whole_menu_and_the_open_minutes_of_the_week() {
        RestaurantChanged change = restaurant(
                RESTAURANT,
                "Saravana Bhavan",
                "South Indian",
                MG_ROAD,
                kolkata("07:00", "22:30"),
                List.of(dish("Masala Dosa", "Rice crepe", 120), soldOut("Rava Kesari", "Semolina sweet", 60)));

        RestaurantDocument document = RestaurantDocument.of(change);

        assertThat(document.restaurantId()).isEqualTo(RESTAURANT.toString());
        assertThat(document.version()).isEqualTo(1);
        assertThat(document.menu()).hasSize(2);
        assertThat(document.openMinutes()).hasSize(7).first().isEqualTo(new MinuteRange(420, 1350));
        assertThat(document.openingHours().timeZone()).isEqualTo("Asia/Kolkata");
    }

    @Test
    void open_now_is_answered_in_the_restaurants_time_zone() {
        RestaurantDocument lunchInKolkata = document(kolkata("11:00", "15:00"));
        RestaurantDocument lunchInLondon = document(hours("11:00", "15:00", "Europe/London"));

        assertThat(lunchInKolkata.isOpenAt(WEDNESDAY_NOON_IST)).isTrue();
        assertThat(lunchInLondon.isOpenAt(WEDNESDAY_NOON_IST))
                .as("06:30 in London")
                .isFalse();
    }

    @Test
    void a_time_zone_that_is_not_an_iana_id_is_unprojectable() {
        assertThatThrownBy(() -> document(hours("11:00", "15:00", "+05:30")))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("+05:30");
        assertThatThrownBy(() -> document(hours("11:00", "15:00", "Mars/Olympus_Mons")))
                .isInstanceOf(UnprojectableException.class);
    }

    @Test
    void a_change_without_what_the_read_model_needs_is_unprojectable() {
        RestaurantChanged valid =
                restaurant(RESTAURANT, "Dosa Corner", "South Indian", MG_ROAD, kolkata("11:00", "15:00"), List.of());

        assertThatThrownBy(() -> RestaurantDocument.of(RestaurantEvents.atVersion(valid, 0, "Dosa Corner")))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("version");
        assertThatThrownBy(() -> RestaurantDocument.of(new RestaurantChanged(
                        RESTAURANT, 1, "Dosa Corner", "South Indian", MG_ROAD, null, List.of(), valid.changedAt())))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("openingHours");
        assertThatThrownBy(() -> RestaurantDocument.of(new RestaurantChanged(
                        RESTAURANT,
                        1,
                        " ",
                        "South Indian",
                        MG_ROAD,
                        valid.openingHours(),
                        List.of(),
                        valid.changedAt())))
                .isInstanceOf(UnprojectableException.class)
                .hasMessageContaining("name");
    }

    private static RestaurantDocument document(com.fooddelivery.contracts.restaurant.OpeningHours hours) {
        return RestaurantDocument.of(restaurant(RESTAURANT, "Dosa Corner", "South Indian", MG_ROAD, hours, List.of()));
    }
}
