package io.hallpass.sample.web;

import java.util.Objects;

/**
 * What every page needs besides its own content: where the application is deployed, who is looking, which
 * section is open, and a flash message if there is one.
 *
 * @param contextPath the context path, {@code ""} at the root; every link is prefixed with it
 * @param viewer      the signed-in user, or null
 * @param section     the open section, for the navigation
 * @param flash       a message for the top of the page, or null
 */
public record Chrome(String contextPath, Viewer viewer, Section section, Flash flash) {

    public Chrome {
        Objects.requireNonNull(contextPath, "contextPath");
        Objects.requireNonNull(section, "section");
    }

    public Chrome withFlash(Flash newFlash) {
        return new Chrome(contextPath, viewer, section, newFlash);
    }

    public boolean signedIn() {
        return viewer != null;
    }

    /** An app-relative path ({@code /orders}) as a link from this deployment. */
    public String href(String path) {
        return path.isEmpty() ? contextPath + "/" : contextPath + path;
    }
}
