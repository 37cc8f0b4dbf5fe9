package io.hallpass.sample.testing;

import io.hallpass.filter.policy.Policy;
import io.hallpass.filter.policy.PolicyException;
import io.hallpass.filter.policy.PolicySettings;
import io.hallpass.filter.policy.RuleSource;
import io.hallpass.filter.policy.ServletInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The portal's own policy, compiled without a container from {@code WEB-INF/hallpass-rules.txt} and the servlets
 * of {@code WEB-INF/web.xml}, plus the servlets a container adds (Tomcat's default servlet; Jetty's default and
 * JSP servlets), the way the filter compiles it at start-up.
 */
public final class PortalPolicy {

    /** The roles of the demo accounts, all enabled when the portal is first seeded. */
    public static final java.util.Set<String> DEMO_ROLES = java.util.Set.of("customer", "support", "admin", "reporting");

    private static final Path WEBAPP = Path.of("src", "main", "webapp");

    private PortalPolicy() {
    }

    public static Policy onTomcat() throws Exception {
        List<ServletInfo> servlets = portalServlets();
        servlets.add(new ServletInfo("default", "org.apache.catalina.servlets.DefaultServlet", null, List.of("/")));
        return compile(servlets);
    }

    public static Policy onJetty() throws Exception {
        List<ServletInfo> servlets = portalServlets();
        servlets.add(new ServletInfo("default", "org.eclipse.jetty.ee11.servlet.DefaultServlet", null, List.of("/")));
        servlets.add(new ServletInfo("jsp", "org.eclipse.jetty.ee11.servlet.NoJspServlet", null,
                List.of("*.jsp", "*.jspf", "*.jspx", "*.xsp", "*.JSP", "*.JSPF", "*.JSPX", "*.XSP")));
        return compile(servlets);
    }

    private static Policy compile(List<ServletInfo> servlets) throws PolicyException, java.io.IOException {
        String rules = Files.readString(WEBAPP.resolve("WEB-INF/hallpass-rules.txt"), StandardCharsets.UTF_8);
        // the files the default servlet would serve: the WAR's, outside WEB-INF
        List<String> files = new ArrayList<>();
        try (var walk = Files.walk(WEBAPP)) {
            walk.filter(Files::isRegularFile).map(p -> "/" + WEBAPP.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.startsWith("/WEB-INF/")).forEach(files::add);
        }
        return Policy.compile(new RuleSource("/WEB-INF/hallpass-rules.txt", rules), servlets, files,
                PolicySettings.defaults());
    }

    /** Each {@code <servlet>} of web.xml with its {@code <servlet-mapping>}s, its class loaded as the filter does. */
    private static List<ServletInfo> portalServlets() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document xml = factory.newDocumentBuilder().parse(WEBAPP.resolve("WEB-INF/web.xml").toFile());
        Map<String, List<String>> mappings = new LinkedHashMap<>();
        NodeList mappingNodes = xml.getElementsByTagName("servlet-mapping");
        for (int i = 0; i < mappingNodes.getLength(); i++) {
            Element m = (Element) mappingNodes.item(i);
            String name = text(m, "servlet-name");
            NodeList patterns = m.getElementsByTagName("url-pattern");
            for (int j = 0; j < patterns.getLength(); j++) {
                mappings.computeIfAbsent(name, k -> new ArrayList<>()).add(patterns.item(j).getTextContent().strip());
            }
        }
        List<ServletInfo> servlets = new ArrayList<>();
        NodeList servletNodes = xml.getElementsByTagName("servlet");
        for (int i = 0; i < servletNodes.getLength(); i++) {
            Element s = (Element) servletNodes.item(i);
            String name = text(s, "servlet-name");
            Class<?> type = Class.forName(text(s, "servlet-class"), false, PortalPolicy.class.getClassLoader());
            servlets.add(new ServletInfo(name, type, mappings.getOrDefault(name, List.of())));
        }
        return servlets;
    }

    private static String text(Element parent, String tag) {
        return parent.getElementsByTagName(tag).item(0).getTextContent().strip();
    }
}
