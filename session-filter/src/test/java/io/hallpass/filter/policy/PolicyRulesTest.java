package io.hallpass.filter.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PolicyRulesTest {

    private static final String ORIGIN = "test rules";

    static Policy compile(String... lines) throws PolicyException {
        return compile(PolicySettings.defaults(), lines);
    }

    static Policy compile(PolicySettings settings, String... lines) throws PolicyException {
        return Policy.compile(new RuleSource(ORIGIN, String.join("\n", lines)), List.of(), settings);
    }

    private static PolicyException error(String... lines) {
        return assertThrows(PolicyException.class, () -> compile(lines));
    }

    // -------------------------------------------------------------------------------------------------
    // precedence: exactly servlet url-pattern's

    /** Servlet 6.1 table 12-1, plus our own corner cases; each rule names a distinct role to be recognised. */
    private static final List<String> PRECEDENCE_RULES = List.of(
            "/catalog = role:exact",
            "/foo/bar/* = role:foobar",
            "/baz/* = role:baz",
            "*.bop = role:bop",
            "/ = role:fallback",
            "\"\" = role:root",
            "/Admin/* = role:upper",
            "/admin/* = role:admin",
            "/admin/users/* = role:users",
            "/admin/users/list = role:list",
            "*.b = role:b");

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            // Servlet 6.1 table 12-2
            "/foo/bar/index.html, role:foobar",
            "/foo/bar/index.bop, role:foobar",
            "/baz, role:baz",
            "/baz/index.html, role:baz",
            "/catalog, role:exact",
            "/catalog/index.html, role:fallback",
            "/catalog/racecar.bop, role:bop",
            "/index.bop, role:bop",
            // exact beats prefix; the longest prefix wins
            "/admin/users/list, role:list",
            "/admin/users/list/, role:users",
            "/admin/users/list/x, role:users",
            "/admin/users, role:users",
            "/admin/users/, role:users",
            "/admin/usersx, role:admin",
            // /admin/* also matches /admin, but never /administrator
            "/admin, role:admin",
            "/admin/, role:admin",
            "/admin/x.bop, role:admin",
            "/administrator, role:fallback",
            "/foo/bar, role:foobar",
            "/foo/barbaz, role:fallback",
            // the context root
            "/, role:root",
            // case-sensitive paths and extensions
            "/Admin/x, role:upper",
            "/ADMIN/x, role:fallback",
            "/x.BOP, role:fallback",
            // the extension is that of the last segment, after its last '.'
            "/a.b/c, role:fallback",
            "/a/c.b, role:b",
            "/x.tar.b, role:b",
            "/x.b.tar, role:fallback",
            "/a/.b, role:b",
            "/a.b/, role:fallback"})
    void lookupWhenPathsCompeteThenServletPrecedenceDecides(String path, String expected) throws PolicyException {
        Policy policy = compile(PRECEDENCE_RULES.toArray(new String[0]));
        assertEquals(expected, policy.lookup("GET", path, null).requirement().toString());
    }

    @Test
    void lookupWhenRulesAreShuffledThenEveryAnswerIsTheSame() throws PolicyException {
        Policy ordered = compile(PRECEDENCE_RULES.toArray(new String[0]));
        List<String> paths = List.of("/foo/bar/index.bop", "/catalog", "/catalog/x", "/admin", "/admin/users/list",
                "/admin/users/list/", "/x.b", "/a.b/c", "/", "/Admin/x", "/baz");
        Random random = new Random(42);
        for (int round = 0; round < 20; round++) {
            List<String> shuffled = new ArrayList<>(PRECEDENCE_RULES);
            Collections.shuffle(shuffled, random);
            Policy policy = compile(shuffled.toArray(new String[0]));
            for (String path : paths) {
                assertEquals(ordered.lookup("GET", path, null).requirement(),
                        policy.lookup("GET", path, null).requirement(), path + " with " + shuffled);
            }
        }
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource({
            "/x.jsp, role:all",
            "/a/b/c.jsp, role:all",
            "/exact, role:exact",
            "/exact/, role:all",
            "/, role:all",
            "/anything, role:all"})
    void lookupWhenSlashStarIsPresentThenItBeatsExtensionAndDefault(String path, String expected)
            throws PolicyException {
        Policy policy = compile("*.jsp = role:jsp", "/ = role:fallback", "/* = role:all", "/exact = role:exact");
        assertEquals(expected, policy.lookup("GET", path, null).requirement().toString());
    }

    @Test
    void lookupWhenContextRootAndDefaultBothHaveRulesThenRootIsOnlySlash() throws PolicyException {
        Policy policy = compile("\"\" = public", "/ = deny");
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/", null).requirement());
        assertEquals(Requirement.DENY, policy.lookup("GET", "/index.html", null).requirement());
        assertEquals(Requirement.DENY, policy.lookup("GET", "/x/", null).requirement());
    }

    @Test
    void lookupWhenOnlyContextRootHasARuleThenOtherPathsAreUnmatched() throws PolicyException {
        Policy policy = compile("GET \"\" = public");
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/", null).requirement());
        assertEquals("unmatched", policy.lookup("GET", "/index.html", null).source());
    }

    @Test
    void lookupWhenPrefixIsSlashStarThenItMatchesEveryPath() throws PolicyException {
        Policy policy = compile("/* = authenticated");
        for (String path : List.of("/", "/a", "/a/b/c", "/x.jsp")) {
            assertEquals(Requirement.AUTHENTICATED, policy.lookup("GET", path, null).requirement(), path);
        }
    }

    @Test
    void lookupWhenTheRuleMatchesThenSourceNamesItsLine() throws PolicyException {
        Policy policy = compile("# header", "", "/a = public", "/b/* = authenticated");
        assertEquals("rule line 3", policy.lookup("GET", "/a", null).source());
        assertEquals("rule line 4", policy.lookup("GET", "/b/c", null).source());
    }

    // -------------------------------------------------------------------------------------------------
    // methods

    @Test
    void lookupWhenRuleNamesGetThenHeadIsCoveredToo() throws PolicyException {
        Policy policy = compile("GET /a = role:reader");
        Permission head = policy.lookup("HEAD", "/a", null);
        assertTrue(head.methodAllowed());
        assertEquals("role:reader", head.requirement().toString());
        assertEquals(Set.of("GET", "HEAD"), policy.lookup("GET", "/a", null).allowedMethods());
    }

    @Test
    void lookupWhenPatternHasItsOwnHeadRuleThenGetDoesNotImplyHead() throws PolicyException {
        Policy policy = compile("GET /a = authenticated", "HEAD /a = role:monitor, reauth:1m");
        assertEquals("role:monitor", policy.lookup("HEAD", "/a", null).requirement().toString());
        assertEquals(Duration.ofMinutes(1), policy.lookup("HEAD", "/a", null).reauthWithin());
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("GET", "/a", null).requirement());
    }

    @Test
    void lookupWhenPatternHasOnlyAHeadRuleThenGetIsNotAllowed() throws PolicyException {
        Policy policy = compile("HEAD /a = deny");
        assertFalse(policy.lookup("GET", "/a", null).methodAllowed());
    }

    @Test
    void lookupWhenMethodIsNotNamedThenMethodNotAllowedWithTheAllowSet() throws PolicyException {
        Policy policy = compile("GET,POST /a = role:x", "DELETE /a = role:admin");
        Permission put = policy.lookup("PUT", "/a", null);
        assertFalse(put.methodAllowed());
        assertEquals(Requirement.DENY, put.requirement());
        assertEquals(List.of("GET", "HEAD", "POST", "DELETE"), List.copyOf(put.allowedMethods()));
        assertEquals("rules for /a (lines 1, 2)", put.source());
        assertTrue(policy.lookup("DELETE", "/a", null).methodAllowed());
        assertEquals("role:admin", policy.lookup("DELETE", "/a", null).requirement().toString());
    }

    @Test
    void lookupWhenMostSpecificPatternLacksTheMethodThenNoFallbackToALessSpecificOne() throws PolicyException {
        Policy policy = compile("/api/* = authenticated", "GET /api/status = public", "/ = public");
        Permission post = policy.lookup("POST", "/api/status", null);
        assertFalse(post.methodAllowed());
        assertEquals(Set.of("GET", "HEAD"), post.allowedMethods());
        assertEquals(Requirement.AUTHENTICATED, policy.lookup("POST", "/api/other", null).requirement());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
    void lookupWhenRuleNamesNoMethodThenItCoversEveryMethod(String method) throws PolicyException {
        Policy policy = compile("/a = authenticated");
        Permission p = policy.lookup(method, "/a", null);
        assertTrue(p.methodAllowed());
        assertEquals(Requirement.AUTHENTICATED, p.requirement());
        assertEquals(7, p.allowedMethods().size());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"TRACE", "CONNECT", "get", "PROPFIND", ""})
    void lookupWhenMethodIsNotAStandardOneThenMethodNotAllowed(String method) throws PolicyException {
        Policy policy = compile("/a = public");
        assertFalse(policy.lookup(method, "/a", null).methodAllowed());
        assertFalse(policy.lookup(method, "/unmatched", null).methodAllowed());
    }

    // -------------------------------------------------------------------------------------------------
    // conflicts

    @Test
    void compileWhenMethodlessRuleMeetsAnotherRuleOfThePatternThenConflictNamesBothLines() {
        PolicyException e = error("# rules", "/a = public", "", "GET /a = deny");
        assertEquals("test rules line 4: \"GET /a = deny\": conflicts with line 2 (\"/a = public\"): "
                + "both cover GET on /a; give each method one rule", e.getMessage());
        assertEquals(4, e.line());
        assertEquals(ORIGIN, e.origin());
    }

    @Test
    void compileWhenTwoRulesShareAMethodThenConflict() {
        PolicyException e = error("GET,POST /a/* = public", "POST,PUT /a/* = deny");
        assertTrue(e.getMessage().startsWith("test rules line 2: "), e.getMessage());
        assertTrue(e.getMessage().contains("conflicts with line 1"), e.getMessage());
        assertTrue(e.getMessage().contains("both cover POST on /a/*"), e.getMessage());
    }

    @Test
    void compileWhenTheSamePatternHasTwoMethodlessRulesThenConflictOnEveryMethod() {
        PolicyException e = error("*.jsp = public", "*.jsp = public");
        assertTrue(e.getMessage().contains("both cover every method on *.jsp"), e.getMessage());
    }

    @Test
    void compileWhenRulesCoverDifferentMethodsOrPatternsThenNoConflict() throws PolicyException {
        compile("GET /a = public", "HEAD /a = deny", "POST /a = authenticated", "/a/* = deny", "\"\" = public",
                "/ = deny", "/* = authenticated");
    }

    // -------------------------------------------------------------------------------------------------
    // HEAD may not ask less than GET: the container answers HEAD with GET's status and headers

    @Test
    void compileWhenHeadIsPublicWhereGetNeedsASignInThenRefusedNamingBothLines() {
        PolicyException e = error("# account", "GET /account/* = authenticated", "HEAD /account/* = public");
        assertEquals("test rules line 3: \"HEAD /account/* = public\": HEAD would ask less than GET on /account/* "
                + "(line 2: \"GET /account/* = authenticated\"): the container answers HEAD with GET's status and "
                + "headers, so give HEAD at least GET's requirement and windows", e.getMessage());
        assertEquals(3, e.line());
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiterString = ";", value = {
            "GET /a = role:a                      ; HEAD /a = role:a | role:b",
            "GET /a = role:a | role:b             ; HEAD /a = authenticated",
            "GET /a = authenticated, reauth:1m    ; HEAD /a = authenticated",
            "GET /a = authenticated, reauth:1m    ; HEAD /a = authenticated, reauth:2m",
            "GET /a = authenticated, idle:1m      ; HEAD /a = role:x",
            "GET /a = deny                        ; HEAD /a = role:x",
            "POST /a = public                     ; HEAD /a = public"})
    void compileWhenHeadIsLooserThanGetInAnyWayThenRefused(String get, String head) {
        PolicyException e = error(get, head);
        assertEquals(2, e.line());
        assertTrue(e.problem().startsWith("HEAD would ask less than GET on /a"), e.problem());
    }

    @ParameterizedTest(name = "[{index}] {0} / {1}")
    @CsvSource(delimiterString = ";", value = {
            "GET /a = role:a | role:b             ; HEAD /a = role:a",
            "GET /a = authenticated               ; HEAD /a = role:monitor",
            "GET /a = authenticated, reauth:2m    ; HEAD /a = authenticated, reauth:30s",
            "GET /a = authenticated, idle:5m      ; HEAD /a = authenticated, idle:5m, reauth:1m",
            "GET /a = public                      ; HEAD /a = deny",
            "POST /a = public                     ; HEAD /a = deny"})
    void compileWhenHeadIsAtLeastAsStrictAsGetThenAccepted(String get, String head) throws PolicyException {
        compile(get, head);
    }

    @Test
    void compileWhenOnlyHeadIsNamedThenRefusedBecauseGetIsA405() {
        PolicyException e = error("HEAD /status = public");
        assertTrue(e.problem().contains("which no rule of this pattern names (405)"), e.problem());
        assertTrue(e.problem().endsWith(", or name GET as well"), e.problem());
    }

    @Test
    void compileWhenHeadIsLooserOnOnePatternThenOtherPatternsDoNotExcuseIt() {
        // GET of /account/x is authenticated through the exact rule, but /account/other only has the prefix's HEAD
        PolicyException e = error("GET /account/x = authenticated", "HEAD /account/* = public");
        assertTrue(e.problem().contains("on /account/*, which no rule of this pattern names (405)"), e.problem());
    }

    // -------------------------------------------------------------------------------------------------
    // syntax errors: each names origin, line and text

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '`', value = {
            "/admin* = role:admin                  => '*' is only allowed as \"/prefix/*\" or \"*.ext\"",
            "/a/*/b = public                       => '*' is only allowed as",
            "** = public                           => '*' is only allowed as",
            "* = public                            => '*' is only allowed as",
            "/admin/*/ = public                    => '*' is only allowed as",
            "*.* = public                          => '*' is only allowed as",
            "*. = public                           => needs an extension",
            "*.tar.gz = public                     => cannot contain '/' or '.'",
            "/a/../b = public                      => '..' segments can never match",
            "/a/.. = public                        => '..' segments can never match",
            "/a/./b = public                       => '.' segments can never match",
            "//a = public                          => '//' can never match",
            "/a//* = public                        => '//' can never match",
            "/a;b = public                         => ';' can never match",
            "/a%2Fb = public                       => '%' can never match",
            "/a\\b = public                        => '\\' can never match",
            "\"/a\" = public                       => quotes are only allowed as \"\"",
            "a/b = public                          => a pattern is",
            "GET /a /b = public                    => expected [METHODS] PATTERN before '='",
            "/a /b = public                        => expected [METHODS] PATTERN before '='",
            "GET, POST /a = public                 => expected [METHODS] PATTERN before '='",
            "get /a = public                       => methods are case-sensitive: write GET instead of get",
            "TRACE /a = public                     => unknown method \"TRACE\"",
            "FOO /a = public                       => unknown method \"FOO\"",
            "GET,,POST /a = public                 => empty method name",
            "GET,GET /a = public                   => method GET is listed twice",
            "/a = Public                           => unknown requirement \"Public\"",
            "/a = admin                            => unknown requirement \"admin\"",
            "/a = roles:admin                      => unknown requirement",
            "/a = role:                            => invalid role name \"\"",
            "/a = role:ad min                      => invalid role name \"ad min\"",
            "/a = role:-x                          => invalid role name \"-x\"",
            "/a = public | role:x                  => public cannot be combined with '|'",
            "/a = role:x | deny                    => deny cannot be combined with '|'",
            "/a = role:x |                         => empty alternative around '|'",
            "/a = role:x | role:x                  => role x is listed twice",
            "/a = public, reauth                   => options are not allowed on public",
            "/a = deny, idle:5m                    => options are not allowed on deny",
            "/a = authenticated, reauth:5x         => \"5x\" is not a duration",
            "/a = authenticated, reauth:0s         => must be positive",
            "/a = authenticated, idle:-5m          => \"-5m\" is not a duration",
            "/a = authenticated, reauth:           => duration is missing",
            "/a = authenticated, reauth, reauth:2m => duplicate option reauth",
            "/a = authenticated, idle:1m, idle:2m  => duplicate option idle",
            "/a = authenticated, idle              => unknown option \"idle\"",
            "/a = authenticated, foo               => unknown option \"foo\"",
            "/a = authenticated,                   => empty option after ','",
            "/a public                             => missing '='",
            "= public                              => missing pattern before '='",
            "/a =                                  => missing requirement after '='"})
    void compileWhenALineIsInvalidThenErrorNamesOriginLineTextAndProblem(String rule, String problem) {
        PolicyException e = error("# a comment", "/ok = public", "", rule + "   # trailing comment");
        String expectedStart = ORIGIN + " line 4: \"" + rule + "\": ";
        assertTrue(e.getMessage().startsWith(expectedStart), e.getMessage());
        assertTrue(e.problem().contains(problem), e.problem());
        assertEquals(4, e.line());
    }

    @Test
    void compileWhenTheExampleFromTheDocsIsWrongThenTheMessageIsExactlyTheDocumentedOne() {
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.compile(
                new RuleSource("/WEB-INF/hallpass-rules.txt", "\n\n\n\n\n\n/admin* = role:admin\n"), List.of(),
                PolicySettings.defaults()));
        assertEquals("/WEB-INF/hallpass-rules.txt line 7: \"/admin* = role:admin\": "
                + "'*' is only allowed as \"/prefix/*\" or \"*.ext\"", e.getMessage());
    }

    @Test
    void compileWhenLinesEndWithCrLfThenLineNumbersStillCount() {
        PolicyException e = assertThrows(PolicyException.class, () -> Policy.compile(
                new RuleSource(ORIGIN, "/a = public\r\n\r\n/b = nobody\r\n"), List.of(), PolicySettings.defaults()));
        assertEquals(3, e.line());
        assertTrue(e.getMessage().startsWith(ORIGIN + " line 3: \"/b = nobody\": "), e.getMessage());
    }

    @Test
    void compileWhenTheFileStartsWithAByteOrderMarkThenTheFirstRuleStillParses() throws PolicyException {
        Policy policy = compile("\uFEFFGET /a = public");
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/a", null).requirement());
    }

    @Test
    void compileWhenALineHasAControlCharacterThenRefusedAndTheMessageEscapesIt() {
        PolicyException e = error("/a\u0001b = public");
        assertTrue(e.getMessage().contains("/a\\u0001b"), e.getMessage());
        assertFalse(e.getMessage().contains("\u0001"));
    }

    @Test
    void compileWhenAPatternHasANonBreakingSpaceThenRefused() {
        assertTrue(error("/caf\u00a0 = public").problem().contains("white space"));
    }

    @Test
    void compileWhenTabsSeparateTheWordsThenAccepted() throws PolicyException {
        Policy policy = compile("GET\t/a\t=\tpublic");
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/a", null).requirement());
    }

    @Test
    void compileWhenThePatternContainsAnEqualsSignThenTheLastOneSeparatesTheRequirement() throws PolicyException {
        Policy policy = compile("/a=b = public");
        assertEquals(Requirement.PUBLIC, policy.lookup("GET", "/a=b", null).requirement());
    }

    @Test
    void compileWhenTextIsEmptyOrOnlyCommentsThenEverythingIsUnmatched() throws PolicyException {
        Policy policy = compile("# nothing yet", "   ", "");
        assertEquals("unmatched", policy.lookup("GET", "/", null).source());
        assertEquals(Requirement.DENY, policy.lookup("GET", "/", null).requirement());
    }

    // -------------------------------------------------------------------------------------------------
    // requirements and options

    @Test
    void compileWhenRolesAreAlternativesThenOneAnyOfSet() throws PolicyException {
        Policy policy = compile("/reports/* = role:reporting | role:admin");
        Requirement r = policy.lookup("GET", "/reports/1", null).requirement();
        assertEquals(new Requirement.Roles(List.of(Set.of("reporting", "admin"))), r);
    }

    @Test
    void compileWhenRuleHasReauthAndIdleThenPermissionCarriesBoth() throws PolicyException {
        Policy policy = compile("POST /account/payout = role:customer, reauth:2m, idle:5m");
        Permission p = policy.lookup("POST", "/account/payout", null);
        assertEquals(Duration.ofMinutes(2), p.reauthWithin());
        assertEquals(Duration.ofMinutes(5), p.idleWithin());
        assertEquals("role:customer", p.requirement().toString());
    }

    @Test
    void compileWhenReauthHasNoDurationThenTheConfiguredDefaultWindowApplies() throws PolicyException {
        Policy policy = compile(new PolicySettings(true, Duration.ofMinutes(7)), "/a = authenticated, reauth");
        assertEquals(Duration.ofMinutes(7), policy.lookup("GET", "/a", null).reauthWithin());
    }

    @Test
    void compileWhenRuleHasNoOptionsThenNoWindows() throws PolicyException {
        Permission p = compile("/a = authenticated").lookup("GET", "/a", null);
        assertNull(p.reauthWithin());
        assertNull(p.idleWithin());
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource({"30s, PT30S", "5m, PT5M", "12h, PT12H", "1d, PT24H", "PT5M, PT5M", "PT1H30M, PT1H30M"})
    void compileWhenDurationUsesAnyAcceptedFormThenItIsRead(String text, String expected) throws PolicyException {
        Policy policy = compile("/a = authenticated, idle:" + text);
        assertEquals(Duration.parse(expected), policy.lookup("GET", "/a", null).idleWithin());
    }

    // -------------------------------------------------------------------------------------------------
    // unmatched

    @Test
    void lookupWhenNothingMatchesAndDenyUnmatchedIsOnThenDenied() throws PolicyException {
        Permission p = compile("/a = public").lookup("GET", "/b", null);
        assertEquals(Requirement.DENY, p.requirement());
        assertEquals("unmatched", p.source());
        assertTrue(p.methodAllowed());
    }

    @Test
    void lookupWhenNothingMatchesAndDenyUnmatchedIsOffThenPublic() throws PolicyException {
        Permission p = compile(new PolicySettings(false, Duration.ofMinutes(5)), "/a = deny").lookup("GET", "/b", null);
        assertEquals(Requirement.PUBLIC, p.requirement());
        assertEquals("unmatched", p.source());
    }

    @Test
    void lookupWhenDenyUnmatchedIsOffThenMatchedRulesStillApply() throws PolicyException {
        Policy policy = compile(new PolicySettings(false, Duration.ofMinutes(5)), "/a = deny", "GET /b = public");
        assertEquals(Requirement.DENY, policy.lookup("GET", "/a", null).requirement());
        assertFalse(policy.lookup("POST", "/b", null).methodAllowed());
    }

    // -------------------------------------------------------------------------------------------------
    // report

    @Test
    void describeWhenRulesExistThenEachIsListedWithItsEffectiveMethods() throws PolicyException {
        List<String> report = compile("GET,POST /admin/* = role:admin", "/account/* = authenticated, reauth:2m")
                .describe();
        assertTrue(report.get(0).startsWith("Hallpass policy: 2 rules from test rules"), report.get(0));
        assertTrue(report.get(0).contains("unmatched requests are denied (403)"), report.get(0));
        assertTrue(report.contains("rule line 1: /admin/* GET, HEAD, POST -> role:admin"), report.toString());
        assertTrue(report.contains("rule line 2: /account/* GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS"
                + " -> authenticated, reauth:2m"), report.toString());
    }

    @Test
    void describeWhenAPatternDoesNotNameEveryMethodThenTheRefusedMethodsAreListed() throws PolicyException {
        List<String> report = compile("/account/* = authenticated", "POST /account/payout = role:customer")
                .describe();
        assertTrue(report.contains("405 on /account/payout for GET, HEAD, PUT, PATCH, DELETE, OPTIONS: "
                + "no rule of this pattern names them"), report.toString());
        assertFalse(report.stream().anyMatch(l -> l.startsWith("405 on /account/*")), report.toString());
    }

    @Test
    void describeWhenDenyUnmatchedIsOffThenTheHeaderSaysUnmatchedIsPublic() throws PolicyException {
        List<String> report = compile(new PolicySettings(false, Duration.ofMinutes(5)), "/a = public").describe();
        assertTrue(report.get(0).contains("unmatched requests are PUBLIC"), report.get(0));
    }
}
