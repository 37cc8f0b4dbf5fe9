package io.hallpass.filter.policy;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.filter.annotation.Public;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.realm.RoleNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the access annotations of one servlet class into one {@link Permission} per HTTP method.
 *
 * <p>Two kinds: "who" ({@code @Public}, {@code @Authenticated}, {@code @RequireRole}, and the standard
 * {@code jakarta.annotation.security} {@code @PermitAll}, {@code @RolesAllowed}, {@code @DenyAll}) and "how
 * recently" ({@code @Sensitive}). Where they are looked for, per kind:
 * <ol>
 *   <li>the handler method ({@code doGet} for GET, ...), the nearest declaration up the class hierarchy
 *       (below {@code HttpServlet}) that carries an annotation of that kind, any visibility;</li>
 *   <li>for HEAD only, then {@code doGet}'s, found the same way (as {@code HttpServlet.doHead} calls
 *       {@code doGet});</li>
 *   <li>the class, or the nearest superclass carrying an annotation of that kind.</li>
 * </ol>
 * So a method's annotation replaces the class's annotation of the same kind, and an override that does not
 * repeat its ancestor's annotation keeps it: removing a restriction takes an explicit {@code @Public}.
 * An annotation anywhere else in the servlet's classes (on {@code service}, on {@code doTrace}, on a helper,
 * on a {@code doGet} with another signature) is an error rather than silently ignored.
 *
 * <p>The standard annotations are recognised by their type's name and read reflectively: Hallpass does not
 * link against {@code jakarta.annotation-api}, so it starts where that jar is absent. Java drops an annotation
 * whose type it cannot load, so a servlet compiled with them and deployed without the jar would look
 * unannotated; the reader then reads the class file, and refuses the servlet if it mentions them.
 */
final class AnnotationReader {

    /** Handler names, in the order of {@link Methods#ALL}. */
    private static final List<String> HANDLERS =
            List.of("doGet", "doHead", "doPost", "doPut", "doPatch", "doDelete", "doOptions");

    private static final String STANDARD_PACKAGE = "jakarta.annotation.security.";

    /** The "who" annotations, by type name; the standard ones are never loaded by Hallpass itself. */
    private enum Access {
        PUBLIC(Public.class.getName()),
        AUTHENTICATED(Authenticated.class.getName()),
        REQUIRE_ROLE(RequireRole.class.getName()),
        PERMIT_ALL(STANDARD_PACKAGE + "PermitAll"),
        DENY_ALL(STANDARD_PACKAGE + "DenyAll"),
        ROLES_ALLOWED(STANDARD_PACKAGE + "RolesAllowed");

        final String typeName;

        Access(String typeName) {
            this.typeName = typeName;
        }

        boolean standard() {
            return typeName.startsWith(STANDARD_PACKAGE);
        }

        static Access of(Annotation a) {
            String name = a.annotationType().getName();
            for (Access access : values()) {
                if (access.typeName.equals(name)) {
                    return access;
                }
            }
            return null;
        }
    }

    private final PolicySettings settings;
    private final Map<ClassLoader, Boolean> standardApiVisible = new HashMap<>();

    AnnotationReader(PolicySettings settings) {
        this.settings = settings;
    }

    /**
     * What one servlet class says, per method of {@link Methods#ALL}: the permission (null where no annotation
     * applies) and where each part came from (null where no annotation of that kind applies).
     */
    record ServletAnnotations(Permission[] permissions, PolicyReport.Origin[] accessFrom,
                              PolicyReport.Origin[] sensitiveFrom) {
    }

    /** An annotation found on an element, with the names used in errors and in permission sources. */
    private record Found(Annotation annotation, Access access, Class<?> owner, String method) {

        String shortElement() {
            return name(owner) + (method == null ? "" : "." + method);
        }

        String fullElement() {
            return owner.getName() + (method == null ? "" : "." + method);
        }

        String simpleName() {
            return "@" + annotation.annotationType().getSimpleName();
        }

        String source() {
            return simpleName() + " on " + shortElement();
        }

        String location() {
            return simpleName() + " on " + fullElement();
        }

        PolicyReport.Origin origin() {
            return new PolicyReport.Origin.FromAnnotation(simpleName(), owner.getName(), method);
        }
    }

