package org.milepost.live;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Live updates ({@code milepost.live.*}): the LISTEN connection and the event streams (ADR 0011). */
@ConfigMapping(prefix = "milepost.live")
public interface LiveConfig {

    /** Listen to the database for changes. Off, event streams stay open but carry only heartbeats. */
    @WithDefault("true")
    boolean enabled();

    /** How often an idle event stream gets a comment line, so proxies and browsers keep it open. */
    @WithDefault("PT15S")
    Duration heartbeat();

    /** After this long without a notification the listening connection is checked with a query. */
    @WithDefault("PT10S")
    Duration checkAfter();

    /** The first wait before connecting again after losing the listening connection; doubles up to maxReconnectDelay. */
    @WithDefault("PT0.5S")
    Duration reconnectDelay();

    @WithDefault("PT10S")
    Duration maxReconnectDelay();

    /** A stream this many events behind (a client that stopped reading) is closed; it reconnects and refetches. */
    @WithDefault("1000")
    int maxPendingEvents();
}
