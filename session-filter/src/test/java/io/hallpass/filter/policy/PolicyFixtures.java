package io.hallpass.filter.policy;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;

/** What the policy tests share: servlets as the filter describes them, compiling, and expected role sets. */
final class PolicyFixtures {

    static final String ORIGIN = "test rules";

    private PolicyFixtures() {
    }

    static ServletInfo servlet(String name, Class<?> type, String... mappings) {
        return new ServletInfo(name, type, List.of(mappings));
    }

    /** Rules and servlets with the default settings; the application's files unknown. */
    static Policy compile(String rules, ServletInfo... servlets) throws PolicyException {
        return Policy.compile(new RuleSource(ORIGIN, rules), List.of(servlets), PolicySettings.defaults());
    }

    /** The error that a servlet of this class, mapped to {@code /s} without rules, stops the compile with. */
    static PolicyException error(Class<?> type) {
        return assertThrows(PolicyException.class, () -> compile("", servlet("s", type, "/s")));
    }

    /** A requirement of one role out of {@code anyOf}. */
    static Requirement roles(String... anyOf) {
        return new Requirement.Roles(List.of(Set.of(anyOf)));
    }
}
