package com.fooddelivery.query.shared.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import co.elastic.clients.elasticsearch.indices.update_aliases.Action;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Creates this service's indices and moves their aliases. A concrete index is named {@code <alias>-<generation>},
 * the generation being its UTC creation time, so a rebuilt index sorts after the one it replaces.
 */
@Component
public class IndexAdmin {

    private static final DateTimeFormatter GENERATION =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final ElasticsearchClient client;
    private final Indices indices;
    private final JsonMapper json;
    private final Clock clock;

    IndexAdmin(ElasticsearchClient client, Indices indices, JsonMapper json) {
        this.client = client;
        this.indices = indices;
        this.json = json;
        this.clock = Clock.systemUTC();
    }

    public String alias(IndexDefinition definition) {
        return indices.alias(definition.name());
    }

    /**
     * Creates the first index, {@code <alias>-v1}, with its alias, or gives an existing one the fields the mapping
     * file added since (adding fields is the only mapping change Elasticsearch allows in place; anything else needs a
     * rebuild). The fixed first name settles a race between instances starting together: one creates it, the other
     * gets "already exists".
     */
    public void ensureExists(IndexDefinition definition) {
        String alias = alias(definition);
        try {
            if (client.indices().existsAlias(a -> a.name(alias)).value()) {
                JsonNode mappings = mappingFile(definition).get("mappings");
                client.indices().putMapping(put -> put.index(alias)
                        .withJson(new StringReader(json.writeValueAsString(mappings))));
                return;
            }
            JsonNode file = mappingFile(definition);
            client.indices().create(create -> create.index(alias + "-v1")
                    .withJson(new StringReader(json.writeValueAsString(file)))
                    .aliases(alias, a -> a.isWriteIndex(true)));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A new, empty index from the mapping file, without alias, named after its creation time. Refreshing is off
     * while it is bulk-loaded; {@link #moveAlias} turns it back on.
     */
    public String createIndex(IndexDefinition definition) {
        String index = alias(definition) + "-" + GENERATION.format(clock.instant());
        ObjectNode file = (ObjectNode) mappingFile(definition);
        ((ObjectNode) file.get("settings")).put("refresh_interval", "-1");
        try {
            client.indices()
                    .create(create -> create.index(index).withJson(new StringReader(json.writeValueAsString(file))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return index;
    }

    /** The concrete indices the alias points at (one, except for a moment during a move). */
    public Set<String> indicesBehind(IndexDefinition definition) {
        try {
            GetAliasResponse response = client.indices().getAlias(get -> get.name(alias(definition)));
            return response.aliases().keySet();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Turns refreshing back on and points the alias at {@code index} only, in one atomic step (readers see the old or
     * the new index, never none). Returns the indices it pointed at before; they stay until {@link #delete}.
     */
    public Set<String> moveAlias(IndexDefinition definition, String index) {
        String alias = alias(definition);
        String refreshInterval =
                mappingFile(definition).at("/settings/refresh_interval").asString("1s");
        Set<String> previous = indicesBehind(definition);
        List<Action> actions = new ArrayList<>();
        actions.add(Action.of(a -> a.add(add -> add.index(index).alias(alias).isWriteIndex(true))));
        previous.stream()
                .filter(old -> !old.equals(index))
                .forEach(old -> actions.add(
                        Action.of(a -> a.remove(remove -> remove.index(old).alias(alias)))));
        try {
            client.indices().putSettings(put -> put.index(index)
                    .settings(settings -> settings.refreshInterval(interval -> interval.time(refreshInterval))));
            client.indices().refresh(refresh -> refresh.index(index));
            client.indices().updateAliases(update -> update.actions(actions));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return previous.stream().filter(old -> !old.equals(index)).collect(Collectors.toSet());
    }

    public void delete(Collection<String> concreteIndices) {
        try {
            for (String index : concreteIndices) {
                client.indices().delete(delete -> delete.index(index));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode mappingFile(IndexDefinition definition) {
        try (InputStream file = IndexAdmin.class.getResourceAsStream(definition.mappingResource())) {
            if (file == null) {
                throw new IllegalStateException("No mapping file " + definition.mappingResource());
            }
            return json.readTree(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
