package io.hallpass.filter.it.attack;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.JettyEe11Container;

/** Malformed input at every endpoint, in embedded Jetty 12.1 ee11. */
class JettyEe11MalformedInputIT extends MalformedInputContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
