package io.hallpass.filter.policy;

import io.hallpass.filter.annotation.Authenticated;
import io.hallpass.filter.annotation.Public;
import io.hallpass.filter.annotation.RequireRole;
import io.hallpass.filter.annotation.Sensitive;
import io.hallpass.realm.RoleNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the Hallpass annotations of one servlet class into one {@link Permission} per HTTP method.
 *
 * <p>Where annotations are looked for, per kind (access: {@code @Public}, {@code @Authenticated},
 * {@code @RequireRole}; step-up: {@code @Sensitive}):
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
 */
final class AnnotationReader {

    /** Handler names, in the order of {@link Methods#ALL}. */
    private static final List<String> HANDLERS =
            List.of("doGet", "doHead", "doPost", "doPut", "doPatch", "doDelete", "doOptions");

    private static final List<Class<? extends Annotation>> ACCESS =
            List.of(Public.class, Authenticated.class, RequireRole.class);

    private final PolicySettings settings;

    AnnotationReader(PolicySettings settings) {
        this.settings = settings;
    }

    /** An annotation found on an element, with the names used in errors and in permission sources. */
    private record Found(Annotation annotation, String shortElement, String fullElement) {
        String source() {
            return "@" + annotation.annotationType().getSimpleName() + " on " + shortElement;
        }

        String location() {
            return "@" + annotation.annotationType().getSimpleName() + " on " + fullElement;
        }
    }

    /**
     * One permission per method of {@link Methods#ALL}; null where no annotation applies to that method.
     * Returns null when the class carries no Hallpass annotation at all.
     */
    Permission[] read(Class<?> servletClass) throws PolicyException {
        List<Class<?>> hierarchy = hierarchy(servletClass);
        checkNoStrayAnnotations(hierarchy);

        Found classAccess = null;
        Found classSensitive = null;
        for (Class<?> c : hierarchy) {
            Found access = access(c, name(c), c.getName());
            Found sensitive = sensitive(c, name(c), c.getName());
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
                String shortName = name(c) + "." + handler.getName();
                String fullName = c.getName() + "." + handler.getName();
                Found access = access(handler, shortName, fullName);
                Found sensitive = sensitive(handler, shortName, fullName);
                methodAccess[i] = methodAccess[i] == null ? access : methodAccess[i];
                methodSensitive[i] = methodSensitive[i] == null ? sensitive : methodSensitive[i];
            }
        }

        Permission[] permissions = new Permission[HANDLERS.size()];
        boolean any = false;
        for (int i = 0; i < HANDLERS.size(); i++) {
            Found access = pick(methodAccess, i, classAccess);
            Found sensitive = pick(methodSensitive, i, classSensitive);
            permissions[i] = permission(access, sensitive);
            any |= permissions[i] != null;
        }
        return any ? permissions : null;
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

    private Permission permission(Found access, Found sensitive) throws PolicyException {
        if (access == null && sensitive == null) {
            return null;
        }
        Requirement requirement = access == null ? Requirement.PUBLIC : requirement(access);
        Duration reauth = null;
        Duration idle = null;
        String source = access == null ? null : access.source();
        if (sensitive != null) {
            // re-authenticating needs a session: @Sensitive alone means "signed in, and recently"
            requirement = Requirement.and(requirement, Requirement.AUTHENTICATED);
            Sensitive s = (Sensitive) sensitive.annotation();
            reauth = s.reauthWithin().isEmpty() ? settings.defaultReauthWindow()
                    : duration(sensitive, "reauthWithin", s.reauthWithin());
            idle = s.idleWithin().isEmpty() ? null : duration(sensitive, "idleWithin", s.idleWithin());
            source = source == null ? sensitive.source() : source + " + " + sensitive.source();
        }
        return new Permission(requirement, reauth, idle, Methods.ALL_SET, source);
    }

    private static Requirement requirement(Found access) throws PolicyException {
        Annotation a = access.annotation();
        if (a instanceof Public) {
            return Requirement.PUBLIC;
        }
        if (a instanceof Authenticated) {
            return Requirement.AUTHENTICATED;
        }
        String[] roles = ((RequireRole) a).value();
        if (roles.length == 0) {
            throw new PolicyException(access.location(), "names no role: use @Authenticated for any signed-in user");
        }
        Set<String> anyOf = new LinkedHashSet<>();
        for (String role : roles) {
            if (!RoleNames.isValid(role)) {
                throw new PolicyException(access.location(), "invalid role name \""
                        + Texts.printable(String.valueOf(role)) + "\": role names are 1-" + RoleNames.MAX_LENGTH
                        + " characters of A-Z, a-z, 0-9, '_', '.', '-', starting with a letter or digit");
            }
            anyOf.add(role);
        }
        return Requirement.Roles.anyOf(anyOf);
    }

    private static Duration duration(Found found, String element, String text) throws PolicyException {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new PolicyException(found.location(), element + ": " + e.getMessage());
        }
    }

    /** Validates eagerly, so that an annotation that every method overrides still has to be valid. */
    private static Found access(AnnotatedElement element, String shortName, String fullName) throws PolicyException {
        Found found = null;
        for (Class<? extends Annotation> kind : ACCESS) {
            Annotation a = element.getDeclaredAnnotation(kind);
            if (a == null) {
                continue;
            }
            if (found != null) {
                throw new PolicyException(fullName, "@" + found.annotation().annotationType().getSimpleName()
                        + " and @" + kind.getSimpleName() + " cannot both be on one element: both say who may call it");
            }
            found = new Found(a, shortName, fullName);
        }
        if (found != null) {
            requirement(found);
        }
        return found;
    }

    private Found sensitive(AnnotatedElement element, String shortName, String fullName) throws PolicyException {
        Sensitive s = element.getDeclaredAnnotation(Sensitive.class);
        if (s == null) {
            return null;
        }
        Found found = new Found(s, shortName, fullName);
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
                for (Class<? extends Annotation> kind : List.of(Public.class, Authenticated.class,
                        RequireRole.class, Sensitive.class)) {
                    if (m.getDeclaredAnnotation(kind) != null) {
                        throw new PolicyException("@" + kind.getSimpleName() + " on " + c.getName() + "." + m.getName(),
                                "would be ignored: Hallpass reads annotations only on the servlet class and on "
                                        + String.join(", ", HANDLERS) + "(HttpServletRequest, HttpServletResponse)");
                    }
                }
            }
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