    /**
     * The permissions and their origins; null when the class carries no access annotation at all.
     *
     * @throws PolicyException naming the class (and method) of an annotation that is invalid, duplicated,
     *                         placed where it would be ignored, unreadable, or that makes HEAD looser than GET
     */
    ServletAnnotations read(Class<?> servletClass) throws PolicyException {
        List<Class<?>> hierarchy = hierarchy(servletClass);
        checkNoStrayAnnotations(hierarchy);
        checkStandardAnnotationsAreReadable(hierarchy);

        Found classAccess = null;
        Found classSensitive = null;
        for (Class<?> c : hierarchy) {
            Found access = access(c, c, null);
            Found sensitive = sensitive(c, c, null);
            classAccess = classAccess == null ? access : classAccess;
            classSensitive = classSensitive == null ? sensitive : classSensitive;
        }
        Found[] methodAccess = new Found[HANDLERS.size()];
        Found[] methodSensitive = new Found[HANDLERS.size()];
        for (int i = 0; i < HANDLERS.size(); i++) {
            for (Class<?> c : hierarchy) {
                Method handler = handler(c, HANDLERS.get(i));
                if (handler == null) {
                    continue;
                }
                Found access = access(handler, c, handler.getName());
                Found sensitive = sensitive(handler, c, handler.getName());
                methodAccess[i] = methodAccess[i] == null ? access : methodAccess[i];
                methodSensitive[i] = methodSensitive[i] == null ? sensitive : methodSensitive[i];
            }
        }

        int n = HANDLERS.size();
        Permission[] permissions = new Permission[n];
        Found[] accessUsed = new Found[n];
        Found[] sensitiveUsed = new Found[n];
        boolean any = false;
        for (int i = 0; i < n; i++) {
            accessUsed[i] = pick(methodAccess, i, classAccess);
            sensitiveUsed[i] = pick(methodSensitive, i, classSensitive);
            permissions[i] = permission(accessUsed[i], sensitiveUsed[i]);
            any |= permissions[i] != null;
        }
        if (!any) {
            return null;
        }
        checkHeadIsNotLooserThanGet(permissions, accessUsed, sensitiveUsed);
        PolicyReport.Origin[] accessFrom = new PolicyReport.Origin[n];
        PolicyReport.Origin[] sensitiveFrom = new PolicyReport.Origin[n];
        for (int i = 0; i < n; i++) {
            accessFrom[i] = accessUsed[i] == null ? null : accessUsed[i].origin();
            sensitiveFrom[i] = sensitiveUsed[i] == null ? null : sensitiveUsed[i].origin();
        }
        return new ServletAnnotations(permissions, accessFrom, sensitiveFrom);
    }

    private static Found pick(Found[] byMethod, int i, Found onClass) {
        if (byMethod[i] != null) {
            return byMethod[i];
        }
        if (i == Methods.HEAD && byMethod[Methods.GET] != null) {
            return byMethod[Methods.GET];
        }
        return onClass;
    }

    /**
     * The container answers HEAD with what GET would answer (status, headers, length), through {@code doGet}
     * unless {@code doHead} is overridden, and an overridden {@code doHead} exists to do the same more cheaply.
     * So HEAD may not ask less than GET. HEAD can only differ from GET through an annotation on {@code doHead}
     * (otherwise it inherits GET's, kind by kind), which is what the message names. Where GET has no annotation,
     * it is unmatched wherever no rule applies: denied, unless unmatched requests are let through.
     */
    private void checkHeadIsNotLooserThanGet(Permission[] permissions, Found[] access, Found[] sensitive)
            throws PolicyException {
        Permission head = permissions[Methods.HEAD];
        if (head == null) {
            return;
        }
        Permission get = permissions[Methods.GET];
        Permission getOrUnmatched = get != null ? get : Permission.unmatched(settings.denyUnmatched());
        if (Permission.atLeastAsStrict(head, getOrUnmatched)) {
            return;
        }
        // HEAD inherits GET's annotation of each kind that doHead lacks: the difference is on doHead
        boolean whoIsLooser = !Permission.implies(head.requirement(), getOrUnmatched.requirement());
        Found culprit = isOnDoHead(access[Methods.HEAD]) && (whoIsLooser || !isOnDoHead(sensitive[Methods.HEAD]))
                ? access[Methods.HEAD] : sensitive[Methods.HEAD];
        if (culprit == null) {
            culprit = access[Methods.HEAD] != null ? access[Methods.HEAD] : sensitive[Methods.HEAD];
        }
        String getSays = get == null
                ? "which no annotation covers, so it is denied wherever no rule applies"
                : "which asks for " + get.summary() + " (" + get.source() + ")";
        throw new PolicyException(culprit.location(), "HEAD would ask for " + head.summary() + ", less than GET, "
                + getSays + ": the container answers HEAD with GET's status and headers, so HEAD must ask at least "
                + "as much as GET; annotate doHead at least as strictly" + (get == null ? ", and doGet or the class too"
                : ""));
    }

