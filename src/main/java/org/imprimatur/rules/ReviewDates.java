package org.imprimatur.rules;

import java.time.LocalDate;

/** When a review falls due again. */
public final class ReviewDates {

    private ReviewDates() {
    }

    /** The review interval after the day of review; 31 January + 1 month is 28/29 February. */
    public static LocalDate nextReviewDue(LocalDate reviewedOn, int intervalMonths) {
        return reviewedOn.plusMonths(intervalMonths);
    }
}
