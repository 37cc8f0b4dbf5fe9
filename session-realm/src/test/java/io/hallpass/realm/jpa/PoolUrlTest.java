package io.hallpass.realm.jpa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** What the realm's own pool does to the JDBC URL and driver it is given. */
class PoolUrlTest {

    @Test
    void anH2UrlGetsNoShutdownHookOfItsOwnUnlessItSaysOtherwise() {
        assertEquals("jdbc:h2:file:./data/app;DB_CLOSE_ON_EXIT=FALSE", OwnedPool.h2WithoutExitHook("jdbc:h2:file:./data/app"));
        assertEquals("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                OwnedPool.h2WithoutExitHook("jdbc:h2:mem:x;DB_CLOSE_DELAY=-1"));
        assertEquals("jdbc:h2:file:./a;db_close_on_exit=true", OwnedPool.h2WithoutExitHook("jdbc:h2:file:./a;db_close_on_exit=true"));
        assertEquals("jdbc:postgresql://db/app", OwnedPool.h2WithoutExitHook("jdbc:postgresql://db/app"));
    }

    @Test
    void anAutoServerUrlKeepsH2sExitHookWhichThatModeRequires() {
        // the README's recommended URL, the same in the filter and in the admin tool: H2 refuses AUTO_SERVER=TRUE
        // with DB_CLOSE_ON_EXIT=FALSE ("Feature not supported"), so nothing is added
        assertEquals("jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE",
                OwnedPool.h2WithoutExitHook("jdbc:h2:file:/var/lib/hallpass/hallpass;AUTO_SERVER=TRUE"));
        assertEquals("jdbc:h2:file:/srv/app;auto_server=true", OwnedPool.h2WithoutExitHook("jdbc:h2:file:/srv/app;auto_server=true"));
        assertEquals("jdbc:h2:file:/srv/app;AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE",
                OwnedPool.h2WithoutExitHook("jdbc:h2:file:/srv/app;AUTO_SERVER=FALSE"));
    }

    @Test
    void theSupportedDatabasesGetTheirDriverByName() {
        assertEquals("org.h2.Driver", OwnedPool.driverFor("jdbc:h2:mem:x"));
        assertEquals("org.postgresql.Driver", OwnedPool.driverFor("jdbc:postgresql://db/app"));
        assertEquals("org.mariadb.jdbc.Driver", OwnedPool.driverFor("jdbc:mariadb://db/app"));
        assertNull(OwnedPool.driverFor("jdbc:oracle:thin:@db:1521/app"), "others are found through DriverManager");
    }
}
