package io.hallpass.sample.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hallpass.realm.AccountView;
import io.hallpass.realm.Realm;
import io.hallpass.realm.SchemaAction;
import io.hallpass.realm.testing.ScratchDatabase;
import io.hallpass.sample.it.Browser.Response;
import io.hallpass.sample.it.Nodes.Node;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The soak (issue 10): 64 concurrent clients on loopback against the sample portal (runnable jar, embedded Tomcat) on
 * PostgreSQL, mixing sign-ins, page views, step-ups (re-authentication, then the sensitive export), revocations of
 * another client's session and sign-outs, for {@code -Dhallpass.soak.duration} (ISO-8601, default {@code PT1M}; the
 * documented long run is {@code PT5M}) and at most {@link #MAX_REQUESTS} requests.
 *
 * <p>Each client knows what it must get, and every answer is judged:
 * <ul>
 *   <li>a page view of its own live session: 200; a 401 is <em>wrongly refused</em>;</li>
 *   <li>after its own sign-out, replaying the old cookie: 401; a 200 is <em>wrongly accepted</em>;</li>
 *   <li>its session revoked by its partner (the other client on the same account), once the revocation was
 *       answered: refused (401) at its next request (one node: at once); while the revocation is in flight, either;</li>
 *   <li>the export ({@code @Sensitive}, with {@code --reauth-within 15s}): 200 when the client authenticated less than
 *       the window before (by the client's own clock, around its request, with a second of slack), the step-up
 *       challenge when more; between the two, either;</li>
 *   <li>public pages: 200; no 5xx anywhere, no broken connection.</li>
 * </ul>
 * A sign-in or re-authentication refused because every password-hashing slot is busy (503, {@code "error":"busy"},
 * {@code Retry-After}) is expected under load: the client waits what {@code Retry-After} says and tries again, and it
 * is counted apart as <em>shed</em>, not as an error. Sign-ins are kept at a realistic rate (a client thinks 0.3 to
 * 0.9 s between requests, and signs out about once in fifty).
 *
 * <p>The server's heap is read after a full GC ({@code jcmd GC.run}, then {@code GC.heap_info}) before the clients start
 * and after they stop. Every figure goes to {@code target/soak.txt}. Without PostgreSQL the test is skipped with a
 * message, or fails under {@code -Dhallpass.it.require=true}.
 */
class SoakIT {

    static final int CLIENTS = 64;
    static final long MAX_REQUESTS = 2_000_000;
    static final Duration REAUTH_WINDOW = Duration.ofSeconds(15);
    static final Duration SLACK = Duration.ofSeconds(1);
    /** The clients start one after the other over this (or a quarter of the run, if shorter). */
    static final Duration RAMP_UP = Duration.ofSeconds(15);
    static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicLong requests = new AtomicLong();
    private volatile long deadline;
    private volatile Duration rampUp = Duration.ZERO;
    private Node node;

    @Test
    void sixtyFourClientsSignInBrowseStepUpRevokeAndSignOutWithNoErrorAndNoWrongAnswer() throws Exception {
        Duration duration = Duration.parse(System.getProperty("hallpass.soak.duration", "PT1M"));
        try (ScratchDatabase database = ScratchDatabase.create(ScratchDatabase.Kind.POSTGRESQL)) {
            Node portal = Nodes.start("soak", List.of("-Xmx1g"), "tomcat", database.url, database,
                    "--reauth-within", REAUTH_WINDOW.toSeconds() + "s");
            node = portal;
            try (portal) {
                List<Client> clients = accounts(database);
                String heapStart = heapAfterFullGc(node.process().pid());

                String loadStart = loadAverage();
                rampUp = duration.dividedBy(4).compareTo(RAMP_UP) < 0 ? duration.dividedBy(4) : RAMP_UP;
                deadline = System.nanoTime() + duration.toNanos();
                long started = System.nanoTime();
                List<Thread> threads = new ArrayList<>();
                for (Client client : clients) {
                    Thread t = new Thread(client, "soak-client-" + client.index);
                    t.setDaemon(true);
                    threads.add(t);
                }
                threads.forEach(Thread::start);
                for (Thread t : threads) {
                    t.join(duration.toMillis() + 180_000);
                    assertTrue(!t.isAlive(), t.getName() + " did not finish");
                }
                Duration ran = Duration.ofNanos(System.nanoTime() - started);
                String heapEnd = heapAfterFullGc(node.process().pid());
                report(duration, ran, heapStart, heapEnd, loadStart, loadAverage());
            }
        }
        assertEquals(List.of(), List.copyOf(problems).subList(0, Math.min(20, problems.size())),
                problems.size() + " wrong answers (the first 20 shown)");
        assertEquals(0, total("5xx"), "no 5xx but the busy sign-ins counted apart");
        assertEquals(0, total("broken"), "no broken connection");
        assertEquals(0, total("wrongly-accepted"), "no request accepted that should have been refused");
        assertEquals(0, total("wrongly-refused"), "no request refused that should have been accepted");
        for (String exercised : List.of("sign-in", "page", "public", "step-up", "export", "revoked-partner",
                "sign-out", "refused-after-sign-out", "refused-after-revocation", "export-challenged")) {
            assertTrue(total(exercised) > 0, "the soak exercised " + exercised + ": " + new TreeMap<>(counts));
        }
    }

    // ------------------------------------------------------------------------------------------------ set-up

    /** 32 accounts with the customer role, two clients each (partners: each may revoke the other's session). */
    private List<Client> accounts(ScratchDatabase database) {
        List<Client> clients = new ArrayList<>();
        try (Realm realm = Realm.builder().jdbcUrl(database.url).credentials(database.user, database.password)
                .schemaAction(SchemaAction.VALIDATE).poolSize(2).build()) {
            for (int i = 0; i < CLIENTS / 2; i++) {
                String username = String.format("soak-%02d", i);
                String password = username + "-soak-pw-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
                AccountView account = realm.createAccount(username, password);
                realm.grantRole(account.id(), "customer", null, "SoakIT");
                Client first = new Client(2 * i, username, password);
                Client second = new Client(2 * i + 1, username, password);
                first.partner = second;
                second.partner = first;
                clients.add(first);
                clients.add(second);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not create the soak accounts", e);
        }
        return clients;
    }

    // ------------------------------------------------------------------------------------------------ a client

    /** A revocation of a session by its partner: in flight until {@code answered}. */
    private record Revocation(String sessionId, boolean answered) {
    }

    private final class Client implements Runnable {

        final int index;
        final String username;
        final String password;
        final Browser web;
        Client partner;
        /** The public id of this client's live session, for its partner; null while signed out. */
        volatile String sessionId;
        /** Set by the partner around a revocation of this client's session. */
        final AtomicReference<Revocation> revocation = new AtomicReference<>();
        boolean signedIn;
        long authLow;
        long authHigh;

        Client(int index, String username, String password) {
            this.index = index;
            this.username = username;
            this.password = password;
            this.web = node.browser("SoakIT/1.0 (client " + index + ")").api();
        }

        @Override
        public void run() {
            think((int) (rampUp.toMillis() * index / CLIENTS)); // not 64 sign-ins in the same instant
            while (running()) {
                think(300 + ThreadLocalRandom.current().nextInt(600));
                try {
                    step();
                } catch (UncheckedIOException e) {
                    count("broken");
                    problem("a broken connection: " + e.getMessage());
                    signedIn = false;
                } catch (RuntimeException | AssertionError e) {
                    problem("client " + index + ": " + e);
                    signedIn = false;
                }
            }
        }

        private void step() {
            if (!signedIn) {
                signIn();
                return;
            }
            int dice = ThreadLocalRandom.current().nextInt(1000);
            if (dice < 20) {
                signOut();
            } else if (dice < 35) {
                revokePartner();
            } else if (dice < 65) {
                stepUp();
            } else if (dice < 95) {
                export();
            } else if (dice < 170) {
                publicPage();
            } else {
                pageView();
            }
        }

        private Response send(java.util.function.Supplier<Response> request) {
            requests.incrementAndGet();
            Response r = request.get();
            if (r.status() >= 500 && !busy(r)) {
                count("5xx");
                problem("a " + r.status() + ": " + r);
            }
            return r;
        }

        private void signIn() {
            sessionId = null;
            revocation.set(null);
            while (running()) {
                long low = System.nanoTime();
                Response r = send(() -> web.post("/auth/login", Map.of("username", username, "password", password)));
                long high = System.nanoTime();
                count("sign-in");
                if (r.status() == 200) {
                    count("signed-in");
                    signedIn = true;
                    authLow = low;
                    authHigh = high;
                    sessionId = currentSessionId();
                    return;
                }
                if (!shed(r)) {
                    count("wrongly-refused");
                    problem("sign-in refused: " + r);
                    return;
                }
            }
        }

        private String currentSessionId() {
            Response list = authenticated("page", () -> web.get("/account/sessions"));
            if (list.status() != 200) {
                return null;
            }
            return list.jsonArray().stream().map(o -> (Map<?, ?>) o)
                    .filter(s -> Boolean.TRUE.equals(s.get("current"))).map(s -> (String) s.get("id")).findFirst()
                    .orElseThrow(() -> new AssertionError("no current session in " + list));
        }

        /**
         * Sends a request of this client's session and judges the answer against what the client knows of its
         * session: revoked by the partner (refused), being revoked (either), or live (accepted).
         */
        private Response authenticated(String kind, java.util.function.Supplier<Response> request) {
            String mine = sessionId;
            Revocation before = revocation.get();
            Response r = send(request);
            Revocation after = revocation.get();
            count(kind);
            boolean accepted = r.status() != 401 || challengedForStepUp(r);
            boolean revoked = before != null && before.answered() && before.sessionId().equals(mine);
            boolean inFlight = before != null && before.sessionId().equals(mine)
                    || after != null && after.sessionId().equals(mine);
            if (revoked) {
                if (accepted) {
                    count("wrongly-accepted");
                    problem("a session its partner had revoked was accepted: " + r);
                } else {
                    count("refused-after-revocation");
                }
            } else if (!accepted && !inFlight) {
                count("wrongly-refused");
                problem("a live session was refused: " + r);
            }
            if (!accepted) {
                signedIn = false;
                sessionId = null;
            }
            return r;
        }

        private void pageView() {
            String path = List.of("/account", "/orders", "/api/me", "/billing", "/account/sessions")
                    .get(ThreadLocalRandom.current().nextInt(5));
            Response r = authenticated("page", () -> web.get(path));
            if (r.status() != 200 && r.status() != 401) {
                count("wrongly-refused");
                problem("a page view: " + r);
            }
        }

        private void publicPage() {
            String path = ThreadLocalRandom.current().nextBoolean() ? "/" : "/ping";
            Response r = send(() -> web.get(path));
            count("public");
            if (r.status() != 200) {
                count("wrongly-refused");
                problem("a public page: " + r);
            }
        }

        private void stepUp() {
            long low = System.nanoTime();
            Response r = authenticated("step-up", () -> web.post("/auth/reauth", Map.of("password", password)));
            long high = System.nanoTime();
            if (r.status() == 200) {
                authLow = low;
                authHigh = high;
                export();
            } else if (!shed(r) && r.status() != 401) {
                count("wrongly-refused");
                problem("a re-authentication: " + r);
            }
        }

        /** The sensitive export, judged against the re-authentication window as this client measured it. */
        private void export() {
            long sent = System.nanoTime();
            Response r = authenticated("export", () -> web.get("/account/export"));
            long answered = System.nanoTime();
            long window = REAUTH_WINDOW.toNanos();
            long slack = SLACK.toNanos();
            if (r.status() == 200) {
                if (sent - authHigh > window + slack) {
                    count("wrongly-accepted");
                    problem("an export " + Duration.ofNanos(sent - authHigh) + " after authenticating: " + r);
                }
            } else if (challengedForStepUp(r)) {
                count("export-challenged");
                if (answered - authLow < window - slack) {
                    count("wrongly-refused");
                    problem("a step-up " + Duration.ofNanos(answered - authLow) + " after authenticating: " + r);
                }
            } else if (r.status() != 401) {
                count("wrongly-refused");
                problem("an export: " + r);
            }
        }

        private void revokePartner() {
            String target = partner.sessionId;
            if (target == null) {
                pageView();
                return;
            }
            Revocation previous = partner.revocation.get();
            if (previous != null && previous.sessionId().equals(target)) {
                pageView(); // revoked already (or being revoked): the partner has not noticed yet
                return;
            }
            Revocation inFlight = new Revocation(target, false);
            partner.revocation.set(inFlight);
            Response r = authenticated("revoke", () -> web.post("/account/sessions/" + target + "/revoke", Map.of()));
            if (r.status() == 200) {
                partner.revocation.compareAndSet(inFlight, new Revocation(target, true));
                count("revoked-partner");
            } else {
                partner.revocation.compareAndSet(inFlight, null);
                if (r.status() == 404 && target.equals(partner.sessionId)) {
                    count("wrongly-refused");
                    problem("the partner's live session " + target + " was not found: " + r);
                } else if (r.status() != 404 && r.status() != 401) {
                    count("wrongly-refused");
                    problem("a revocation: " + r);
                }
            }
        }

        private void signOut() {
            String token = web.sessionCookie().orElseThrow(() -> new AssertionError("signed in without a cookie"));
            sessionId = null;
            signedIn = false;
            Response out = send(() -> web.post("/auth/logout", Map.of()));
            count("sign-out");
            if (out.status() != 204) {
                count("wrongly-refused");
                problem("a sign-out: " + out);
                return;
            }
            Browser replay = new Browser(node.base(), web.userAgent()).api();
            replay.useSessionCookie(token);
            Response again = send(() -> replay.get("/api/me"));
            if (again.status() == 401) {
                count("refused-after-sign-out");
            } else {
                count("wrongly-accepted");
                problem("a signed-out cookie was accepted: " + again);
            }
        }

        /** A busy answer: counted as shed, and the client waits what {@code Retry-After} says. */
        private boolean shed(Response r) {
            if (!busy(r)) {
                return false;
            }
            count("shed");
            long seconds = r.header("Retry-After").map(Long::parseLong).orElse(1L);
            think((int) Math.min(TimeUnit.SECONDS.toMillis(seconds), 10_000));
            return true;
        }
    }

    private static boolean busy(Response r) {
        return r.status() == 503 && r.body().contains("\"busy\"") && r.header("Retry-After").isPresent();
    }

    private static boolean challengedForStepUp(Response r) {
        return r.status() == 401 && r.header("WWW-Authenticate").orElse("").contains("insufficient_user_authentication");
    }

    private boolean running() {
        return System.nanoTime() < deadline && requests.get() < MAX_REQUESTS;
    }

    private static void think(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void count(String what) {
        counts.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    private long total(String what) {
        LongAdder adder = counts.get(what);
        return adder == null ? 0 : adder.sum();
    }

    private void problem(String what) {
        if (problems.size() < 1000) {
            problems.add(what);
        }
    }

    // ------------------------------------------------------------------------------------------------ report

    /** The server's heap after a full GC: {@code jcmd <pid> GC.run}, then {@code GC.heap_info}. */
    private static String heapAfterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new AssertionError("no 'used NK' in jcmd GC.heap_info:\n" + info);
        }
        return m.group(1);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("jcmd " + pid + " " + command + " failed:\n" + out);
        }
        return out;
    }

    /** The machine's load average (1, 5, 15 min), for reading the figures: the suite shares its cores. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private void report(Duration asked, Duration ran, String heapStartK, String heapEndK, String loadStart,
                        String loadEnd) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("# SoakIT: " + CLIENTS + " clients on loopback, the sample portal (embedded Tomcat, -Xmx1g) on "
                + "PostgreSQL, " + Instant.now());
        lines.add("machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average " + loadStart
                + " at the start, " + loadEnd + " at the end");
        lines.add("duration asked " + asked + ", ran " + ran.toSeconds() + " s; requests " + requests.get() + " ("
                + requests.get() / Math.max(1, ran.toSeconds()) + "/s)");
        lines.add("5xx " + total("5xx") + ", broken connections " + total("broken") + ", wrongly accepted "
                + total("wrongly-accepted") + ", wrongly refused " + total("wrongly-refused"));
        lines.add("shed (busy sign-ins and re-authentications, retried after Retry-After) " + total("shed")
                + " of " + (total("sign-in") + total("step-up")) + " attempts; sign-ins that passed " + total("signed-in"));
        lines.add("heap used after a full GC: start " + heapStartK + " KB, end " + heapEndK + " KB");
        lines.add("by kind:");
        new TreeMap<>(counts).forEach((k, v) -> lines.add("  " + k + " " + v.sum()));
        if (!problems.isEmpty()) {
            lines.add("first wrong answers:");
            problems.stream().limit(20).forEach(p -> lines.add("  " + p));
        }
        Path out = Path.of(System.getProperty("hallpass.sample.work", "target/it-work")).getParent()
                .resolve("soak.txt");
        Files.write(out, lines);
        System.out.println(String.join(System.lineSeparator(), lines));
    }
}
