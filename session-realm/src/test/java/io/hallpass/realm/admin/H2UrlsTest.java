package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class H2UrlsTest {

    @Test
    void anEmbeddedFileIsAnyH2UrlButTcpSslAndMemory() {
        assertTrue(H2Urls.isEmbeddedFile("jdbc:h2:file:/srv/app/data"));
        assertTrue(H2Urls.isEmbeddedFile("jdbc:h2:./data/app;AUTO_SERVER=TRUE"));
        assertTrue(H2Urls.isEmbeddedFile("jdbc:h2:~/app"));
        assertFalse(H2Urls.isEmbeddedFile("jdbc:h2:tcp://localhost/~/app"));
        assertFalse(H2Urls.isEmbeddedFile("jdbc:h2:ssl://localhost/~/app"));
        assertFalse(H2Urls.isEmbeddedFile("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1"));
        assertFalse(H2Urls.isEmbeddedFile("jdbc:postgresql://db/app"));
    }
}
