package io.hallpass.filter.it.attack;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.TomcatContainer;

/** The leak scan in embedded Tomcat 11. */
class TomcatLeakScanIT extends LeakScanContract {
    @Override
    protected Container newContainer() {
        return new TomcatContainer();
    }
}
