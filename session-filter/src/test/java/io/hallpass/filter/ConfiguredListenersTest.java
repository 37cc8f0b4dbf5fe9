package io.hallpass.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.filter.config.FilterSettings;
import io.hallpass.filter.event.HallpassEvent;
import io.hallpass.filter.event.HallpassListener;
import jakarta.servlet.ServletContext;
import jakarta.servlet.UnavailableException;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The application's listeners: named by {@code event-listeners}, else found through {@code ServiceLoader}. */
class ConfiguredListenersTest {

    public static final class First implements HallpassListener {
        @Override
        public void onEvent(HallpassEvent event) {
        }
    }

    public static final class Second implements HallpassListener {
        @Override
        public void onEvent(HallpassEvent event) {
        }
    }

    @TempDir
    Path services;

    /** An application whose class loader also sees {@code services}, where a test may put a services file. */
    private ApplicationClasses application() throws Exception {
        ClassLoader loader = new URLClassLoader(new URL[] {services.toUri().toURL()}, getClass().getClassLoader());
        ServletContext context = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getClassLoader")) {
                        return loader;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return new ApplicationClasses(context);
    }

    private static FilterSettings settings(String listeners) throws Exception {
        Map<String, String> init = new HashMap<>();
        if (listeners != null) {
            init.put("event-listeners", listeners);
        }
        return FilterSettings.read(init, Map.of(), name -> null, true);
    }

    private void provide(Class<?>... listeners) throws Exception {
        Path file = services.resolve("META-INF/services/" + HallpassListener.class.getName());
        Files.createDirectories(file.getParent());
        StringBuilder lines = new StringBuilder();
        for (Class<?> type : listeners) {
            lines.append(type.getName()).append('\n');
        }
        Files.writeString(file, lines);
    }

    private static List<Class<?>> types(List<HallpassListener> listeners) {
        return listeners.stream().<Class<?>>map(Object::getClass).toList();
    }

    @Test
    void namedListenersAreCreatedInOrderAndServiceLoaderIsNotAsked() throws Exception {
        provide(First.class);
        List<HallpassListener> listeners = ConfiguredListeners.load(
                settings(Second.class.getName() + "," + First.class.getName()), application());
        assertEquals(List.of(Second.class, First.class), types(listeners));
    }

    @Test
    void withoutTheSettingEveryProvidedListenerIsFound() throws Exception {
        provide(First.class, Second.class);
        assertEquals(List.of(First.class, Second.class), types(ConfiguredListeners.load(settings(null), application())));
    }

    @Test
    void noneMeansNoneEvenIfSomeAreProvided() throws Exception {
        provide(First.class);
        assertEquals(List.of(), ConfiguredListeners.load(settings("none"), application()));
    }

    @Test
    void aNamedClassThatIsMissingOrNoListenerStopsTheStart() throws Exception {
        ApplicationClasses app = application();
        UnavailableException missing = assertThrows(UnavailableException.class,
                () -> ConfiguredListeners.load(settings("com.example.Missing"), app));
        assertTrue(missing.getMessage().contains("'com.example.Missing'): no such class"), missing.getMessage());
        UnavailableException wrong = assertThrows(UnavailableException.class,
                () -> ConfiguredListeners.load(settings(String.class.getName()), app));
        assertTrue(wrong.getMessage().contains("does not implement " + HallpassListener.class.getName()),
                wrong.getMessage());
    }
}
