package io.hallpass.filter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.InvalidInputException;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RequirementTest {

    private static final Requirement.Roles AB = new Requirement.Roles(List.of(new LinkedHashSet<>(List.of("a", "b"))));
    private static final Requirement.Roles C = new Requirement.Roles(List.of(Set.of("c")));

    @Test
    void andWhenEitherSideDeniesThenDeny() {
        for (Requirement other : List.of(Requirement.PUBLIC, Requirement.AUTHENTICATED, AB, Requirement.DENY)) {
            assertEquals(Requirement.DENY, Requirement.and(Requirement.DENY, other));
            assertEquals(Requirement.DENY, Requirement.and(other, Requirement.DENY));
        }
    }

    @Test
    void andWhenOneSideIsPublicThenTheOtherSideAlone() {
        for (Requirement other : List.of(Requirement.PUBLIC, Requirement.AUTHENTICATED, AB)) {
            assertEquals(other, Requirement.and(Requirement.PUBLIC, other));
            assertEquals(other, Requirement.and(other, Requirement.PUBLIC));
        }
    }

    @Test
    void andWhenOneSideIsAuthenticatedThenRolesImplyIt() {
        assertEquals(AB, Requirement.and(Requirement.AUTHENTICATED, AB));
        assertEquals(AB, Requirement.and(AB, Requirement.AUTHENTICATED));
        assertEquals(Requirement.AUTHENTICATED, Requirement.and(Requirement.AUTHENTICATED, Requirement.AUTHENTICATED));
    }

    @Test
    void andWhenBothNameRolesThenAllAnyOfSetsAreKeptNeverIntersected() {
        Requirement both = Requirement.and(AB, C);
        assertEquals(new Requirement.Roles(List.of(Set.of("a", "b"), Set.of("c"))), both);
        Requirement.Roles roles = (Requirement.Roles) both;
        assertTrue(roles.satisfiedBy(Set.of("a", "c")));
        assertTrue(roles.satisfiedBy(Set.of("b", "c")));
        assertFalse(roles.satisfiedBy(Set.of("a", "b")));
        assertFalse(roles.satisfiedBy(Set.of("c")));
        assertEquals("(role:a | role:b) and role:c", both.toString());
    }

    @Test
    void andWhenTheSameSetAppearsTwiceThenItIsKeptOnce() {
        assertEquals(AB, Requirement.and(AB, AB));
    }

    @Test
    void impliesFollowsWhoCanPassEachSide() {
        Requirement ab = AB;
        Requirement a = new Requirement.Roles(List.of(Set.of("a")));
        Requirement abAndC = Requirement.and(AB, C);
        // a implies b: everyone who passes a passes b
        assertTrue(Permission.implies(Requirement.DENY, Requirement.PUBLIC));
        assertTrue(Permission.implies(Requirement.DENY, abAndC));
        assertTrue(Permission.implies(Requirement.AUTHENTICATED, Requirement.PUBLIC));
        assertTrue(Permission.implies(a, Requirement.AUTHENTICATED));
        assertTrue(Permission.implies(a, ab), "holding a is one of a or b");
        assertTrue(Permission.implies(abAndC, ab));
        assertTrue(Permission.implies(abAndC, C));
        assertFalse(Permission.implies(ab, a), "b alone passes a-or-b, not a");
        assertFalse(Permission.implies(ab, abAndC));
        assertFalse(Permission.implies(Requirement.AUTHENTICATED, a));
        assertFalse(Permission.implies(Requirement.PUBLIC, Requirement.AUTHENTICATED));
        assertFalse(Permission.implies(abAndC, Requirement.DENY));
        assertFalse(Permission.implies(C, ab));
    }

    @Test
    void atLeastAsStrictWhenAMethodIsRefusedOrWindowsDifferThenDecidesByWhoCanPass() {
        Set<String> all = Set.of("GET");
        Permission refused = Permission.methodNotAllowed(all, "x");
        Permission open = new Permission(Requirement.PUBLIC, null, null, all, "x");
        Permission oneMinute = new Permission(Requirement.AUTHENTICATED, Duration.ofMinutes(1), null, all, "x");
        Permission fiveMinutes = new Permission(Requirement.AUTHENTICATED, Duration.ofMinutes(5), null, all, "x");
        Permission noWindow = new Permission(Requirement.AUTHENTICATED, null, null, all, "x");
        assertTrue(Permission.atLeastAsStrict(refused, open));
        assertFalse(Permission.atLeastAsStrict(open, refused));
        assertTrue(Permission.atLeastAsStrict(oneMinute, fiveMinutes));
        assertFalse(Permission.atLeastAsStrict(fiveMinutes, oneMinute));
        assertTrue(Permission.atLeastAsStrict(fiveMinutes, noWindow));
        assertFalse(Permission.atLeastAsStrict(noWindow, fiveMinutes));
        assertTrue(Permission.atLeastAsStrict(Permission.unmatched(true), oneMinute));
    }

    @Test
    void rolesWhenEmptyOrInvalidThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Requirement.Roles(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Requirement.Roles(List.of(Set.of())));
        assertThrows(InvalidInputException.class, () -> new Requirement.Roles(List.of(Set.of("no spaces"))));
    }

    @Test
    void rolesWhenBuiltThenTheListCannotBeChanged() {
        assertThrows(UnsupportedOperationException.class, () -> AB.allOf().add(Set.of("x")));
        assertThrows(UnsupportedOperationException.class, () -> AB.allOf().get(0).add("x"));
    }

    @Test
    void permissionWhenPublicOrDenyCarriesAWindowThenRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Permission(Requirement.PUBLIC, Duration.ofMinutes(1),
                null, Set.of("GET"), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Permission(Requirement.DENY, null,
                Duration.ofMinutes(1), Set.of("GET"), "x"));
        assertThrows(IllegalArgumentException.class, () -> new Permission(Requirement.AUTHENTICATED,
                Duration.ZERO, null, Set.of("GET"), "x"));
    }

    @Test
    void permissionWhenMethodIsNotAllowedThenItDeniesAndListsTheAllowedMethodsInOrder() {
        Permission p = Permission.methodNotAllowed(Set.of("POST", "GET", "HEAD"), "rules for /a (line 1)");
        assertFalse(p.methodAllowed());
        assertEquals(Requirement.DENY, p.requirement());
        assertEquals(List.of("GET", "HEAD", "POST"), List.copyOf(p.allowedMethods()));
    }

    @Test
    void permissionWhenUnmatchedThenDenyOrPublicBySetting() {
        assertEquals(Requirement.DENY, Permission.unmatched(true).requirement());
        assertEquals(Requirement.PUBLIC, Permission.unmatched(false).requirement());
        assertEquals("unmatched", Permission.unmatched(true).source());
        assertTrue(Permission.unmatched(true).methodAllowed());
    }
}
