package io.hallpass.realm.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.hallpass.realm.DuplicateUsernameException;
import io.hallpass.realm.InvalidInputException;
import io.hallpass.realm.RealmException;
import io.hallpass.realm.RealmUnavailableException;
import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** The one mapping from what went wrong to the exit code and the line on standard error. */
class FailureTest {

    @Test
    void eachKindOfFailureHasItsExitCode() {
        assertEquals(0, Exit.DONE.code);
        assertEquals(Exit.BAD_ARGUMENTS, Failure.of(new InvalidInputException("role name is missing")).exit);
        assertEquals(Exit.REFUSED, Failure.of(new DuplicateUsernameException("alice")).exit);
        assertEquals(Exit.REFUSED, Failure.of(new RealmException("the database schema does not match")).exit);
        assertEquals(Exit.UNAVAILABLE, Failure.of(new RealmUnavailableException("down", null)).exit);
        assertEquals(Exit.REFUSED, Failure.of(new IllegalStateException("a bug")).exit);
        assertEquals(1, Exit.REFUSED.code);
        assertEquals(2, Exit.BAD_ARGUMENTS.code);
        assertEquals(3, Exit.UNAVAILABLE.code);
        Failure own = Failure.refused("no account named 'x'");
        assertSame(own, Failure.of(own));
    }

    @Test
    void anUnreachableDatabaseIsExplainedByItsDeepestCause() {
        SQLException driver = new SQLException("Connection to 127.0.0.1:1 refused.", "08001",
                new ConnectException(null));
        Failure failure = Failure.of(new RealmUnavailableException("the realm's database can not be reached",
                new RuntimeException("pool", driver)));
        assertEquals("hallpass-admin: database unreachable: the realm's database can not be reached"
                + " (Connection to 127.0.0.1:1 refused.)", failure.line());
    }

    @Test
    void causesThatLoopDoNotHangTheReport() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        assertEquals(Exit.UNAVAILABLE, Failure.of(new RealmUnavailableException("down", a)).exit);
    }

    @Test
    void theLineIsOneLineWithoutControlCharacters() {
        Failure failure = Failure.of(new RealmException("Schema validation:\n  missing table [hp_account]\r\n\u001b[2J"
                + " end"));
        assertEquals("hallpass-admin: Schema validation: missing table [hp_account] ?[2J end", failure.line());
        assertEquals(1, Failure.refused("x".repeat(5000)).line().lines().count());
        assertEquals("hallpass-admin: failed unexpectedly: java.lang.IllegalStateException: a bug",
                Failure.of(new IllegalStateException("a bug")).line());
    }
}
