package io.hallpass.sample.web;

/** The portal's sections, for the navigation bar. Each shows only to the roles the rules let in. */
public enum Section {
    HOME("Overview", ""),
    ORDERS("Orders", "/orders"),
    BILLING("Billing", "/billing"),
    REPORTS("Reports", "/reports"),
    ADMIN("Admin", "/admin/users"),
    ACCOUNT("Account", "/account"),
    NONE("", "");

    private final String label;
    private final String path;

    Section(String label, String path) {
        this.label = label;
        this.path = path;
    }

    public String label() {
        return label;
    }

    /** The app-relative path of the section's first page ({@code ""} is the home page). */
    public String path() {
        return path;
    }

    /**
     * Whether the section belongs in this viewer's navigation. It mirrors {@code hallpass-rules.txt}; hiding a
     * link is a courtesy, the filter is what refuses.
     */
    public boolean visibleTo(Viewer viewer) {
        return switch (this) {
            case HOME -> true;
            case ORDERS -> viewer != null && viewer.hasAny("customer", "support");
            case BILLING -> viewer != null && viewer.has("customer");
            case REPORTS -> viewer != null && viewer.hasAny("reporting", "admin");
            case ADMIN -> viewer != null && viewer.has("admin");
            case ACCOUNT -> viewer != null;
            case NONE -> false;
        };
    }
}
