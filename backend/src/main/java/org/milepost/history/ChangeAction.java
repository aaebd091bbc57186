package org.milepost.history;

/** What happened to the entity. A card's month or place changes only by a move. */
public enum ChangeAction {
    CREATED,
    UPDATED,
    MOVED,
    DELETED
}
