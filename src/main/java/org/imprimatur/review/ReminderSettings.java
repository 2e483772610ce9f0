package org.imprimatur.review;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/**
 * How often each replica looks for reviews falling due (docs/integration.md, "Review reminders");
 * {@link ReviewReminders} schedules itself by these properties' names.
 */
@ConfigMapping(prefix = "imprimatur.reminders")
public interface ReminderSettings {

    /** Between two looks; each reminder is written once per due date whatever the interval. */
    @WithDefault("15M")
    Duration interval();

    /** After start, before the first look. */
    @WithDefault("20S")
    Duration firstLook();
}
