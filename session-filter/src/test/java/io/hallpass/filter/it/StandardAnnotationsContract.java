package io.hallpass.filter.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The standard {@code @RolesAllowed}, {@code @DenyAll} and {@code @PermitAll} protect servlets on the wire, with no
 * Hallpass annotation and no rule of their own, in every container (through a subclass). {@code @PermitAll} is
 * still subject to a rule that applies.
 */
public abstract class StandardAnnotationsContract extends ContainerSuite {

    @Override
    protected TestApp application() {
        return application(realm)
                .servlet("std-admin", new StandardServlets.AdminOnly(), "/std/admin")
                .servlet("std-closed", new StandardServlets.Closed(), "/std/closed")
                .servlet("std-open", new StandardServlets.Open(), "/std/open")
                .servlet("std-ruled", new StandardServlets.Open(), "/std/ruled/*")
                .param("rules", RULES + "GET /std/ruled/* = role:admin\n");
    }

    @Test
    void rolesAllowedAloneRefusesASignedInUserWithoutTheRole() {
        int hits = TestServlets.PROTECTED_HITS.get();
        RawHttp.Response r = apiGet("/std/admin", login(newUser("customer")));
        assertEquals(403, r.status(), r.toString());
        assertFalse(r.body().contains("TOP-SECRET"), r.toString());
        assertEquals(hits, TestServlets.PROTECTED_HITS.get(), "the servlet never ran");
    }

    @Test
    void rolesAllowedAloneAdmitsASignedInUserWithTheRole() {
        String admin = newUser("admin");
        RawHttp.Response r = apiGet("/std/admin", login(admin));
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().startsWith("TOP-SECRET roles-allowed user=" + admin + " admin=true"), r.body());
    }

    @Test
    void rolesAllowedAloneSendsAnAnonymousClientToSignIn() {
        RawHttp.Response r = http.request("GET", "/std/admin").api().send();
        assertEquals(401, r.status(), r.toString());
    }

    @Test
    void denyAllRefusesEveryoneEvenAnAdministrator() {
        int hits = TestServlets.PROTECTED_HITS.get();
        assertEquals(403, apiGet("/std/closed", login(newUser("admin"))).status());
        assertEquals(403, http.request("GET", "/std/closed").api().send().status());
        assertEquals(hits, TestServlets.PROTECTED_HITS.get());
    }

    @Test
    void permitAllIsPublic() {
        RawHttp.Response r = http.request("GET", "/std/open").api().send();
        assertEquals(200, r.status(), r.toString());
        assertTrue(r.body().startsWith("permit-all user=null"), r.body());
    }

    @Test
    void permitAllIsStillSubjectToARuleThatApplies() {
        assertEquals(401, http.request("GET", "/std/ruled/x").api().send().status());
        assertEquals(403, apiGet("/std/ruled/x", login(newUser("customer"))).status());
        assertEquals(200, apiGet("/std/ruled/x", login(newUser("admin"))).status());
    }
}
