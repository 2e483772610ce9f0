package org.imprimatur.article;

import jakarta.ws.rs.core.Response;

/** How the editorial API answers with one version: the article view and its strong ETag. */
public final class EditorialResponses {

    private EditorialResponses() {
    }

    public static Response withETag(ArticleViews.Saved saved) {
        return withETag(Response.ok(saved.view()), saved);
    }

    public static Response withETag(Response.ResponseBuilder response, ArticleViews.Saved saved) {
        // ResponseBuilder.tag(String) writes the quotes of a strong entity tag itself
        String etag = saved.etag();
        return response.tag(etag.substring(1, etag.length() - 1)).build();
    }
}
