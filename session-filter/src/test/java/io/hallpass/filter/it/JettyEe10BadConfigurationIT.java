package io.hallpass.filter.it;

import java.util.stream.Stream;

/** {@link BadConfigurationIT} on Jetty ee10, with only the Servlet 6.0 API on the class path. */
class JettyEe10BadConfigurationIT extends BadConfigurationIT {

    @Override
    Stream<String> containers() {
        return Stream.of("jetty-ee10");
    }
}
