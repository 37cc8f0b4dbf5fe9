package io.hallpass.sample.launcher;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Makes SIGTERM and SIGINT a normal exit (status 0) that runs the shutdown hooks. The JVM's own handling runs
 * the hooks too but then exits with 143 or 130, which service managers and tests read as a failure.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported) through reflection; where it is missing, the JVM's
 * default behaviour stays.
 */
final class Signals {

    private Signals() {
    }

    static void exitCleanlyOn(String... names) {
        try {
            Class<?> signalClass = Class.forName("sun.misc.Signal");
            Class<?> handlerClass = Class.forName("sun.misc.SignalHandler");
            Constructor<?> newSignal = signalClass.getConstructor(String.class);
            Method handle = signalClass.getMethod("handle", signalClass, handlerClass);
            Object handler = Proxy.newProxyInstance(Signals.class.getClassLoader(), new Class<?>[] {handlerClass},
                    (proxy, method, args) -> {
                        if (method.getName().equals("handle")) {
                            // exit on another thread: System.exit waits for the hooks, which must not wait for us
                            Thread exit = new Thread(() -> System.exit(0), "hallpass-sample-exit");
                            exit.start();
                            return null;
                        }
                        return switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            case "toString" -> "Signals.exitCleanly";
                            default -> null;
                        };
                    });
            for (String name : names) {
                handle.invoke(null, newSignal.newInstance(name), handler);
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // keep the JVM's default handling
        }
    }
}
