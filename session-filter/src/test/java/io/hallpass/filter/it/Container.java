package io.hallpass.filter.it;

/** A servlet container under test, started on 127.0.0.1 with a free port. */
public interface Container extends AutoCloseable {

    /**
     * Deploys the application at its context path (the root unless it says otherwise) and starts.
     *
     * @throws Exception if the container fails to start the application (for example because the filter refused
     *                   its configuration)
     */
    void start(TestApp app) throws Exception;

    /** Whether the application is running (false if the container started but the context failed). */
    boolean applicationAvailable();

    int port();

    String name();

    @Override
    void close() throws Exception;
}
