package org.imprimatur.studio;

import io.quarkus.qute.TemplateExtension;
import org.imprimatur.rules.WorkflowState;

/** Words for templates: {@code {article.state.label}} reads "Changes requested", not CHANGES_REQUESTED. */
@TemplateExtension
public final class StudioTemplateExtensions {

    private StudioTemplateExtensions() {
    }

    static String label(WorkflowState state) {
        return StudioText.state(state);
    }
}
