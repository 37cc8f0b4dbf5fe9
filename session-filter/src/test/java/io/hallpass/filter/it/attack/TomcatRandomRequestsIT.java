package io.hallpass.filter.it.attack;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.TomcatContainer;

/** The property-based attacks in embedded Tomcat 11. */
class TomcatRandomRequestsIT extends RandomRequestsContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
