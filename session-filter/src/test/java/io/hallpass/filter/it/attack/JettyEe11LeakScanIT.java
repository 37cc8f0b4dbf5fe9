package io.hallpass.filter.it.attack;

import io.hallpass.filter.it.Container;
import io.hallpass.filter.it.JettyEe11Container;

/** The leak scan in embedded Jetty 12.1 ee11. */
class JettyEe11LeakScanIT extends LeakScanContract {
    @Override
    protected Container newContainer() {
        return new JettyEe11Container();
    }
}
