package io.hallpass.filter;

import jakarta.servlet.ServletContext;

/** Classes of the application (its servlets, a risk policy it names), loaded the way the application loads them. */
final class ApplicationClasses {

    private final ServletContext context;

    ApplicationClasses(ServletContext context) {
        this.context = context;
    }

    /**
     * The application's class loader: the context's, or, in embedded set-ups that have none, the thread's
     * context class loader, or Hallpass's own.
     */
    ClassLoader loader() {
        ClassLoader loader = context.getClassLoader();
        if (loader == null) {
            loader = Thread.currentThread().getContextClassLoader();
        }
        return loader != null ? loader : HallpassFilter.class.getClassLoader();
    }

    /** The named class, not initialised, or null if neither the application nor Hallpass can load it. */
    Class<?> load(String className) {
        for (ClassLoader loader : new ClassLoader[] {loader(), HallpassFilter.class.getClassLoader()}) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }
}
