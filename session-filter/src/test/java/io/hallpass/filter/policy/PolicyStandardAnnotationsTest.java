package io.hallpass.filter.policy;

import static io.hallpass.filter.policy.PolicyFixtures.compile;
import static io.hallpass.filter.policy.PolicyFixtures.error;
import static io.hallpass.filter.policy.PolicyFixtures.roles;
import static io.hallpass.filter.policy.PolicyFixtures.servlet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.filter.annotation.Public;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The standard {@code jakarta.annotation.security} annotations count like Hallpass's own: {@code @RolesAllowed}
 * as {@code @RequireRole}, {@code @PermitAll} as {@code @Public}, {@code @DenyAll} as a deny, on classes and
 * {@code doXxx} methods, with the same rules. They are read by name, so the filter also runs without the
 * annotation API on the class path.
 */
class PolicyStandardAnnotationsTest {

    // ---------------------------------------------------------------------------------------------
    // fixture servlets

    @RolesAllowed("admin")
    static class AdminOnlyServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RolesAllowed({"reporting", "admin"})
    static class ReportsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @PermitAll
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @DenyAll
        @Override
        protected void doDelete(HttpServletRequest req, HttpServletResponse resp) {
        }

        @Sensitive(reauthWithin = "2m")
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @DenyAll
    static class ClosedServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @PermitAll
    static class OpenServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RolesAllowed("**")
    static class AnySignedInServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @DenyAll
    @Sensitive(reauthWithin = "1m")
    static class DeniedSensitiveServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    /** A team migrating from one to the other may keep both while they say the same. */
    @RequireRole({"admin", "ops"})
    @RolesAllowed({"ops", "admin"})
    static class BothAgreeServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Public
        @PermitAll
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }

        @Authenticated
        @RolesAllowed("**")
        @Override
        protected void doPut(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @RolesAllowed("admin")
    static class BaseServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @PermitAll
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    /** Overrides doGet without repeating its parent's annotation, and replaces the class-level one. */
    @RequireRole("support")
    static class ChildServlet extends BaseServlet {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    // invalid ones

    @RequireRole("admin")
    @RolesAllowed("ops")
    static class DisagreeOnClassServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static class DisagreeOnMethodServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @Public
        @DenyAll
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    @PermitAll
    @RolesAllowed("admin")
    static class TwoStandardServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RolesAllowed({})
    static class NoRolesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RolesAllowed({"**", "admin"})
    static class StarsAndRolesServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    @RolesAllowed("bad role")
    static class BadRoleServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
    }

    static class StandardOnServiceServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @RolesAllowed("admin")
        @Override
        protected void service(HttpServletRequest req, HttpServletResponse resp) {
        }
    }

    static class StandardOnHelperServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;

        @DenyAll
        void export() {
        }
    }

    // ---------------------------------------------------------------------------------------------
    // each one, and where it applies

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void lookupWhenClassHasRolesAllowedThenEveryMethodNeedsTheRole(String method) throws PolicyException {
        Policy policy = compile("", servlet("admin", AdminOnlyServlet.class, "/admin/*"));
        Permission p = policy.lookup(method, "/admin/x", "admin");
        assertEquals(roles("admin"), p.requirement());
        assertEquals("@RolesAllowed on AdminOnlyServlet", p.source());
    }

    @Test
    void lookupWhenAMethodHasPermitAllOrDenyAllThenItReplacesTheClassRolesForThatMethodOnly()
            throws PolicyException {
        Policy policy = compile("", servlet("reports", ReportsServlet.class, "/reports/*"));
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/reports/x", "reports").requirement());
        assertEquals(Requirement.PUBLIC, policy.lookup("HEAD", "/reports/x", "reports").requirement(),
                "doHead falls back to doGet");
        assertEquals(Requirement.DENY, policy.lookup("DELETE", "/reports/x", "reports").requirement());
        assertEquals(roles("reporting", "admin"), policy.lookup("PUT", "/reports/x", "reports").requirement());
    }

    @Test
    void lookupWhenSensitiveMeetsClassRolesAllowedThenBothApply() throws PolicyException {
        Policy policy = compile("", servlet("reports", ReportsServlet.class, "/reports/*"));
        Permission post = policy.lookup("POST", "/reports/x", "reports");
        assertEquals(roles("reporting", "admin"), post.requirement());
        assertEquals(Duration.ofMinutes(2), post.reauthWithin());
        assertEquals("@RolesAllowed on ReportsServlet + @Sensitive on ReportsServlet.doPost", post.source());
    }

    @Test
    void lookupWhenDenyAllThenNoOneWhateverTheMethod() throws PolicyException {
        Policy policy = compile("", servlet("closed", ClosedServlet.class, "/closed"));
        for (String method : Methods.ALL) {
            assertEquals(Requirement.DENY, policy.lookup(method, "/closed", "closed").requirement(), method);
        }
    }

    @Test
    void lookupWhenDenyAllMeetsSensitiveThenStillDenyWithoutWindows() throws PolicyException {
        Permission p = compile("", servlet("d", DeniedSensitiveServlet.class, "/d")).lookup("POST", "/d", "d");
        assertEquals(Requirement.DENY, p.requirement());
        assertNull(p.reauthWithin());
    }

    @Test
    void lookupWhenPermitAllThenPublicButARuleStillHasToPass() throws PolicyException {
        assertEquals(Requirement.PUBLIC, compile("", servlet("open", OpenServlet.class, "/open"))
                .lookup("GET", "/open", "open").requirement());
        Policy ruled = compile("/open = role:staff", servlet("open", OpenServlet.class, "/open"));
        assertEquals(roles("staff"), ruled.lookup("GET", "/open", "open").requirement());
        assertEquals(Requirement.DENY, compile("/open = deny", servlet("open", OpenServlet.class, "/open"))
                .lookup("GET", "/open", "open").requirement());
    }

    @Test
    void lookupWhenRolesAllowedAndARuleNameRolesThenBothSetsMustBeHeld() throws PolicyException {
        Policy policy = compile("/admin/* = role:eu", servlet("admin", AdminOnlyServlet.class, "/admin/*"));
        assertEquals(new Requirement.Roles(List.of(Set.of("eu"), Set.of("admin"))),
                policy.lookup("GET", "/admin/x", "admin").requirement());
    }

    @Test
    void lookupWhenRolesAllowedNamesTheServletSpecsAnyRoleThenAnySignedInUser() throws PolicyException {
        Policy policy = compile("", servlet("any", AnySignedInServlet.class, "/any"));
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("GET", "/any", "any").requirement());
    }

    @Test
    void lookupWhenAHallpassAndAStandardAnnotationAgreeThenTheyCountOnce() throws PolicyException {
        Policy policy = compile("", servlet("both", BothAgreeServlet.class, "/both"));
        assertEquals(roles("admin", "ops"), policy.lookup("POST", "/both", "both").requirement());
        assertEquals("@RequireRole on BothAgreeServlet", policy.lookup("POST", "/both", "both").source());
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/both", "both").requirement());
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("PUT", "/both", "both").requirement());
    }

    @Test
    void lookupWhenInheritedThenTheNearestOfTheKindWinsWhicheverFamilyItComesFrom() throws PolicyException {
        Policy policy = compile("", servlet("child", ChildServlet.class, "/c"));
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/c", "child").requirement(),
                "the parent's @PermitAll doGet is kept by an override that does not repeat it");
        assertEquals(roles("support"), policy.lookup("POST", "/c", "child").requirement(),
                "the child's @RequireRole replaces the parent's @RolesAllowed");
    }

    // ---------------------------------------------------------------------------------------------
    // refused, each naming the servlet

    @Test
    void compileWhenAHallpassAndAStandardAnnotationDisagreeOnAClassThenRefusedNamingIt() {
        PolicyException e = error(DisagreeOnClassServlet.class);
        assertEquals(DisagreeOnClassServlet.class.getName() + ": @RequireRole and @RolesAllowed disagree "
                + "(role:admin against role:ops): keep the one you mean", e.getMessage());
    }

    @Test
    void compileWhenTheyDisagreeOnAMethodThenRefusedNamingClassAndMethod() {
        PolicyException e = error(DisagreeOnMethodServlet.class);
        assertTrue(e.getMessage().startsWith(DisagreeOnMethodServlet.class.getName()
                + ".doPost: @Public and @DenyAll disagree (public against deny)"), e.getMessage());
    }

    @Test
    void compileWhenTwoStandardAccessAnnotationsAreOnOneElementThenRefused() {
        PolicyException e = error(TwoStandardServlet.class);
        assertTrue(e.getMessage().startsWith(TwoStandardServlet.class.getName()
                + ": @PermitAll and @RolesAllowed cannot both be on one element"), e.getMessage());
    }

    @Test
    void compileWhenRolesAllowedIsEmptyOrInvalidThenRefused() {
        assertTrue(error(NoRolesServlet.class).getMessage().contains("@RolesAllowed on " + NoRolesServlet.class.getName()
                + ": names no role: use @DenyAll for no one"));
        assertTrue(error(BadRoleServlet.class).getMessage().contains("invalid role name \"bad role\""));
        assertTrue(error(StarsAndRolesServlet.class).getMessage().contains("\"**\" (any signed-in user) cannot be "
                + "combined with other roles"));
    }

    @Test
    void compileWhenAStandardAnnotationIsWhereItWouldBeIgnoredThenRefused() {
        assertTrue(error(StandardOnServiceServlet.class).getMessage().startsWith("@RolesAllowed on "
                + StandardOnServiceServlet.class.getName() + ".service: would be ignored"));
        assertTrue(error(StandardOnHelperServlet.class).getMessage().startsWith("@DenyAll on "
                + StandardOnHelperServlet.class.getName() + ".export: would be ignored"));
    }

    // ---------------------------------------------------------------------------------------------
    // without the annotation API on the class path

    /** Hallpass's own classes never name the annotation API in their bytecode: it is not a dependency. */
    @Test
    void theFiltersClassesNeverLinkAgainstTheAnnotationApi() throws IOException {
        Path classes = Path.of(AnnotationReader.class.getProtectionDomain().getCodeSource().getLocation().getPath());
        assertTrue(Files.isDirectory(classes.resolve("io/hallpass/filter")), classes.toString());
        try (Stream<Path> files = Files.walk(classes)) {
            List<Path> linking = files.filter(f -> f.toString().endsWith(".class")).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                            .contains("jakarta/annotation/");
                } catch (IOException e) {
                    throw new AssertionError(e);
                }
            }).toList();
            assertEquals(List.of(), linking);
        }
    }

    @Test
    void compileWhenTheAnnotationApiIsMissingThenHallpassAnnotatedServletsStillWork() throws Exception {
        Class<?> servlet = WithoutAnnotationApi.load(HallpassOnlyServlet.class);
        assertThrows(ClassNotFoundException.class, () -> Class.forName(RolesAllowed.class.getName(), false,
                servlet.getClassLoader()), "the application cannot see the annotation API");
        Policy policy = compile("", servlet("s", servlet, "/s"));
        assertEquals(roles("admin"), policy.lookup("GET", "/s", "s").requirement());
        assertEquals(Requirement.PUBLIC, policy.lookup("POST", "/s", "s").requirement());
    }

    @Test
    void compileWhenTheAnnotationApiIsMissingThenAServletThatUsesItIsRefusedRatherThanLeftOpen() throws Exception {
        Class<?> servlet = WithoutAnnotationApi.load(StandardWhereApiIsMissingServlet.class);
        assertEquals(0, servlet.getDeclaredAnnotations().length, "Java drops an annotation whose type is missing");
        PolicyException e = assertThrows(PolicyException.class, () -> compile("", servlet("s", servlet, "/s")));
        assertTrue(e.getMessage().startsWith(StandardWhereApiIsMissingServlet.class.getName() + ": carries "
                + "jakarta.annotation.security annotations"), e.getMessage());
        assertTrue(e.getMessage().contains("add jakarta.annotation-api to the application"), e.getMessage());
    }

    @Test
    void compileWhenTheAnnotationApiIsMissingAndAServletHasNoAnnotationsThenItIsLeftToTheRules() throws Exception {
        Class<?> servlet = WithoutAnnotationApi.load(PlainWhereApiIsMissingServlet.class);
        Policy policy = compile("/s = authenticated", servlet("s", servlet, "/s"));
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("GET", "/s", "s").requirement());
        assertFalse(policy.lookup("GET", "/s", "s").isUnmatched());
    }

    /**
     * A class loader like a web application's whose class path lacks {@code jakarta.annotation-api}: it defines
     * the given class itself, from its class file, and cannot load anything in {@code jakarta.annotation}.
     * Everything else (the Servlet API, Hallpass's annotations) comes from the test's own loader.
     */
    static final class WithoutAnnotationApi extends ClassLoader {

        private final String isolated;

        private WithoutAnnotationApi(String isolated) {
            super(WithoutAnnotationApi.class.getClassLoader());
            this.isolated = isolated;
        }

        static Class<?> load(Class<?> type) throws ClassNotFoundException {
            return Class.forName(type.getName(), false, new WithoutAnnotationApi(type.getName()));
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                if (name.startsWith("jakarta.annotation.")) {
                    throw new ClassNotFoundException(name);
                }
                if (!name.equals(isolated)) {
                    return super.loadClass(name, resolve);
                }
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return loaded;
            }
        }
    }
}

// Top-level, so that a class loader can define them on their own (a nested class needs its host's loader).

@RequireRole("admin")
class HallpassOnlyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Public
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) {
    }
}

@RolesAllowed("admin")
class StandardWhereApiIsMissingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
}

class PlainWhereApiIsMissingServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
}
