package io.hallpass.realm.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.PasswordCost;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private static final PasswordCost CHEAP = new PasswordCost(64, 1, 1);

    private final PasswordHasher hasher = new PasswordHasher(CHEAP, 2);

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // Known answers computed with the reference implementation (Debian's argon2 command line tool):
    //   echo -n password | argon2 somesalt -id -t 2 -m 16 -p 1 -l 32 -e
    //   echo -n "correct horse" | argon2 saltsaltsaltsalt -id -t 3 -k 64 -p 2 -l 32 -e
    @Test
    void verifiesKnownAnswersOfTheReferenceImplementation() {
        PasswordHasher any = new PasswordHasher(CHEAP, 1);
        assertEquals(PasswordHasher.Verdict.MATCH, any.verify(bytes("password"),
                "$argon2id$v=19$m=65536,t=2,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"));
        assertEquals(PasswordHasher.Verdict.MATCH, any.verify(bytes("correct horse"),
                "$argon2id$v=19$m=64,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$Ja+CnHG1QJ4zHxfh3iSUWz3gSGhzP0DYHKhwJ8sa7S0"));
        assertEquals(PasswordHasher.Verdict.MISMATCH, any.verify(bytes("correct horsf"),
                "$argon2id$v=19$m=64,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$Ja+CnHG1QJ4zHxfh3iSUWz3gSGhzP0DYHKhwJ8sa7S0"));
    }

    @Test
    void producesTheSameBytesAsTheReferenceForTheSameInputs() {
        byte[] out = PasswordHasher.compute(bytes("correct horse"), bytes("saltsaltsaltsalt"), new PasswordCost(64, 3, 2),
                32);
        assertEquals("$argon2id$v=19$m=64,t=3,p=2$c2FsdHNhbHRzYWx0c2FsdA$Ja+CnHG1QJ4zHxfh3iSUWz3gSGhzP0DYHKhwJ8sa7S0",
                new PhcString(new PasswordCost(64, 3, 2), bytes("saltsaltsaltsalt"), out).format());
    }

    @Test
    void hashRoundTripsThroughThePhcString() {
        String phc = hasher.hash(bytes("correct horse battery staple"));
        assertTrue(phc.startsWith("$argon2id$v=19$m=64,t=1,p=1$"), phc);
        PhcString parsed = PhcString.parse(phc);
        assertEquals(16, parsed.salt().length);
        assertEquals(32, parsed.hash().length);
        assertEquals(CHEAP, parsed.cost());
        assertEquals(phc, parsed.format());
        String[] parts = phc.split("\\$");
        assertFalse(parts[4].contains("=") || parts[5].contains("="), "PHC base64 is unpadded");
        assertEquals(PasswordHasher.Verdict.MATCH, hasher.verify(bytes("correct horse battery staple"), phc));
        assertEquals(PasswordHasher.Verdict.MISMATCH, hasher.verify(bytes("correct horse battery stapler"), phc));
        assertNotEquals(phc, hasher.hash(bytes("correct horse battery staple")), "a fresh salt every time");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "plain text",
            "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=16$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=4,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=64,t=0,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=9999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ=$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMa",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPd",
            "$argon2id$v=19$m=64,t=1,p=1$$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc$extra",
            "$argon2id$v=19$m=-64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc",
            "$argon2id$v=19$m=64,t=1,p=1$c29t!XNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc"})
    void corruptStoredHashesFailVerificationWithoutThrowing(String stored) {
        assertThrows(IllegalArgumentException.class, () -> PhcString.parse(stored));
        assertEquals(PasswordHasher.Verdict.CORRUPT, hasher.verify(bytes("password"), stored));
        assertTrue(hasher.needsRehash(stored));
    }

    @Test
    void nullStoredHashIsCorrupt() {
        assertEquals(PasswordHasher.Verdict.CORRUPT, hasher.verify(bytes("password"), null));
    }

    @Test
    void needsRehashOnlyWhenTheStoredCostIsWeaker() {
        String weak = hasher.hash(bytes("secret password"));
        assertFalse(hasher.needsRehash(weak));
        assertTrue(new PasswordHasher(new PasswordCost(128, 1, 1), 1).needsRehash(weak));
        assertTrue(new PasswordHasher(new PasswordCost(64, 2, 1), 1).needsRehash(weak));
        assertFalse(new PasswordHasher(new PasswordCost(32, 1, 1), 1).needsRehash(weak), "a lower cost keeps hashes");
    }

    @Test
    @SuppressWarnings("try") // the permits are held, not used
    void theReserveIsOnlyForHoldersWhoFallBackOnOrdinaryPermits() {
        PasswordHasher bounded = new PasswordHasher(CHEAP, 1, 1);
        try (PasswordHasher.Permit signIn = bounded.tryAcquire(Duration.ZERO)) {
            assertNotNull(signIn);
            assertNull(bounded.tryAcquire(Duration.ZERO), "an ordinary permit never takes the reserve");
            try (PasswordHasher.Permit holder = bounded.tryAcquireReserved(Duration.ZERO)) {
                assertNotNull(holder, "a holder takes the reserve");
                assertNull(bounded.tryAcquireReserved(Duration.ZERO), "now everything is held");
            }
        }
        try (PasswordHasher.Permit first = bounded.tryAcquireReserved(Duration.ZERO);
             PasswordHasher.Permit second = bounded.tryAcquireReserved(Duration.ZERO)) {
            assertNotNull(first);
            assertNotNull(second, "a holder falls back on a free ordinary permit");
            assertEquals(0, bounded.availablePermits());
            assertEquals(0, bounded.availableReserve());
        }
        assertEquals(1, bounded.availablePermits());
        assertEquals(1, bounded.availableReserve());
    }

    @Test
    @SuppressWarnings("try") // closing twice inside the block is the point
    void noPermitIsHandedOutWhileAllAreHeld() throws Exception {
        PasswordHasher bounded = new PasswordHasher(CHEAP, 1);
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (PasswordHasher.Permit permit = bounded.tryAcquire(Duration.ZERO)) {
                assertNotNull(permit);
                held.countDown();
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        assertTrue(held.await(10, TimeUnit.SECONDS));
        assertNull(bounded.tryAcquire(Duration.ZERO), "busy: the only permit is taken");
        assertNull(bounded.tryAcquire(Duration.ofMillis(20)), "still busy after a short wait");
        release.countDown();
        holder.join(10_000);
        try (PasswordHasher.Permit permit = bounded.tryAcquire(Duration.ofSeconds(10))) {
            assertNotNull(permit, "free again once released");
            permit.close();
            permit.close(); // closing twice releases once
        }
        assertEquals(1, bounded.availablePermits());
    }

    @Test
    void toStringShowsNoSecret() {
        assertEquals("PhcString[" + CHEAP + "]", PhcString.parse(hasher.hash(bytes("secret password"))).toString());
    }
}
