package io.hallpass.sample.testing;

import io.hallpass.filter.policy.PolicyReport;
import io.hallpass.realm.AuditEvent;
import io.hallpass.realm.RoleGrant;
import io.hallpass.realm.SessionLimit;
import io.hallpass.realm.SessionView;
import io.hallpass.sample.account.AccountPage;
import io.hallpass.sample.account.SessionsPage;
import io.hallpass.sample.admin.AdminUsersPage;
import io.hallpass.sample.admin.AuditPage;
import io.hallpass.sample.admin.PolicyPage;
import io.hallpass.sample.admin.UserRow;
import io.hallpass.sample.shop.BillingPage;
import io.hallpass.sample.shop.DemoShop;
import io.hallpass.sample.shop.OrdersPage;
import io.hallpass.sample.shop.Payouts;
import io.hallpass.sample.shop.ReportsPage;
import io.hallpass.sample.site.HomePage;
import io.hallpass.sample.site.LoginPage;
import io.hallpass.sample.web.ErrorPage;
import io.hallpass.sample.web.Flash;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Section;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every page of the portal rendered with sample data, by name: used by the page tests and by the previews.
 * {@code user} is the username shown everywhere a username appears, so a test can pass a hostile one.
 */
public final class AllPages {

    private AllPages() {
    }

    private static PolicyReport portalPolicyReport() {
        try {
            return PortalPolicy.onTomcat().report();
        } catch (Exception e) {
            throw new IllegalStateException("the portal's policy does not compile", e);
        }
    }