    private static boolean isOnDoHead(Found found) {
        return found != null && "doHead".equals(found.method());
    }

    private Permission permission(Found access, Found sensitive) throws PolicyException {
        if (access == null && sensitive == null) {
            return null;
        }
        Requirement requirement = access == null ? Requirement.PUBLIC : requirement(access);
        Duration reauth = null;
        Duration idle = null;
        String source = access == null ? null : access.source();
        if (sensitive != null) {
            Sensitive s = (Sensitive) sensitive.annotation();
            Duration reauthWithin = s.reauthWithin().isEmpty() ? settings.defaultReauthWindow()
                    : duration(sensitive, "reauthWithin", s.reauthWithin());
            Duration idleWithin = s.idleWithin().isEmpty() ? null : duration(sensitive, "idleWithin", s.idleWithin());
            if (!(requirement instanceof Requirement.Deny)) {
                // re-authenticating needs a session: @Sensitive alone means "signed in, and recently"; under a
                // deny there is no one to re-authenticate, so the windows add nothing
                requirement = Requirement.and(requirement, Requirement.AUTHENTICATED);
                reauth = reauthWithin;
                idle = idleWithin;
            }
            source = source == null ? sensitive.source() : source + " + " + sensitive.source();
        }
        return new Permission(requirement, reauth, idle, Methods.ALL_SET, source);
    }

    private static Requirement requirement(Found found) throws PolicyException {
        switch (found.access()) {
            case PUBLIC, PERMIT_ALL:
                return Requirement.PUBLIC;
            case AUTHENTICATED:
                return Requirement.AUTHENTICATED;
            case DENY_ALL:
                return Requirement.DENY;
            case REQUIRE_ROLE:
                return roles(found, ((RequireRole) found.annotation()).value());
            default:
                return roles(found, standardRoles(found));
        }
    }

    private static Requirement roles(Found found, String[] roles) throws PolicyException {
        boolean standard = found.access().standard();
        if (roles.length == 0) {
            throw new PolicyException(found.location(), standard
                    ? "names no role: use @DenyAll for no one, or @RolesAllowed(\"**\") for any signed-in user"
                    : "names no role: use @Authenticated for any signed-in user");
        }
        Set<String> anyOf = new LinkedHashSet<>();
        for (String role : roles) {
            if (standard && "**".equals(role)) {
                // the Servlet specification's role name for "any authenticated user"
                if (roles.length > 1) {
                    throw new PolicyException(found.location(), "\"**\" (any signed-in user) cannot be combined "
                            + "with other roles: it would make them pointless");
                }
                return Requirement.AUTHENTICATED;
            }
            if (!RoleNames.isValid(role)) {
                throw new PolicyException(found.location(), "invalid role name \""
                        + Texts.printable(String.valueOf(role)) + "\": role names are 1-" + RoleNames.MAX_LENGTH
                        + " characters of A-Z, a-z, 0-9, '_', '.', '-', starting with a letter or digit");
            }
            anyOf.add(role);
        }
        return Requirement.Roles.anyOf(anyOf);
    }

