package org.milepost.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;
import org.milepost.common.security.CurrentUser;

/**
 * Writes history entries for the services, in the caller's transaction (ADR 0010): a change and its history commit or
 * roll back together. Whatever the number of entries, recording costs one INSERT statement; the database's trigger on
 * {@code change} turns it into one NOTIFY for live updates (ADR 0011), delivered only if the transaction commits.
 *
 * <p>Call it after the change has been flushed, so the entity's new version is known and a refused write (a stale
 * version, a broken rule) never reaches it.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HistoryRecorder {

    /** The channel the trigger on {@code change} notifies (V3__history_and_feeds.sql) and every instance listens to. */
    public static final String CHANNEL = "milepost_changes";

    private static final String INSERT =
            """
            insert into change (group_id, entity_type, entity_id, entity_version, action, title, month,
                                actor_subject, actor_name, changed_at, summary, diff)
            select :group, e.v ->> 'type', cast(e.v ->> 'entityId' as bigint), cast(e.v ->> 'version' as integer),
                   e.v ->> 'action', e.v ->> 'title', cast(e.v ->> 'month' as date),
                   cast(:subject as varchar), cast(:name as varchar), cast(:at as timestamptz),
                   e.v ->> 'summary', e.v -> 'diff'
            from jsonb_array_elements(cast(:entries as jsonb)) with ordinality as e(v, n)
            order by e.n""";

    private final EntityManager em;
    private final CurrentUser user;
    private final ObjectMapper mapper;

    @Inject
    public HistoryRecorder(EntityManager em, CurrentUser user, ObjectMapper mapper) {
        this.em = em;
        this.user = user;
        this.mapper = mapper;
    }

    public void created(
            long groupId,
            EntityType type,
            long id,
            Integer version,
            String title,
            YearMonth month,
            Map<String, Object> fields) {
        record(groupId, List.of(Entry.created(type, id, version, title, month, fields)));
    }

    /** Records the fields that differ between {@code before} and {@code after}; nothing if none do. */
    public void updated(
            long groupId,
            EntityType type,
            long id,
            Integer version,
            String title,
            YearMonth month,
            Map<String, Object> before,
            Map<String, Object> after) {
        record(groupId, List.of(Entry.updated(type, id, version, title, month, before, after)));
    }

    public void moved(long groupId, long cardId, int version, String title, YearMonth from, YearMonth to) {
        record(groupId, List.of(Entry.moved(cardId, version, title, from, to, null)));
    }

    public void deleted(
            long groupId, EntityType type, long id, String title, YearMonth month, Map<String, Object> fields) {
        record(groupId, List.of(Entry.deleted(type, id, title, month, fields)));
    }

    /**
     * Records entries of one group in one statement (a batch of cards: one INSERT, one "batch" event). Empty updates are
     * left out; with nothing left, nothing is written.
     */
    public void record(long groupId, List<Entry> entries) {
        List<Map<String, Object>> rows = new ArrayList<>(entries.size());
        for (Entry entry : entries) {
            if (!entry.isEmpty()) {
                rows.add(row(entry));
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        String[] actor = actor();
        em.createNativeQuery(INSERT)
                .unwrap(NativeQuery.class)
                .setParameter("group", groupId, StandardBasicTypes.LONG)
                .setParameter("subject", actor[0], StandardBasicTypes.STRING)
                .setParameter("name", actor[1], StandardBasicTypes.STRING)
                .setParameter("at", Instant.now().truncatedTo(ChronoUnit.MICROS), StandardBasicTypes.INSTANT)
                .setParameter("entries", json(rows), StandardBasicTypes.STRING)
                .executeUpdate();
    }

    /**
     * A deleted group takes its history with it (the rows cascade), so there is no row to insert; people watching the
     * group still hear of it, in the same transaction, through the same channel.
     */
    public void announceDeletedGroup(long groupId, String name) {
        String[] actor = actor();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", null);
        event.put("groupId", groupId);
        event.put("type", "group.deleted");
        event.put("entityType", EntityType.GROUP.name());
        event.put("entityId", groupId);
        event.put("cardId", null);
        event.put("action", ChangeAction.DELETED.name());
        event.put("title", name);
        event.put("month", null);
        event.put("version", null);
        Map<String, Object> who = new LinkedHashMap<>();
        who.put("subject", actor[0]);
        who.put("name", actor[1]);
        event.put("actor", who);
        event.put("summary", "deleted the group");
        event.put("at", Instant.now().toString());
        em.createNativeQuery("select count(*) from (select pg_notify(:channel, :payload)) n")
                .setParameter("channel", CHANNEL)
                .setParameter("payload", json(event))
                .getSingleResult();
    }

    private static Map<String, Object> row(Entry entry) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("type", entry.type().name());
        row.put("entityId", entry.entityId());
        row.put("version", entry.version());
        row.put("action", entry.action().name());
        row.put("title", entry.title());
        row.put("month", entry.month() == null ? null : entry.month().atDay(1).toString());
        row.put("summary", entry.summary());
        row.put("diff", entry.diff());
        return row;
    }

    /** Who is changing things: the signed-in caller; nobody outside a request (start-up tasks, tests). */
    private String[] actor() {
        if (!Arc.container().requestContext().isActive() || user.isAnonymous()) {
            return new String[] {null, null};
        }
        String name = user.displayName();
        if (name != null && name.length() > 200) {
            name = name.substring(0, 200);
        }
        return new String[] {user.subject(), name};
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("history entry cannot be written as JSON", e);
        }
    }
}
