package org.imprimatur.integration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/**
 * E-mail reminders (docs/integration.md, "Review reminders"). Off unless an SMTP host is given;
 * port, credentials, TLS and the sender are Quarkus mailer settings (QUARKUS_MAILER_*).
 */
@ConfigMapping(prefix = "imprimatur.mail")
public interface MailSettings {

    /** The SMTP server; without one, no e-mail is sent. */
    Optional<String> smtpHost();

    /** How often each replica looks for e-mail to send. */
    @WithDefault("5S")
    Duration pollInterval();

    /** Events older than this when mail is first looked at (say, after mail was off) are not mailed. */
    @WithDefault("7D")
    Duration freshFor();

    /** How long a failing e-mail is retried. */
    @WithDefault("24H")
    Duration retryWindow();

    default boolean enabled() {
        return smtpHost().filter(host -> !host.isBlank()).isPresent();
    }
}
