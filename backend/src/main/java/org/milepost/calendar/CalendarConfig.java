package org.milepost.calendar;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The meeting calendar feeds ({@code milepost.calendar.*}). */
@ConfigMapping(prefix = "milepost.calendar")
public interface CalendarConfig {

    /** How long a meeting with a start time lasts in calendars; meetings do not record their length. */
    @WithDefault("PT1H")
    Duration meetingDuration();

    /** How often calendar apps are asked to fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    @WithDefault("PT1H")
    Duration refreshInterval();
}
