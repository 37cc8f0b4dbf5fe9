package io.hallpass.filter.it.attack;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.JettyEe11Container;

/** The property-based attacks in embedded Jetty 12.1 ee11. */
class JettyEe11RandomRequestsIT extends RandomRequestsContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
