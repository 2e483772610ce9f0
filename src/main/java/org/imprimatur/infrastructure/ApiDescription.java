package org.imprimatur.infrastructure;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OpenAPI document's header: what the API is, where it runs, how callers authenticate. */
@OpenAPIDefinition(
        info = @Info(title = "Imprimatur API", version = "1",
                description = "Medically reviewed health articles: the public delivery API and the editorial workflow. "
                        + "Errors are RFC 9457 problem+json documents.",
                license = @License(name = "Proprietary", url = "https://imprimatur.invalid/licence")),
        servers = @Server(url = "/", description = "This service"),
        tags = {
                @Tag(name = "Delivery (public)", description = "Published articles for front ends; no account needed"),
                @Tag(name = "Authentication", description = "Tokens for built-in accounts, the keys that verify them"),
                @Tag(name = "Editorial: articles", description = "Creating and saving versions of articles"),
                @Tag(name = "Editorial: workflow", description = "Submitting, reviewing, publishing and retracting"),
                @Tag(name = "Editorial: releases", description = "Several approved versions that go live together, or not at all"),
                @Tag(name = "Editorial: review", description = "The review queue, due reviews and diffs"),
                @Tag(name = "Editorial: translations", description = "Translations of an article, each reviewed on its own and tied to the source version it renders"),
                @Tag(name = "Editorial: audit", description = "Each article's hash-chained audit trail"),
                @Tag(name = "Audit checkpoints", description = "Signed heads of every audit chain, for outsiders to keep"),
                @Tag(name = "Accounts", description = "Staff accounts, their roles and their recorded changes (admins)"),
                @Tag(name = "Previews", description = "Signed, expiring links that show one version without an account"),
                @Tag(name = "Webhooks", description = "Signed CloudEvents about articles, their delivery log (admins)")})
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "A token from POST /api/v1/auth/token, or from the configured OpenID Connect issuer")
public class ApiDescription extends Application {
}
