package org.imprimatur.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * The source version a version of a translation renders (docs/translations.md): the source
 * article, the version's number and its content hash, so a reader or reviewer knows exactly which
 * source text the translation says.
 */
@Schema(description = "the source version a version of a translation renders")
public record TranslationOf(UUID articleId, int version, String contentHash) {
}
