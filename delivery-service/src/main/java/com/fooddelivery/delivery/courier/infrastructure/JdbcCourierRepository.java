package com.fooddelivery.delivery.courier.infrastructure;

import com.fooddelivery.delivery.courier.application.CourierRepository;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCourierRepository implements CourierRepository {

    private final JdbcClient jdbc;

    JdbcCourierRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void saveAvailability(UUID courierId, boolean online, double lat, double lon) {
        jdbc.sql("""
                        insert into courier (id, online, lat, lon, updated_at) values (?, ?, ?, ?, now())
                        on conflict (id) do update
                        set online = excluded.online, lat = excluded.lat, lon = excluded.lon, updated_at = now()""").params(courierId, online, lat, lon).update();
    }

    @Override
    public boolean updateLocation(UUID courierId, double lat, double lon) {
        return jdbc.sql("update courier set lat = ?, lon = ?, updated_at = now() where id = ?")
                        .params(lat, lon, courierId)
                        .update()
                == 1;
    }
}
