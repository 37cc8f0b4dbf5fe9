package io.hallpass.sample;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.sample.shop.DemoShop;
import io.hallpass.sample.shop.OrdersPage;
import io.hallpass.sample.site.LoginPage;
import io.hallpass.sample.testing.AllPages;
import io.hallpass.sample.testing.Samples;
import io.hallpass.sample.web.Chrome;
import io.hallpass.sample.web.ErrorPage;
import io.hallpass.sample.web.Html;
import io.hallpass.sample.web.Section;
import io.hallpass.sample.web.Viewer;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The rendered pages: escaping, no script, who sees what. */
class PagesTest {

    private static final String HOSTILE_USER = "<script>alert('u')</script>";
    private static final String HOSTILE_AGENT = "Mozilla/5.0 \"><img src=x onerror=alert(1)>";
    private static final String HOSTILE_IP = "<b>10.0.0.1</b>";
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @Test
    void aScriptUsernameIsEscapedOnEveryPage() {
        Map<String, Html> pages = AllPages.render(HOSTILE_USER, HOSTILE_AGENT, HOSTILE_IP);
        for (Map.Entry<String, Html> page : pages.entrySet()) {
            String html = page.getValue().toString();
            assertFalse(html.contains("<script"), page.getKey() + " contains a script element");
            assertFalse(html.contains("<img"), page.getKey() + " lets a user agent inject markup");
            assertFalse(html.contains("<b>10.0.0.1"), page.getKey() + " lets an IP inject markup");
            // attribute values are quoted and escaped: take them out, then look for attributes named on...
            String unquoted = html.replaceAll("\"[^\"]*\"", "\"\"");
            assertFalse(EVENT_HANDLER.matcher(unquoted).find(), page.getKey() + " has an event handler attribute");
            assertFalse(html.contains(" style="), page.getKey() + " has an inline style, which the CSP refuses");
        }
        assertTrue(pages.get("account").toString().contains("&lt;script&gt;alert(&#39;u&#39;)&lt;/script&gt;"));
        assertTrue(pages.get("sessions").toString().contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(pages.get("sessions").toString().contains("&lt;b&gt;10.0.0.1&lt;/b&gt;"));
        assertTrue(pages.get("admin-users").toString().contains("&lt;script&gt;"));
    }

    @Test
    void theSessionsPageSaysHowManyOfTheLimitAreUsedAndTheAdminPageShowsEachAccountAgainstIt() {
        Map<String, Html> pages = AllPages.render("alice", Samples.CHROME_MAC, "192.0.2.45");
        assertFalse(pages.get("sessions").toString().contains(" sessions</strong>"), "no limit, no line");
        String limited = pages.get("sessions-limited").toString();
        assertTrue(limited.contains("<strong>3 of 3 sessions</strong>"), limited);
        assertTrue(limited.contains("refused until you sign out here"), limited);
        String admin = pages.get("admin-users").toString();
        assertTrue(admin.contains("Sessions / limit") && admin.contains("<td class=\"num\">3 / 3</td>")
                && admin.contains("<td class=\"num\">0 / 3</td>"), admin);
    }

    @Test
    void aHostileUsernameIsEncodedInFormActions() {
        String html = AllPages.render("a\"/b?c", Samples.FIREFOX, "127.0.0.1").get("admin-users").toString();
        assertTrue(html.contains("action=\"/admin/users/a%22%2Fb%3Fc/disable\""), html);
    }

    @Test
    void supportSeesOrderStatusButNoCardData() {
        String html = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1").get("orders-support").toString();
        assertTrue(html.contains("NW-10517"));
        assertTrue(html.contains("Shipped"));
        assertFalse(html.contains("4242"));
        assertFalse(html.contains("5454"));
        assertFalse(html.contains("••••"));
        assertFalse(html.contains("Visa"));
    }

    @Test
    void aCustomerSeesHerOwnOrdersWithTheMaskedCard() {
        String html = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1").get("orders-customer").toString();
        assertTrue(html.contains("Visa •••• 4242"));
        assertFalse(html.contains("NW-10527"), "another customer's order");
    }

    @Test
    void someoneWithBothRolesSeesBothViews() {
        Chrome chrome = new Chrome("", new Viewer("pat", Set.of("customer", "support"), "s"), Section.ORDERS, null);
        String html = OrdersPage.render(chrome, DemoShop.ordersOf("pat"), DemoShop.allOrders()).toString();
        assertTrue(html.contains("Your orders"));
        assertTrue(html.contains("All customer orders"));
    }

    @Test
    void navigationShowsOnlyWhatTheRolesOpen() {
        Map<String, Html> pages = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1");
        String admin = pages.get("home-admin").toString();
        assertFalse(admin.contains("href=\"/orders\""), "admin is not a super-role");
        assertFalse(admin.contains("href=\"/billing\""));
        assertTrue(admin.contains("href=\"/reports\""));
        assertTrue(admin.contains("href=\"/admin/users\""));
        String customer = pages.get("home-customer").toString();
        assertTrue(customer.contains("href=\"/orders\""));
        assertTrue(customer.contains("href=\"/billing\""));
        assertFalse(customer.contains("href=\"/reports\""));
        assertFalse(customer.contains("href=\"/admin/users\""));
    }

    @Test
    void everyPageLinksTheStylesheetAndSignedInPagesPostSignOut() {
        Map<String, Html> pages = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1");
        for (Map.Entry<String, Html> page : pages.entrySet()) {
            assertTrue(page.getValue().toString().contains("<link rel=\"stylesheet\" href=\"/static/portal.css\">"),
                    page.getKey());
        }
        assertTrue(pages.get("account").toString()
                .contains("<form method=\"post\" action=\"/auth/logout\""));
        assertFalse(pages.get("home-visitor").toString().contains("/auth/logout"));
    }

    @Test
    void theLoginPagePostsToTheFilterAndShowsTheDemoAccounts() {
        String html = LoginPage.render(Samples.chrome(Section.NONE, null), "/orders", false).toString();
        assertTrue(html.contains("<form method=\"post\" action=\"/auth/login\""));
        assertTrue(html.contains("name=\"username\""));
        assertTrue(html.contains("name=\"password\""));
        assertTrue(html.contains("<input type=\"hidden\" name=\"return\" value=\"/orders\">"));
        for (String account : new String[] {"alice-demo-pw", "sam-demo-pw", "ada-demo-pw", "casey-demo-pw"}) {
            assertTrue(html.contains(account), account);
        }
        assertFalse(html.contains("don’t match"));
        assertTrue(LoginPage.render(Samples.chrome(Section.NONE, null), null, true).toString().contains("don’t match"));
    }

    @Test
    void theLoginPageEscapesTheReturnPath() {
        String html = LoginPage.render(Samples.chrome(Section.NONE, null), "/x\"><script>", false).toString();
        assertFalse(html.contains("<script>"));
        assertTrue(html.contains("value=\"/x&quot;&gt;&lt;script&gt;\""));
    }

    @Test
    void linksCarryTheContextPath() {
        Chrome chrome = new Chrome("/portal", new Viewer("alice", Set.of("customer"), "s"), Section.HOME, null);
        String html = io.hallpass.sample.site.HomePage.render(chrome, Samples.session("alice", "customer"),
                Samples.NOW).toString();
        assertTrue(html.contains("href=\"/portal/static/portal.css\""));
        assertTrue(html.contains("href=\"/portal/orders\""));
        assertTrue(html.contains("action=\"/portal/auth/logout\""));
        assertTrue(html.contains("<a class=\"brand\" href=\"/portal/\">"));
    }

    @Test
    void theForbiddenPageSaysWhoIsSignedInAndOffersASwitch() {
        String html = ErrorPage.render(Samples.chrome(Section.NONE, "ada", "admin"), 403, null).toString();
        assertTrue(html.contains("You don’t have access to this page"));
        assertTrue(html.contains("Signed in as <strong>ada</strong>"));
        assertTrue(html.contains("action=\"/auth/logout\""));
    }

    @Test
    void thePolicyPageSaysThereIsNoGapAndShowsEveryAddressWithWhereItsRuleComesFrom() {
        Map<String, Html> pages = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1");
        String html = pages.get("admin-policy").toString();
        assertTrue(html.contains("<span class=\"badge badge-ok\">No gaps</span>"), html);
        assertTrue(html.contains("<code>/account/payout</code>"));
        assertTrue(html.contains(" · @RequireRole on PayoutServlet · re-authentication: @Sensitive on "
                + "PayoutServlet.doPost"), html);
        assertTrue(html.contains("Deliberate choices"));
        assertTrue(html.contains("href=\"/admin/users\""), "back to the admin home");
        String gap = pages.get("admin-policy-gap").toString();
        assertTrue(gap.contains("Role nobody holds"), gap);
        assertTrue(gap.contains("role &quot;reporting&quot; is named"), gap);
        assertFalse(gap.contains("No gaps"));
    }

    @Test
    void theAdminHomeLinksThePolicyPage() {
        String html = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1").get("admin-users").toString();
        assertTrue(html.contains("<a class=\"button button-ghost\" href=\"/admin/policy\">Effective policy</a>"), html);
    }

    @Test
    void serverErrorsNeverShowTheirMessage() {
        String html = AllPages.render("alice", Samples.FIREFOX, "127.0.0.1").get("error-500").toString();
        assertFalse(html.contains("secret detail"));
        assertTrue(html.contains("Something went wrong on our side"));
    }
}