    public static Map<String, Html> render(String user, String userAgent, String ip) {
        Instant now = Samples.NOW;
        Map<String, Html> pages = new LinkedHashMap<>();
        SessionView alice = Samples.session("s-current", user, Set.of("customer"), Duration.ofMinutes(12), ip, userAgent);
        List<SessionView> sessions = List.of(alice,
                Samples.session("s-phone", user, Set.of("customer"), Duration.ofDays(2), "198.51.100.23", Samples.IPHONE),
                Samples.session("s-laptop", user, Set.of("customer"), Duration.ofHours(5), "192.0.2.45", Samples.CHROME_MAC));

        pages.put("home-visitor", HomePage.render(Samples.chrome(Section.HOME, null), null, now));
        pages.put("home-customer", HomePage.render(Samples.chrome(Section.HOME, user, "customer"), alice, now));
        pages.put("home-admin", HomePage.render(Samples.chrome(Section.HOME, "ada", "admin"),
                Samples.session("ada", "admin"), now));
        pages.put("login", LoginPage.render(Samples.chrome(Section.NONE, null), "/orders", false));
        pages.put("login-error", LoginPage.render(Samples.chrome(Section.NONE, null), null, true));
        pages.put("account", AccountPage.render(Samples.chrome(Section.ACCOUNT, user, "customer")
                        .withFlash(Flash.success("Password changed. 2 other sessions were signed out.")),
                Samples.account(user, "customer"),
                List.of(new RoleGrant("customer", Instant.parse("2025-03-02T09:00:00Z"), null, "demo-seed")),
                alice, now));
        pages.put("account-casey", AccountPage.render(Samples.chrome(Section.ACCOUNT, "casey", "reporting"),
                Samples.account("casey", "reporting"),
                List.of(new RoleGrant("reporting", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)), "demo-seed")),
                Samples.session("casey", "reporting"), now));
        pages.put("sessions", SessionsPage.render(Samples.chrome(Section.ACCOUNT, user, "customer"), sessions,
                "s-current", Optional.empty(), now));
        pages.put("sessions-limited", SessionsPage.render(Samples.chrome(Section.ACCOUNT, user, "customer"),
                sessions, "s-current", Optional.of(new SessionLimit(3, SessionLimit.Policy.REFUSE_NEW)), now));
        pages.put("orders-customer", OrdersPage.render(Samples.chrome(Section.ORDERS, user, "customer"),
                DemoShop.ordersOf("alice"), null));
        pages.put("orders-support", OrdersPage.render(Samples.chrome(Section.ORDERS, "sam", "support"), null,
                DemoShop.allOrders()));
        pages.put("billing", BillingPage.render(Samples.chrome(Section.BILLING, user, "customer")
                        .withFlash(Flash.success("Payout requested. It will reach your bank in 1–3 working days.")),
                DemoShop.cardsOf("alice"), DemoShop.invoicesOf("alice"), new BigDecimal("225.00"),
                List.of(new Payouts.Payout(new BigDecimal("25.00"), now.minus(Duration.ofMinutes(3)))), now));
        pages.put("reports", ReportsPage.index(Samples.chrome(Section.REPORTS, "casey", "reporting")));
        pages.put("reports-sales", ReportsPage.sales(Samples.chrome(Section.REPORTS, "casey", "reporting"),
                DemoShop.monthlySales()));
        pages.put("reports-fulfilment", ReportsPage.fulfilment(Samples.chrome(Section.REPORTS, "casey", "reporting"),
                DemoShop.fulfilment()));
        pages.put("admin-users", AdminUsersPage.render(Samples.chrome(Section.ADMIN, "ada", "admin"), List.of(
                new UserRow(Samples.account("ada", "admin"),
                        List.of(new RoleGrant("admin", now.minus(Duration.ofDays(30)), null, "demo-seed")), 1),
                new UserRow(Samples.account(user, "customer"),
                        List.of(new RoleGrant("customer", now.minus(Duration.ofDays(30)), null, "demo-seed")), 3),
                new UserRow(Samples.account("casey", "reporting"), List.of(new RoleGrant("reporting",
                        now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(6)), "demo-seed")), 0),
                new UserRow(new io.hallpass.realm.AccountView(9, "sam", false, Set.of(), now.minus(Duration.ofDays(30)),
                        now.minus(Duration.ofDays(30))),
                        List.of(new RoleGrant("support", now.minus(Duration.ofDays(30)), null, "demo-seed")), 0)),
                Optional.of(new SessionLimit(3, SessionLimit.Policy.END_OLDEST)), now));
        pages.put("admin-audit", AuditPage.render(Samples.chrome(Section.ADMIN, "ada", "admin"), List.of(
                new AuditEvent(5, now.minusSeconds(30), AuditEvent.Type.ACCOUNT_DISABLED, 9L, "sam", null, ip, "by ada"),
                new AuditEvent(4, now.minusSeconds(90), AuditEvent.Type.REAUTHENTICATED, 1L, "ada", "s-9f2", ip, null),
                new AuditEvent(3, now.minusSeconds(600), AuditEvent.Type.LOGIN_SUCCEEDED, 7L, user, "s-current", ip, null),
                new AuditEvent(2, now.minusSeconds(700), AuditEvent.Type.LOGIN_FAILED, null, "unknown:1f3a", null, ip,
                        "wrong password"),
                new AuditEvent(1, now.minusSeconds(900), AuditEvent.Type.NEW_DEVICE, 7L, user, "s-current", ip, null)),
                now));
        PolicyReport policy = portalPolicyReport();
        pages.put("admin-policy", PolicyPage.render(Samples.chrome(Section.ADMIN, "ada", "admin"),
                policy.withRolesHeld(PortalPolicy.DEMO_ROLES), 4));
        pages.put("admin-policy-gap", PolicyPage.render(Samples.chrome(Section.ADMIN, "ada", "admin"),
                policy.withRolesHeld(Set.of("customer", "support", "admin")), 3));
        pages.put("error-403", ErrorPage.render(Samples.chrome(Section.NONE, user, "customer"), 403, null));
        pages.put("error-403-visitor", ErrorPage.render(Samples.chrome(Section.NONE, null), 403, null));
        pages.put("error-404", ErrorPage.render(Samples.chrome(Section.NONE, user, "customer"), 404, null));
        pages.put("error-400", ErrorPage.render(Samples.chrome(Section.NONE, user, "customer"), 400,
                "amount must be a number of euros with at most two decimals, like 25.00"));
        pages.put("error-500", ErrorPage.render(Samples.chrome(Section.NONE, null), 500, "secret detail"));
        return pages;
    }
}
