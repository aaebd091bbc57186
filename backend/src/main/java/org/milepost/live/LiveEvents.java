package org.milepost.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The open event streams of this instance, by group, and what they are sent: each change notification heard by
 * {@link ChangeListener}, a heartbeat comment while idle, and "resync" after the listener lost notifications.
 *
 * <p>All sending happens on one thread, so a stream never sees two writes at once and the listener never waits for a
 * client. Streams are found closed when a send fails or the client went away; a client that stops reading is cut off
 * after {@link LiveConfig#maxPendingEvents()} unsent events.
 */
@ApplicationScoped
public class LiveEvents {

    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    /** Events after which a group's streams are closed, so each viewer's right to read is checked again. */
    private static final Set<String> ACCESS_CHANGES =
            Set.of("group.updated", "group.deleted", "member.updated", "member.deleted");

    static final long RETRY_MILLIS = 3000;

    private final Map<Long, Set<Stream>> streams = new ConcurrentHashMap<>();
    private final ObjectMapper mapper;
    private final LiveConfig config;
    private ScheduledExecutorService sender;

    @Inject
    public LiveEvents(ObjectMapper mapper, LiveConfig config) {
        this.mapper = mapper;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        sender = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "milepost-live-sender");
            t.setDaemon(true);
            return t;
        });
        long every = config.heartbeat().toMillis();
        sender.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (sender != null) {
            sender.shutdownNow();
        }
        streams.values().forEach(set -> set.forEach(Stream::close));
        streams.clear();
    }

    /**
     * Opens a group's stream for a caller already allowed to read it: "ready" first (sent on the caller's thread, which
     * also writes the response head), then every change from the moment it is registered.
     */
    public void subscribe(long groupId, SseEventSink sink, Sse sse) {
        Stream stream = new Stream(groupId, sink, sse);
        stream.send(sse.newEventBuilder()
                .reconnectDelay(RETRY_MILLIS)
                .data(String.class, "{\"type\":\"ready\"}")
                .build());
        streams.compute(groupId, (id, group) -> {
            Set<Stream> set = group != null ? group : ConcurrentHashMap.newKeySet();
            set.add(stream);
            return set;
        });
    }

    /** A notification's payload, as the trigger on {@code change} wrote it; sent to that group's streams. */
    public void publish(String payload) {
        JsonNode node;
        try {
            node = mapper.readTree(payload);
        } catch (java.io.IOException e) {
            LOG.warnf("ignoring a change notification that is not JSON (%d characters)", payload.length());
            return;
        }
        if (!(node instanceof ObjectNode event) || !event.path("groupId").canConvertToLong()) {
            LOG.warn("ignoring a change notification without a groupId");
            return;
        }
        long groupId = event.remove("groupId").asLong();
        String type = event.path("type").asText("");
        String id = event.path("id").isIntegralNumber() ? event.path("id").asText() : null;
        String data = event.toString();
        execute(() -> {
            Set<Stream> group = streams.getOrDefault(groupId, Set.of());
            for (Stream stream : List.copyOf(group)) {
                var builder = stream.sse.newEventBuilder().data(String.class, data);
                if (id != null) {
                    builder.id(id);
                }
                stream.send(builder.build());
            }
            if (ACCESS_CHANGES.contains(type)) {
                for (Stream stream : List.copyOf(group)) {
                    stream.close();
                }
            }
        });
    }

    /** Tells every stream that events may have been missed (the listener reconnected): clients refetch. */
    public void resync() {
        execute(() -> streams.values().forEach(set -> List.copyOf(set)
                .forEach(stream -> stream.send(stream.sse
                        .newEventBuilder()
                        .data(String.class, "{\"type\":\"resync\"}")
                        .build()))));
    }

    /** Open streams of a group on this instance. */
    public int streamCount(long groupId) {
        return streams.getOrDefault(groupId, Set.of()).size();
    }

    private void heartbeat() {
        try {
            streams.values().forEach(set -> List.copyOf(set)
                    .forEach(stream -> stream.send(
                            stream.sse.newEventBuilder().comment("keep-alive").build())));
        } catch (RuntimeException e) {
            LOG.warn("heartbeat failed", e); // never let the schedule die
        }
    }

    private void execute(Runnable task) {
        try {
            sender.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException stopping) {
            // shutting down: streams are being closed anyway
        }
    }

    /** One client's open stream. */
    private final class Stream {
        final long groupId;
        final SseEventSink sink;
        final Sse sse;
        final AtomicInteger pending = new AtomicInteger();

        Stream(long groupId, SseEventSink sink, Sse sse) {
            this.groupId = groupId;
            this.sink = sink;
            this.sse = sse;
        }

        void send(OutboundSseEvent event) {
            if (sink.isClosed()) {
                forget();
                return;
            }
            if (pending.incrementAndGet() > config.maxPendingEvents()) {
                LOG.debugf("closing an event stream of group %d whose client stopped reading", groupId);
                close();
                return;
            }
            try {
                sink.send(event).whenComplete((ok, failure) -> {
                    pending.decrementAndGet();
                    if (failure != null) {
                        close();
                    }
                });
            } catch (IllegalStateException closed) {
                forget();
            }
        }

        void close() {
            forget();
            try {
                sink.close();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }

        private void forget() {
            streams.computeIfPresent(groupId, (id, group) -> {
                group.remove(this);
                return group.isEmpty() ? null : group;
            });
        }
    }
}
