package org.milepost.meeting;

import java.util.Locale;

/** Which meetings a list shows, and in which order. */
public enum MeetingFilter {
    /** Today and later, soonest first; meetings without a date last, by number. */
    UPCOMING,
    /** Before today, most recent first. */
    PAST,
    /** Every meeting, by number. */
    ALL;

    /** The query parameter's spelling: "upcoming", "past", "all". */
    public static final String PATTERN = "upcoming|past|all";

    public static MeetingFilter of(String when) {
        return valueOf(when.toUpperCase(Locale.ROOT));
    }
}
