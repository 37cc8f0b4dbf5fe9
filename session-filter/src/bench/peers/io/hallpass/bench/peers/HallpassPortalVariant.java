package io.hallpass.bench.peers;

import bench.Variant;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.ApplicationParameter;

/**
 * The sample portal's own WAR as deployed (its {@code web.xml}, rules, servlets and the filter's default settings:
 * session cache and risk rules on), exploded into the harness's Tomcat at the root context. It signs in as the demo
 * customer and measures {@code GET /api/ping} ({@code pong}, for any signed-in user). The only change to the WAR is
 * its database: an in-memory H2 instead of a file under the working directory (a context parameter that the WAR's
 * own {@code hallpass.jdbc-url} yields to, as its {@code web.xml} documents).
 *
 * <p>{@code -Dbench.portal.war=DIR|FILE} names the WAR ({@code run-peers.sh} passes
 * {@code sample-webapp/target/hallpass-sample.war}, built by {@code mvn package}).
 */
public final class HallpassPortalVariant implements Variant {

    /** The demo customer of the sample ({@code DemoAccounts}). */
    static final String USER = "alice";
    static final String PASSWORD = "alice-demo-pw";

    @Override
    public String name() {
        return "hallpass-portal";
    }

    @Override
    public void configure(Tomcat tomcat) throws Exception {
        String war = System.getProperty("bench.portal.war");
        if (war == null || !Files.exists(Path.of(war))) {
            throw new IllegalArgumentException("-Dbench.portal.war=PATH (the sample's WAR) is required; got " + war);
        }
        Files.createDirectories(tomcat.getHost().getAppBaseFile().toPath());
        Context ctx = tomcat.addWebapp("", Path.of(war).toAbsolutePath().toString());
        ApplicationParameter db = new ApplicationParameter();
        db.setName("hallpass.jdbc-url");
        db.setValue("jdbc:h2:mem:portal-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        db.setOverride(false); // the context's value wins over the WAR's web.xml default
        ctx.addApplicationParameter(db);
        // Tomcat's default web.xml declares the JSP servlet; Jasper is not on this class path, so drop it
        ctx.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                Container jsp = ctx.findChild("jsp");
                if (jsp != null) {
                    ctx.removeChild(jsp);
                }
                ctx.removeServletMapping("*.jsp");
                ctx.removeServletMapping("*.jspx");
            }
        });
    }

    @Override
    public String login(URI base) throws Exception {
        return HallpassVariant.signIn(base, "/auth/login", USER, PASSWORD);
    }

    @Override
    public String path() {
        return "/api/ping";
    }

    @Override
    public String expectedBody() {
        return "pong";
    }
}
