package io.hallpass.filter;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.event.HallpassListener;
import jakarta.servlet.UnavailableException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The application's event listeners, found like the risk policy: the classes named by {@code event-listeners}
 * (comma-separated; {@code none} for none), else every one provided through
 * {@code META-INF/services/io.hallpass.filter.event.HallpassListener}. A named class that cannot be loaded or
 * created stops the start: an operator who names a listener (say, the SIEM feed) must not run without it unknowingly.
 */
final class ConfiguredListeners {

    private static final System.Logger LOG = System.getLogger(ConfiguredListeners.class.getName());

    private ConfiguredListeners() {
    }

    static List<HallpassListener> load(FilterSettings settings, ApplicationClasses classes)
            throws UnavailableException {
        List<String> names = settings.eventListeners();
        List<HallpassListener> listeners = new ArrayList<>();
        if (names != null) {
            for (String name : names) {
                listeners.add(create(name, classes));
            }
            return List.copyOf(listeners);
        }
        for (HallpassListener provided : ServiceLoader.load(HallpassListener.class, classes.loader())) {
            LOG.log(System.Logger.Level.INFO, "Hallpass: event listener " + provided.getClass().getName());
            listeners.add(provided);
        }
        return List.copyOf(listeners);
    }

    private static HallpassListener create(String name, ApplicationClasses classes) throws UnavailableException {
        Class<?> type = classes.load(name);
        if (type == null) {
            throw StartRefusal.of("event-listeners ('" + name + "'): no such class");
        }
        try {
            Object listener = type.getConstructor().newInstance();
            if (listener instanceof HallpassListener l) {
                return l;
            }
            throw StartRefusal.of("event-listeners ('" + name + "') does not implement "
                    + HallpassListener.class.getName());
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            throw StartRefusal.of("event-listeners ('" + name + "') cannot be created: " + e);
        }
    }
}
