package org.milepost.member;

/** A person's role in one working group. Chairs manage the group; members edit; observers read. */
public enum GroupRole {
    CHAIR,
    MEMBER,
    OBSERVER;

    public boolean canEdit() {
        return this == CHAIR || this == MEMBER;
    }
}
