package org.milepost.history;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An entity's recordable fields, by their API (JSON) names, in the order people read them. Services take one before and
 * one after a change and give both to {@link HistoryRecorder}, which keeps what differs.
 */
public final class Fields {

    private Fields() {}

    /** From alternating names and values ({@code "title", "Draft", "status", CardStatus.PLANNED}); values may be null. */
    public static Map<String, Object> of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }
}
