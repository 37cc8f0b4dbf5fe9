/**
 * The admin area. {@link io.hallpass.sample.admin.AdminServlet} serves {@code /admin/*} and forwards the sensitive
 * account changes (disable, enable, roles) to {@link io.hallpass.sample.admin.AccountChangesServlet}, whose own path
 * the rules mark {@code reauth}: a {@code url-pattern} cannot tell {@code /admin/users/x/disable} from
 * {@code /admin/users/x/revoke-sessions}, a forward target can. {@link io.hallpass.sample.admin.PolicyPage}
 * shows the effective policy the filter compiled, its gaps, and the portal's deliberate choices.
 */
package io.hallpass.sample.admin;
