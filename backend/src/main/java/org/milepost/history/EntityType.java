package org.milepost.history;

/** What a history entry is about. */
public enum EntityType {
    CARD,
    MILESTONE,
    PHASE,
    GOAL,
    MEETING,
    GROUP,
    MEMBER
}