    /** {@code @RolesAllowed.value()}, read without linking against the annotation's type. */
    private static String[] standardRoles(Found found) throws PolicyException {
        try {
            Object value = found.annotation().annotationType().getMethod("value").invoke(found.annotation());
            if (value instanceof String[] roles) {
                return roles;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            Throwable cause = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
            throw new PolicyException(found.location(), "cannot be read: " + cause.getClass().getSimpleName());
        }
        throw new PolicyException(found.location(), "cannot be read: value() is not a String[]");
    }

    private static Duration duration(Found found, String element, String text) throws PolicyException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(found.location(), element + ": " + e.getMessage());
        }
    }

    /**
     * The "who" annotation of one element, validated eagerly so that an annotation that every method overrides
     * still has to be valid. Two of Hallpass's, or two standard ones, are an error (the standard's own rule);
     * one of each is accepted when they say the same, and refused when they disagree.
     */
    private static Found access(AnnotatedElement element, Class<?> owner, String method) throws PolicyException {
        Found hallpass = null;
        Found standard = null;
        String fullName = owner.getName() + (method == null ? "" : "." + method);
        for (Access kind : Access.values()) {
            for (Annotation a : element.getDeclaredAnnotations()) {
                if (Access.of(a) != kind) {
                    continue;
                }
                Found found = new Found(a, kind, owner, method);
                Found same = kind.standard() ? standard : hallpass;
                if (same != null) {
                    throw new PolicyException(fullName, same.simpleName() + " and " + found.simpleName()
                            + " cannot both be on one element: both say who may call it");
                }
                if (kind.standard()) {
                    standard = found;
                } else {
                    hallpass = found;
                }
            }
        }
        if (hallpass != null && standard != null) {
            Requirement ours = requirement(hallpass);
            Requirement theirs = requirement(standard);
            if (!ours.equals(theirs)) {
                throw new PolicyException(fullName, hallpass.simpleName() + " and " + standard.simpleName()
                        + " disagree (" + ours + " against " + theirs + "): keep the one you mean");
            }
            return hallpass;
        }
        Found found = hallpass != null ? hallpass : standard;
        if (found != null) {
            requirement(found);
        }
        return found;
    }

    private Found sensitive(AnnotatedElement element, Class<?> owner, String method) throws PolicyException {
        Sensitive s = element.getDeclaredAnnotation(Sensitive.class);
        if (s == null) {
            return null;
        }
        Found found = new Found(s, null, owner, method);
        permission(null, found);
        return found;
    }

    /** The servlet class and its superclasses up to, not including, the Servlet API's own classes. */
    private static List<Class<?>> hierarchy(Class<?> servletClass) {
        List<Class<?>> classes = new ArrayList<>();
        for (Class<?> c = servletClass; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.getName().startsWith("jakarta.servlet.")) {
                break;
            }
            classes.add(c);
        }
        return classes;
    }

    private static Method handler(Class<?> c, String name) {
        try {
            Method m = c.getDeclaredMethod(name, HttpServletRequest.class, HttpServletResponse.class);
            return m.isBridge() || m.isSynthetic() ? null : m;
        } catch (NoSuchMethodException e) {
            return null;
        } catch (LinkageError e) {
            return null;
        }
    }

    private static void checkNoStrayAnnotations(List<Class<?>> hierarchy) throws PolicyException {
        for (Class<?> c : hierarchy) {
            Method[] methods;
            try {
                methods = c.getDeclaredMethods();
            } catch (LinkageError e) {
                continue; // a signature names a class that is not there; the handlers are still looked up by name
            }
            for (Method m : methods) {
                if (m.isSynthetic() || m.isBridge() || isHandler(m)) {
                    continue;
                }
                for (Annotation a : m.getDeclaredAnnotations()) {
                    if (Access.of(a) != null || a instanceof Sensitive) {
                        throw new PolicyException("@" + a.annotationType().getSimpleName() + " on " + c.getName()
                                + "." + m.getName(), "would be ignored: Hallpass reads annotations only on the "
                                + "servlet class and on " + String.join(", ", HANDLERS)
                                + "(HttpServletRequest, HttpServletResponse)");
                    }
                }
            }
        }
    }

    /**
     * Where the servlet's class loader cannot load {@code jakarta.annotation.security}, Java has dropped any such
     * annotation from the servlet: refuse the servlet if its class file names one, rather than run it as if
     * it were unannotated. Costs nothing where the annotation API is present.
     */
    private void checkStandardAnnotationsAreReadable(List<Class<?>> hierarchy) throws PolicyException {
        String marker = STANDARD_PACKAGE.replace('.', '/');
        for (Class<?> c : hierarchy) {
            ClassLoader loader = c.getClassLoader();
            if (loader == null || standardApiVisible.computeIfAbsent(loader, AnnotationReader::canLoadStandardApi)) {
                continue;
            }
            if (classFileMentions(c, marker)) {
                throw new PolicyException(c.getName(), "carries jakarta.annotation.security annotations (@RolesAllowed,"
                        + " @PermitAll or @DenyAll), but jakarta.annotation-api is not on its class path, so Java drops"
                        + " them and Hallpass cannot read them: add jakarta.annotation-api to the application"
                        + " (WEB-INF/lib) or remove them");
            }
        }
    }

    private static boolean canLoadStandardApi(ClassLoader loader) {
        try {
            Class.forName(Access.ROLES_ALLOWED.typeName, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static boolean classFileMentions(Class<?> c, String text) {
        String resource = c.getName().replace('.', '/') + ".class";
        try (InputStream in = c.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                return false;
            }
            // ISO-8859-1 maps every byte to one char, so the ASCII marker is found wherever its bytes are
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isHandler(Method m) {
        Class<?>[] p = m.getParameterTypes();
        return HANDLERS.contains(m.getName()) && p.length == 2
                && p[0] == HttpServletRequest.class && p[1] == HttpServletResponse.class;
    }

    private static String name(Class<?> c) {
        String simple = c.getSimpleName();
        return simple.isEmpty() ? c.getName() : simple;
    }
}
