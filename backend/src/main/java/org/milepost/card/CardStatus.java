package org.milepost.card;

public enum CardStatus {
    PLANNED,
    IN_PROGRESS,
    DONE,
    BLOCKED,
    DROPPED
}
