package org.milepost.common.web;

import java.time.LocalDate;
import java.time.YearMonth;

/** Months travel as {@code YearMonth} ("2024-05") in the API and as the month's first day in the database. */
public final class Months {

    private Months() {}

    public static LocalDate toDate(YearMonth month) {
        return month == null ? null : month.atDay(1);
    }

    public static YearMonth of(LocalDate date) {
        return date == null ? null : YearMonth.from(date);
    }
}
