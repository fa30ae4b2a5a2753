package com.fooddelivery.query.shared.projection;

import com.fooddelivery.query.shared.elasticsearch.IndexAdmin;
import java.util.List;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/** Creates every projection's index at startup, before any listener writes or any request reads. */
@Component
class IndexBootstrap implements InitializingBean {

    private final List<Projection> projections;
    private final IndexAdmin indices;

    IndexBootstrap(List<Projection> projections, IndexAdmin indices) {
        this.projections = projections;
        this.indices = indices;
    }

    @Override
    public void afterPropertiesSet() {
        projections.forEach(projection -> indices.ensureExists(projection.index()));
    }
}
