package io.hallpass.sample.launcher;

/**
 * An embedded container that runs the WAR. Implementations live in their own class loader, with their own
 * container's jars (Tomcat bundles its own copy of the Servlet API; Jetty uses the standard jar), so that the
 * two never meet on one class path. This interface, loaded by the launcher's class loader, is what both sides
 * share; it uses only JDK types.
 */
public interface EmbeddedServer {

    /** e.g. {@code Tomcat 11.0.27}. */
    String name();

    /**
     * Starts the container and deploys the WAR. Returns only once the application is fully started.
     *
     * @return the port it listens on
     * @throws StartupFailure if the container or the application did not start; everything that did start has
     *                        been stopped again
     */
    int start(Deployment deployment) throws StartupFailure;

    /** Stops the container. Safe to call more than once, and after a failed start. */
    void stop();
}
